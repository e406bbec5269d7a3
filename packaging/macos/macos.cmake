# macOS: "API Access Studio.app" in a drag-and-drop DMG (CPack DragNDrop).
# Included by packaging/CMakeLists.txt before include(CPack).
#
#   cmake --preset release -DCMAKE_PREFIX_PATH=$(brew --prefix)
#   cmake --build build/release
#   cpack --config build/release/CPackConfig.cmake -G DragNDrop -B build/installers
#
# The bundle holds the Studio and, next to it in Contents/MacOS, the server
# program for Start local sandbox (SandboxLauncher looks beside the Studio's
# executable). macdeployqt, through Qt's deploy API, copies Qt's frameworks
# and plugins and the Homebrew libraries both programs and Qt link
# (libsodium, OpenSSL, QtKeychain; ICU, GLib, HarfBuzz... for Homebrew's Qt)
# into Contents/Frameworks and rewrites their install names; their licences
# go to Contents/Resources/licenses. The bundle is then signed ad hoc,
# because Apple silicon refuses to run a binary whose signature macdeployqt
# has invalidated. For distribution outside the team, sign with a Developer
# ID and notarise instead.
# Needs Qt >= 6.5 for qt_generate_deploy_script and qt_deploy_translations.
# .github/workflows/installers.yml runs this; it has not been run on the
# machines this repository is developed on.
if(Qt6_VERSION VERSION_LESS 6.5)
    message(FATAL_ERROR "The macOS installer needs Qt 6.5 or later (found ${Qt6_VERSION})")
endif()

# --- The bundle ----------------------------------------------------------------

# Names and Info.plist: macos/info-plist.cmake.
get_property(_icns GLOBAL PROPERTY APIACCESS_ICON_ICNS)
set_target_properties(apiaccess-studio PROPERTIES
    MACOSX_BUNDLE ON
    OUTPUT_NAME "${APIACCESS_BUNDLE_EXECUTABLE}"
    MACOSX_BUNDLE_INFO_PLIST "${APIACCESS_MACOS_INFO_PLIST}")
# The icon, rendered at build time (resources/), into Contents/Resources.
# GENERATED is visible here (CMP0118); the dependency orders the build.
target_sources(apiaccess-studio PRIVATE "${_icns}")
set_source_files_properties("${_icns}" TARGET_DIRECTORY apiaccess-studio
    PROPERTIES MACOSX_PACKAGE_LOCATION Resources GENERATED TRUE)
add_dependencies(apiaccess-studio apiaccess_desktop_integration)

# --- What goes into the DMG: the bundle, at the root beside /Applications ---

set(_contents "${APIACCESS_BUNDLE_NAME}.app/Contents")
install(TARGETS apiaccess-studio BUNDLE DESTINATION . COMPONENT studio)
install(TARGETS apiaccess-server RUNTIME DESTINATION "${_contents}/MacOS" COMPONENT studio)
# Qt's own translations go to Contents/Resources/translations, which the
# qt.conf macdeployqt writes is told about (QLibraryInfo::TranslationsPath).
qt_generate_deploy_script(TARGET apiaccess-studio
    OUTPUT_SCRIPT APIACCESS_DEPLOY_SCRIPT
    CONTENT "
qt_deploy_runtime_dependencies(
    EXECUTABLE \"${APIACCESS_BUNDLE_NAME}.app\"
    ADDITIONAL_EXECUTABLES \"${_contents}/MacOS/$<TARGET_FILE_NAME:apiaccess-server>\"
    NO_TRANSLATIONS)
set(QT_DEPLOY_TRANSLATIONS_DIR \"${_contents}/Resources/translations\")
qt_deploy_translations(LOCALES de)
file(APPEND \"\${QT_DEPLOY_PREFIX}/${_contents}/Resources/qt.conf\"
    \"Translations = Resources/translations\\n\")
")
install(SCRIPT "${APIACCESS_DEPLOY_SCRIPT}" COMPONENT studio)
# Contents/Resources/licenses: the project's licence, and the notices and
# licence texts of what the bundle contains (Qt's LGPL-3.0 obligations
# among them; third-party/licenses.cmake). Then the licence files of every
# library macdeployqt took from Homebrew, found as the bundle is assembled
# (macos/homebrew-licenses.cmake): inside the bundle, so they travel with
# the app and are sealed by its signature.
set(APIACCESS_HOMEBREW_PREFIX "" CACHE PATH
    "Homebrew's prefix, whose libraries the bundle carries (empty: brew --prefix)")
if(NOT APIACCESS_HOMEBREW_PREFIX)
    find_program(APIACCESS_BREW brew)
    if(NOT APIACCESS_BREW)
        message(FATAL_ERROR "The macOS installer bundles Homebrew's libraries and their "
            "licences: brew not found (or set APIACCESS_HOMEBREW_PREFIX)")
    endif()
    execute_process(COMMAND "${APIACCESS_BREW}" --prefix
        OUTPUT_VARIABLE APIACCESS_HOMEBREW_PREFIX OUTPUT_STRIP_TRAILING_WHITESPACE
        COMMAND_ERROR_IS_FATAL ANY)
endif()
install(FILES "${APIACCESS_LICENSE_TEXT}" "${APIACCESS_THIRD_PARTY_NOTICES_MACOS}"
    ${APIACCESS_THIRD_PARTY_LICENSES_MACOS}
    DESTINATION "${_contents}/Resources/licenses" COMPONENT studio)
install(CODE "
set(APIACCESS_BUNDLE_CONTENTS \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${_contents}\")
set(APIACCESS_HOMEBREW_PREFIX \"${APIACCESS_HOMEBREW_PREFIX}\")
include(\"${CMAKE_CURRENT_LIST_DIR}/homebrew-licenses.cmake\")
" COMPONENT studio)
# Ad-hoc signature, inside out, after macdeployqt has rewritten the binaries.
install(CODE "
set(_app \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${APIACCESS_BUNDLE_NAME}.app\")
execute_process(COMMAND codesign --force --sign - \"\${_app}/Contents/MacOS/$<TARGET_FILE_NAME:apiaccess-server>\"
    COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND codesign --force --deep --sign - \"\${_app}\" COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND codesign --verify --deep --strict \"\${_app}\" COMMAND_ERROR_IS_FATAL ANY)
" COMPONENT studio)

# --- CPack DragNDrop -----------------------------------------------------------

set(CPACK_GENERATOR "DragNDrop")
# One bundle, no components: the DMG's root is the install prefix, so
# nothing on macOS installs outside the bundle (resources/ installs man
# pages, icons and the desktop entry on Linux only).
set(CPACK_MONOLITHIC_INSTALL ON)
set(CPACK_DMG_VOLUME_NAME "${APIACCESS_BUNDLE_NAME}")
set(CPACK_DMG_FORMAT UDZO)
set(CPACK_PACKAGE_FILE_NAME "apiaccess-studio-${PROJECT_VERSION}-macos-${CMAKE_SYSTEM_PROCESSOR}")
# The /Applications link beside the bundle is CPack's default.
