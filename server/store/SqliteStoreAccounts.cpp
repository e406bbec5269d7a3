// SqliteStore, continued: admin accounts and sessions (tokens are in SqliteStore.cpp).
#include "store/SqliteConnections.h"
#include "store/SqliteRows.h"
#include "store/SqliteStore.h"

using namespace Qt::StringLiterals;

namespace ApiAccess::Server {

using namespace SqliteRows;

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

StoreResult<Nothing> SqliteStore::addAdmin(const AdminAccount &account)
{
    static constexpr QStringView what = u"adding an admin";
    return inWriteTransaction<Nothing>(
        *m_connections, what, [&](QSqlDatabase &db) -> StoreResult<Nothing> {
            auto exists = adminExists(db, what, account.username);
            if (!exists)
                return fail(exists.error());
            if (exists.value())
                return fail(StoreError{StoreErrorCode::AlreadyExists,
                                       u"admin "_s % account.username % u" exists"_s});
            auto inserted = exec(
                db, what, u"INSERT INTO admins ("_s % kAdminColumns % u") VALUES (?, ?, ?, ?)"_s,
                {account.username, account.passwordHash, timeValue(account.createdAt),
                 timeValue(account.updatedAt)});
            if (!inserted)
                return fail(inserted.error());
            return Nothing{};
        });
}

StoreResult<Nothing> SqliteStore::setAdminPassword(const QString &username, const QString &hash,
                                                   const QDateTime &now)
{
    static constexpr QStringView what = u"changing an admin password";
    return inWriteTransaction<Nothing>(
        *m_connections, what, [&](QSqlDatabase &db) -> StoreResult<Nothing> {
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

StoreResult<Nothing> SqliteStore::removeAdmin(const QString &username)
{
    static constexpr QStringView what = u"removing an admin";
    return inWriteTransaction<Nothing>(
        *m_connections, what, [&](QSqlDatabase &db) -> StoreResult<Nothing> {
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

StoreResult<AdminAccount> SqliteStore::findAdmin(const QString &username)
{
    return withConnection<AdminAccount>(
        *m_connections, [&](QSqlDatabase &db) -> StoreResult<AdminAccount> {
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

StoreResult<QList<AdminAccount>> SqliteStore::listAdmins()
{
    return withConnection<QList<AdminAccount>>(
        *m_connections, [&](QSqlDatabase &db) -> StoreResult<QList<AdminAccount>> {
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

StoreResult<Nothing> SqliteStore::createSession(const SessionRecord &session)
{
    static constexpr QStringView what = u"creating a session";
    return inWriteTransaction<Nothing>(
        *m_connections, what, [&](QSqlDatabase &db) -> StoreResult<Nothing> {
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

StoreResult<SessionRecord> SqliteStore::findSession(const QByteArray &tokenHash)
{
    return withConnection<SessionRecord>(
        *m_connections, [&](QSqlDatabase &db) -> StoreResult<SessionRecord> {
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

StoreResult<Nothing> SqliteStore::touchSession(const QByteArray &tokenHash,
                                               const QDateTime &lastSeenAt)
{
    static constexpr QStringView what = u"touching a session";
    return inWriteTransaction<Nothing>(
        *m_connections, what, [&](QSqlDatabase &db) -> StoreResult<Nothing> {
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

StoreResult<Nothing> SqliteStore::deleteSession(const QByteArray &tokenHash)
{
    static constexpr QStringView what = u"deleting a session";
    return inWriteTransaction<Nothing>(
        *m_connections, what, [&](QSqlDatabase &db) -> StoreResult<Nothing> {
            auto deleted =
                exec(db, what, u"DELETE FROM sessions WHERE token_hash = ?"_s, {tokenHash});
            if (!deleted)
                return fail(deleted.error());
            return Nothing{};
        });
}

} // namespace ApiAccess::Server
