target_sources(apiaccess_server_lib PRIVATE
    http/HttpMessage.h http/HttpMessage.cpp
    http/HttpServer.h http/HttpServer.cpp
    http/HttpExchange.h http/HttpExchange.cpp
    http/HttpSession.h http/HttpConnections.h
    http/PercentDecoding.h http/PercentDecoding.cpp
    http/Router.h http/Router.cpp
    http/ClientAddress.h http/ClientAddress.cpp
)
