#include "verify/TokenChangeFeed.h"

#include "store/ChangePosition.h"
#include "store/Database.h"
#include "store/DatabaseHealth.h"
#include "store/SqlTokenStore.h"
#include "store/TokenStore.h"
#include "verify/Verifier.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>

#include <functional>
#include <limits>
#include <optional>

using namespace Qt::StringLiterals;

namespace ApiAccess::Server {

Q_LOGGING_CATEGORY(lcFeed, "apiaccess.verify.feed")

namespace {

constexpr int kPageSize = 500;
constexpr qint64 kPruneEveryMs = 60'000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

// Lives on the feed's thread: everything below runs there, including the
// listener's connection and its notifications.
class TokenChangeFeed::Worker : public QObject
{
public:
    Worker(Database &database, TokenStore &tokens, Verifier &verifier, DatabaseHealth &health,
           const Options &options, std::atomic<qint64> &applied)
        : m_applied(applied)
        , m_database(database)
        , m_tokens(tokens)
        , m_verifier(verifier)
        , m_health(health)
        , m_options(options)
    { }

    void tick()
    {
        if (m_database.dialect().isPostgres()) {
            if (m_listener.isEmpty())
                openListener();
            else if (!listenerAlive())
                closeListener(true);
        }
        poll();
        prune();
    }

    void shutdown() { closeListener(false); }

private:
    void openListener()
    {
        QString name;
        {
            auto db =
                m_database.connections().openDedicated(u"listener"_s, u"apiaccess-listener"_s);
            if (!db)
                return; // the poll still runs, and we try again next tick
            name = db->connectionName();
        }
        QSqlDatabase listener = QSqlDatabase::database(name, false);
        QObject::connect(listener.driver(), &QSqlDriver::notification, this,
                         [this](const QString &channel, QSqlDriver::NotificationSource,
                                const QVariant &payload) {
                             if (channel == QLatin1StringView(SqlTokenStore::kNotifyChannel))
                                 m_verifier.invalidate(payload.toString());
                         });
        if (!listener.driver()->subscribeToNotification(
                QString::fromLatin1(SqlTokenStore::kNotifyChannel))) {
            qCWarning(lcFeed, "cannot LISTEN for token changes; polling only for now");
            listener = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return;
        }
        m_listener = listener.connectionName();
        // Whatever changed while no one listened is read afresh.
        m_verifier.invalidateAll();
        qCInfo(lcFeed, "listening for token changes");
    }

    bool listenerAlive()
    {
        QSqlDatabase listener = QSqlDatabase::database(m_listener, false);
        if (!listener.isOpen())
            return false;
        QSqlQuery ping(listener);
        return ping.exec(u"SELECT 1"_s);
    }

    void closeListener(bool lost)
    {
        if (m_listener.isEmpty())
            return;
        {
            QSqlDatabase listener = QSqlDatabase::database(m_listener, false);
            listener.close();
        }
        QSqlDatabase::removeDatabase(m_listener);
        m_listener.clear();
        if (lost)
            qCWarning(lcFeed,
                      "the token change listener lost its connection; reconnecting "
                      "(the change feed is still read every %lld ms)",
                      qlonglong(m_options.pollInterval.count()));
    }

    void poll()
    {
        const qint64 now = nowMs();
        if (!m_position) {
            // First contact: from here on every change is applied. What the
            // cache took in before (verification may start before this first
            // poll) may predate changes up to the anchor, so it goes; a load
            // racing with this is dropped by the cache's generation check.
            const auto anchor = m_tokens.changesSince(std::numeric_limits<qint64>::max(), 1);
            if (!anchor)
                return lostContact(anchor.error().message, now);
            m_position.emplace(anchor->latestGeneration);
            m_verifier.invalidateAll();
        } else {
            qint64 from = m_position->readAfter();
            for (;;) {
                const auto batch = m_tokens.changesSince(from, kPageSize);
                if (!batch)
                    return lostContact(batch.error().message, now);
                for (const TokenChange &change : batch->changes)
                    apply(change, now);
                if (batch->changes.size() < kPageSize)
                    break;
                from = batch->changes.last().generation;
            }
        }
        m_position->forgetGapsMissedBefore(now - m_options.gapPatience.count());
        m_applied.store(m_position->generation(), std::memory_order_release);
        if (m_lostContact || !m_health.isReachable()) {
            // Back in contact: what changed meanwhile is read afresh.
            m_verifier.invalidateAll();
            m_lostContact = false;
        }
        m_health.reportReachable();
    }

    void apply(const TokenChange &change, qint64 now)
    {
        switch (m_position->see(change.generation, now)) {
        case ChangePosition::Seen::Old:
            return;
        case ChangePosition::Seen::Jumped:
            m_verifier.invalidateAll();
            return;
        case ChangePosition::Seen::New:
        case ChangePosition::Seen::LateCommit:
            m_verifier.invalidate(change.tokenId);
            return;
        }
    }

    void lostContact(const QString &reason, qint64 now)
    {
        m_lostContact = true;
        m_health.reportUnreachable(reason, now);
    }

    void prune()
    {
        const qint64 now = nowMs();
        if (now < m_nextPruneMs || m_lostContact)
            return;
        m_nextPruneMs = now + kPruneEveryMs;
        (void)m_tokens.pruneChanges(now - m_options.keepChanges.count());
    }

    std::atomic<qint64> &m_applied;
    Database &m_database;
    TokenStore &m_tokens;
    Verifier &m_verifier;
    DatabaseHealth &m_health;
    const Options m_options;

    QString m_listener; // connection name; empty: not listening
    std::optional<ChangePosition> m_position; // none: not yet anchored
    bool m_lostContact = false;
    qint64 m_nextPruneMs = 0;
};

namespace {

class FeedThread final : public QThread
{
public:
    // Runs on the thread; calls its argument to run the event loop.
    std::function<void(const std::function<void()> &)> body;

protected:
    void run() override
    {
        body([this] { exec(); });
    }
};

} // namespace

TokenChangeFeed::TokenChangeFeed(Database &database, TokenStore &tokens, Verifier &verifier,
                                 DatabaseHealth &health, const Options &options)
{
    auto thread = std::make_unique<FeedThread>();
    thread->setObjectName(u"token-change-feed"_s);
    thread->body = [&database, &tokens, &verifier, &health, options,
                    &applied = m_applied](const std::function<void()> &runEventLoop) {
        Worker worker(database, tokens, verifier, health, options, applied);
        QTimer timer;
        timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&timer, &QTimer::timeout, &worker, [&worker] { worker.tick(); });
        worker.tick();
        timer.start(options.pollInterval);
        runEventLoop();
        timer.stop();
        worker.shutdown();
    };
    m_thread = std::move(thread);
}

TokenChangeFeed::~TokenChangeFeed()
{
    stop();
}

void TokenChangeFeed::start()
{
    m_thread->start();
}

void TokenChangeFeed::stop()
{
    if (!m_thread->isRunning())
        return;
    m_thread->quit();
    m_thread->wait();
}

} // namespace ApiAccess::Server
