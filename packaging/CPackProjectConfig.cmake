# Read by cpack once per generator (CPACK_PROJECT_CONFIG_FILE).
if(CPACK_GENERATOR STREQUAL "TGZ")
    # The server's files live at absolute paths (/etc/default, /lib/systemd);
    # the archive generator installs those only through DESTDIR, so the
    # archive is a tree rooted at / : usr/bin/..., etc/default/..., lib/systemd/...
    set(CPACK_SET_DESTDIR ON)
    set(CPACK_INSTALL_PREFIX "/usr")
endif()
if(CPACK_GENERATOR STREQUAL "DEB")
    # CPackDeb puts the package-wide summary above each component's own
    # description (CPACK_DEBIAN_<COMPONENT>_DESCRIPTION), whose first line is
    # already the synopsis Debian wants.
    unset(CPACK_PACKAGE_DESCRIPTION_SUMMARY)
endif()
