# Dialogs on their own: no server needed.
foreach(test IN ITEMS tst_tokendialog tst_signindialog tst_confirmactiondialog tst_rotatedialog
                      tst_conflictdialog)
    apiaccess_add_test(NAME ${test} SOURCES ${test}.cpp LIBRARIES apiaccess_ui LABELS "unit;ui")
endforeach()
# Connection profiles (issue 6): the list and the add/edit form.
foreach(test IN ITEMS tst_profilesdialog tst_profileeditdialog)
    apiaccess_add_test(NAME ${test} SOURCES ${test}.cpp LIBRARIES apiaccess_ui LABELS "unit;ui")
endforeach()
