# Install-time script of macos/macos.cmake, run after macdeployqt has copied
# the libraries both programs link into the bundle's Contents/Frameworks.
# Which ones those are depends on how Homebrew built Qt (ICU, GLib, HarfBuzz,
# ... when this was written), so they are found here, not listed by hand:
# for every library, its Homebrew formula (through the opt/ link that
# resolves into the Cellar) and that keg's licence files, as Homebrew
# installed them for the exact version bundled, are copied to
# Contents/Resources/licenses/homebrew/<formula>/ and listed in
# homebrew/LIBRARIES.txt, which THIRD-PARTY-NOTICES.txt points to.
# A library whose origin or licence cannot be found fails the installer:
# nothing ships without its licence.
#
# Reads APIACCESS_BUNDLE_CONTENTS (the bundle's Contents folder, as
# installed) and APIACCESS_HOMEBREW_PREFIX (`brew --prefix`).
# Install scripts run without the project's policies; include() scopes these.
cmake_policy(VERSION 3.25)
set(_frameworks "${APIACCESS_BUNDLE_CONTENTS}/Frameworks")
set(_out "${APIACCESS_BUNDLE_CONTENTS}/Resources/licenses/homebrew")
file(REMOVE_RECURSE "${_out}")
file(MAKE_DIRECTORY "${_out}")

file(GLOB _bundled RELATIVE "${_frameworks}" "${_frameworks}/*")
list(SORT _bundled)
set(_listing "")
set(_missing "")
set(_copied_formulae "")
foreach(name IN LISTS _bundled)
    # Qt itself: THIRD-PARTY-NOTICES.txt covers it (LGPL-3.0.txt).
    if(name MATCHES "^Qt[A-Za-z0-9]*\\.framework$")
        continue()
    endif()
    set(_keg "")
    file(GLOB _candidates "${APIACCESS_HOMEBREW_PREFIX}/opt/*/lib/${name}")
    foreach(candidate IN LISTS _candidates)
        file(REAL_PATH "${candidate}" _real)
        if(_real MATCHES "^(.*/Cellar/([^/]+)/([^/]+))/")
            set(_keg "${CMAKE_MATCH_1}")
            set(_formula "${CMAKE_MATCH_2}")
            set(_version "${CMAKE_MATCH_3}")
            break()
        endif()
    endforeach()
    if(NOT _keg)
        list(APPEND _missing "${name} (not from a Homebrew formula under ${APIACCESS_HOMEBREW_PREFIX})")
        continue()
    endif()
    # Homebrew keeps the top-level COPYING, LICENSE, NOTICE... of the
    # source in the keg (its "metafiles").
    file(GLOB _keg_files RELATIVE "${_keg}" "${_keg}/*")
    set(_licenses "")
    foreach(file IN LISTS _keg_files)
        string(TOUPPER "${file}" _upper)
        if(NOT IS_DIRECTORY "${_keg}/${file}"
            AND _upper MATCHES "^(COPYING|COPYRIGHT|LICEN[CS]E|NOTICE|UNLICENSE)([._-].*)?$")
            list(APPEND _licenses "${file}")
        endif()
    endforeach()
    if(NOT _licenses)
        list(APPEND _missing "${name} (Homebrew's ${_formula} ${_version} has no licence file in ${_keg})")
        continue()
    endif()
    if(NOT _formula IN_LIST _copied_formulae)
        foreach(file IN LISTS _licenses)
            file(COPY "${_keg}/${file}" DESTINATION "${_out}/${_formula}")
        endforeach()
        list(APPEND _copied_formulae "${_formula}")
    endif()
    list(TRANSFORM _licenses PREPEND "${_formula}/")
    list(JOIN _licenses ", " _licenses)
    string(APPEND _listing "${name}\n    from ${_formula} ${_version}; licence: ${_licenses}\n")
endforeach()

if(_missing)
    list(JOIN _missing "\n  " _missing)
    message(FATAL_ERROR "The bundle would ship libraries without their licences:\n  ${_missing}\n"
        "Find each one's licence, add it to packaging/third-party and its notice to "
        "THIRD-PARTY-NOTICES-macos.txt.in, and skip the library here as Qt's frameworks are.")
endif()
file(WRITE "${_out}/LIBRARIES.txt"
"Libraries in Contents/Frameworks besides Qt's frameworks, the Homebrew
formula and version each came from, and its licence files in this folder
(copied from that formula's keg). Homebrew's formula names the source
each was built from: https://github.com/Homebrew/homebrew-core

${_listing}")
list(JOIN _copied_formulae ", " _copied_formulae)
message(STATUS "Licences of the bundled Homebrew libraries (${_copied_formulae}): ${_out}")
