#include "auth/SignInThrottle.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ApiAccess::Server {

QString SignInThrottle::key(const QString &username, const QString &address)
{
    return username.toCaseFolded() + u'\n' + address;
}

std::optional<qint64> SignInThrottle::retryAfter(const QString &username, const QString &address,
                                                 qint64 nowMs)
{
    std::lock_guard lock(m_mutex);
    pruneLocked(nowMs);
    const auto it = m_records.constFind(key(username, address));
    if (it == m_records.cend() || it->lockedUntilMs <= nowMs)
        return std::nullopt;
    return std::max<qint64>(1, (it->lockedUntilMs - nowMs + 999) / 1000);
}

void SignInThrottle::recordFailure(const QString &username, const QString &address, qint64 nowMs)
{
    std::lock_guard lock(m_mutex);
    Record &record = m_records[key(username, address)];
    ++record.failures;
    record.lastFailureMs = nowMs;
    if (record.failures >= kFreeAttempts) {
        const int doublings = std::min(record.failures - kFreeAttempts, 10);
        const qint64 lockoutMs =
            std::min<qint64>(std::chrono::milliseconds(kFirstLockout).count() << doublings,
                             std::chrono::milliseconds(kMaxLockout).count());
        record.lockedUntilMs = nowMs + lockoutMs;
    }
}

void SignInThrottle::recordSuccess(const QString &username, const QString &address)
{
    std::lock_guard lock(m_mutex);
    m_records.remove(key(username, address));
}

void SignInThrottle::pruneLocked(qint64 nowMs)
{
    // Bounded memory under a spray of user names: drop stale records now and then.
    const qint64 forgetMs = std::chrono::milliseconds(kForgetAfter).count();
    if (nowMs - m_lastPruneMs < 60'000)
        return;
    m_lastPruneMs = nowMs;
    for (auto it = m_records.begin(); it != m_records.end();) {
        if (it->lockedUntilMs <= nowMs && nowMs - it->lastFailureMs > forgetMs) {
            it = m_records.erase(it);
        } else {
            ++it;
        }
    }
}

} // namespace ApiAccess::Server
