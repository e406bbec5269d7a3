#include "verify/UsageRecorder.h"

#include "store/TokenStore.h"

#include <QLoggingCategory>

namespace ApiAccess::Server {

Q_LOGGING_CATEGORY(lcUsage, "apiaccess.usage")

UsageRecorder::UsageRecorder(TokenStore &tokens, std::chrono::milliseconds flushInterval)
    : m_tokens(tokens)
    , m_interval(flushInterval)
    , m_thread([this] { run(); })
{ }

UsageRecorder::~UsageRecorder()
{
    {
        std::lock_guard lock(m_wakeMutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
    flush();
}

void UsageRecorder::record(const QString &tokenId, qint64 atMs, const QString &address)
{
    Shard &shard = m_shards[qHash(tokenId) % kShards];
    std::lock_guard lock(shard.mutex);
    Pending &pending = shard.pending[tokenId];
    if (atMs >= pending.atMs) {
        pending.atMs = atMs;
        pending.address = address;
    }
}

void UsageRecorder::forget(const QString &tokenId)
{
    Shard &shard = m_shards[qHash(tokenId) % kShards];
    std::lock_guard lock(shard.mutex);
    shard.pending.remove(tokenId);
}

void UsageRecorder::flush()
{
    std::lock_guard flushLock(m_flushMutex);
    QList<UsageRecord> batch;
    for (Shard &shard : m_shards) {
        QHash<QString, Pending> taken;
        {
            std::lock_guard lock(shard.mutex);
            taken.swap(shard.pending);
        }
        for (auto it = taken.cbegin(); it != taken.cend(); ++it) {
            batch.append(UsageRecord{it.key(), QDateTime::fromMSecsSinceEpoch(it->atMs, Qt::UTC),
                                     it->address});
        }
    }
    if (batch.isEmpty())
        return;
    const auto written = m_tokens.recordUsage(batch);
    if (written) {
        if (m_failing.exchange(false))
            qCInfo(lcUsage) << "recording last use again";
        return;
    }
    // Kept for the next flush (the latest use per token wins, as always), so
    // uses seen while the database was away are not forgotten; one entry per
    // token bounds what is kept.
    for (const UsageRecord &use : std::as_const(batch))
        record(use.tokenId, use.at.toMSecsSinceEpoch(), use.address);
    if (!m_failing.exchange(true))
        qCWarning(lcUsage) << "could not record last use of" << batch.size()
                           << "tokens; trying again:" << written.error().message;
}

void UsageRecorder::run()
{
    std::unique_lock lock(m_wakeMutex);
    while (!m_stopping) {
        m_wake.wait_for(lock, m_interval, [this] { return m_stopping; });
        if (m_stopping)
            break;
        lock.unlock();
        flush();
        lock.lock();
    }
}

} // namespace ApiAccess::Server
