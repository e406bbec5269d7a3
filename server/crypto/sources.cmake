target_sources(apiaccess_server_lib PRIVATE
    crypto/MasterKey.h crypto/MasterKey.cpp
    crypto/SecretVault.h crypto/SecretVault.cpp
    crypto/PasswordHash.h crypto/PasswordHash.cpp
)
