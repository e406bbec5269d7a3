#pragma once

#include <QHash>
#include <QString>

#include <chrono>
#include <mutex>
#include <optional>

namespace ApiAccess::Server {

// Slows down password guessing: after kFreeAttempts failed sign-ins for one
// user name from one address, further attempts are refused (429 with
// Retry-After) for a lock-out that doubles with each further failure, up to
// kMaxLockout. A successful sign-in clears the record.
class SignInThrottle
{
public:
    static constexpr int kFreeAttempts = 5;
    static constexpr std::chrono::seconds kFirstLockout{30};
    static constexpr std::chrono::seconds kMaxLockout{15 * 60};
    static constexpr std::chrono::minutes kForgetAfter{30};

    // Seconds until another attempt is allowed; nullopt when allowed now.
    std::optional<qint64> retryAfter(const QString &username, const QString &address, qint64 nowMs);
    void recordFailure(const QString &username, const QString &address, qint64 nowMs);
    void recordSuccess(const QString &username, const QString &address);

private:
    struct Record
    {
        int failures = 0;
        qint64 lastFailureMs = 0;
        qint64 lockedUntilMs = 0;
    };
    static QString key(const QString &username, const QString &address);
    void pruneLocked(qint64 nowMs);

    std::mutex m_mutex;
    QHash<QString, Record> m_records;
    qint64 m_lastPruneMs = 0;
};

} // namespace ApiAccess::Server
