# apiaccess-iconrender gives the same bytes on every run (the built .ico,
# .icns and a PNG, rendered again, compare equal), and refuses, with a
# message and a non-zero exit, what would make a wrong icon.
#   cmake -DTOOL=... -DSVG=... -DICO=... -DICNS=... -DPNG=... -DPNG_SIZE=... -DWORK=...
#         -P check-iconrender.cmake
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")

function(render expect_success)
    execute_process(COMMAND "${TOOL}" ${ARGN}
        RESULT_VARIABLE status ERROR_VARIABLE error OUTPUT_QUIET)
    if(expect_success AND NOT status EQUAL 0)
        message(FATAL_ERROR "apiaccess-iconrender ${ARGN} failed (${status}): ${error}")
    endif()
    if(NOT expect_success)
        if(status EQUAL 0)
            message(FATAL_ERROR "apiaccess-iconrender ${ARGN} succeeded; it should have refused")
        endif()
        if(NOT error MATCHES "^apiaccess-iconrender: .+")
            message(FATAL_ERROR "apiaccess-iconrender ${ARGN} said no more than \"${error}\"")
        endif()
        message(STATUS "refused as it should: ${error}")
    endif()
endfunction()

function(same_bytes built rendered)
    execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${built}" "${rendered}"
        RESULT_VARIABLE different)
    if(different)
        message(FATAL_ERROR "${rendered} differs from the build's ${built}: the output is not reproducible")
    endif()
endfunction()

render(TRUE ico "${SVG}" "${WORK}/again.ico")
same_bytes("${ICO}" "${WORK}/again.ico")
render(TRUE icns "${SVG}" "${WORK}/again.icns")
same_bytes("${ICNS}" "${WORK}/again.icns")
render(TRUE png "${SVG}" ${PNG_SIZE} "${WORK}/again.png")
same_bytes("${PNG}" "${WORK}/again.png")

render(FALSE png "${WORK}/missing.svg" 16 "${WORK}/x.png")
file(WRITE "${WORK}/broken.svg" "<svg xmlns=\"http://www.w3.org/2000/svg\"><path d=\"M0 0")
render(FALSE png "${WORK}/broken.svg" 16 "${WORK}/x.png")
file(WRITE "${WORK}/text.svg"
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\"><text y=\"12\">A</text></svg>")
render(FALSE png "${WORK}/text.svg" 16 "${WORK}/x.png")
file(WRITE "${WORK}/unresolved.svg"
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\"><rect width=\"16\" height=\"16\" fill=\"url(#none)\"/></svg>")
render(FALSE ico "${WORK}/unresolved.svg" "${WORK}/x.ico")
file(WRITE "${WORK}/clipped.svg"
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\"><clipPath id=\"c\"><rect width=\"8\" height=\"16\"/></clipPath><rect width=\"16\" height=\"16\" clip-path=\"url(#c)\"/></svg>")
render(FALSE icns "${WORK}/clipped.svg" "${WORK}/x.icns")
render(FALSE png "${SVG}" 0 "${WORK}/x.png")
render(FALSE ico "${SVG}" "${WORK}/no/such/folder/x.ico")
if(EXISTS "${WORK}/x.png" OR EXISTS "${WORK}/x.ico" OR EXISTS "${WORK}/x.icns")
    message(FATAL_ERROR "a refused render left a file behind")
endif()
