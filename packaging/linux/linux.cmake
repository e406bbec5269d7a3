# Linux: Debian and RPM packages of the two programs, and one TGZ with both.
# Included by packaging/CMakeLists.txt before include(CPack).
#
#   cpack --config <build>/CPackConfig.cmake -G DEB    apiaccess-studio_*.deb, apiaccess-server_*.deb
#   cpack --config <build>/CPackConfig.cmake -G RPM    apiaccess-studio-*.rpm, apiaccess-server-*.rpm
#   cpack --config <build>/CPackConfig.cmake -G TGZ    one archive with both
#
# Runtime dependencies are computed (dpkg-shlibdeps, rpm's find-requires);
# only what neither can see, libraries and plugins loaded at run time, is
# named here.
set(CPACK_GENERATOR "DEB;RPM;TGZ")
set(CPACK_COMPONENTS_ALL studio server)

# --- What goes into the packages ---------------------------------------

# Both land in /usr/bin: the Studio's sandbox finds the server next to its
# own executable (client/sandbox/SandboxLauncher.cpp).
install(TARGETS apiaccess-studio RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT studio)
install(TARGETS apiaccess-server RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT server)

# The unit goes where Debian 12 keeps package units (/lib/systemd/system; on
# a merged /usr that is /usr/lib/systemd/system as well).
set(APIACCESS_SYSTEMD_UNIT_DIR "/lib/systemd/system"
    CACHE PATH "Where the package installs apiaccess-server.service")
install(FILES "${CMAKE_CURRENT_LIST_DIR}/systemd/apiaccess-server.service"
    DESTINATION "${APIACCESS_SYSTEMD_UNIT_DIR}" COMPONENT server)
install(FILES "${CMAKE_CURRENT_LIST_DIR}/systemd/apiaccess-server.sysusers"
    DESTINATION lib/sysusers.d RENAME apiaccess-server.conf COMPONENT server)
install(FILES "${CMAKE_CURRENT_LIST_DIR}/systemd/apiaccess-server.default"
    DESTINATION /etc/default RENAME apiaccess-server COMPONENT server)
# The tested nginx configuration (packaging/nginx, docs/deploy.md) as
# examples to copy: not active anywhere until an administrator includes it.
file(GLOB apiaccess_nginx_files "${PROJECT_SOURCE_DIR}/packaging/nginx/*.conf")
install(FILES ${apiaccess_nginx_files}
    DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/doc/apiaccess-server/nginx" COMPONENT server)
install(FILES "${PROJECT_SOURCE_DIR}/docs/deploy.md"
    DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/doc/apiaccess-server" COMPONENT server)

# Debian wants a copyright file and a changelog in every package's doc folder.
string(TIMESTAMP APIACCESS_DEB_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
set(APIACCESS_DEB_RELEASE 1)
set(APIACCESS_DEB_VERSION "${PROJECT_VERSION}-${APIACCESS_DEB_RELEASE}")
find_program(APIACCESS_GZIP gzip REQUIRED)
# The copyright file names the licence and points to Debian's copy of its
# text (/usr/share/common-licenses), as Debian policy asks for Apache-2.0
# (lintian: copyright-file-contains-full-apache-2-license). Its standalone
# License paragraph is Apache-2.0's grant: another licence needs another one.
if(NOT APIACCESS_LICENSE STREQUAL "Apache-2.0")
    message(FATAL_ERROR "debian/copyright.in has the licence paragraph of Apache-2.0, "
        "not of ${APIACCESS_LICENSE}: update it together with APIACCESS_LICENSE")
endif()
foreach(package IN ITEMS apiaccess-studio apiaccess-server)
    if(package STREQUAL "apiaccess-studio")
        set(component studio)
    else()
        set(component server)
    endif()
    set(APIACCESS_DEB_PACKAGE "${package}")
    set(doc "${CMAKE_CURRENT_BINARY_DIR}/doc/${package}")
    configure_file("${CMAKE_CURRENT_LIST_DIR}/debian/copyright.in" "${doc}/copyright" @ONLY)
    configure_file("${CMAKE_CURRENT_LIST_DIR}/debian/changelog.in" "${doc}/changelog.Debian" @ONLY)
    # -n: no name or time stamp in the gzip header, so the file is reproducible.
    execute_process(
        COMMAND "${APIACCESS_GZIP}" -9nf "${doc}/changelog.Debian"
        RESULT_VARIABLE gzip_result)
    if(NOT gzip_result EQUAL 0)
        message(FATAL_ERROR "gzip of ${doc}/changelog.Debian failed")
    endif()
    install(FILES "${doc}/copyright" "${doc}/changelog.Debian.gz"
        DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/doc/${package}" COMPONENT ${component})
    # Overrides of lintian tags, each with the reason next to it.
    if(EXISTS "${CMAKE_CURRENT_LIST_DIR}/debian/${package}.lintian-overrides")
        install(FILES "${CMAKE_CURRENT_LIST_DIR}/debian/${package}.lintian-overrides"
            DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/lintian/overrides"
            RENAME "${package}" COMPONENT ${component})
    endif()
endforeach()

# Debian. Section net for both: the server is a network daemon and the
# Studio a client of it; neither administers the local system ("admin").
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE ${APIACCESS_DEB_RELEASE})
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_STUDIO_PACKAGE_NAME apiaccess-studio)
# What dpkg-shlibdeps cannot see: Qt loads its SQLite driver (the offline
# cache) as a plugin, and QtKeychain dlopen()s libsecret to reach the Secret
# Service; Debian's libqt6keychain1 does not depend on it. The platform
# plugins xcb and offscreen are in libqt6gui6, which shlibdeps finds.
set(CPACK_DEBIAN_STUDIO_PACKAGE_DEPENDS "libqt6sql6-sqlite, libsecret-1-0")
# A keyring daemon keeps the session (without one the Studio keeps it in
# memory only and says so); qt6-wayland runs it natively on Wayland instead
# of through XWayland; qt6-translations-l10n translates Qt's own buttons; the
# server runs the sandbox ("Start local sandbox").
set(CPACK_DEBIAN_STUDIO_PACKAGE_RECOMMENDS
    "gnome-keyring | kwalletmanager, qt6-wayland, qt6-translations-l10n, apiaccess-server (= ${APIACCESS_DEB_VERSION})")
set(CPACK_DEBIAN_STUDIO_DESCRIPTION
"desktop app to manage API tokens
API Access Studio is the desktop home for the API tokens administrators hand
to third-party services: a table of tokens with search and filters, the
Create API token dialog (name, access level, allowed IP ranges), a copy
button per token, and edit, rotate, disable, enable and delete.
Sessions are kept in the system keychain, never passwords.")

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME apiaccess-server)
# Qt's SQLite driver is a plugin; adduser creates the system user where
# systemd-sysusers is missing; deb-systemd-helper is in init-system-helpers.
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS
    "libqt6sql6-sqlite, adduser, init-system-helpers (>= 1.54~)")
# Several instances on PostgreSQL (--database) need Qt's PostgreSQL driver,
# also a plugin; one machine on SQLite does not.
set(CPACK_DEBIAN_SERVER_PACKAGE_RECOMMENDS "libqt6sql6-psql")
set(CPACK_DEBIAN_SERVER_PACKAGE_SUGGESTS "nginx")
set(CPACK_DEBIAN_SERVER_DESCRIPTION
"token server for API Access Studio
apiaccess-server stores API tokens, lets administrators manage them over an
HTTP API, and answers for every third-party request whether its token may
be used from the client's address (for example for nginx auth_request).
Secrets are kept only as keyed hashes and encrypted copies.
One machine keeps its data in SQLite; several instances share a PostgreSQL
database and apply each other's changes within a second. An nginx
configuration for load balancing and auth_request is in
/usr/share/doc/apiaccess-server/nginx.
The package installs a hardened systemd unit, not enabled by default, and
the apiaccess system user.")
set(APIACCESS_DEB_CONTROL "${CMAKE_CURRENT_BINARY_DIR}/debian-server")
foreach(script IN ITEMS postinst prerm postrm conffiles)
    configure_file("${CMAKE_CURRENT_LIST_DIR}/debian/server.${script}" "${APIACCESS_DEB_CONTROL}/${script}" COPYONLY)
    list(APPEND CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA "${APIACCESS_DEB_CONTROL}/${script}")
endforeach()

# RPM: requirements from rpm's own dependency generator.
set(CPACK_RPM_COMPONENT_INSTALL ON)
set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_RELEASE ${APIACCESS_DEB_RELEASE})
set(CPACK_RPM_PACKAGE_AUTOREQ ON)
set(CPACK_RPM_PACKAGE_AUTOPROV ON)
set(CPACK_RPM_PACKAGE_LICENSE "${APIACCESS_LICENSE}")
set(CPACK_RPM_PACKAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_RPM_PACKAGE_GROUP "Applications/Internet")
set(CPACK_RPM_STUDIO_PACKAGE_NAME apiaccess-studio)
set(CPACK_RPM_SERVER_PACKAGE_NAME apiaccess-server)
set(CPACK_RPM_STUDIO_PACKAGE_SUMMARY "Desktop app to manage API tokens")
set(CPACK_RPM_SERVER_PACKAGE_SUMMARY "Token server for API Access Studio")
set(CPACK_RPM_STUDIO_PACKAGE_SUGGESTS "apiaccess-server")
set(CPACK_RPM_SERVER_USER_FILELIST "%config(noreplace) /etc/default/apiaccess-server")
set(CPACK_RPM_SERVER_POST_INSTALL_SCRIPT_FILE "${CMAKE_CURRENT_LIST_DIR}/rpm/server-post.sh")
# Directories the distribution owns, not these packages.
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
    /etc/default /lib /lib/systemd /lib/systemd/system /usr/lib/sysusers.d
    /usr/share/applications /usr/share/metainfo /usr/share/icons
    /usr/share/icons/hicolor /usr/share/man /usr/share/man/man1
    /usr/share/doc /usr/share/lintian /usr/share/lintian/overrides)

# TGZ: one archive with both components.
set(CPACK_ARCHIVE_COMPONENT_INSTALL OFF)

