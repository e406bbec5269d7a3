target_sources(apiaccess_server_lib PRIVATE
    store/StoreTypes.h store/StoreTypes.cpp
    store/Store.h
    store/SqliteStore.h store/SqliteStore.cpp store/SqliteStoreAccounts.cpp
    store/SqliteConnections.h store/SqliteConnections.cpp
    store/SqliteSchema.h store/SqliteSchema.cpp
    store/SqliteRows.h store/SqliteRows.cpp
)
