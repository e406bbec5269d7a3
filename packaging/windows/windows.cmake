# Windows: the Studio as an MSI built by CPack's WiX generator (WiX 3).
# Included by packaging/CMakeLists.txt before include(CPack).
#
#   cmake --preset release -DCMAKE_PREFIX_PATH=<Qt>   (MSVC developer prompt, Ninja)
#   cmake --build build/release
#   cpack --config build/release/CPackConfig.cmake -G WIX -B build/installers
#
# Only the Studio: apiaccess-server is POSIX-only and not built on Windows
# (APIACCESS_BUILD_SERVER), so the Windows Studio signs in to real servers
# and its sign-in dialog offers no local sandbox.
#
# Layout under C:\Program Files\API Access Studio\: bin\apiaccess-studio.exe
# with Qt's DLLs and qt.conf beside it, plugins\, translations\ (windeployqt
# through Qt's deploy API), and licenses\ (LICENSE.txt, THIRD-PARTY-NOTICES.txt
# and the licence texts it names). The Start-menu entry "API Access Studio"
# and the uninstaller (Add/Remove Programs and a Start-menu entry) come from WiX.
# Needs Qt >= 6.5 for qt_generate_deploy_script and qt_deploy_translations.
# .github/workflows/installers.yml runs this; it has not been run on the
# machines this repository is developed on.
if(Qt6_VERSION VERSION_LESS 6.5)
    message(FATAL_ERROR "The Windows installer needs Qt 6.5 or later (found ${Qt6_VERSION})")
endif()

# --- The executable: GUI subsystem, icon and version resources -------------

# APIACCESS_WINDOWS_RC: windows/resources.cmake.
target_sources(apiaccess-studio PRIVATE "${APIACCESS_WINDOWS_RC}")
# The .ico is rendered at build time (resources/): the resource compiler
# must run after it.
add_dependencies(apiaccess-studio apiaccess_desktop_integration)
set_target_properties(apiaccess-studio PROPERTIES WIN32_EXECUTABLE ON)

# --- What goes into the MSI --------------------------------------------------

install(TARGETS apiaccess-studio RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT studio)
# windeployqt copies Qt's DLLs and the plugins the Studio needs (platforms,
# styles, sqldrivers for the offline cache, tls for HTTPS, imageformats).
# It takes qt6keychain.dll for a Qt module, so QtKeychain must be installed
# into Qt's own prefix (the workflow does); it then copies it as well.
# Qt's own translations are deployed as one merged qt_<lang>.qm per
# language the Studio has (app/main.cpp loads it through qt.conf).
qt_generate_deploy_script(TARGET apiaccess-studio
    OUTPUT_SCRIPT APIACCESS_DEPLOY_SCRIPT
    CONTENT [[
qt_deploy_runtime_dependencies(
    EXECUTABLE "${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:apiaccess-studio>"
    GENERATE_QT_CONF
    NO_TRANSLATIONS
    NO_COMPILER_RUNTIME)
qt_deploy_translations(LOCALES de)
]])
install(SCRIPT "${APIACCESS_DEPLOY_SCRIPT}" COMPONENT studio)
# The MSVC runtime next to the executable: an MSI cannot run vc_redist.exe.
set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION "${CMAKE_INSTALL_BINDIR}")
set(CMAKE_INSTALL_SYSTEM_RUNTIME_COMPONENT studio)
include(InstallRequiredSystemLibraries)
# licenses\: the project's licence, and the notices and licence texts of
# what the MSI bundles (Qt's LGPL-3.0 obligations among them): they travel
# with the binaries (third-party/licenses.cmake).
install(FILES "${APIACCESS_LICENSE_TEXT}" "${APIACCESS_THIRD_PARTY_NOTICES_WINDOWS}"
    ${APIACCESS_THIRD_PARTY_LICENSES_WINDOWS}
    DESTINATION licenses COMPONENT studio)

# --- CPack WIX -----------------------------------------------------------------

set(CPACK_GENERATOR "WIX")
set(CPACK_COMPONENTS_ALL studio)
set(CPACK_PACKAGE_NAME "API Access Studio")
# One folder for every version (the default would be "<name> <version>").
set(CPACK_PACKAGE_INSTALL_DIRECTORY "API Access Studio")
set(CPACK_PACKAGE_FILE_NAME "apiaccess-studio-${PROJECT_VERSION}-windows-x64")
# Start-menu entry: bin\apiaccess-studio.exe, labelled as the app is called.
set(CPACK_PACKAGE_EXECUTABLES "apiaccess-studio;API Access Studio")
set(CPACK_WIX_PROGRAM_MENU_FOLDER "API Access Studio")
# Never change: Windows Installer recognises earlier versions by it and
# replaces them on upgrade (MajorUpgrade; downgrades are refused).
set(CPACK_WIX_UPGRADE_GUID "6F1C2B0E-8A43-4D7B-9E35-2C0B7D51A9F4")
set(CPACK_WIX_ARCHITECTURE x64)
# For every user of the machine, like the Linux packages. Never change it
# either: an MSI of another scope cannot upgrade this one cleanly.
set(CPACK_WIX_INSTALL_SCOPE perMachine)
get_property(CPACK_WIX_PRODUCT_ICON GLOBAL PROPERTY APIACCESS_ICON_ICO)
set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_WIX_PROPERTY_ARPHELPLINK "${PROJECT_HOMEPAGE_URL}/issues")
set(CPACK_WIX_PROPERTY_ARPCOMMENTS "${PROJECT_DESCRIPTION}")
# The installer's licence page: the project's licence terms, and where the
# third-party licences are.
set(CPACK_RESOURCE_FILE_LICENSE "${APIACCESS_WINDOWS_LICENSE_PAGE}")
