# Commands against a real server; FakeHttpServer (tests/client) where it
# cannot be made to misbehave on demand.
foreach(test IN ITEMS tst_createtokencommand tst_copytokencommand tst_signincommand
                      tst_signincommand_tls)
    apiaccess_add_test(NAME ${test} SOURCES ${test}.cpp
        LIBRARIES apiaccess_ui apiaccess_server_testsupport LABELS "integration;ui")
endforeach()
target_include_directories(tst_createtokencommand PRIVATE "${PROJECT_SOURCE_DIR}/tests/client")
