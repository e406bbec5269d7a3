# Commands against a real server; FakeHttpServer (tests/client) where it
# cannot be made to misbehave on demand.
foreach(test IN ITEMS tst_createtokencommand tst_copytokencommand tst_signincommand
                      tst_signincommand_tls)
    apiaccess_add_test(NAME ${test} SOURCES ${test}.cpp
        LIBRARIES apiaccess_ui apiaccess_server_testsupport LABELS "integration;ui")
endforeach()
target_include_directories(tst_createtokencommand PRIVATE "${PROJECT_SOURCE_DIR}/tests/client")
# The row actions through the main window, against a real server: every
# action and confirmation, the 412 conflict with two admins, and bulk
# actions with one failure injected by a relay (FaultProxy, tests/client).
foreach(test IN ITEMS tst_tokenactions tst_editconflict tst_bulkactions)
    apiaccess_add_test(NAME ${test} SOURCES ${test}.cpp
        LIBRARIES apiaccess_ui apiaccess_server_testsupport LABELS "integration;ui")
    target_include_directories(${test} PRIVATE "${CMAKE_CURRENT_SOURCE_DIR}/support"
        "${PROJECT_SOURCE_DIR}/tests/client")
endforeach()
