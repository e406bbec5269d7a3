#include "store/SqlAccountStore.h"

#include "store/Database.h"
#include "store/SqlRows.h"

#include <QSqlError>
#include <QStringBuilder>

using namespace Qt::StringLiterals;

namespace ApiAccess::Server {

using namespace SqlRows;

SqlAccountStore::SqlAccountStore(Database &database)
    : m_database(database)
{ }

namespace {

StoreError notFound(const QString &what)
{
    return StoreError{StoreErrorCode::NotFound, what};
}

AdminAccount readAdmin(const QSqlQuery &query)
{
    return AdminAccount{query.value(0).toString(), query.value(1).toString(),
                        timeFrom(query.value(2)), timeFrom(query.value(3))};
}

SessionRecord readSession(const QSqlQuery &query)
{
    return SessionRecord{query.value(0).toByteArray(), query.value(1).toString(),
                         timeFrom(query.value(2)), timeFrom(query.value(3)),
                         timeFrom(query.value(4))};
}

const QString kAdminColumns = u"username, password_hash, created_at, updated_at"_s;
const QString kSessionColumns = u"token_hash, username, created_at, last_seen_at, expires_at"_s;

// Runs one statement; the error is Unavailable, logged as `what`.
StoreResult<int> exec(QSqlDatabase &db, QStringView what, const QString &sql,
                      const QVariantList &values)
{
    QSqlQuery query(db);
    if (auto error = runSql(query, sql, values))
        return fail(sqlFailure(what, error->message));
    return query.numRowsAffected();
}

StoreResult<bool> adminExists(QSqlDatabase &db, QStringView what, const QString &username)
{
    QSqlQuery query(db);
    if (auto error = runSql(query, u"SELECT 1 FROM admins WHERE username = ?"_s, {username}))
        return fail(sqlFailure(what, error->message));
    return query.next();
}

} // namespace

StoreResult<Nothing> SqlAccountStore::addAdmin(const AdminAccount &account)
{
    static constexpr QStringView what = u"adding an admin";
    return inWriteTransaction<Nothing>(
        m_database.connections(), what, [&](QSqlDatabase &db) -> StoreResult<Nothing> {
            QSqlQuery insert(db);
            insert.setForwardOnly(true);
            // The key decides, whichever instance or command got there first.
            if (!insert.prepare(u"INSERT INTO admins ("_s % kAdminColumns
                                % u") VALUES (?, ?, ?, ?) ON CONFLICT (username) DO NOTHING"_s))
                return fail(sqlFailure(what, sqlErrorText(insert.lastError())));
            for (const QVariant &value :
                 {QVariant(account.username), QVariant(account.passwordHash),
                  timeValue(account.createdAt), timeValue(account.updatedAt)})
                insert.addBindValue(value);
            if (!insert.exec())
                return fail(sqlFailure(what, sqlErrorText(insert.lastError())));
            if (insert.numRowsAffected() != 1)
                return fail(StoreError{StoreErrorCode::AlreadyExists,
                                       u"admin "_s % account.username % u" exists"_s});
            return Nothing{};
        });
}

StoreResult<Nothing> SqlAccountStore::setAdminPassword(const QString &username, const QString &hash,
                                                       const QDateTime &now)
{
    static constexpr QStringView what = u"changing an admin password";
    return inWriteTransaction<Nothing>(
        m_database.connections(), what, [&](QSqlDatabase &db) -> StoreResult<Nothing> {
            auto updated = exec(db, what,
                                u"UPDATE admins SET password_hash = ?, updated_at = ? "
                                u"WHERE username = ?"_s,
                                {hash, timeValue(now), username});
            if (!updated)
                return fail(updated.error());
            if (updated.value() < 1)
                return fail(notFound(u"no admin "_s % username));
            // A new password ends the sessions signed in with the old one.
            auto ended = exec(db, what, u"DELETE FROM sessions WHERE username = ?"_s, {username});
            if (!ended)
                return fail(ended.error());
            return Nothing{};
        });
}

StoreResult<Nothing> SqlAccountStore::removeAdmin(const QString &username)
{
    static constexpr QStringView what = u"removing an admin";
    return inWriteTransaction<Nothing>(
        m_database.connections(), what, [&](QSqlDatabase &db) -> StoreResult<Nothing> {
            auto ended = exec(db, what, u"DELETE FROM sessions WHERE username = ?"_s, {username});
            if (!ended)
                return fail(ended.error());
            auto removed = exec(db, what, u"DELETE FROM admins WHERE username = ?"_s, {username});
            if (!removed)
                return fail(removed.error());
            if (removed.value() < 1)
                return fail(notFound(u"no admin "_s % username));
            return Nothing{};
        });
}

StoreResult<AdminAccount> SqlAccountStore::findAdmin(const QString &username)
{
    return withConnection<AdminAccount>(
        m_database.connections(), [&](QSqlDatabase &db) -> StoreResult<AdminAccount> {
            QSqlQuery query(db);
            if (auto error = runSql(
                    query, u"SELECT "_s % kAdminColumns % u" FROM admins WHERE username = ?"_s,
                    {username}))
                return fail(sqlFailure(u"reading an admin", error->message));
            if (!query.next())
                return fail(notFound(u"no admin "_s % username));
            return readAdmin(query);
        });
}

StoreResult<QList<AdminAccount>> SqlAccountStore::listAdmins()
{
    return withConnection<QList<AdminAccount>>(
        m_database.connections(), [&](QSqlDatabase &db) -> StoreResult<QList<AdminAccount>> {
            QSqlQuery query(db);
            if (auto error = runSql(
                    query, u"SELECT "_s % kAdminColumns % u" FROM admins ORDER BY username"_s))
                return fail(sqlFailure(u"listing admins", error->message));
            QList<AdminAccount> admins;
            while (query.next())
                admins.append(readAdmin(query));
            return admins;
        });
}

StoreResult<Nothing> SqlAccountStore::createSession(const SessionRecord &session)
{
    static constexpr QStringView what = u"creating a session";
    return inWriteTransaction<Nothing>(
        m_database.connections(), what, [&](QSqlDatabase &db) -> StoreResult<Nothing> {
            auto exists = adminExists(db, what, session.username);
            if (!exists)
                return fail(exists.error());
            if (!exists.value())
                return fail(notFound(u"no admin "_s % session.username));
            // Sessions past their absolute expiry are swept here, where a write happens anyway.
            auto swept = exec(db, what, u"DELETE FROM sessions WHERE expires_at <= ?"_s,
                              {timeValue(session.createdAt)});
            if (!swept)
                return fail(swept.error());
            QSqlQuery existing(db);
            if (auto error = runSql(existing, u"SELECT 1 FROM sessions WHERE token_hash = ?"_s,
                                    {session.tokenHash}))
                return fail(sqlFailure(what, error->message));
            if (existing.next())
                return fail(StoreError{StoreErrorCode::AlreadyExists, u"session exists"_s});
            auto inserted =
                exec(db, what,
                     u"INSERT INTO sessions ("_s % kSessionColumns % u") VALUES (?, ?, ?, ?, ?)"_s,
                     {session.tokenHash, session.username, timeValue(session.createdAt),
                      timeValue(session.lastSeenAt), timeValue(session.expiresAt)});
            if (!inserted)
                return fail(inserted.error());
            return Nothing{};
        });
}

StoreResult<SessionRecord> SqlAccountStore::findSession(const QByteArray &tokenHash)
{
    return withConnection<SessionRecord>(
        m_database.connections(), [&](QSqlDatabase &db) -> StoreResult<SessionRecord> {
            QSqlQuery query(db);
            if (auto error = runSql(query,
                                    u"SELECT "_s % kSessionColumns
                                        % u" FROM sessions WHERE token_hash = ?"_s,
                                    {tokenHash}))
                return fail(sqlFailure(u"reading a session", error->message));
            if (!query.next())
                return fail(notFound(u"no such session"_s));
            return readSession(query);
        });
}

StoreResult<Nothing> SqlAccountStore::touchSession(const QByteArray &tokenHash,
                                                   const QDateTime &lastSeenAt)
{
    static constexpr QStringView what = u"touching a session";
    return inWriteTransaction<Nothing>(
        m_database.connections(), what, [&](QSqlDatabase &db) -> StoreResult<Nothing> {
            const QVariant at = timeValue(lastSeenAt);
            auto touched = exec(db, what,
                                u"UPDATE sessions SET last_seen_at = ? "
                                u"WHERE token_hash = ? AND last_seen_at < ?"_s,
                                {at, tokenHash, at});
            if (!touched)
                return fail(touched.error());
            return Nothing{};
        });
}

StoreResult<Nothing> SqlAccountStore::deleteSession(const QByteArray &tokenHash)
{
    static constexpr QStringView what = u"deleting a session";
    return inWriteTransaction<Nothing>(
        m_database.connections(), what, [&](QSqlDatabase &db) -> StoreResult<Nothing> {
            auto deleted =
                exec(db, what, u"DELETE FROM sessions WHERE token_hash = ?"_s, {tokenHash});
            if (!deleted)
                return fail(deleted.error());
            return Nothing{};
        });
}

StoreResult<std::optional<ThrottleRecord>> SqlAccountStore::findThrottle(const QString &key)
{
    return withConnection<std::optional<ThrottleRecord>>(
        m_database.connections(),
        [&](QSqlDatabase &db) -> StoreResult<std::optional<ThrottleRecord>> {
            QSqlQuery query(db);
            if (auto error = runSql(query,
                                    u"SELECT failures, last_failure_at, locked_until "
                                    u"FROM sign_in_throttle WHERE key = ?"_s,
                                    {key}))
                return fail(sqlFailure(u"reading the sign-in throttle", error->message));
            if (!query.next())
                return std::optional<ThrottleRecord>();
            return std::optional(ThrottleRecord{query.value(0).toInt(), query.value(1).toLongLong(),
                                                query.value(2).toLongLong()});
        });
}

StoreResult<ThrottleRecord> SqlAccountStore::updateThrottle(
    const QString &key, qint64 forgetBeforeMs,
    const std::function<ThrottleRecord(const std::optional<ThrottleRecord> &)> &change)
{
    static constexpr QStringView what = u"counting a failed sign-in";
    const SqlDialect &dialect = m_database.dialect();
    return inWriteTransaction<ThrottleRecord>(
        m_database.connections(), what, [&](QSqlDatabase &db) -> StoreResult<ThrottleRecord> {
            // Bounded under a spray of user names: stale records go first.
            auto swept = exec(db, what,
                              u"DELETE FROM sign_in_throttle "
                              u"WHERE last_failure_at < ? AND locked_until < ?"_s,
                              {forgetBeforeMs, forgetBeforeMs});
            if (!swept)
                return fail(swept.error());
            // The row exists before it is locked, so that two instances
            // counting the first failure at once both count.
            auto ensured = exec(db, what,
                                u"INSERT INTO sign_in_throttle "
                                u"(key, failures, last_failure_at, locked_until) "
                                u"VALUES (?, 0, 0, 0) ON CONFLICT (key) DO NOTHING"_s,
                                {key});
            if (!ensured)
                return fail(ensured.error());
            QSqlQuery current(db);
            if (auto error = runSql(current,
                                    u"SELECT failures, last_failure_at, locked_until "
                                    u"FROM sign_in_throttle WHERE key = ?"_s
                                        % dialect.forUpdate(),
                                    {key}))
                return fail(sqlFailure(what, error->message));
            std::optional<ThrottleRecord> before;
            if (current.next() && current.value(0).toInt() > 0)
                before = ThrottleRecord{current.value(0).toInt(), current.value(1).toLongLong(),
                                        current.value(2).toLongLong()};
            const ThrottleRecord after = change(before);
            auto written = exec(db, what,
                                u"UPDATE sign_in_throttle SET failures = ?, last_failure_at = ?, "
                                u"locked_until = ? WHERE key = ?"_s,
                                {after.failures, after.lastFailureMs, after.lockedUntilMs, key});
            if (!written)
                return fail(written.error());
            return after;
        });
}

StoreResult<Nothing> SqlAccountStore::clearThrottle(const QString &key)
{
    static constexpr QStringView what = u"clearing the sign-in throttle";
    return inWriteTransaction<Nothing>(
        m_database.connections(), what, [&](QSqlDatabase &db) -> StoreResult<Nothing> {
            auto cleared = exec(db, what, u"DELETE FROM sign_in_throttle WHERE key = ?"_s, {key});
            if (!cleared)
                return fail(cleared.error());
            return Nothing{};
        });
}

} // namespace ApiAccess::Server
