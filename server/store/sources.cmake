target_sources(apiaccess_server_lib PRIVATE
    store/StoreTypes.h store/StoreTypes.cpp store/StoreResult.h
    store/ChangePosition.h store/ChangePosition.cpp
    store/TokenStore.h store/AccountStore.h store/AuditStore.h
    store/DatabaseConfig.h store/DatabaseConfig.cpp
    store/Database.h store/Database.cpp store/Stores.h
    store/DatabaseHealth.h store/DatabaseHealth.cpp
    store/SqlConnections.h store/SqlConnections.cpp
    store/SqliteWriter.h store/SqliteWriter.cpp
    store/Schema.h store/Schema.cpp
    store/SqlRows.h store/SqlRows.cpp
    store/SqlTokenStore.h store/SqlTokenStore.cpp
    store/SqlAccountStore.h store/SqlAccountStore.cpp
    store/SqlAuditStore.h store/SqlAuditStore.cpp
)
