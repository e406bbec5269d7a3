# Tests of the translations (issue 7), included by ../CMakeLists.txt.

# tst_translations: the Studio's own widgets and texts under the German
# translator, plural forms, and the .ts files' completeness. It embeds the
# same .qm files as apiaccess-studio, at the same place (:/i18n).
apiaccess_add_test(NAME tst_translations
    SOURCES tests/tst_translations.cpp
    LIBRARIES apiaccess_ui
    LABELS "unit;i18n")
target_compile_definitions(tst_translations PRIVATE
    APIACCESS_TS_DIR="${CMAKE_CURRENT_SOURCE_DIR}")
set(studio_qm_files "")
foreach(ts IN LISTS studio_ts_files)
    cmake_path(GET ts STEM stem)
    list(APPEND studio_qm_files "${CMAKE_CURRENT_BINARY_DIR}/${stem}.qm")
endforeach()
qt_add_resources(tst_translations tst_translations_qm
    PREFIX /i18n
    BASE "${CMAKE_CURRENT_BINARY_DIR}"
    FILES ${studio_qm_files})
add_dependencies(tst_translations apiaccess-studio_lrelease)

# The real binary follows the system language before it parses the command
# line: --help in a German environment is German, Qt's own words included
# when qt6-translations-l10n is installed ("Aufruf:" is qtbase's "Usage:").
add_test(NAME studio-help-german COMMAND apiaccess-studio --help)
set_tests_properties(studio-help-german PROPERTIES
    LABELS "unit;i18n"
    TIMEOUT 60
    ENVIRONMENT "LANGUAGE=de;LANG=de_DE.UTF-8;LC_ALL=;LC_MESSAGES=;QT_QPA_PLATFORM=offscreen"
    PASS_REGULAR_EXPRESSION "Diese Hilfe anzeigen und beenden\\.")
# The value names are translated too: "--screenshot <DATEI>".
add_test(NAME studio-help-german-value-names COMMAND apiaccess-studio --help)
set_tests_properties(studio-help-german-value-names PROPERTIES
    LABELS "unit;i18n"
    TIMEOUT 60
    ENVIRONMENT "LANGUAGE=de;LANG=de_DE.UTF-8;LC_ALL=;LC_MESSAGES=;QT_QPA_PLATFORM=offscreen"
    PASS_REGULAR_EXPRESSION "--screenshot <DATEI>")
if(EXISTS "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_TRANSLATIONS}/qtbase_de.qm")
    add_test(NAME studio-help-german-qtbase COMMAND apiaccess-studio --help)
    set_tests_properties(studio-help-german-qtbase PROPERTIES
        LABELS "unit;i18n"
        TIMEOUT 60
        ENVIRONMENT "LANGUAGE=de;LANG=de_DE.UTF-8;LC_ALL=;LC_MESSAGES=;QT_QPA_PLATFORM=offscreen"
        PASS_REGULAR_EXPRESSION "Aufruf: ")
endif()

string(JOIN "," ts_file_names ${studio_ts_files})
# The .ts files hold exactly what lupdate extracts from today's sources:
# a new or changed tr() string fails here until apiaccess-studio_lupdate
# has run (and tst_translations then asks for its German text).
add_test(NAME translations-up-to-date
    COMMAND "${CMAKE_COMMAND}"
        "-DLUPDATE=$<TARGET_FILE:Qt6::lupdate>"
        "-DGENERATE_PROJECT=${Qt6LinguistTools_DIR}/GenerateLUpdateProject.cmake"
        "-DPROJECT_CMAKE=${CMAKE_CURRENT_BINARY_DIR}/.lupdate/apiaccess-studio_project.cmake"
        "-DTS_DIR=${CMAKE_CURRENT_SOURCE_DIR}"
        "-DTS_FILES=${ts_file_names}"
        "-DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/translations-up-to-date"
        -P "${CMAKE_CURRENT_SOURCE_DIR}/tests/check_up_to_date.cmake")
set_tests_properties(translations-up-to-date PROPERTIES
    LABELS "unit;i18n"
    TIMEOUT 120)
