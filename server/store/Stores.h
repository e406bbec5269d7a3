#pragma once

#include "store/Database.h"
#include "store/SqlAccountStore.h"
#include "store/SqlAuditStore.h"
#include "store/SqlTokenStore.h"

#include <memory>

namespace ApiAccess::Server {

// The server's database and the stores the handlers use, opened together.
struct Stores
{
    std::unique_ptr<Database> database;
    std::unique_ptr<SqlTokenStore> tokens;
    std::unique_ptr<SqlAccountStore> accounts;
    std::unique_ptr<SqlAuditStore> audit;

    static Result<Stores, QString> open(const DatabaseConfig &config,
                                        const Database::Options &options);
};

inline Result<Stores, QString> Stores::open(const DatabaseConfig &config,
                                            const Database::Options &options)
{
    auto database = Database::open(config, options);
    if (!database)
        return fail(database.error());
    Stores stores;
    stores.database = std::move(database).value();
    stores.tokens = std::make_unique<SqlTokenStore>(*stores.database);
    stores.accounts = std::make_unique<SqlAccountStore>(*stores.database);
    stores.audit = std::make_unique<SqlAuditStore>(*stores.database);
    return stores;
}

} // namespace ApiAccess::Server
