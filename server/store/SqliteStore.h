#pragma once

#include "common/Result.h"
#include "store/Store.h"

#include <QString>

#include <memory>

namespace ApiAccess::Server {

class SqliteConnections;

// The Store on SQLite (Qt Sql, QSQLITE): `<dataDir>/apiaccess.sqlite3` in
// WAL mode with synchronous=FULL, one connection per calling thread,
// every write a BEGIN IMMEDIATE transaction. Times are stored as Unix
// milliseconds (UTC). Tokens list newest first, by (createdAt, id).
//
// Destroy the store only once no thread is inside one of its methods.
class SqliteStore final : public Store
{
public:
    static constexpr const char16_t *kFileName = u"apiaccess.sqlite3";

    // Creates `dataDir` (mode 0700) and the database (0600) if needed and
    // brings the schema up to date. Fails with a message fit for the
    // operator, e.g. for a database written by a newer version.
    static Result<std::unique_ptr<SqliteStore>, QString> open(const QString &dataDir);

    ~SqliteStore() override;
    SqliteStore(const SqliteStore &) = delete;
    SqliteStore &operator=(const SqliteStore &) = delete;

    QString databasePath() const;

    StoreResult<StoredToken> createToken(const StoredToken &token,
                                         const AuditEvent &audit) override;
    StoreResult<StoredToken> findToken(const QString &id) override;
    StoreResult<TokenPageResult> listTokens(const TokenQuery &query) override;
    StoreResult<StoredToken> updateToken(const QString &id, const TokenChanges &changes,
                                         std::optional<qint64> expectedRevision,
                                         const QDateTime &now, const AuditEvent &audit) override;
    StoreResult<StoredToken> rotateSecret(const QString &id, const QByteArray &newHash,
                                          const QByteArray &newEncryptedSecret,
                                          std::optional<QDateTime> previousValidUntil,
                                          std::optional<qint64> expectedRevision,
                                          const QDateTime &now, const AuditEvent &audit) override;
    StoreResult<Nothing> deleteToken(const QString &id, const AuditEvent &audit) override;
    StoreResult<Nothing> recordUsage(const QList<UsageRecord> &usage) override;

    StoreResult<Nothing> recordAudit(const AuditEvent &event) override;
    StoreResult<QList<AuditEvent>> auditEvents(int limit) override;

    StoreResult<Nothing> addAdmin(const AdminAccount &account) override;
    StoreResult<Nothing> setAdminPassword(const QString &username, const QString &hash,
                                          const QDateTime &now) override;
    StoreResult<Nothing> removeAdmin(const QString &username) override;
    StoreResult<AdminAccount> findAdmin(const QString &username) override;
    StoreResult<QList<AdminAccount>> listAdmins() override;

    StoreResult<Nothing> createSession(const SessionRecord &session) override;
    StoreResult<SessionRecord> findSession(const QByteArray &tokenHash) override;
    StoreResult<Nothing> touchSession(const QByteArray &tokenHash,
                                      const QDateTime &lastSeenAt) override;
    StoreResult<Nothing> deleteSession(const QByteArray &tokenHash) override;

private:
    explicit SqliteStore(std::unique_ptr<SqliteConnections> connections);

    std::unique_ptr<SqliteConnections> m_connections;
};

} // namespace ApiAccess::Server
