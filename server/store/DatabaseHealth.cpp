#include "store/DatabaseHealth.h"

#include "store/SqlConnections.h"

namespace ApiAccess::Server {

DatabaseHealth::DatabaseHealth(std::chrono::milliseconds cacheGrace)
    : m_graceMs(cacheGrace.count())
{ }

void DatabaseHealth::reportReachable()
{
    if (m_lostSinceMs.exchange(0, std::memory_order_acq_rel) != 0)
        qCInfo(lcStore, "the database is reachable again");
}

void DatabaseHealth::reportUnreachable(const QString &reason, qint64 nowMs)
{
    const QMutexLocker lock(&m_mutex);
    qint64 expected = 0;
    if (m_lostSinceMs.compare_exchange_strong(expected, qMax<qint64>(1, nowMs),
                                              std::memory_order_acq_rel)) {
        m_reason = reason;
        qCWarning(lcStore, "lost contact with the database: %s", qUtf8Printable(reason));
    }
}

QString DatabaseHealth::reason() const
{
    const QMutexLocker lock(&m_mutex);
    return isReachable() ? QString() : m_reason;
}

} // namespace ApiAccess::Server
