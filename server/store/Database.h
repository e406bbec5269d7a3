#pragma once

#include "common/Result.h"
#include "store/DatabaseConfig.h"
#include "store/SqlConnections.h"

#include <QString>

#include <memory>

namespace ApiAccess::Server {

// One open database, SQLite or PostgreSQL, with its schema up to date and
// its master key checked: what the stores (SqlTokenStore, SqlAccountStore,
// SqlAuditStore) work on.
class Database
{
public:
    struct Options
    {
        // SecretVault::keyCheck() of the master key the instance runs with;
        // empty for commands that touch no secret (admin).
        QString keyCheck;
        QString keyFileHint; // where the key came from, for the message
    };

    // SQLite: creates the data directory (0700) and the file (0600) if
    // needed. Both: brings the schema up to date (one instance at a time)
    // and checks the master key. Fails with a message fit for the operator,
    // never with a password.
    static Result<std::unique_ptr<Database>, QString> open(const DatabaseConfig &config,
                                                           const Options &options);

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    SqlConnections &connections() { return *m_connections; }
    const DatabaseConfig &config() const { return m_connections->config(); }
    const SqlDialect &dialect() const { return m_connections->dialect(); }

private:
    explicit Database(std::unique_ptr<SqlConnections> connections);

    std::unique_ptr<SqlConnections> m_connections;
};

} // namespace ApiAccess::Server
