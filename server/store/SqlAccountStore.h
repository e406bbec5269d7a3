#pragma once

#include "store/AccountStore.h"

namespace ApiAccess::Server {

class Database;

// AccountStore on the server's database (SQLite or PostgreSQL): admins,
// sessions (one instance signs in, any other recognises the session) and
// the sign-in throttle (failures count whichever instance saw them).
class SqlAccountStore final : public AccountStore
{
public:
    explicit SqlAccountStore(Database &database);

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

    StoreResult<std::optional<ThrottleRecord>> findThrottle(const QString &key) override;
    StoreResult<ThrottleRecord>
    updateThrottle(const QString &key, qint64 forgetBeforeMs,
                   const std::function<ThrottleRecord(const std::optional<ThrottleRecord> &)>
                       &change) override;
    StoreResult<Nothing> clearThrottle(const QString &key) override;

private:
    Database &m_database;
};

} // namespace ApiAccess::Server
