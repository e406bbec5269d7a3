#pragma once

#include "store/StoreResult.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace ApiAccess::Server {

// Administrators, their sessions and the sign-in throttle: what signing in
// needs, shared by every instance on one database. Thread-safe.
class AccountStore
{
public:
    virtual ~AccountStore() = default;

    virtual StoreResult<Nothing> addAdmin(const AdminAccount &account) = 0; // AlreadyExists
    // NotFound; ends the admin's sessions (signed in with the old password).
    virtual StoreResult<Nothing> setAdminPassword(const QString &username, const QString &hash,
                                                  const QDateTime &now) = 0;
    virtual StoreResult<Nothing>
    removeAdmin(const QString &username) = 0; // NotFound; ends sessions
    virtual StoreResult<AdminAccount> findAdmin(const QString &username) = 0; // NotFound
    virtual StoreResult<QList<AdminAccount>> listAdmins() = 0;

    // Sessions (the opaque token is never stored, only its keyed hash).
    virtual StoreResult<Nothing> createSession(const SessionRecord &session) = 0;
    virtual StoreResult<SessionRecord> findSession(const QByteArray &tokenHash) = 0; // NotFound
    virtual StoreResult<Nothing> touchSession(const QByteArray &tokenHash,
                                              const QDateTime &lastSeenAt) = 0;
    virtual StoreResult<Nothing> deleteSession(const QByteArray &tokenHash) = 0;

    // The throttle record of `key` (nullopt: none).
    virtual StoreResult<std::optional<ThrottleRecord>> findThrottle(const QString &key) = 0;
    // Replaces the record of `key` with `change(current)` in one transaction
    // that holds the row, so failures counted by several instances at once
    // all count. Records older than `forgetBeforeMs` are dropped on the way.
    virtual StoreResult<ThrottleRecord> updateThrottle(
        const QString &key, qint64 forgetBeforeMs,
        const std::function<ThrottleRecord(const std::optional<ThrottleRecord> &)> &change) = 0;
    virtual StoreResult<Nothing> clearThrottle(const QString &key) = 0;
};

} // namespace ApiAccess::Server
