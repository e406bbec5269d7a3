# `cmake --build <dir> --target format` rewrites our sources with the
# repository's .clang-format; `format-check` fails if anything would change.
find_program(CLANG_FORMAT_EXECUTABLE NAMES clang-format clang-format-14)

if(CLANG_FORMAT_EXECUTABLE)
    set(_format_dirs core models client ui app server tests bench tools)
    set(_format_globs)
    foreach(dir IN LISTS _format_dirs)
        list(APPEND _format_globs
            "${PROJECT_SOURCE_DIR}/${dir}/*.cpp"
            "${PROJECT_SOURCE_DIR}/${dir}/*.h")
    endforeach()
    file(GLOB_RECURSE _format_sources CONFIGURE_DEPENDS ${_format_globs})
    add_custom_target(format
        COMMAND ${CLANG_FORMAT_EXECUTABLE} -i --style=file ${_format_sources}
        WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
        COMMENT "clang-format: rewriting sources"
        VERBATIM)
    add_custom_target(format-check
        COMMAND ${CLANG_FORMAT_EXECUTABLE} --dry-run --Werror --style=file ${_format_sources}
        WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
        COMMENT "clang-format: checking sources"
        VERBATIM)
endif()

# The same check as a test, so a badly formatted file fails scripts/test (CI).
if(CLANG_FORMAT_EXECUTABLE AND APIACCESS_BUILD_TESTS)
    add_test(NAME format-check
        COMMAND ${CLANG_FORMAT_EXECUTABLE} --dry-run --Werror --style=file ${_format_sources}
        WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
    set_tests_properties(format-check PROPERTIES LABELS lint)
endif()
