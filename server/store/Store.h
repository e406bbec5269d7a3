#pragma once

#include "common/Result.h"
#include "store/StoreTypes.h"

#include <QList>
#include <QString>

#include <optional>

namespace ApiAccess::Server {

struct Nothing
{
};

template<typename T>
using StoreResult = Result<T, StoreError>;

// Persistence behind one interface so handlers never see SQL and a
// PostgreSQL implementation can follow SQLite. Every method is thread-safe
// and may be called from any worker thread. Every change that concerns a
// token writes its audit event in the same transaction, and a method
// returns only after the change is durable.
class Store
{
public:
    virtual ~Store() = default;

    // Tokens
    virtual StoreResult<StoredToken> createToken(const StoredToken &token,
                                                 const AuditEvent &audit) = 0;
    virtual StoreResult<StoredToken> findToken(const QString &id) = 0; // NotFound
    virtual StoreResult<TokenPageResult> listTokens(const TokenQuery &query) = 0;
    // Applies `changes` (and bumps revision, updatedAt = `now`). With
    // `expectedRevision`, fails with RevisionMismatch when the token moved on.
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
    // Last-used times and addresses, batched by the caller.
    virtual StoreResult<Nothing> recordUsage(const QList<UsageRecord> &usage) = 0;

    // Audit events that change nothing else (secret retrieval, sign-in).
    virtual StoreResult<Nothing> recordAudit(const AuditEvent &event) = 0;
    virtual StoreResult<QList<AuditEvent>> auditEvents(int limit) = 0; // newest first

    // Admin accounts
    virtual StoreResult<Nothing> addAdmin(const AdminAccount &account) = 0; // AlreadyExists
    virtual StoreResult<Nothing> setAdminPassword(
        const QString &username, const QString &hash,
        const QDateTime &now) = 0; // NotFound; ends its sessions (signed in with the old password)
    virtual StoreResult<Nothing>
    removeAdmin(const QString &username) = 0; // NotFound; ends its sessions
    virtual StoreResult<AdminAccount> findAdmin(const QString &username) = 0; // NotFound
    virtual StoreResult<QList<AdminAccount>> listAdmins() = 0;

    // Sessions (the opaque token is never stored, only its keyed hash)
    virtual StoreResult<Nothing> createSession(const SessionRecord &session) = 0;
    virtual StoreResult<SessionRecord> findSession(const QByteArray &tokenHash) = 0; // NotFound
    virtual StoreResult<Nothing> touchSession(const QByteArray &tokenHash,
                                              const QDateTime &lastSeenAt) = 0;
    virtual StoreResult<Nothing> deleteSession(const QByteArray &tokenHash) = 0;
};

} // namespace ApiAccess::Server
