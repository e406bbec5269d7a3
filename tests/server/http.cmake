# HTTP front tests (owner: http/)
apiaccess_add_test(NAME tst_router SOURCES tst_router.cpp
    LIBRARIES apiaccess_server_lib LABELS "unit;server")
apiaccess_add_test(NAME tst_clientaddress SOURCES tst_clientaddress.cpp
    LIBRARIES apiaccess_server_lib LABELS "unit;server")
apiaccess_add_test(NAME tst_httpserver SOURCES tst_httpserver.cpp HttpTestClient.h
    LIBRARIES apiaccess_server_lib Qt6::Network LABELS "unit;server")
# Request log and metrics (owner: ops/)
apiaccess_add_test(NAME tst_ops SOURCES tst_ops.cpp
    LIBRARIES apiaccess_server_lib LABELS "unit;server")
# The change feed's position and cursor (owners: store/, api/)
apiaccess_add_test(NAME tst_changeposition SOURCES tst_changeposition.cpp
    LIBRARIES apiaccess_server_lib LABELS "unit;server")
# The token list's JSON writer (owner: api/)
apiaccess_add_test(NAME tst_tokenpagejson SOURCES tst_tokenpagejson.cpp
    LIBRARIES apiaccess_server_lib LABELS "unit;server")
