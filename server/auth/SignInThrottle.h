#pragma once

#include "store/StoreResult.h"

#include <QString>

#include <chrono>
#include <optional>

namespace ApiAccess::Server {

class AccountStore;

// Slows down password guessing: after kFreeAttempts failed sign-ins for one
// user name from one address, further attempts are refused (429 with
// Retry-After) for a lock-out that doubles with each further failure, up to
// kMaxLockout. A successful sign-in clears the record. The records live in
// the database, so failures count whichever instance saw them.
class SignInThrottle
{
public:
    static constexpr int kFreeAttempts = 5;
    static constexpr std::chrono::seconds kFirstLockout{30};
    static constexpr std::chrono::seconds kMaxLockout{15 * 60};
    static constexpr std::chrono::minutes kForgetAfter{30};

    explicit SignInThrottle(AccountStore &accounts);

    // Seconds until another attempt is allowed; nullopt when allowed now.
    StoreResult<std::optional<qint64>> retryAfter(const QString &username, const QString &address,
                                                  qint64 nowMs);
    StoreResult<Nothing> recordFailure(const QString &username, const QString &address,
                                       qint64 nowMs);
    StoreResult<Nothing> recordSuccess(const QString &username, const QString &address);

    static QString key(const QString &username, const QString &address);

private:
    AccountStore &m_accounts;
};

} // namespace ApiAccess::Server
