# The API Tokens page with a model and no server.
apiaccess_add_test(NAME tst_apitokenspage SOURCES tst_apitokenspage.cpp
    LIBRARIES apiaccess_ui LABELS "unit;ui")

# The main window against a real server, and the real apiaccess-studio binary
# on its own sandbox (--screenshot); the session ending mid-work.
foreach(test IN ITEMS tst_mainwindow tst_signinagain)
    apiaccess_add_test(NAME ${test} SOURCES ${test}.cpp
        LIBRARIES apiaccess_ui apiaccess_server_testsupport LABELS "integration;ui")
endforeach()
target_include_directories(tst_mainwindow PRIVATE "${CMAKE_CURRENT_SOURCE_DIR}/support")
target_compile_definitions(tst_mainwindow PRIVATE
    APIACCESS_STUDIO_BINARY="$<TARGET_FILE:apiaccess-studio>")
add_dependencies(tst_mainwindow apiaccess-studio)
