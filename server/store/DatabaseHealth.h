#pragma once

#include <QMutex>
#include <QString>

#include <atomic>
#include <chrono>

namespace ApiAccess::Server {

// Whether this instance is in contact with its database. The change feed's
// poll (several times a second) decides "reachable"; any failed read or
// write may report "unreachable" sooner. /healthz reports it, and verify
// answers from its cache only while in contact and for `cacheGrace` after
// contact was lost: never for long on what it can no longer check.
// Thread-safe; cacheUsable() is one atomic load, for the hot path.
class DatabaseHealth
{
public:
    explicit DatabaseHealth(std::chrono::milliseconds cacheGrace);

    void reportReachable();
    // Keeps the moment contact was first lost; `reason` for the operator
    // (never a password: store errors carry none).
    void reportUnreachable(const QString &reason, qint64 nowMs);

    bool isReachable() const { return m_lostSinceMs.load(std::memory_order_acquire) == 0; }
    qint64 lostSinceMs() const { return m_lostSinceMs.load(std::memory_order_acquire); }
    QString reason() const;
    // May verify still answer from its cache at `nowMs`?
    bool cacheUsable(qint64 nowMs) const
    {
        const qint64 lost = m_lostSinceMs.load(std::memory_order_acquire);
        return lost == 0 || nowMs - lost < m_graceMs;
    }
    qint64 cacheGraceMs() const { return m_graceMs; }

private:
    const qint64 m_graceMs;
    std::atomic<qint64> m_lostSinceMs{0}; // 0: in contact
    mutable QMutex m_mutex;
    QString m_reason; // guarded by m_mutex
};

} // namespace ApiAccess::Server
