# What the Windows and macOS installers carry about licences: LICENSE.txt,
# THIRD-PARTY-NOTICES.txt and the texts it names, all in a folder "licenses"
# (Windows: in the installation folder; macOS: Contents/Resources of the
# bundle). Those installers bundle Qt, QtKeychain and (macOS) libsodium,
# OpenSSL and Homebrew's other libraries; the Linux packages bundle nothing
# (they depend on the distribution's libraries), so they carry only the
# Debian copyright file (linux/).
#
# Configured on every platform, so the Linux build checks them
# (tests/check-platform-recipes); windows/windows.cmake and macos/macos.cmake
# install them. Sets, for PLATFORM WINDOWS and MACOS:
#   APIACCESS_THIRD_PARTY_NOTICES_<PLATFORM>   the configured THIRD-PARTY-NOTICES.txt
#   APIACCESS_THIRD_PARTY_LICENSES_<PLATFORM>  the licence texts it names
# and APIACCESS_WINDOWS_LICENSE_PAGE, the text of the MSI's licence page.
# (The checks also read licenses.list beside each THIRD-PARTY-NOTICES.txt.)
set(_third_party "${CMAKE_CURRENT_LIST_DIR}")
set(_out "${CMAKE_CURRENT_BINARY_DIR}/third-party")

# The Qt the installer bundles, whose source the notices point to. The
# recipes deploy the Qt they were configured with, so this is exact.
set(APIACCESS_QT_VERSION "${Qt6_VERSION}")
set(APIACCESS_QT_MAJOR_VERSION "${Qt6_VERSION_MAJOR}")
set(APIACCESS_QT_MINOR_VERSION "${Qt6_VERSION_MAJOR}.${Qt6_VERSION_MINOR}")

foreach(platform IN ITEMS windows macos)
    string(TOUPPER "${platform}" _platform)
    set(APIACCESS_THIRD_PARTY_NOTICES_${_platform} "${_out}/${platform}/THIRD-PARTY-NOTICES.txt")
    configure_file("${_third_party}/THIRD-PARTY-NOTICES-${platform}.txt.in"
        "${APIACCESS_THIRD_PARTY_NOTICES_${_platform}}" @ONLY)
endforeach()

# Qt is LGPL-3.0-only, whose text builds on the GPL-3.0's: both go along.
set(APIACCESS_THIRD_PARTY_LICENSES_WINDOWS
    "${_third_party}/LGPL-3.0.txt"
    "${_third_party}/GPL-3.0.txt"
    "${_third_party}/QtKeychain-BSD-3-Clause.txt")
# OpenSSL's licence is the Apache License 2.0 (Apache-2.0.txt, unmodified;
# LICENSE.txt is the project's own copy with its copyright line).
set(APIACCESS_THIRD_PARTY_LICENSES_MACOS
    ${APIACCESS_THIRD_PARTY_LICENSES_WINDOWS}
    "${_third_party}/libsodium-ISC.txt"
    "${_third_party}/Apache-2.0.txt"
    "${_third_party}/BSL-1.0.txt")

# For tests/check-platform-recipes: what each recipe installs beside the
# notices, one path a line.
foreach(platform IN ITEMS WINDOWS MACOS)
    list(JOIN APIACCESS_THIRD_PARTY_LICENSES_${platform} "\n" _list)
    get_filename_component(_dir "${APIACCESS_THIRD_PARTY_NOTICES_${platform}}" DIRECTORY)
    file(CONFIGURE OUTPUT "${_dir}/licenses.list" CONTENT "@_list@\n" @ONLY)
endforeach()

# The MSI's licence page (WiX turns the text into RTF): the project's
# licence, after a word on what else the installation contains.
file(READ "${APIACCESS_LICENSE_TEXT}" _license)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${APIACCESS_LICENSE_TEXT}")
set(APIACCESS_WINDOWS_LICENSE_PAGE "${_out}/windows/license-page.txt")
file(CONFIGURE OUTPUT "${APIACCESS_WINDOWS_LICENSE_PAGE}" CONTENT
"API Access Studio is licensed under the Apache License, Version 2.0, which
follows. The installation also contains Qt (GNU LGPL version 3), QtKeychain
(BSD-3-Clause) and the Microsoft Visual C++ runtime, each under its own
licence: see THIRD-PARTY-NOTICES.txt in the folder \"licenses\" of the
installation, which also says where to get Qt's source code.

@_license@" @ONLY)
