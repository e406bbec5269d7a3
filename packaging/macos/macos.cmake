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
# and plugins and the Homebrew libraries both programs link (libsodium,
# OpenSSL, QtKeychain) into Contents/Frameworks and rewrites their install
# names; the bundle is then signed ad hoc, because Apple silicon refuses to
# run a binary whose signature macdeployqt has invalidated. For distribution
# outside the team, sign with a Developer ID and notarise instead.
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
