// SessionKeychain on a session bus without a Secret Service (a desktop
// without gnome-keyring or KWallet), run by `with-keyring
// --no-secret-service`: D-Bus answers "ServiceUnknown", and every call is
// Unavailable, said once. Then a Secret Service that takes the bus name and
// never answers: each call gives up after the time-out, the next queued one
// too, and nothing hangs.
#include "keychain/SessionKeychain.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusVirtualObject>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace ApiAccess;
using namespace Qt::StringLiterals;

namespace {
constexpr int kWaitMs = 20'000;
const QString kSecrets = u"org.freedesktop.secrets"_s;

StoredSession session()
{
    return {QUrl(u"https://tokens.example.com/"_s), u"alice"_s, "sess_noservice_0123456789",
            QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() + 3600, Qt::UTC)};
}

// Takes every call and never replies, as a hung keyring daemon would.
class SilentSecretService : public QDBusVirtualObject
{
public:
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &) override
    {
        message.setDelayedReply(true);
        ++calls;
        return true;
    }
    QString introspect(const QString &) const override { return {}; }
    int calls = 0;
};
} // namespace

class TestSessionKeychainNoService : public QObject
{
    Q_OBJECT

    SilentSecretService m_silent;

private Q_SLOTS:
    void initTestCase()
    {
        QDBusConnection bus = QDBusConnection::sessionBus();
        QVERIFY2(bus.isConnected() && !bus.interface()->isServiceRegistered(kSecrets).value()
                     && !bus.interface()->activatableServiceNames().value().contains(kSecrets),
                 "run through `tests/support/with-keyring --no-secret-service`: a session bus "
                 "without a Secret Service");
    }

    void serviceUnknownIsUnavailableAndSaidOnce()
    {
        SessionKeychain keychain;
        QSignalSpy unavailable(&keychain, &SessionKeychain::unavailable);
        QObject context;
        std::optional<KeychainResult> stored, loaded, removed;
        keychain.store(u"p1"_s, session(), &context, [&](KeychainResult r) { stored = r; });
        keychain.load(u"p1"_s, &context, [&](auto, KeychainResult r) { loaded = r; });
        keychain.remove(u"p1"_s, &context, [&](KeychainResult r) { removed = r; });
        QVERIFY(QTest::qWaitFor([&] { return stored && loaded && removed; }, kWaitMs));
        for (const auto &result : {*stored, *loaded, *removed}) {
            QCOMPARE(result.status, KeychainStatus::Unavailable);
            QCOMPARE(result.message,
                     u"No keychain is available (Secret Service not running); you "
                     "will have to sign in again next time."_s);
        }
        QCOMPARE(unavailable.count(), 1);
    }

    // Last: the silent service keeps QtKeychain's queue busy from here on.
    void silentServiceTimesOutWithoutHanging()
    {
        QDBusConnection bus = QDBusConnection::sessionBus();
        QVERIFY(bus.registerVirtualObject(u"/org/freedesktop/secrets"_s, &m_silent,
                                          QDBusConnection::SubPath));
        QVERIFY(bus.registerService(kSecrets));

        SessionKeychain keychain;
        keychain.setTimeout(std::chrono::milliseconds(1500));
        QSignalSpy unavailable(&keychain, &SessionKeychain::unavailable);
        QObject context;
        std::optional<KeychainResult> stored, loaded;
        bool sessionLoaded = false;
        QElapsedTimer clock;
        clock.start();
        keychain.store(u"p1"_s, session(), &context, [&](KeychainResult r) { stored = r; });
        // Queued behind the stuck store inside QtKeychain: times out as well.
        keychain.load(u"p1"_s, &context, [&](std::optional<StoredSession> s, KeychainResult r) {
            sessionLoaded = s.has_value();
            loaded = r;
        });
        QVERIFY(QTest::qWaitFor([&] { return stored && loaded; }, kWaitMs));
        QVERIFY(clock.elapsed() >= 1500); // it waited for the service, then gave up
        QVERIFY(m_silent.calls > 0); // the request did reach the silent service
        for (const auto &result : {*stored, *loaded}) {
            QCOMPARE(result.status, KeychainStatus::Unavailable);
            QCOMPARE(result.message,
                     u"The keychain did not answer within 2 seconds; you will "
                     "have to sign in again next time."_s);
        }
        QVERIFY(!sessionLoaded);
        QCOMPARE(unavailable.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSessionKeychainNoService)
#include "tst_sessionkeychain_noservice.moc"
