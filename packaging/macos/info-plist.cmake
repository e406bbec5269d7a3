# Info.plist of "API Access Studio.app", configured on every platform:
# macos.cmake makes it the bundle's, and on Linux the recipe test checks it.
#   out: APIACCESS_BUNDLE_NAME, APIACCESS_BUNDLE_EXECUTABLE,
#        APIACCESS_BUNDLE_ICON, APIACCESS_MACOS_INFO_PLIST
set(APIACCESS_BUNDLE_NAME "API Access Studio")
set(APIACCESS_BUNDLE_EXECUTABLE "${APIACCESS_BUNDLE_NAME}")
get_property(_icns GLOBAL PROPERTY APIACCESS_ICON_ICNS)
cmake_path(GET _icns FILENAME APIACCESS_BUNDLE_ICON)
if(APPLE AND NOT CMAKE_OSX_DEPLOYMENT_TARGET)
    message(FATAL_ERROR "Set CMAKE_OSX_DEPLOYMENT_TARGET (the oldest macOS the bundle runs on; "
        "Info.plist's LSMinimumSystemVersion)")
endif()
set(APIACCESS_MACOS_MINIMUM "${CMAKE_OSX_DEPLOYMENT_TARGET}")
if(NOT APPLE)
    # Only the Linux check configures it off a Mac; the installers workflow's.
    set(APIACCESS_MACOS_MINIMUM "15.0")
endif()
set(APIACCESS_MACOS_INFO_PLIST "${CMAKE_CURRENT_BINARY_DIR}/macos/Info.plist")
configure_file("${CMAKE_CURRENT_LIST_DIR}/Info.plist.in" "${APIACCESS_MACOS_INFO_PLIST}" @ONLY)
