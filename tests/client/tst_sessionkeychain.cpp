// SessionKeychain against a real Secret Service: a private gnome-keyring on
// a private session bus (tests/support/with-keyring). Sessions round-trip,
// profiles stay apart, sign-out removes the entry, and secret-tool (what an
// admin would use to look) sees the entry exactly as QtKeychain's libsecret
// backend stores it, with the token in the secret only and no password.
// No file in the private HOME ever holds the token: no plain-text fallback.
#include "keychain/SessionKeychain.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <array>

using namespace ApiAccess;
using namespace Qt::StringLiterals;

namespace {
constexpr int kWaitMs = 20'000;
const QString kService = u"io.github.apiaccess.Studio.test"_s;

QByteArray newToken()
{
    std::array<quint32, 8> random;
    QRandomGenerator::system()->fillRange(random.data(), random.size());
    return "sess_"
        + QByteArray(reinterpret_cast<const char *>(random.data()), sizeof random).toHex();
}

StoredSession sessionWith(const QByteArray &token)
{
    const qint64 inAWeek = QDateTime::currentSecsSinceEpoch() + 7 * 24 * 3600;
    return {QUrl(u"https://tokens.example.com:8443/"_s), u"alice"_s, token,
            QDateTime::fromSecsSinceEpoch(inAWeek, Qt::UTC)};
}

struct Loaded
{
    std::optional<StoredSession> session;
    KeychainResult result;
    int calls = 0;
    QByteArray token() const { return session ? session->sessionToken : QByteArray(); }
};

struct ToolRun
{
    int exitCode = -1;
    QByteArray output; // standard output and error, as an admin sees them
};

// secret-tool prints the label and secret on standard output and the
// attributes on standard error.
ToolRun secretTool(const QStringList &arguments)
{
    QProcess tool;
    tool.setProcessChannelMode(QProcess::MergedChannels);
    tool.start(u"secret-tool"_s, arguments);
    if (!tool.waitForFinished(kWaitMs) || tool.exitStatus() != QProcess::NormalExit)
        return {};
    return {tool.exitCode(), tool.readAll()};
}

QStringList entryAttributes(const QString &profileId, const QString &service = kService)
{
    return {u"user"_s, SessionKeychain::entryKey(profileId), u"server"_s, service};
}

// The files under `root` holding any of `needles`.
QStringList filesContaining(const QString &root, const QList<QByteArray> &needles)
{
    QStringList found;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray content = file.readAll();
        for (const QByteArray &needle : needles) {
            if (content.contains(needle))
                found << file.fileName();
        }
    }
    return found;
}
} // namespace

class TestSessionKeychain : public QObject
{
    Q_OBJECT

private:
    // Failed with this message when no callback came in time.
    static KeychainResult noCallback() { return {KeychainStatus::Failed, u"no callback"_s}; }

    KeychainResult store(SessionKeychain &keychain, const QString &profileId,
                         const StoredSession &session)
    {
        if (!session.sessionToken.isEmpty())
            m_tokens << session.sessionToken;
        QObject context;
        std::optional<KeychainResult> result;
        keychain.store(profileId, session, &context, [&](KeychainResult r) { result = r; });
        (void)QTest::qWaitFor([&] { return result.has_value(); }, kWaitMs);
        return result.value_or(noCallback());
    }

    Loaded load(SessionKeychain &keychain, const QString &profileId)
    {
        QObject context;
        Loaded loaded;
        keychain.load(profileId, &context, [&](std::optional<StoredSession> s, KeychainResult r) {
            ++loaded.calls;
            loaded.session = std::move(s);
            loaded.result = r;
        });
        (void)QTest::qWaitFor([&] { return loaded.calls > 0; }, kWaitMs);
        return loaded;
    }

    KeychainResult remove(SessionKeychain &keychain, const QString &profileId)
    {
        QObject context;
        std::optional<KeychainResult> result;
        keychain.remove(profileId, &context, [&](KeychainResult r) { result = r; });
        (void)QTest::qWaitFor([&] { return result.has_value(); }, kWaitMs);
        return result.value_or(noCallback());
    }

    QList<QByteArray> m_tokens; // every token stored: none may reach a file

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!QStandardPaths::findExecutable(u"secret-tool"_s).isEmpty(),
                 "secret-tool is missing (Debian: libsecret-tools)");
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS")
                     && qEnvironmentVariable("XDG_CONFIG_HOME")
                            .startsWith(qEnvironmentVariable("HOME") + u'/'),
                 "run through tests/support/with-keyring: a private bus, keyring and HOME");
    }

    void storedSessionLoadsBackFieldByField()
    {
        SessionKeychain keychain(kService);
        QSignalSpy unavailable(&keychain, &SessionKeychain::unavailable);
        const StoredSession session = sessionWith(newToken());
        QCOMPARE(store(keychain, u"roundtrip"_s, session).status, KeychainStatus::Ok);

        const Loaded loaded = load(keychain, u"roundtrip"_s);
        QCOMPARE(loaded.calls, 1);
        QCOMPARE(loaded.result.status, KeychainStatus::Ok);
        QVERIFY(loaded.session);
        QCOMPARE(loaded.session->serverUrl, session.serverUrl);
        QCOMPARE(loaded.session->username, session.username);
        QCOMPARE(loaded.session->sessionToken, session.sessionToken);
        QCOMPARE(loaded.session->expiresAt, session.expiresAt);
        QCOMPARE(unavailable.count(), 0);
    }

    void missingProfileIsNotFound()
    {
        SessionKeychain keychain(kService);
        const Loaded loaded = load(keychain, u"never-stored"_s);
        QCOMPARE(loaded.calls, 1);
        QCOMPARE(loaded.result.status, KeychainStatus::NotFound);
        QVERIFY(!loaded.session);
    }

    void signOutRemovesTheEntryForGood()
    {
        SessionKeychain keychain(kService);
        QCOMPARE(store(keychain, u"signout"_s, sessionWith(newToken())).status, KeychainStatus::Ok);
        QCOMPARE(load(keychain, u"signout"_s).result.status, KeychainStatus::Ok);
        QCOMPARE(remove(keychain, u"signout"_s).status, KeychainStatus::Ok);
        QCOMPARE(load(keychain, u"signout"_s).result.status, KeychainStatus::NotFound);
        // Signing out twice is not an error.
        QCOMPARE(remove(keychain, u"signout"_s).status, KeychainStatus::Ok);
    }

    void profilesAreIndependent()
    {
        SessionKeychain keychain(kService);
        const StoredSession a = sessionWith(newToken());
        StoredSession b = sessionWith(newToken());
        b.serverUrl = QUrl(u"https://staging.example.com/"_s);
        b.username = u"bob"_s;
        QCOMPARE(store(keychain, u"a"_s, a).status, KeychainStatus::Ok);
        QCOMPARE(store(keychain, u"b"_s, b).status, KeychainStatus::Ok);
        QCOMPARE(load(keychain, u"a"_s).token(), a.sessionToken);
        QCOMPARE(load(keychain, u"b"_s).token(), b.sessionToken);

        QCOMPARE(remove(keychain, u"a"_s).status, KeychainStatus::Ok);
        QCOMPARE(load(keychain, u"a"_s).result.status, KeychainStatus::NotFound);
        const Loaded stillThere = load(keychain, u"b"_s);
        QCOMPARE(stillThere.result.status, KeychainStatus::Ok);
        QCOMPARE(stillThere.token(), b.sessionToken);
        QCOMPARE(remove(keychain, u"b"_s).status, KeychainStatus::Ok);
    }

    void storingAgainReplacesTheEntry()
    {
        SessionKeychain keychain(kService);
        const StoredSession first = sessionWith(newToken());
        const StoredSession second = sessionWith(newToken());
        QCOMPARE(store(keychain, u"replace"_s, first).status, KeychainStatus::Ok);
        QCOMPARE(store(keychain, u"replace"_s, second).status, KeychainStatus::Ok);
        QCOMPARE(load(keychain, u"replace"_s).token(), second.sessionToken);
        const ToolRun search =
            secretTool(QStringList{u"search"_s, u"--all"_s} + entryAttributes(u"replace"_s));
        QCOMPARE(search.output.count("\nlabel = "), 1);
        QCOMPARE(remove(keychain, u"replace"_s).status, KeychainStatus::Ok);
    }

    void expiredSessionIsStillReturned()
    {
        SessionKeychain keychain(kService);
        StoredSession session = sessionWith(newToken());
        session.expiresAt =
            QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() - 24 * 3600, Qt::UTC);
        QCOMPARE(store(keychain, u"expired"_s, session).status, KeychainStatus::Ok);
        const Loaded loaded = load(keychain, u"expired"_s);
        QCOMPARE(loaded.result.status, KeychainStatus::Ok);
        QVERIFY(loaded.session);
        QCOMPARE(loaded.session->expiresAt, session.expiresAt); // the caller decides
        QCOMPARE(remove(keychain, u"expired"_s).status, KeychainStatus::Ok);
    }

    void secretToolSeesTheEntryWithTheTokenOnlyInTheSecret()
    {
        SessionKeychain keychain; // the application's own service name
        QCOMPARE(keychain.service(), u"io.github.apiaccess.Studio"_s);
        const QByteArray token = newToken();
        QCOMPARE(store(keychain, u"visible"_s, sessionWith(token)).status, KeychainStatus::Ok);
        const QStringList attributes = entryAttributes(u"visible"_s, keychain.service());

        const ToolRun search = secretTool(QStringList{u"search"_s, u"--all"_s} + attributes);
        QCOMPARE(search.exitCode, 0);
        const QByteArrayList lines = search.output.split('\n');
        for (const QByteArray &expected :
             {"label = io.github.apiaccess.Studio"_ba, "schema = org.qt.keychain"_ba,
              "attribute.user = profile/visible"_ba,
              "attribute.server = io.github.apiaccess.Studio"_ba, "attribute.type = base64"_ba})
            QVERIFY2(lines.contains(expected), expected.constData());
        QCOMPARE(search.output.count("\nlabel = "), 1);
        QByteArray secretLine;
        for (const QByteArray &line : lines) {
            if (line.startsWith("secret = "))
                secretLine = line;
            else
                QVERIFY2(!line.contains(token) && !line.contains(token.toBase64()),
                         "the token shows outside the secret");
        }

        const ToolRun lookup = secretTool(QStringList{u"lookup"_s} + attributes);
        QCOMPARE(lookup.exitCode, 0);
        QCOMPARE("secret = " + lookup.output.trimmed(), secretLine);
        const QJsonDocument entry = QJsonDocument::fromJson(QByteArray::fromBase64(
            lookup.output.trimmed(), QByteArray::AbortOnBase64DecodingErrors));
        QVERIFY(entry.isObject());
        QStringList keys = entry.object().keys();
        keys.sort();
        QCOMPARE(keys,
                 (QStringList{u"expiresAt"_s, u"serverUrl"_s, u"sessionToken"_s, u"username"_s,
                              u"version"_s}));
        QCOMPARE(
            QByteArray::fromBase64(entry.object().value(u"sessionToken"_s).toString().toLatin1()),
            token);

        QCOMPARE(remove(keychain, u"visible"_s).status, KeychainStatus::Ok);
        const ToolRun gone = secretTool(QStringList{u"lookup"_s} + attributes);
        QCOMPARE(gone.exitCode, 1);
        QCOMPARE(gone.output, QByteArray());
        QCOMPARE(secretTool(QStringList{u"search"_s, u"--all"_s} + attributes).output,
                 QByteArray());
    }

    void passwordInTheServerUrlIsNotKept()
    {
        SessionKeychain keychain(kService);
        StoredSession session = sessionWith(newToken());
        session.serverUrl = QUrl(u"https://alice:hunter2@tokens.example.com/"_s);
        QCOMPARE(store(keychain, u"userinfo"_s, session).status, KeychainStatus::Ok);
        const ToolRun lookup =
            secretTool(QStringList{u"lookup"_s} + entryAttributes(u"userinfo"_s));
        QVERIFY(!QByteArray::fromBase64(lookup.output.trimmed()).contains("hunter2"));
        const Loaded loaded = load(keychain, u"userinfo"_s);
        QVERIFY(loaded.session);
        QCOMPARE(loaded.session->serverUrl, QUrl(u"https://alice@tokens.example.com/"_s));
        QCOMPARE(remove(keychain, u"userinfo"_s).status, KeychainStatus::Ok);
    }

    void unreadableEntryFailsAndCanBeRemoved()
    {
        // Same item QtKeychain would find, holding something that is not ours.
        QProcess tool;
        tool.start(u"secret-tool"_s,
                   QStringList{u"store"_s, u"--label=junk"_s, u"xdg:schema"_s, u"org.qt.keychain"_s,
                               u"type"_s, u"base64"_s}
                       + entryAttributes(u"junk"_s));
        QVERIFY(tool.waitForStarted());
        tool.write("bm90IGpzb24=");
        tool.closeWriteChannel();
        QVERIFY(tool.waitForFinished(kWaitMs));
        QCOMPARE(tool.exitCode(), 0);

        SessionKeychain keychain(kService);
        const Loaded loaded = load(keychain, u"junk"_s);
        QCOMPARE(loaded.result.status, KeychainStatus::Failed);
        QVERIFY(!loaded.result.message.isEmpty());
        QVERIFY(!loaded.session);
        QCOMPARE(remove(keychain, u"junk"_s).status, KeychainStatus::Ok);
        QCOMPARE(load(keychain, u"junk"_s).result.status, KeychainStatus::NotFound);
    }

    void incompleteSessionIsNotStored()
    {
        SessionKeychain keychain(kService);
        StoredSession noExpiry = sessionWith(newToken());
        noExpiry.expiresAt = {};
        const KeychainResult noToken = store(keychain, u"incomplete"_s, sessionWith({}));
        QCOMPARE(noToken.status, KeychainStatus::Failed);
        QVERIFY(!noToken.message.isEmpty());
        QCOMPARE(store(keychain, u"incomplete"_s, noExpiry).status, KeychainStatus::Failed);
        QCOMPARE(load(keychain, u"incomplete"_s).result.status, KeychainStatus::NotFound);
    }

    void callbacksComeLaterAndOnlyWhileTheContextLives()
    {
        SessionKeychain keychain(kService);
        QCOMPARE(store(keychain, u"context"_s, sessionWith(newToken())).status, KeychainStatus::Ok);

        bool returned = false;
        bool calledEarly = false;
        std::optional<KeychainResult> early;
        QObject context;
        keychain.remove(u""_s, &context, [&](KeychainResult r) {
            calledEarly = !returned;
            early = r;
        });
        returned = true;
        QVERIFY(QTest::qWaitFor([&] { return early.has_value(); }, kWaitMs));
        QVERIFY(!calledEarly);
        QCOMPARE(early->status, KeychainStatus::Failed); // no profile named

        auto *gone = new QObject;
        int goneCalls = 0;
        keychain.load(u"context"_s, gone, [&](auto, KeychainResult) { ++goneCalls; });
        delete gone;
        // QtKeychain runs jobs one after the other: once this one is done, so
        // is the load above.
        QCOMPARE(remove(keychain, u"context"_s).status, KeychainStatus::Ok);
        QCOMPARE(goneCalls, 0);
    }

    // Locking needs no prompt; unlocking would (and none can be shown here),
    // so this comes after every test that needs the keyring open.
    void lockedKeyringIsUnavailable()
    {
        SessionKeychain keychain(kService);
        QSignalSpy unavailable(&keychain, &SessionKeychain::unavailable);
        QCOMPARE(store(keychain, u"locked"_s, sessionWith(newToken())).status, KeychainStatus::Ok);
        QDBusMessage lock = QDBusMessage::createMethodCall(
            u"org.freedesktop.secrets"_s, u"/org/freedesktop/secrets"_s,
            u"org.freedesktop.Secret.Service"_s, u"Lock"_s);
        lock << QVariant::fromValue(
            QList<QDBusObjectPath>{QDBusObjectPath(u"/org/freedesktop/secrets/aliases/default"_s)});
        const QDBusMessage locked = QDBusConnection::sessionBus().call(lock);
        QVERIFY2(locked.type() == QDBusMessage::ReplyMessage, qPrintable(locked.errorMessage()));

        // No prompt can be shown here, so it is refused at once.
        const QString refused =
            u"The keychain is locked or refused access; you will have to sign in again next time."_s;
        const KeychainResult stored = store(keychain, u"locked-new"_s, sessionWith(newToken()));
        QCOMPARE(stored.status, KeychainStatus::Unavailable);
        QCOMPARE(stored.message, refused);
        // The entry is there but cannot be read, nor deleted: not "not found", not "Ok".
        const Loaded loaded = load(keychain, u"locked"_s);
        QCOMPARE(loaded.result.status, KeychainStatus::Unavailable);
        QCOMPARE(loaded.result.message, refused);
        QVERIFY(!loaded.session);
        const KeychainResult removed = remove(keychain, u"locked"_s);
        QCOMPARE(removed.status, KeychainStatus::Unavailable);
        QCOMPARE(removed.message, refused);
        QCOMPARE(unavailable.count(), 1);
        const ToolRun search = secretTool(QStringList{u"search"_s, u"--all"_s, u"--unlock"_s}
                                          + entryAttributes(u"locked"_s));
        QCOMPARE(search.output.count("attribute.user = profile/locked\n"), 1);
    }

    // Last: every token the tests stored, raw or base64, in no file of the
    // private HOME (QtKeychain's fallback would write QSettings there; the
    // keyring file is encrypted).
    void noFileHoldsAToken()
    {
        QVERIFY(!m_tokens.isEmpty());
        QList<QByteArray> needles;
        for (const QByteArray &token : std::as_const(m_tokens))
            needles << token << token.toBase64();
        QCOMPARE(filesContaining(qEnvironmentVariable("HOME"), needles), QStringList());
        QVERIFY(
            QFile::exists(qEnvironmentVariable("XDG_DATA_HOME") + u"/keyrings/login.keyring"_s));
    }
};

QTEST_GUILESS_MAIN(TestSessionKeychain)
#include "tst_sessionkeychain.moc"
