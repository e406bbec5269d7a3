# "Keep me signed in": session tokens in the OS keychain through QtKeychain
# (Debian: qtkeychain-qt6-dev). On the D-Bus platforms Qt DBus also asks the
# session bus why a keychain job failed (KeychainDiagnosis).
find_package(Qt6Keychain REQUIRED)
target_sources(apiaccess_client PRIVATE
    keychain/SessionKeychain.h keychain/SessionKeychain.cpp
    keychain/SessionEntry.h keychain/SessionEntry.cpp
    keychain/KeychainDiagnosis.h keychain/KeychainDiagnosis.cpp
)
target_link_libraries(apiaccess_client PRIVATE Qt6Keychain::Qt6Keychain)
if(UNIX AND NOT APPLE AND NOT ANDROID)
    find_package(Qt6 6.4 REQUIRED COMPONENTS DBus)
    target_link_libraries(apiaccess_client PRIVATE Qt6::DBus)
    target_compile_definitions(apiaccess_client PRIVATE APIACCESS_KEYCHAIN_DBUS=1)
else()
    target_compile_definitions(apiaccess_client PRIVATE APIACCESS_KEYCHAIN_DBUS=0)
endif()
