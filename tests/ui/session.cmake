# Profiles, Keep me signed in and the offline cache against a real server,
# the real Secret Service (tests/support/with-keyring: gnome-keyring on a
# private session bus) and real SQLite files; and on a desktop without a
# keychain (a bus with no Secret Service).
if(UNIX AND NOT APPLE)
    set(with_keyring "${PROJECT_SOURCE_DIR}/tests/support/with-keyring")
    foreach(test IN ITEMS tst_profilesession tst_profilesession_nokeychain)
        add_executable(${test} ${test}.cpp)
        apiaccess_configure_target(${test})
        target_link_libraries(${test} PRIVATE Qt6::Test apiaccess_ui
            apiaccess_server_testsupport)
        target_include_directories(${test} PRIVATE "${CMAKE_CURRENT_SOURCE_DIR}/support"
            "${PROJECT_SOURCE_DIR}/tests/client")
        add_dependencies(${test} apiaccess-server)
    endforeach()
    add_test(NAME tst_profilesession COMMAND "${with_keyring}" $<TARGET_FILE:tst_profilesession>)
    add_test(NAME tst_profilesession_nokeychain
        COMMAND "${with_keyring}" --no-secret-service $<TARGET_FILE:tst_profilesession_nokeychain>)
    set_tests_properties(tst_profilesession tst_profilesession_nokeychain PROPERTIES
        LABELS "integration;ui;keychain" TIMEOUT 300
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_FORCE_STDERR_LOGGING=1")
endif()
