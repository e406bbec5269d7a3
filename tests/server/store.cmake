# Store, crypto and verification unit tests (real SQLite in a temporary directory).
foreach(test IN ITEMS tst_secretvault tst_masterkey tst_passwordhash tst_sqlitestore tst_admincommands
                   tst_verifier)
    apiaccess_add_test(NAME ${test} SOURCES ${test}.cpp LIBRARIES apiaccess_server_lib
                       LABELS "unit;server")
endforeach()
