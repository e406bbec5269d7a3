target_sources(apiaccess_server_lib PRIVATE
    auth/Authenticator.h auth/Authenticator.cpp
    auth/SignInThrottle.h auth/SignInThrottle.cpp
)
