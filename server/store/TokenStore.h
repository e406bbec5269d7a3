#pragma once

#include "store/StoreResult.h"

#include <QList>
#include <QString>

#include <optional>

namespace ApiAccess::Server {

// The tokens, for the token handlers and the verifier. Every change writes
// its audit event and a change record (TokenChange) in the same
// transaction, and a method returns only after the change is durable.
// Thread-safe; any worker thread may call it.
class TokenStore
{
public:
    virtual ~TokenStore() = default;

    virtual StoreResult<StoredToken> createToken(const StoredToken &token,
                                                 const AuditEvent &audit) = 0;
    virtual StoreResult<StoredToken> findToken(const QString &id) = 0; // NotFound
    virtual StoreResult<TokenPageResult> listTokens(const TokenQuery &query) = 0;
    // Applies `changes` (and bumps revision, updatedAt = `now`). With
    // `expectedRevision`, fails with RevisionMismatch when the token moved
    // on; the check happens inside the writing transaction.
    virtual StoreResult<StoredToken> updateToken(const QString &id, const TokenChanges &changes,
                                                 std::optional<qint64> expectedRevision,
                                                 const QDateTime &now, const AuditEvent &audit) = 0;
    // Replaces the secret; the old hash stays valid until `previousValidUntil`
    // (if set). `expectedRevision` as for updateToken.
    virtual StoreResult<StoredToken> rotateSecret(const QString &id, const QByteArray &newHash,
                                                  const QByteArray &newEncryptedSecret,
                                                  std::optional<QDateTime> previousValidUntil,
                                                  std::optional<qint64> expectedRevision,
                                                  const QDateTime &now,
                                                  const AuditEvent &audit) = 0;
    virtual StoreResult<Nothing> deleteToken(const QString &id, const AuditEvent &audit) = 0;
    // Last-used times and addresses, batched by the caller; never backwards,
    // so the latest use wins whichever instance saw it.
    virtual StoreResult<Nothing> recordUsage(const QList<UsageRecord> &usage) = 0;

    // Changes of any instance after `generation` (oldest first, at most
    // `limit`), for the verify caches of the others. `latestGeneration` is
    // the last one listed or, when none is, the newest in the feed (0 when
    // the feed is empty).
    virtual StoreResult<TokenChangeBatch> changesSince(qint64 generation, int limit) = 0;
    // The tokens a change feed reader has to hear about (GET
    // /api/v1/tokens?changedSince): those named in `query.ids` that still
    // exist, and those last used at or after `usedSinceMs` or expiring in
    // (expiredAfterMs, nowMs]: use and expiry change a token without a
    // change record. Newest first, like listTokens.
    virtual StoreResult<QList<StoredToken>> touchedTokens(const TouchedTokensQuery &query) = 0;
    // Drops change records older than `beforeMs`, but never the newest
    // (it says where the feed stands).
    virtual StoreResult<Nothing> pruneChanges(qint64 beforeMs) = 0;
};

} // namespace ApiAccess::Server
