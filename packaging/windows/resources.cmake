# The Studio's Windows resource script (icon and version block), configured
# on every platform: windows.cmake compiles it into apiaccess-studio.exe, and
# on Linux the recipe test compiles it with llvm-rc.
#   out: APIACCESS_WINDOWS_RC
get_property(APIACCESS_RC_ICON GLOBAL PROPERTY APIACCESS_ICON_ICO)
if(CMAKE_BUILD_TYPE STREQUAL "Debug")
    set(APIACCESS_RC_FILEFLAGS "VS_FF_DEBUG")
else()
    set(APIACCESS_RC_FILEFLAGS "0x0L")
endif()
set(APIACCESS_WINDOWS_RC "${CMAKE_CURRENT_BINARY_DIR}/windows/apiaccess-studio.rc")
configure_file("${CMAKE_CURRENT_LIST_DIR}/apiaccess-studio.rc.in" "${APIACCESS_WINDOWS_RC}" @ONLY)
