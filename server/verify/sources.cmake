target_sources(apiaccess_server_lib PRIVATE
    verify/TokenCache.h verify/TokenCache.cpp
    verify/UsageRecorder.h verify/UsageRecorder.cpp
    verify/Verifier.h verify/Verifier.cpp
    verify/TokenChangeFeed.h verify/TokenChangeFeed.cpp
)
