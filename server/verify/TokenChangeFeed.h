#pragma once

#include "store/ChangePosition.h"

#include <QString>

#include <atomic>
#include <chrono>
#include <memory>

class QThread;

namespace ApiAccess::Server {

class Database;
class DatabaseHealth;
class TokenStore;
class Verifier;

// Keeps this instance's verify cache in step with the token changes every
// instance on the database makes (PRODUCT.md §8: revocation everywhere
// within a second), on a thread of its own:
//
// - The fast path, on PostgreSQL: a connection of its own
//   (application_name apiaccess-listener) LISTENs on apiaccess_tokens; a
//   change arrives milliseconds after it commits.
// - The safety net, on both backends: every `pollInterval` the change feed
//   (token_changes) is read on from where it was last read, so a lost
//   notification or a cut listener delays a revocation by one interval at
//   most. A generation the feed skipped (taken by a transaction that had
//   not committed yet) is looked for again for `gapPatience`, so a late
//   commit is not missed either.
// - Whenever the listener connects again, and when the database comes back
//   after contact was lost, the whole cache is dropped: anything that
//   changed in between is read afresh.
//
// The poll is also the database's health probe (DatabaseHealth).
class TokenChangeFeed
{
public:
    struct Options
    {
        std::chrono::milliseconds pollInterval{250};
        std::chrono::milliseconds gapPatience{kLateCommitPatience};
        // Change records older than this are pruned (by whichever instance).
        std::chrono::milliseconds keepChanges{kChangeRecordRetention};
    };

    TokenChangeFeed(Database &database, TokenStore &tokens, Verifier &verifier,
                    DatabaseHealth &health, const Options &options);
    ~TokenChangeFeed(); // stops and joins the thread
    TokenChangeFeed(const TokenChangeFeed &) = delete;
    TokenChangeFeed &operator=(const TokenChangeFeed &) = delete;

    void start();
    void stop();

    // The newest change generation this instance's cache has taken in (0
    // before the first read): /metrics shows it, so an operator (or a test)
    // sees how far each instance is behind the database.
    qint64 appliedGeneration() const { return m_applied.load(std::memory_order_acquire); }

private:
    class Worker;
    std::unique_ptr<QThread> m_thread;
    std::atomic<qint64> m_applied{0};
};

} // namespace ApiAccess::Server
