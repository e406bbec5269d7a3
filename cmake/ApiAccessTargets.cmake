# Settings every target of ours shares: warnings, Qt's strictness switches.
# Third-party code never goes through here.

function(apiaccess_configure_target target)
    if(MSVC)
        target_compile_options(${target} PRIVATE /W4 /permissive- /utf-8)
        if(APIACCESS_WARNINGS_AS_ERRORS)
            target_compile_options(${target} PRIVATE /WX)
        endif()
    else()
        target_compile_options(${target} PRIVATE
            -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
            -Wcast-align -Woverloaded-virtual -Wconversion
            -Wnull-dereference -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
        if(APIACCESS_WARNINGS_AS_ERRORS)
            target_compile_options(${target} PRIVATE -Werror)
        endif()
    endif()
    # No implicit conversions between QString and char*/QByteArray: every
    # encoding decision is written down. QT_NO_CONTEXTLESS_CONNECT takes
    # effect from Qt 6.7 on; it documents the rule until then.
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII
        QT_NO_CAST_TO_ASCII
        QT_NO_CAST_FROM_BYTEARRAY
        QT_NO_URL_CAST_FROM_STRING
        QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
        QT_NO_CONTEXTLESS_CONNECT
        QT_USE_QSTRINGBUILDER
        QT_NO_KEYWORDS)
endfunction()

# A Qt Test executable registered with CTest, linking only what it tests.
#   apiaccess_add_test(NAME tst_foo SOURCES tst_foo.cpp LIBRARIES apiaccess_core [LABELS unit])
function(apiaccess_add_test)
    cmake_parse_arguments(ARG "" "NAME" "SOURCES;LIBRARIES;LABELS" ${ARGN})
    add_executable(${ARG_NAME} ${ARG_SOURCES})
    apiaccess_configure_target(${ARG_NAME})
    target_link_libraries(${ARG_NAME} PRIVATE Qt6::Test ${ARG_LIBRARIES})
    add_test(NAME ${ARG_NAME} COMMAND ${ARG_NAME})
    set(labels ${ARG_LABELS})
    if(NOT labels)
        set(labels unit)
    endif()
    set_tests_properties(${ARG_NAME} PROPERTIES
        LABELS "${labels}"
        TIMEOUT 300
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_FORCE_STDERR_LOGGING=1")
endfunction()
