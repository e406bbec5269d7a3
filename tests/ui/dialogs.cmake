# Dialogs on their own: no server needed.
foreach(test IN ITEMS tst_tokendialog tst_signindialog)
    apiaccess_add_test(NAME ${test} SOURCES ${test}.cpp LIBRARIES apiaccess_ui LABELS "unit;ui")
endforeach()
