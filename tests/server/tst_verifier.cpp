// The verification hot path: a cache hit never touches the database, every
// change is seen by the very next check, and unknown ids are remembered.
// Runs on the real SQLite store, counted through a forwarding decorator.
#include "crypto/MasterKey.h"
#include "crypto/SecretVault.h"
#include "store/SqliteStore.h"
#include "token/TokenFormat.h"
#include "verify/UsageRecorder.h"
#include "verify/Verifier.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace ApiAccess;
using namespace ApiAccess::Server;
using namespace Qt::StringLiterals;

namespace {

// Forwards to the real store and counts the reads verification may make.
class CountingStore final : public Store
{
public:
    explicit CountingStore(Store &inner)
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
    StoreResult<Nothing> recordAudit(const AuditEvent &e) override
    {
        return m_inner.recordAudit(e);
    }
    StoreResult<QList<AuditEvent>> auditEvents(int limit) override
    {
        return m_inner.auditEvents(limit);
    }
    StoreResult<Nothing> addAdmin(const AdminAccount &a) override { return m_inner.addAdmin(a); }
    StoreResult<Nothing> setAdminPassword(const QString &u, const QString &h,
                                          const QDateTime &now) override
    {
        return m_inner.setAdminPassword(u, h, now);
    }
    StoreResult<Nothing> removeAdmin(const QString &u) override { return m_inner.removeAdmin(u); }
    StoreResult<AdminAccount> findAdmin(const QString &u) override { return m_inner.findAdmin(u); }
    StoreResult<QList<AdminAccount>> listAdmins() override { return m_inner.listAdmins(); }
    StoreResult<Nothing> createSession(const SessionRecord &s) override
    {
        return m_inner.createSession(s);
    }
    StoreResult<SessionRecord> findSession(const QByteArray &h) override
    {
        return m_inner.findSession(h);
    }
    StoreResult<Nothing> touchSession(const QByteArray &h, const QDateTime &at) override
    {
        return m_inner.touchSession(h, at);
    }
    StoreResult<Nothing> deleteSession(const QByteArray &h) override
    {
        return m_inner.deleteSession(h);
    }

private:
    Store &m_inner;
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
        m_dir = std::make_unique<QTemporaryDir>();
        auto store = SqliteStore::open(m_dir->path());
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error()));
        m_store = std::move(store).value();
        auto key = MasterKey::loadOrCreate(m_dir->path(), QString());
        QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error()));
        m_key = std::make_unique<MasterKey>(std::move(key).value());
        m_vault = std::make_unique<SecretVault>(*m_key);
        m_counting = std::make_unique<CountingStore>(*m_store);
        m_usage = std::make_unique<UsageRecorder>(*m_counting, std::chrono::hours(1));
        m_verifier = std::make_unique<Verifier>(*m_counting, *m_vault, *m_usage);
    }

    void cleanup()
    {
        m_verifier.reset();
        m_usage.reset();
        m_counting.reset();
        m_vault.reset();
        m_key.reset();
        m_store.reset();
        m_dir.reset();
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

private:
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

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqliteStore> m_store;
    std::unique_ptr<MasterKey> m_key;
    std::unique_ptr<SecretVault> m_vault;
    std::unique_ptr<CountingStore> m_counting;
    std::unique_ptr<UsageRecorder> m_usage;
    std::unique_ptr<Verifier> m_verifier;
};

QTEST_GUILESS_MAIN(TestVerifier)
#include "tst_verifier.moc"
