#include "auth/SignInThrottle.h"

#include "store/AccountStore.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ApiAccess::Server {

SignInThrottle::SignInThrottle(AccountStore &accounts)
    : m_accounts(accounts)
{ }

QString SignInThrottle::key(const QString &username, const QString &address)
{
    return username.toCaseFolded() + u'\n' + address;
}

StoreResult<std::optional<qint64>> SignInThrottle::retryAfter(const QString &username,
                                                              const QString &address, qint64 nowMs)
{
    const auto record = m_accounts.findThrottle(key(username, address));
    if (!record)
        return fail(record.error());
    if (!record.value() || record.value()->lockedUntilMs <= nowMs)
        return std::optional<qint64>();
    return std::optional<qint64>(
        std::max<qint64>(1, (record.value()->lockedUntilMs - nowMs + 999) / 1000));
}

StoreResult<Nothing> SignInThrottle::recordFailure(const QString &username, const QString &address,
                                                   qint64 nowMs)
{
    const qint64 forgetBeforeMs = nowMs - std::chrono::milliseconds(kForgetAfter).count();
    const auto updated = m_accounts.updateThrottle(
        key(username, address), forgetBeforeMs,
        [nowMs](const std::optional<ThrottleRecord> &before) {
            ThrottleRecord record = before.value_or(ThrottleRecord{});
            ++record.failures;
            record.lastFailureMs = nowMs;
            if (record.failures >= kFreeAttempts) {
                const int doublings = std::min(record.failures - kFreeAttempts, 10);
                const qint64 lockoutMs =
                    std::min<qint64>(std::chrono::milliseconds(kFirstLockout).count() << doublings,
                                     std::chrono::milliseconds(kMaxLockout).count());
                record.lockedUntilMs = nowMs + lockoutMs;
            }
            return record;
        });
    if (!updated)
        return fail(updated.error());
    return Nothing{};
}

StoreResult<Nothing> SignInThrottle::recordSuccess(const QString &username, const QString &address)
{
    return m_accounts.clearThrottle(key(username, address));
}

} // namespace ApiAccess::Server
