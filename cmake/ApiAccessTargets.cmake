# Settings every target of ours shares: warnings, Qt's strictness switches,
# Linux hardening. Third-party code never goes through here.

# Linux hardening that lintian asks for (hardening-no-bindnow,
# hardening-no-fortify-functions), plus the stack protector Debian's gcc
# leaves off. _FORTIFY_SOURCE needs optimisation (glibc warns at -O0, so only
# optimised configurations get it) and is left alone where the compiler or
# CMAKE_CXX_FLAGS already set it, and in sanitizer builds (the asan and fuzz
# presets), where glibc's checked functions would hide errors from ASan.
set(APIACCESS_LINUX_HARDENING OFF)
if(CMAKE_SYSTEM_NAME STREQUAL "Linux" AND CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    set(APIACCESS_LINUX_HARDENING ON)
    include(CheckCXXSourceCompiles)
    set(CMAKE_REQUIRED_FLAGS -O2)
    set(CMAKE_REQUIRED_QUIET ON)
    check_cxx_source_compiles("#ifdef _FORTIFY_SOURCE\n#error set already\n#endif\nint main() {}"
        APIACCESS_FORTIFY_UNSET)
    unset(CMAKE_REQUIRED_FLAGS)
    unset(CMAKE_REQUIRED_QUIET)
endif()

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
    if(APIACCESS_LINUX_HARDENING)
        target_compile_options(${target} PRIVATE -fstack-protector-strong)
        if(APIACCESS_FORTIFY_UNSET AND NOT CMAKE_CXX_FLAGS MATCHES "-fsanitize=")
            target_compile_definitions(${target} PRIVATE
                $<$<CONFIG:Release,RelWithDebInfo,MinSizeRel>:_FORTIFY_SOURCE=2>)
        endif()
        # Full RELRO; link options are ignored for static libraries.
        target_link_options(${target} PRIVATE LINKER:-z,relro LINKER:-z,now)
    endif()
    # No implicit conversions between QString and char*/QByteArray: every
    # encoding decision is written down. QT_NO_CONTEXTLESS_CONNECT takes
    # effect from Qt 6.7 on; it documents the rule until then. Qt 6.4 is the
    # floor, so APIs deprecated after it (their replacements are newer) do not
    # warn with a newer Qt (6.8 on Windows, Homebrew's on macOS).
    target_compile_definitions(${target} PRIVATE
        QT_WARN_DEPRECATED_UP_TO=0x060400
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

# Registers test `test` a second time as `${test}_postgresql`: the same
# binary under tests/support/with-postgres, which gives it a private
# throw-away PostgreSQL 15 cluster and APIACCESS_TEST_BACKEND=postgresql
# (see tests/server/support/TestDatabase.h). The server's suites prove
# every behaviour on both backends this way.
function(apiaccess_add_postgresql_variant test)
    add_test(NAME ${test}_postgresql
        COMMAND "${PROJECT_SOURCE_DIR}/tests/support/with-postgres" $<TARGET_FILE:${test}>)
    get_test_property(${test} LABELS labels)
    set_tests_properties(${test}_postgresql PROPERTIES
        LABELS "${labels};postgresql"
        TIMEOUT 300
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_FORCE_STDERR_LOGGING=1")
endfunction()
