// The verification hot path: a cache hit never touches the database, every
// change is seen by the very next check, and unknown ids are remembered.
// Runs on the real store (SQLite, and PostgreSQL in tst_verifier_postgresql),
// counted through a forwarding decorator.
#include "TestDatabase.h"
#include "crypto/MasterKey.h"
#include "crypto/SecretVault.h"
#include "store/DatabaseHealth.h"
#include "store/Stores.h"
#include "token/TokenFormat.h"
#include "verify/TokenChangeFeed.h"
#include "verify/UsageRecorder.h"
#include "verify/Verifier.h"

#include <QDateTime>
#include <QTest>

#include <atomic>

using namespace ApiAccess;
using namespace ApiAccess::Server;
using namespace Qt::StringLiterals;

namespace {

// Forwards to the real store and counts the reads verification may make.
class CountingStore final : public TokenStore
{
public:
    explicit CountingStore(TokenStore &inner)
        : m_inner(inner)
    { }
    std::atomic<int> tokenReads{0};

    StoreResult<StoredToken> createToken(const StoredToken &t, const AuditEvent &a) override
    {
        return m_inner.createToken(t, a);
    }
    StoreResult<StoredToken> findToken(const QString &id) override
    {
        ++tokenReads;
        return m_inner.findToken(id);
    }
    StoreResult<TokenPageResult> listTokens(const TokenQuery &q) override
    {
        return m_inner.listTokens(q);
    }
    StoreResult<StoredToken> updateToken(const QString &id, const TokenChanges &c,
                                         std::optional<qint64> r, const QDateTime &now,
                                         const AuditEvent &a) override
    {
        return m_inner.updateToken(id, c, r, now, a);
    }
    StoreResult<StoredToken> rotateSecret(const QString &id, const QByteArray &h,
                                          const QByteArray &s, std::optional<QDateTime> until,
                                          std::optional<qint64> r, const QDateTime &now,
                                          const AuditEvent &a) override
    {
        return m_inner.rotateSecret(id, h, s, until, r, now, a);
    }
    StoreResult<Nothing> deleteToken(const QString &id, const AuditEvent &a) override
    {
        return m_inner.deleteToken(id, a);
    }
    StoreResult<Nothing> recordUsage(const QList<UsageRecord> &u) override
    {
        return m_inner.recordUsage(u);
    }
    StoreResult<TokenChangeBatch> changesSince(qint64 generation, int limit) override
    {
        return m_inner.changesSince(generation, limit);
    }
    StoreResult<QList<StoredToken>> touchedTokens(const TouchedTokensQuery &query) override
    {
        return m_inner.touchedTokens(query);
    }
    StoreResult<Nothing> pruneChanges(qint64 beforeMs) override
    {
        return m_inner.pruneChanges(beforeMs);
    }

private:
    TokenStore &m_inner;
};

QByteArray basic(const TokenCredentials &credentials)
{
    return "Basic " + TokenFormat::encode(credentials);
}

std::string_view view(const QByteArray &bytes)
{
    return {bytes.constData(), std::size_t(bytes.size())};
}

} // namespace

class TestVerifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(initialiseSodium()); }

    void init()
    {
        m_database = std::make_unique<Testing::TestDatabase>();
        QVERIFY2(m_database->isValid(), qPrintable(m_database->errorString()));
        const DatabaseConfig config = m_database->isPostgres()
            ? DatabaseConfig::postgres(m_database->url()).value()
            : DatabaseConfig::sqlite(m_database->dataDir());
        auto stores = Stores::open(config, {});
        QVERIFY2(stores.ok(), qPrintable(stores.ok() ? QString() : stores.error()));
        m_stores = std::move(stores).value();
        m_store = m_stores.tokens.get();
        auto key = MasterKey::loadOrCreate(m_database->dataDir(), QString());
        QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error()));
        m_key = std::make_unique<MasterKey>(std::move(key).value());
        m_vault = std::make_unique<SecretVault>(*m_key);
        m_counting = std::make_unique<CountingStore>(*m_store);
        m_usage = std::make_unique<UsageRecorder>(*m_counting, std::chrono::hours(1));
        m_health = std::make_unique<DatabaseHealth>(kGrace);
        m_verifier = std::make_unique<Verifier>(*m_counting, *m_vault, *m_usage, *m_health);
    }

    void cleanup()
    {
        m_verifier.reset();
        m_health.reset();
        m_usage.reset();
        m_counting.reset();
        m_vault.reset();
        m_key.reset();
        m_store = nullptr;
        m_stores = {};
        m_database.reset();
    }

    void cacheHitsDoNotReadTheDatabase()
    {
        const TokenCredentials token = createToken(AccessLevel::ReadOnly, {});
        const QByteArray header = basic(token);
        QCOMPARE(verify(header), VerifyOutcome::Allowed);
        QCOMPARE(m_counting->tokenReads.load(), 1);
        for (int i = 0; i < 100; ++i)
            QCOMPARE(verify(header), VerifyOutcome::Allowed);
        QCOMPARE(m_counting->tokenReads.load(), 1);
    }

    void malformedTokensCostNoLookup()
    {
        TokenCredentials forged = TokenFormat::generate();
        forged.secret[10] = forged.secret[10] == 'a' ? 'b' : 'a'; // checksum no longer matches
        QCOMPARE(verify(basic(forged)), VerifyOutcome::Unauthorized);
        QCOMPARE(verify("Basic not-base64!"), VerifyOutcome::Unauthorized);
        QCOMPARE(verify({}), VerifyOutcome::Unauthorized);
        QCOMPARE(m_counting->tokenReads.load(), 0);
    }

    void unknownIdsAreRememberedUntilCreated()
    {
        const TokenCredentials unknown = TokenFormat::generate();
        QCOMPARE(verify(basic(unknown)), VerifyOutcome::Unauthorized);
        QCOMPARE(verify(basic(unknown)), VerifyOutcome::Unauthorized);
        QCOMPARE(m_counting->tokenReads.load(), 1);

        // Should that id be created later, the negative entry must not hide it.
        storeToken(unknown, AccessLevel::ReadOnly, {});
        m_verifier->tokenCreated(unknown.id);
        QCOMPARE(verify(basic(unknown)), VerifyOutcome::Allowed);
    }

    void changesTakeEffectOnTheNextCheck()
    {
        const TokenCredentials token = createToken(AccessLevel::Editorial, {});
        const QByteArray header = basic(token);
        QCOMPARE(verify(header), VerifyOutcome::Allowed);

        change(token.id, [](TokenChanges &c) { c.enabled = false; });
        QCOMPARE(verify(header), VerifyOutcome::Unauthorized);
        change(token.id, [](TokenChanges &c) { c.enabled = true; });
        QCOMPARE(verify(header), VerifyOutcome::Allowed);
        change(token.id, [](TokenChanges &c) { c.allowedIpRanges = QStringList{u"10.0.0.0/8"_s}; });
        QCOMPARE(verify(header), VerifyOutcome::ForbiddenAddress);
        change(token.id, [](TokenChanges &c) { c.allowedIpRanges = QStringList{}; });
        QCOMPARE(verify(header, AccessLevel::Editorial), VerifyOutcome::Allowed);
        change(token.id, [](TokenChanges &c) { c.accessLevel = AccessLevel::ReadOnly; });
        QCOMPARE(verify(header, AccessLevel::Editorial), VerifyOutcome::ForbiddenLevel);
    }

    void expiryNeedsNoInvalidation()
    {
        const TokenCredentials token = createToken(AccessLevel::ReadOnly, {});
        const QByteArray header = basic(token);
        change(token.id, [](TokenChanges &c) {
            c.expiresAt = QDateTime::fromSecsSinceEpoch(2'000'000'000, Qt::UTC);
        });
        QCOMPARE(
            m_verifier
                ->verify(view(header), QHostAddress::LocalHost, std::nullopt, 1'999'999'999'000)
                .outcome,
            VerifyOutcome::Allowed);
        const int reads = m_counting->tokenReads.load();
        QCOMPARE(
            m_verifier
                ->verify(view(header), QHostAddress::LocalHost, std::nullopt, 2'000'000'000'000)
                .outcome,
            VerifyOutcome::Unauthorized);
        QCOMPARE(m_counting->tokenReads.load(), reads); // decided from the cache
    }

    void mappedClientsMatchIpv4Ranges()
    {
        const TokenCredentials token = createToken(AccessLevel::ReadOnly, {u"192.0.2.0/24"_s});
        const QByteArray header = basic(token);
        QCOMPARE(m_verifier
                     ->verify(view(header), QHostAddress(u"::ffff:192.0.2.44"_s), std::nullopt,
                              QDateTime::currentMSecsSinceEpoch())
                     .outcome,
                 VerifyOutcome::Allowed);
        QCOMPARE(m_verifier
                     ->verify(view(header), QHostAddress(u"::ffff:198.51.100.1"_s), std::nullopt,
                              QDateTime::currentMSecsSinceEpoch())
                     .outcome,
                 VerifyOutcome::ForbiddenAddress);
    }

    void cacheAnswersOnlyWithinTheGrace()
    {
        const TokenCredentials token = createToken(AccessLevel::ReadOnly, {});
        const QByteArray header = basic(token);
        const QByteArray unknown = basic(TokenFormat::generate());
        QCOMPARE(verify(header), VerifyOutcome::Allowed); // now cached
        const int reads = m_counting->tokenReads.load();

        const qint64 lost = QDateTime::currentMSecsSinceEpoch();
        m_health->reportUnreachable(u"test: connection refused"_s, lost);
        const auto at = [&](const QByteArray &h, qint64 ms) {
            return m_verifier->verify(view(h), QHostAddress::LocalHost, std::nullopt, ms).outcome;
        };
        // Within the grace: what is cached still answers; a miss cannot.
        QCOMPARE(at(header, lost + kGrace.count() - 1), VerifyOutcome::Allowed);
        QCOMPARE(at(unknown, lost + 1), VerifyOutcome::Unavailable);
        QCOMPARE(m_counting->tokenReads.load(), reads); // nobody waited for the database
        // A client's mistake stays a client's mistake, grace or not.
        QCOMPARE(at("Basic not-base64!", lost + kGrace.count() * 10), VerifyOutcome::Unauthorized);
        // Past the grace, even a cached token is no longer vouched for.
        QCOMPARE(at(header, lost + kGrace.count()), VerifyOutcome::Unavailable);
        QCOMPARE(at(header, lost + kGrace.count() * 100), VerifyOutcome::Unavailable);

        m_health->reportReachable();
        QCOMPARE(verify(header), VerifyOutcome::Allowed);
        QCOMPARE(verify(unknown), VerifyOutcome::Unauthorized);
    }

    void changeFeedRevokesInAnotherInstance()
    {
        // A second instance on the same database: its own cache, learning of
        // changes only through the change feed (NOTIFY on PostgreSQL, the
        // polled generation on both).
        auto stores = Stores::open(m_stores.database->config(), {});
        QVERIFY(stores.ok());
        OtherInstance other(stores.value(), *m_vault);
        TokenChangeFeed &feed = other.startFeed();
        const auto verifyThere = [&](const QByteArray &header) {
            return other.verify(header);
        };

        const TokenCredentials token = createToken(AccessLevel::ReadOnly, {});
        const QByteArray header = basic(token);
        QTRY_COMPARE(verifyThere(header), VerifyOutcome::Allowed);
        QCOMPARE(verifyThere(header), VerifyOutcome::Allowed); // cached there now

        // Disabled here (this instance's handler invalidates only its own cache).
        QVERIFY(setEnabled(token.id, false));
        QTRY_COMPARE(verifyThere(header), VerifyOutcome::Unauthorized);

        // Deleted after being enabled again: also gone there.
        QVERIFY(setEnabled(token.id, true));
        QTRY_COMPARE(verifyThere(header), VerifyOutcome::Allowed);
        QVERIFY(m_store
                    ->deleteToken(token.id,
                                  AuditEvent{QDateTime::currentDateTimeUtc(), Actor{},
                                             AuditAction::TokenDeleted, token.id, QString()})
                    .ok());
        QTRY_COMPARE(verifyThere(header), VerifyOutcome::Unauthorized);
        QVERIFY(other.health.isReachable());
        feed.stop();
    }

    void changesBeforeTheFeedsFirstPollAreNotMissed()
    {
        // An instance verifies (and caches) before its feed's first poll,
        // and the token is disabled elsewhere in between: the feed anchors
        // after that change, so it must not trust what was cached before.
        auto stores = Stores::open(m_stores.database->config(), {});
        QVERIFY(stores.ok());
        OtherInstance other(stores.value(), *m_vault);
        const auto verifyThere = [&](const QByteArray &header) {
            return other.verify(header);
        };
        const TokenCredentials token = createToken(AccessLevel::ReadOnly, {});
        const QByteArray header = basic(token);
        QCOMPARE(verifyThere(header), VerifyOutcome::Allowed); // cached there

        QVERIFY(setEnabled(token.id, false));
        QCOMPARE(verifyThere(header), VerifyOutcome::Allowed); // nobody told it yet

        TokenChangeFeed &feed = other.startFeed();
        QTRY_VERIFY(feed.appliedGeneration() > 0); // anchored, after the change
        QCOMPARE(verifyThere(header), VerifyOutcome::Unauthorized);
        feed.stop();
    }

    void invalidateAllForgetsEverything()
    {
        const TokenCredentials a = createToken(AccessLevel::ReadOnly, {});
        const TokenCredentials b = createToken(AccessLevel::ReadOnly, {});
        QCOMPARE(verify(basic(a)), VerifyOutcome::Allowed);
        QCOMPARE(verify(basic(b)), VerifyOutcome::Allowed);
        const int reads = m_counting->tokenReads.load();
        m_verifier->invalidateAll();
        QCOMPARE(verify(basic(a)), VerifyOutcome::Allowed);
        QCOMPARE(verify(basic(b)), VerifyOutcome::Allowed);
        QCOMPARE(m_counting->tokenReads.load(), reads + 2);
    }

private:
    static constexpr std::chrono::milliseconds kGrace{5000};

    // Disables or enables a token through this instance's store, audited.
    bool setEnabled(const QString &id, bool enabled)
    {
        TokenChanges changes;
        changes.enabled = enabled;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        return m_store
            ->updateToken(
                id, changes, std::nullopt, now,
                AuditEvent{now, Actor{},
                           enabled ? AuditAction::TokenEnabled : AuditAction::TokenDisabled, id,
                           QString()})
            .ok();
    }

    // A second instance on the same database: its own stores and cache,
    // learning of changes only through its change feed, once started.
    struct OtherInstance
    {
        OtherInstance(Stores &opened, const SecretVault &vault)
            : stores(opened)
            , usage(*opened.tokens, std::chrono::hours(1))
            , verifier(*opened.tokens, vault, usage, health)
        { }
        TokenChangeFeed &startFeed()
        {
            feed.emplace(*stores.database, *stores.tokens, verifier, health,
                         TokenChangeFeed::Options{std::chrono::milliseconds(100)});
            feed->start();
            return *feed;
        }
        VerifyOutcome verify(const QByteArray &header)
        {
            return verifier
                .verify(view(header), QHostAddress::LocalHost, std::nullopt,
                        QDateTime::currentMSecsSinceEpoch())
                .outcome;
        }

        Stores &stores;
        DatabaseHealth health{kGrace};
        UsageRecorder usage;
        Verifier verifier;
        std::optional<TokenChangeFeed> feed; // last: stops first
    };

    VerifyOutcome verify(const QByteArray &header, std::optional<AccessLevel> minimum = {})
    {
        return m_verifier
            ->verify(view(header), QHostAddress::LocalHost, minimum,
                     QDateTime::currentMSecsSinceEpoch())
            .outcome;
    }

    void storeToken(const TokenCredentials &credentials, AccessLevel level,
                    const QStringList &ranges)
    {
        const QDateTime now =
            QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
        StoredToken token;
        token.id = credentials.id;
        token.name = u"test"_s;
        token.accessLevel = level;
        token.allowedIpRanges = ranges;
        token.createdAt = now;
        token.createdBy = u"tester"_s;
        token.updatedAt = now;
        token.secretHash = m_vault->hashSecret(credentials.secret);
        token.encryptedSecret = m_vault->encryptSecret(credentials.secret, credentials.id);
        const auto created =
            m_store->createToken(token,
                                 AuditEvent{now, Actor{u"tester"_s, QHostAddress::LocalHost},
                                            AuditAction::TokenCreated, token.id, QString()});
        QVERIFY(created.ok());
    }

    TokenCredentials createToken(AccessLevel level, const QStringList &ranges)
    {
        const TokenCredentials credentials = TokenFormat::generate();
        storeToken(credentials, level, ranges);
        return credentials;
    }

    template<typename Edit>
    void change(const QString &id, Edit edit)
    {
        TokenChanges changes;
        edit(changes);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto updated =
            m_store->updateToken(id, changes, std::nullopt, now,
                                 AuditEvent{now, Actor{u"tester"_s, QHostAddress::LocalHost},
                                            AuditAction::TokenChanged, id, QString()});
        QVERIFY(updated.ok());
        m_verifier->invalidate(id); // what every handler does after a change
    }

    std::unique_ptr<Testing::TestDatabase> m_database;
    Stores m_stores;
    TokenStore *m_store = nullptr;
    std::unique_ptr<MasterKey> m_key;
    std::unique_ptr<SecretVault> m_vault;
    std::unique_ptr<CountingStore> m_counting;
    std::unique_ptr<UsageRecorder> m_usage;
    std::unique_ptr<DatabaseHealth> m_health;
    std::unique_ptr<Verifier> m_verifier;
};

QTEST_GUILESS_MAIN(TestVerifier)
#include "tst_verifier.moc"
