# Widgets and the secret clipboard: no server needed.
foreach(test IN ITEMS tst_expandersection tst_secretclipboard)
    apiaccess_add_test(NAME ${test} SOURCES ${test}.cpp LIBRARIES apiaccess_ui LABELS "unit;ui")
endforeach()
