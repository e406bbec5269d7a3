#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace ApiAccess::Server {

class TokenStore;

// Remembers when and from where each token was last used and writes that in
// batches on its own thread, so verification never waits for the database.
class UsageRecorder
{
public:
    UsageRecorder(TokenStore &tokens, std::chrono::milliseconds flushInterval);
    ~UsageRecorder(); // flushes what is pending
    UsageRecorder(const UsageRecorder &) = delete;
    UsageRecorder &operator=(const UsageRecorder &) = delete;

    void record(const QString &tokenId, qint64 atMs, const QString &address);
    // Writes everything pending now (also used at shutdown).
    void flush();
    // Forget pending usage of a deleted token.
    void forget(const QString &tokenId);

private:
    struct Pending
    {
        qint64 atMs = 0;
        QString address;
    };
    struct Shard
    {
        std::mutex mutex;
        QHash<QString, Pending> pending;
    };
    static constexpr std::size_t kShards = 16;

    void run();

    TokenStore &m_tokens;
    std::chrono::milliseconds m_interval;
    std::array<Shard, kShards> m_shards;
    std::mutex m_flushMutex; // one flush at a time
    std::atomic<bool> m_failing{false}; // the last flush failed (logged once)
    std::mutex m_wakeMutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace ApiAccess::Server
