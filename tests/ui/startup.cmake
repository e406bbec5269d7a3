# The command line and the start-up paths, against a real server.
apiaccess_add_test(NAME tst_studiostartup SOURCES tst_studiostartup.cpp
    LIBRARIES apiaccess_ui apiaccess_server_testsupport LABELS "integration;ui")
