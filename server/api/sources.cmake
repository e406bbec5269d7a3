target_sources(apiaccess_server_lib PRIVATE
    api/ApiContext.h
    api/ApiRoutes.h api/ApiRoutes.cpp
    api/Handlers.h
    api/HandlerSupport.h api/HandlerSupport.cpp
    api/Problems.h api/Problems.cpp
    api/SessionHandlers.cpp
    api/TokenJson.h api/TokenJson.cpp
    api/ChangeCursor.h api/ChangeCursor.cpp
    api/TokenFeed.h api/TokenFeed.cpp
    api/TokenReadHandlers.cpp
    api/TokenWriteHandlers.cpp
    api/VerifyHandlers.cpp
    api/OpsHandlers.cpp
)
