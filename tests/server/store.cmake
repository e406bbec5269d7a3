# Store, crypto and verification unit tests. The database a test works on
# (support/TestDatabase) is SQLite in a temporary directory, or a database
# of its own in a private PostgreSQL cluster for the *_postgresql variants.
find_package(Qt6 6.4 REQUIRED COMPONENTS Sql)
add_library(apiaccess_testdatabase STATIC support/TestDatabase.h support/TestDatabase.cpp)
apiaccess_configure_target(apiaccess_testdatabase)
target_include_directories(apiaccess_testdatabase PUBLIC "${CMAKE_CURRENT_SOURCE_DIR}/support")
target_link_libraries(apiaccess_testdatabase PUBLIC Qt6::Core Qt6::Sql)

foreach(test IN ITEMS tst_secretvault tst_masterkey tst_passwordhash)
    apiaccess_add_test(NAME ${test} SOURCES ${test}.cpp LIBRARIES apiaccess_server_lib
                       LABELS "unit;server")
endforeach()
# The stores' conformance suite, and what runs on them, on both backends.
foreach(test IN ITEMS tst_stores tst_admincommands tst_verifier)
    apiaccess_add_test(NAME ${test} SOURCES ${test}.cpp
                       LIBRARIES apiaccess_server_lib apiaccess_testdatabase
                       LABELS "unit;server")
    apiaccess_add_postgresql_variant(${test})
endforeach()
# SQLite's one writer with group commit.
apiaccess_add_test(NAME tst_sqlitewriter SOURCES tst_sqlitewriter.cpp
    LIBRARIES apiaccess_server_lib LABELS "unit;server")
