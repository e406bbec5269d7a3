# Integration tests: the real apiaccess-server binary over real HTTP on
# 127.0.0.1:0 (support/ServerProcess), each on SQLite in a temporary data
# directory and again (*_postgresql) on a private PostgreSQL cluster.
add_library(apiaccess_server_testsupport STATIC
    support/ServerProcess.h support/ServerProcess.cpp
    support/ApiTestClient.h support/ApiTestClient.cpp
    support/ApiAssertions.h support/ApiAssertions.cpp
    support/SignedInServer.h support/SignedInServer.cpp
    support/TestCertificates.h support/TestCertificates.cpp
    support/ProcessScan.h support/ProcessScan.cpp)
apiaccess_configure_target(apiaccess_server_testsupport)
target_include_directories(apiaccess_server_testsupport PUBLIC "${CMAKE_CURRENT_SOURCE_DIR}/support")
target_link_libraries(apiaccess_server_testsupport PUBLIC apiaccess_core apiaccess_testdatabase
    Qt6::Network Qt6::Test)
target_compile_definitions(apiaccess_server_testsupport PRIVATE
    APIACCESS_SERVER_BINARY="$<TARGET_FILE:apiaccess-server>")
add_dependencies(apiaccess_server_testsupport apiaccess-server)

set(server_integration_tests
    tst_server_cli
    tst_server_sessions
    tst_server_tokens
    tst_server_tokens_auth
    tst_server_tokens_write
    tst_server_tokens_changes
    tst_server_verify
    tst_server_verify_network
    tst_server_protocol
    tst_server_durability
    tst_server_backup
)
foreach(test IN LISTS server_integration_tests)
    apiaccess_add_test(NAME ${test} SOURCES ${test}.cpp
        LIBRARIES apiaccess_server_testsupport LABELS "integration;server")
    apiaccess_add_postgresql_variant(${test})
endforeach()

# Several instances on one PostgreSQL, alone and behind a real nginx with
# the shipped configuration (packaging/nginx): only meaningful there, so
# these run only under with-postgres (and fail, never skip, anywhere else).
foreach(test IN ITEMS tst_server_instances tst_server_nginx)
    add_executable(${test} ${test}.cpp)
    apiaccess_configure_target(${test})
    target_link_libraries(${test} PRIVATE Qt6::Test apiaccess_server_testsupport)
    add_test(NAME ${test}
        COMMAND "${PROJECT_SOURCE_DIR}/tests/support/with-postgres" $<TARGET_FILE:${test}>)
    set_tests_properties(${test} PROPERTIES
        LABELS "integration;server;postgresql" TIMEOUT 600
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_FORCE_STDERR_LOGGING=1")
endforeach()
set_property(TEST tst_server_nginx APPEND PROPERTY LABELS nginx)
target_compile_definitions(tst_server_nginx PRIVATE
    APIACCESS_NGINX_CONFIG_DIR="${PROJECT_SOURCE_DIR}/packaging/nginx")
