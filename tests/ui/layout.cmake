# Nothing clipped: the main window and every dialog, at 100 %, at 200 %
# (QT_SCALE_FACTOR=2) and with text twice as large as the platform's
# (APIACCESS_TEST_FONT_SCALE=2: the test sets the application font).
apiaccess_add_test(NAME tst_layoutfit SOURCES tst_layoutfit.cpp support/ClippingCheck.h
    LIBRARIES apiaccess_ui LABELS "unit;ui")
target_include_directories(tst_layoutfit PRIVATE "${CMAKE_CURRENT_SOURCE_DIR}/support")
foreach(variant IN ITEMS "200percent;QT_SCALE_FACTOR=2" "largetext;APIACCESS_TEST_FONT_SCALE=2")
    list(GET variant 0 name)
    list(GET variant 1 setting)
    add_test(NAME tst_layoutfit_${name} COMMAND tst_layoutfit)
    set_tests_properties(tst_layoutfit_${name} PROPERTIES LABELS "unit;ui" TIMEOUT 300
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_FORCE_STDERR_LOGGING=1;${setting}")
endforeach()
