# store and crypto tests (owner: store/, crypto/)
foreach(test IN ITEMS tst_secretvault tst_masterkey tst_passwordhash tst_sqlitestore tst_admincommands)
    apiaccess_add_test(NAME ${test} SOURCES ${test}.cpp LIBRARIES apiaccess_server_lib
                       LABELS "unit;server")
endforeach()
