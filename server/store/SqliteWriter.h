#pragma once

#include "store/StoreTypes.h"

#include <QSqlDatabase>
#include <QString>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace ApiAccess::Server {

class SqlConnections;

// The one thread that writes to an SQLite database, with group commit.
//
// SQLite lets one connection write at a time; with a connection per thread,
// concurrent writers queue inside SQLite's busy handler, which sleeps and
// retries (the 300 ms tail of issue #15). Here writers hand their
// transaction to this thread instead and wait for its outcome. It takes
// every write that is queued, runs them one after the other in ONE
// transaction, each inside a SAVEPOINT of its own (a write that fails
// rolls back to its savepoint, the others are unaffected), and commits once:
// one sync of the WAL for the whole group (synchronous = FULL stays), and
// nobody is told "done" before that commit is on disk.
//
// A write sees the writes before it in its group, which only ever commit
// together with it; should the COMMIT itself fail, every write of the group
// fails (none of them was acknowledged). If SQLite abandons the transaction
// mid-group (an I/O error or a full disk rolls it back entirely), the writes
// done so far in the group fail and the rest run again in a new one.
//
// PostgreSQL needs none of this: its writers run concurrently, row locks
// serialize what conflicts.
class SqliteWriter
{
public:
    // A write: runs on the writer thread inside its savepoint; answers
    // whether it succeeded (false: roll it back). The caller keeps the
    // typed result itself.
    using Write = std::function<bool(QSqlDatabase &)>;

    explicit SqliteWriter(SqlConnections &connections);
    ~SqliteWriter();
    SqliteWriter(const SqliteWriter &) = delete;
    SqliteWriter &operator=(const SqliteWriter &) = delete;

    // Runs `write` in the next group and waits until that group committed.
    // The error when the write could not be made durable (BEGIN or COMMIT
    // failed, or the transaction was lost); nullopt otherwise, including
    // when `write` itself answered false (then rolled back).
    // Called on the writer thread (a write that writes), it runs at once.
    std::optional<StoreError> run(QStringView what, const Write &write);

    // Groups committed and writes in them so far, and writes waiting now
    // (for tests and the bench).
    struct Stats
    {
        quint64 groups = 0;
        quint64 writes = 0;
        std::size_t queued = 0;
    };
    Stats stats() const;

    static constexpr std::size_t kMaxGroup = 256;

private:
    struct Job
    {
        const Write *write;
        QString what;
        std::optional<StoreError> error;
        bool succeeded = false; // `write` answered true
        bool done = false;
    };

    void runLoop();
    // Runs and commits `group`; answers how many of its first writes are
    // finished (the rest run again in a new group).
    std::size_t runGroup(QSqlDatabase &db, const std::deque<Job *> &group);

    SqlConnections &m_connections;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake; // a job was queued, or stop
    std::condition_variable m_done; // a group finished
    std::deque<Job *> m_queue; // guarded by m_mutex
    bool m_stopping = false; // guarded by m_mutex
    Stats m_stats; // guarded by m_mutex
    std::thread m_thread;
};

} // namespace ApiAccess::Server
