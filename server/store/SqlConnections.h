#pragma once

#include "common/Result.h"
#include "store/DatabaseConfig.h"
#include "store/SqliteWriter.h"
#include "store/StoreTypes.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <atomic>
#include <memory>
#include <optional>

class QSqlError;

namespace ApiAccess::Server {

Q_DECLARE_LOGGING_CATEGORY(lcStore)

// What differs between SQLite and PostgreSQL in the SQL the stores write;
// everything else is the same statement for both.
struct SqlDialect
{
    DatabaseConfig::Backend backend;

    bool isPostgres() const { return backend == DatabaseConfig::Backend::Postgres; }
    // Starts a write transaction. SQLite: BEGIN IMMEDIATE takes the write
    // lock up front (two writers never deadlock upgrading read locks).
    // PostgreSQL: BEGIN, and rows are locked where they are read to change.
    QString beginWrite() const;
    // Appended to a SELECT inside a write transaction: " FOR UPDATE" on
    // PostgreSQL (the row is ours until commit), nothing on SQLite (the
    // whole database is).
    QString forUpdate() const;
    // "`column` contains the bound text", with no wildcard to escape.
    QString contains(const QString &column) const;
};

// One connection per thread to one database, SQLite or PostgreSQL.
//
// Qt lets a QSqlDatabase be used only by the thread that created it. The
// callers are Boost.Asio workers (Qt adopts them), so each thread lazily gets
// its own named connection. Names use a per-thread serial rather than the
// thread id, which the system may reuse after a thread ends. Connections of
// threads that ended stay registered (idle, closed only with the pool); the
// pool removes every connection it created when it is destroyed, which must
// happen once no call into the stores is running.
//
// A PostgreSQL connection that failed (the server restarted, the network
// dropped) is closed after the failure and opened again on its thread's
// next call: nothing needs restarting when the database comes back.
class SqlConnections
{
public:
    explicit SqlConnections(const DatabaseConfig &config);
    ~SqlConnections();
    SqlConnections(const SqlConnections &) = delete;
    SqlConnections &operator=(const SqlConnections &) = delete;

    const DatabaseConfig &config() const { return m_config; }
    const SqlDialect &dialect() const { return m_dialect; }
    // SQLite: the one thread all write transactions go through (group
    // commit); null on PostgreSQL, where writers run concurrently.
    SqliteWriter *writer() const { return m_writer.get(); }

    // This thread's connection, opened and configured on first use.
    Result<QSqlDatabase, StoreError> connection();
    // A connection of its own (not the thread's), e.g. for LISTEN; the
    // caller removes it with QSqlDatabase::removeDatabase(name).
    Result<QSqlDatabase, StoreError> openDedicated(const QString &name,
                                                   const QString &applicationName);
    // After a failed statement: if the connection itself is gone, close it
    // so that the next call opens a new one, and answer true.
    bool checkAfterFailure(QSqlDatabase &db);

private:
    Result<QSqlDatabase, StoreError> open(const QString &name, const QString &applicationName);
    Result<bool, StoreError> configure(const QString &name, const QString &applicationName);

    DatabaseConfig m_config;
    SqlDialect m_dialect;
    QString m_prefix;
    QMutex m_mutex;
    QStringList m_names; // guarded by m_mutex
    std::atomic<bool> m_openFailing{false}; // the last open failed (logged once)
    std::unique_ptr<SqliteWriter> m_writer;
};

// An Unavailable error carrying the database's message (its first line:
// no DETAIL, which may quote values) for the log; logged here.
StoreError sqlFailure(QStringView what, const QString &sqlError);
// The loggable first line of a database error.
QString sqlErrorText(const QSqlError &error);

// Prepares and runs `sql` with positional `values` (forward-only).
// Returns the error, or nullopt when the statement ran.
std::optional<StoreError> runSql(QSqlQuery &query, const QString &sql,
                                 const QVariantList &values = {});

// The rest of inWriteTransaction, once BEGIN has run on `db`.
template<typename T, typename Body>
Result<T, StoreError> runInTransaction(SqlConnections &pool, QStringView what, QSqlDatabase &db,
                                       Body &body)
{
    Result<T, StoreError> result = body(db);
    QSqlQuery end(db);
    if (!result) {
        (void)runSql(end, QStringLiteral("ROLLBACK"));
        if (result.error().code == StoreErrorCode::Unavailable)
            pool.checkAfterFailure(db);
        return result;
    }
    if (auto error = runSql(end, QStringLiteral("COMMIT"))) {
        QSqlQuery rollback(db);
        (void)runSql(rollback, QStringLiteral("ROLLBACK"));
        pool.checkAfterFailure(db);
        return fail(sqlFailure(what, error->message));
    }
    return result;
}

// Runs `body(db)` inside a write transaction (SqlDialect::beginWrite) and
// commits; rolls back when it fails. On SQLite, through its SqliteWriter. A connection found dead
// at BEGIN (the database restarted since this thread last used it) is replaced once: nothing had
// been sent, so nothing can happen twice.
template<typename T, typename Body>
Result<T, StoreError> inWriteTransaction(SqlConnections &pool, QStringView what, Body &&body)
{
    if (SqliteWriter *writer = pool.writer()) {
        // On SQLite's writer thread, in a group commit; the answer comes
        // once the group's COMMIT is on disk.
        std::optional<Result<T, StoreError>> result;
        const auto lost = writer->run(what, [&](QSqlDatabase &db) {
            result.emplace(body(db));
            return result->ok();
        });
        if (lost)
            return fail(*lost);
        return std::move(*result);
    }
    for (int attempt = 0;; ++attempt) {
        auto db = pool.connection();
        if (!db)
            return fail(db.error());
        std::optional<StoreError> beginError;
        {
            QSqlQuery begin(db.value());
            beginError = runSql(begin, pool.dialect().beginWrite());
        }
        if (beginError) {
            if (attempt == 0 && pool.checkAfterFailure(db.value()))
                continue; // this handle goes; the next round opens a new one
            return fail(sqlFailure(what, beginError->message));
        }
        return runInTransaction<T>(pool, what, db.value(), body);
    }
}

// Runs `body(db)` on this thread's connection, outside an explicit
// transaction: reads, and single statements whose repetition changes
// nothing. A connection found dead (the database restarted since this
// thread last used it) is replaced and `body` runs once more.
template<typename T, typename Body>
Result<T, StoreError> withConnection(SqlConnections &pool, Body &&body)
{
    for (int attempt = 0;; ++attempt) {
        auto db = pool.connection();
        if (!db)
            return fail(db.error());
        Result<T, StoreError> result = body(db.value());
        if (!result && result.error().code == StoreErrorCode::Unavailable
            && pool.checkAfterFailure(db.value()) && attempt == 0)
            continue; // this handle goes; the next round opens a new one
        return result;
    }
}

} // namespace ApiAccess::Server
