target_sources(apiaccess_server_lib PRIVATE
    ops/Metrics.h ops/Metrics.cpp
    ops/RequestLog.h ops/RequestLog.cpp
)
