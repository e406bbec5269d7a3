#pragma once

#include "common/Result.h"

#include <QString>

namespace ApiAccess::Server {

// Where the server keeps its data: SQLite in a data directory (one
// machine, the default and the Studio's sandbox), or PostgreSQL (any number
// of instances on one database).
struct DatabaseConfig
{
    enum class Backend { Sqlite, Postgres };
    Backend backend = Backend::Sqlite;

    QString dataDir; // SQLite: the directory of apiaccess.sqlite3

    // PostgreSQL
    QString host;
    int port = 5432;
    QString user;
    QString password; // never logged, never shown; see describe()
    QString databaseName;

    // --database postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME (also
    // postgres://). The password may also come from `passwordFile` (first
    // line) or, when neither gives one, from PGPASSWORD. A Unix socket host
    // is given percent-encoded (postgresql://user@%2Frun%2Fpostgresql/db).
    static Result<DatabaseConfig, QString> postgres(const QString &url,
                                                    const QString &passwordFile = {});
    static DatabaseConfig sqlite(const QString &dataDir);

    bool isPostgres() const { return backend == Backend::Postgres; }
    // For logs and messages: "postgresql://alice@db.example.com:5432/tokens"
    // or the SQLite file; never the password.
    QString describe() const;
};

} // namespace ApiAccess::Server
