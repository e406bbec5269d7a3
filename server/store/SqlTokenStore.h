#pragma once

#include "store/TokenStore.h"

namespace ApiAccess::Server {

class Database;

// TokenStore on the server's database, SQLite or PostgreSQL: the same
// statements for both, where they differ through SqlDialect. Every change
// of a token, in its transaction:
// - checks If-Match against the row it holds (SELECT … FOR UPDATE on
//   PostgreSQL, the write lock on SQLite), so no write is lost between two
//   admins on two instances;
// - writes the audit event;
// - appends a token_changes row (the generation other instances poll) and,
//   on PostgreSQL, NOTIFYs apiaccess_tokens with the id, which PostgreSQL
//   delivers on commit: the fast path of revocation across instances.
// Tokens list newest first, by (createdAt, id), with keyset cursors.
class SqlTokenStore final : public TokenStore
{
public:
    // The channel every instance LISTENs on.
    static constexpr const char *kNotifyChannel = "apiaccess_tokens";

    explicit SqlTokenStore(Database &database);

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
    StoreResult<TokenChangeBatch> changesSince(qint64 generation, int limit) override;
    StoreResult<QList<StoredToken>> touchedTokens(const TouchedTokensQuery &query) override;
    StoreResult<Nothing> pruneChanges(qint64 beforeMs) override;

private:
    Database &m_database;
};

} // namespace ApiAccess::Server
