#pragma once

#include "common/Result.h"
#include "store/StoreTypes.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <optional>

namespace ApiAccess::Server {

Q_DECLARE_LOGGING_CATEGORY(lcStore)

struct Nothing;

// One SQLite connection per thread for one database file.
//
// Qt lets a QSqlDatabase be used only by the thread that created it, and
// SQLite connections opened by Qt are not safe to share. The callers are
// Boost.Asio workers (Qt adopts them), so each thread lazily gets its own
// named connection. Names use a per-thread serial rather than the thread id,
// which the system may reuse after a thread ends. Connections of threads
// that ended stay registered (idle, closed only with the store); the pool
// removes every connection it created when it is destroyed, which must
// happen once no call into the store is running.
class SqliteConnections
{
public:
    explicit SqliteConnections(const QString &databasePath);
    ~SqliteConnections();
    SqliteConnections(const SqliteConnections &) = delete;
    SqliteConnections &operator=(const SqliteConnections &) = delete;

    const QString &databasePath() const { return m_path; }

    // This thread's connection, opened and configured on first use.
    Result<QSqlDatabase, StoreError> connection();

private:
    QString m_path;
    QString m_prefix;
    QMutex m_mutex;
    QStringList m_names; // guarded by m_mutex
};

// An Unavailable error carrying the SQL error text for the log; logged here.
StoreError sqlFailure(QStringView what, const QString &sqlError);

// Prepares and runs `sql` with positional `values` (forward-only).
// Returns the error, or nullopt when the statement ran.
std::optional<StoreError> runSql(QSqlQuery &query, const QString &sql,
                                 const QVariantList &values = {});

// Runs `body(db)` inside BEGIN IMMEDIATE ... COMMIT; rolls back when it fails.
// IMMEDIATE takes the write lock up front, so two writers never deadlock
// upgrading read locks; the others wait up to the busy timeout.
template<typename T, typename Body>
Result<T, StoreError> inWriteTransaction(SqliteConnections &pool, QStringView what, Body &&body)
{
    auto db = pool.connection();
    if (!db)
        return fail(db.error());
    {
        QSqlQuery begin(db.value());
        if (auto error = runSql(begin, QStringLiteral("BEGIN IMMEDIATE")))
            return fail(sqlFailure(what, error->message));
    }
    Result<T, StoreError> result = body(db.value());
    QSqlQuery end(db.value());
    if (!result) {
        (void)runSql(end, QStringLiteral("ROLLBACK"));
        return result;
    }
    if (auto error = runSql(end, QStringLiteral("COMMIT"))) {
        QSqlQuery rollback(db.value());
        (void)runSql(rollback, QStringLiteral("ROLLBACK"));
        return fail(sqlFailure(what, error->message));
    }
    return result;
}

// Runs `body(db)` on this thread's connection, outside an explicit transaction.
template<typename T, typename Body>
Result<T, StoreError> withConnection(SqliteConnections &pool, Body &&body)
{
    auto db = pool.connection();
    if (!db)
        return fail(db.error());
    return body(db.value());
}

} // namespace ApiAccess::Server
