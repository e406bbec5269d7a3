// SessionKeychain where there is no D-Bus session bus at all (a server, a
// container, a broken login): every call ends Unavailable with a clear
// sentence, the keychain says so once, nothing crashes or hangs, and no
// plain-text fallback file appears. The bus address points at a socket that
// does not exist, set before anything in this process touches D-Bus. CTest
// runs it twice: with libsecret, and as on a KDE desktop without it (see
// tests/client/CMakeLists.txt), where QtKeychain goes to KWallet instead.
#include "keychain/SessionKeychain.h"

#include <QDirIterator>
#include <QFile>
#include <QLibrary>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ApiAccess;
using namespace Qt::StringLiterals;

namespace {
constexpr int kWaitMs = 20'000;
const QByteArray kToken = "sess_nobus_0123456789abcdef0123456789abcdef";

StoredSession session()
{
    return {QUrl(u"https://tokens.example.com/"_s), u"alice"_s, kToken,
            QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() + 3600, Qt::UTC)};
}

struct Outcomes
{
    std::optional<KeychainResult> stored, loaded, removed;
    bool sessionLoaded = false;
    int calls = 0;
    bool complete() const { return stored && loaded && removed; }
};

// All three at once, as a Studio starting up and signing in might.
void storeLoadRemove(SessionKeychain &keychain, QObject *context, Outcomes &out)
{
    keychain.store(u"p1"_s, session(), context, [&out](KeychainResult r) {
        ++out.calls;
        out.stored = r;
    });
    keychain.load(u"p1"_s, context, [&out](std::optional<StoredSession> s, KeychainResult r) {
        ++out.calls;
        out.sessionLoaded = s.has_value();
        out.loaded = r;
    });
    keychain.remove(u"p1"_s, context, [&out](KeychainResult r) {
        ++out.calls;
        out.removed = r;
    });
}
} // namespace

class TestSessionKeychainNoBus : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("DBUS_SESSION_BUS_ADDRESS",
                "unix:path=" + QFile::encodeName(m_home.filePath(u"no-bus-here"_s)));
        qunsetenv("DISPLAY"); // no D-Bus autolaunch through X11 either
        qputenv("HOME", QFile::encodeName(m_home.path()));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(u".config"_s)));
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.filePath(u".local/share"_s)));
        if (qEnvironmentVariableIsSet("APIACCESS_TEST_NO_LIBSECRET")) {
            QLibrary libsecret(u"secret-1"_s, 0); // as QtKeychain loads it
            QVERIFY2(!libsecret.resolve("secret_password_store"),
                     "the empty stand-in for libsecret was not the one loaded");
        }
    }

    void everyCallIsUnavailableAndSaidOnce()
    {
        SessionKeychain keychain;
        keychain.setTimeout(std::chrono::seconds(10));
        QSignalSpy unavailable(&keychain, &SessionKeychain::unavailable);
        QObject context;
        Outcomes out;
        storeLoadRemove(keychain, &context, out);
        QVERIFY(QTest::qWaitFor([&] { return out.complete(); }, kWaitMs));

        for (const auto &result : {*out.stored, *out.loaded, *out.removed}) {
            QCOMPARE(result.status, KeychainStatus::Unavailable);
            // Why, and what it means for the admin; not the time-out.
            QVERIFY2(
                result.message.startsWith(u"No keychain is available (no D-Bus session bus)"_s),
                qPrintable(result.message));
            QVERIFY2(result.message.contains(u"sign in again"_s), qPrintable(result.message));
        }
        QVERIFY(!out.sessionLoaded);
        QCOMPARE(unavailable.count(), 1);
        QCOMPARE(unavailable.first().first().toString(), out.stored->message);

        // Later calls: the same answer, no second announcement.
        Outcomes again;
        storeLoadRemove(keychain, &context, again);
        QVERIFY(QTest::qWaitFor([&] { return again.complete(); }, kWaitMs));
        QCOMPARE(again.stored->status, KeychainStatus::Unavailable);
        QCOMPARE(unavailable.count(), 1);
        QCOMPARE(out.calls + again.calls, 6);
    }

    void eachKeychainSaysItOnceOfItsOwn()
    {
        SessionKeychain first;
        SessionKeychain second(u"io.github.apiaccess.Studio.other"_s);
        QSignalSpy firstSaid(&first, &SessionKeychain::unavailable);
        QSignalSpy secondSaid(&second, &SessionKeychain::unavailable);
        QObject context;
        Outcomes a, b;
        storeLoadRemove(first, &context, a);
        storeLoadRemove(second, &context, b);
        QVERIFY(QTest::qWaitFor([&] { return a.complete() && b.complete(); }, kWaitMs));
        QCOMPARE(firstSaid.count(), 1);
        QCOMPARE(secondSaid.count(), 1);
    }

    // QtKeychain's insecure fallback would have written the entry to a
    // QSettings file under XDG_CONFIG_HOME.
    void nothingWasWrittenInPlainText()
    {
        QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray content = file.readAll();
            QVERIFY2(!content.contains(kToken) && !content.contains(kToken.toBase64()),
                     qPrintable(file.fileName()));
        }
        QVERIFY(!QFile::exists(m_home.filePath(u".config"_s)));
    }
};

QTEST_GUILESS_MAIN(TestSessionKeychainNoBus)
#include "tst_sessionkeychain_nobus.moc"
