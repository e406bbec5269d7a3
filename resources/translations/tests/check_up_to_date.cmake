# cmake -P: runs lupdate the way apiaccess-studio_lupdate does, but into
# copies of the .ts files, and fails if the copies differ from the files in
# the tree (messages added, changed or gone since the last lupdate).
foreach(var LUPDATE GENERATE_PROJECT PROJECT_CMAKE TS_DIR TS_FILES WORK_DIR)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "check_up_to_date.cmake needs -D${var}=…")
    endif()
endforeach()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(project_json "${WORK_DIR}/project.json")
execute_process(
    COMMAND "${CMAKE_COMMAND}" "-DIN_FILE=${PROJECT_CMAKE}" "-DOUT_FILE=${project_json}"
            -P "${GENERATE_PROJECT}"
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "Could not write the lupdate project file from ${PROJECT_CMAKE}")
endif()

set(stale "")
string(REPLACE "," ";" TS_FILES "${TS_FILES}")
foreach(ts IN LISTS TS_FILES)
    file(COPY_FILE "${TS_DIR}/${ts}" "${WORK_DIR}/${ts}")
    execute_process(
        COMMAND "${LUPDATE}" -project "${project_json}" -ts "${WORK_DIR}/${ts}"
                -locations none -no-obsolete
        RESULT_VARIABLE result
        OUTPUT_VARIABLE output
        ERROR_VARIABLE output)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "lupdate failed for ${ts}:\n${output}")
    endif()
    # lupdate warns about tr() it cannot place (no Q_OBJECT, etc.): such a
    # string would be filed under the wrong context and never translated.
    if(output MATCHES "lacks Q_OBJECT|Cannot invoke tr|Discarding unconsumed")
        message(SEND_ERROR "lupdate warnings for ${ts}:\n${output}")
    endif()
    file(READ "${TS_DIR}/${ts}" in_tree)
    file(READ "${WORK_DIR}/${ts}" fresh)
    if(NOT in_tree STREQUAL fresh)
        list(APPEND stale "${ts}")
        message("${ts}: lupdate says\n${output}")
    endif()
endforeach()

if(stale)
    message(FATAL_ERROR "Out of date: ${stale}. Run `cmake --build <build dir> "
        "--target apiaccess-studio_lupdate`, then translate the new messages.")
endif()
message("Up to date: ${TS_FILES}")
