// A profile's extra CA is trusted on top of the system's CAs, never instead
// of them: a Studio with a company CA configured still reaches servers with
// publicly trusted certificates.
//
// The "system" store holds one root CA of the test's own, in one of two
// variants; the test says which one ran:
// - "mount namespace" (wherever the kernel allows it): the test runs in its
//   own mount namespace (entered in main(), before Qt starts any thread)
//   with a tmpfs over /etc/ssl/certs laid out as Debian's ca-certificates
//   does (a .pem file and its OpenSSL hash link). Qt and OpenSSL read it as
//   they read the machine's store; the machine's own store is never touched.
// - "injected store" (a chroot, where "/" is not a mount point; a container
//   without CAP_SYS_ADMIN and without user namespaces): the same files in a
//   temporary directory, handed to the client with
//   setSystemCaDirectoryForTesting(). The behaviour under test (the extra
//   CAs added to the system's list, never replacing it; a new network
//   manager when they change) is the same code in both.
// APIACCESS_SYSTEMTRUST_VARIANT=injected picks the second where the first
// would work too, so that CTest runs both on machines that allow both.
#include "ServerProcess.h"
#include "TestCertificates.h"
#include "WaitForCall.h"
#include "api/ApiClient.h"
#include "api/SystemCaCertificates.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <cstring>
#include <optional>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

using namespace ApiAccess;
using namespace ApiAccess::Testing;
using namespace Qt::StringLiterals;

namespace {
const QString kAdmin = u"alice"_s;
const QString kPassword = u"system-trust-password-Rk4v"_s;
constexpr int kWaitMs = 15'000;
const QString kSystemStore = u"/etc/ssl/certs"_s;

// What the server logs for every request it answers (ops/RequestLog.h).
constexpr QByteArrayView kSignInRequestLine = "route=/api/v1/sessions";

QString errnoText(const char *what)
{
    return u"%1: %2"_s.arg(QString::fromLatin1(what), QString::fromLocal8Bit(std::strerror(errno)));
}

bool writeFile(const char *path, const QByteArray &text)
{
    QFile file(QString::fromLatin1(path));
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

// Without CAP_SYS_ADMIN (a container that drops it), a user namespace of
// our own gives it, for mounts in the mount namespace made with it.
QString enterUserAndMountNamespace()
{
    const QByteArray uid = QByteArray::number(::getuid());
    const QByteArray gid = QByteArray::number(::getgid());
    if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0)
        return errnoText("unshare(CLONE_NEWUSER | CLONE_NEWNS)");
    if (!writeFile("/proc/self/setgroups", "deny")
        || !writeFile("/proc/self/uid_map", "0 " + uid + " 1")
        || !writeFile("/proc/self/gid_map", "0 " + gid + " 1"))
        return errnoText("mapping this user to root in the new user namespace");
    return {};
}

// A mount namespace of our own whose mounts do not propagate back, with an
// empty tmpfs over the system store: what is mounted here is seen by this
// process (and the servers it starts) only. Returns why not, if not; then
// nothing was mounted.
QString mountPrivateSystemStore()
{
    if (::unshare(CLONE_NEWNS) != 0) {
        const QString privileged = errnoText("unshare(CLONE_NEWNS)");
        const QString unprivileged = enterUserAndMountNamespace();
        if (!unprivileged.isEmpty())
            return u"no private mount namespace: %1; %2"_s.arg(privileged, unprivileged);
    }
    // EINVAL in a chroot: its "/" is not a mount point.
    if (::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        return errnoText("making / private in the new mount namespace");
    if (!QFileInfo(kSystemStore).isDir())
        return u"no %1 to mount over (ca-certificates makes it)"_s.arg(kSystemStore);
    if (::mount("tmpfs", "/etc/ssl/certs", "tmpfs", 0, "mode=0755") != 0)
        return errnoText("mounting a tmpfs over /etc/ssl/certs");
    return {};
}

// Which store the test uses: empty for the mount namespace, else why not.
QString chooseSystemStore()
{
    if (qEnvironmentVariable("APIACCESS_SYSTEMTRUST_VARIANT") == u"injected"_s)
        return u"APIACCESS_SYSTEMTRUST_VARIANT=injected"_s;
    return mountPrivateSystemStore();
}

std::optional<Result<Session, ApiError>> signIn(ApiClient &client)
{
    return waitForCall<Session>(
        [&client](QObject *context, ApiCallback<Session> done) {
            client.signIn(kAdmin, kPassword, context, std::move(done));
        },
        kWaitMs);
}

// A sign-in whose callbacks are counted, for the tests that end it early.
struct CountedSignIn
{
    explicit CountedSignIn(ApiClient &client)
    {
        call = client.signIn(kAdmin, kPassword, &context, [this](Result<Session, ApiError> result) {
            ++callbacks;
            if (!result)
                error = result.error();
        });
    }

    QObject context;
    int callbacks = 0;
    std::optional<ApiError> error;
    QPointer<ApiCall> call;
};

QString describe(const std::optional<Result<Session, ApiError>> &result)
{
    if (!result)
        return u"no callback"_s;
    return result->ok() ? u"signed in"_s : result->error().message();
}
} // namespace

class TestApiClientSystemTrust : public QObject
{
    Q_OBJECT

public:
    explicit TestApiClientSystemTrust(QString noNamespaceBecause)
        : m_noNamespaceBecause(std::move(noNamespaceBecause))
    { }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const auto file = [this](const QString &name) {
            return m_dir.filePath(name);
        };

        // The system's root (think: a public CA) and a company's private CA,
        // each with the server certificate it issued.
        for (const auto &[name, ca] : {std::pair{u"Test System Root CA"_s, u"system-ca"_s},
                                       std::pair{u"Test Company CA"_s, u"company-ca"_s},
                                       std::pair{u"Test Unrelated CA"_s, u"unrelated-ca"_s}}) {
            const QString problem =
                makeCertificateAuthority(name, file(ca + u".pem"_s), file(ca + u".key"_s));
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        for (const QString &issuer : {u"system"_s, u"company"_s}) {
            const QString problem = makeServerCertificate(
                file(issuer + u"-ca.pem"_s), file(issuer + u"-ca.key"_s),
                file(issuer + u"-server.pem"_s), file(issuer + u"-server.key"_s));
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        // The system store, as ca-certificates lays it out, with our root only.
        // Before any QSslCertificate: Qt's TLS backend decides once, when it
        // first loads, whether it may look up roots on demand, by looking
        // for hash links like ours in the system store.
        QString store = kSystemStore;
        if (m_noNamespaceBecause.isEmpty()) {
            qInfo("variant: mount namespace (a tmpfs over %s, read by Qt and OpenSSL)",
                  qPrintable(kSystemStore));
        } else {
            store = file(u"system-store"_s);
            QVERIFY(QDir().mkpath(store));
            setSystemCaDirectoryForTesting(store);
            QVERIFY(systemCaDirectoryReplaced());
            qInfo("variant: injected store (%s, given to the client), because %s",
                  qPrintable(store), qPrintable(m_noNamespaceBecause));
        }
        const QString installed = store + u"/aas-test-system-root.pem"_s;
        QVERIFY(QFile::copy(file(u"system-ca.pem"_s), installed));
        const QString hash = subjectHash(installed);
        QVERIFY(!hash.isEmpty());
        QVERIFY(QFile::link(u"aas-test-system-root.pem"_s, store + u'/' + hash + u".0"_s));

        m_companyCa = QSslCertificate::fromPath(file(u"company-ca.pem"_s));
        m_unrelatedCa = QSslCertificate::fromPath(file(u"unrelated-ca.pem"_s));
        QCOMPARE(m_companyCa.size(), 1);
        QCOMPARE(m_unrelatedCa.size(), 1);

        for (auto &[server, issuer] :
             {std::pair{&m_publicServer, u"system"_s}, std::pair{&m_companyServer, u"company"_s}}) {
            QVERIFY2(server->start({u"--tls-cert"_s, file(issuer + u"-server.pem"_s),
                                    u"--tls-key"_s, file(issuer + u"-server.key"_s)}),
                     qPrintable(server->errorString()));
            QVERIFY(server->addAdmin(kAdmin, kPassword));
        }
    }

    // The first two tests that set an extra CA run while the system's list
    // is still being read (no event loop has run since), so their requests
    // have not gone out yet.
    void aSignInWaitingForAnotherProfilesTrustIsCanceled()
    {
        // Waiting under the company CA; then the admin switches to a profile
        // with other extra CAs. The request (with its password) must not go
        // out trusting those: it ends at once, canceled.
        ApiClient client;
        client.setServerUrl(m_publicServer.baseUrl());
        client.setExtraCaCertificates(m_companyCa);
        CountedSignIn pending(client);
        QVERIFY(pending.call && pending.call->isRunning());
        client.setExtraCaCertificates(m_unrelatedCa);
        QCOMPARE(pending.callbacks, 1);
        QVERIFY(pending.error);
        QCOMPARE(ApiError::kindName(pending.error->kind),
                 ApiError::kindName(ApiError::Kind::Canceled));
        QVERIFY(!client.isBusy());
        QTRY_VERIFY(!pending.call);
    }

    // The admin's cancel must end a waiting request once, at once, and
    // nothing reaches the server.
    void cancelingASignInThatWaitsForTheSystemsCasEndsItOnce()
    {
        ApiClient client;
        client.setServerUrl(m_publicServer.baseUrl());
        client.setExtraCaCertificates(m_companyCa);
        CountedSignIn pending(client);
        QVERIFY(pending.call);
        QVERIFY(pending.call->isRunning());
        QVERIFY(client.isBusy());
        pending.call->abort();
        QCOMPARE(pending.callbacks, 1);
        QVERIFY(pending.error);
        QCOMPARE(ApiError::kindName(pending.error->kind),
                 ApiError::kindName(ApiError::Kind::Canceled));
        QVERIFY(!client.isBusy());
        QVERIFY(!client.session());
        pending.call->abort(); // a second cancel is a no-op
        QCOMPARE(pending.callbacks, 1);
        QTRY_VERIFY(!pending.call); // the call deletes itself

        // A request after it still goes out once the list is in.
        const auto after = signIn(client);
        QVERIFY2(after && after->ok(), qPrintable(describe(after)));
        // The server logs a request after answering it: wait for the line,
        // then make sure the canceled sign-in never got one.
        QTRY_VERIFY_WITH_TIMEOUT(m_publicServer.log().contains(kSignInRequestLine), kWaitMs);
        QCOMPARE(m_publicServer.log().count(kSignInRequestLine), 1);
    }

    void theSystemStoreIsTheOneTheClientReads()
    {
        // Without extra CAs: the public server is trusted through the test's
        // store, the company's is not. Everything below relies on this.
        ApiClient client;
        client.setServerUrl(m_publicServer.baseUrl());
        const auto ok = signIn(client);
        QVERIFY2(ok && ok->ok(), qPrintable(describe(ok)));

        ApiClient refused;
        refused.setServerUrl(m_companyServer.baseUrl());
        const auto no = signIn(refused);
        QVERIFY2(no && !no->ok(), qPrintable(describe(no)));
        QCOMPARE(ApiError::kindName(no->error().kind), ApiError::kindName(ApiError::Kind::Tls));
    }

    void aCompanyCaKeepsThePubliclyTrustedServersReachable()
    {
        ApiClient client;
        client.setExtraCaCertificates(m_companyCa);

        client.setServerUrl(m_publicServer.baseUrl());
        const auto toPublic = signIn(client);
        QVERIFY2(toPublic && toPublic->ok(),
                 qPrintable(u"a publicly trusted server was refused once a company CA was "
                            "added: "_s
                            + describe(toPublic)));

        client.clearSession();
        client.setServerUrl(m_companyServer.baseUrl());
        const auto toCompany = signIn(client);
        QVERIFY2(toCompany && toCompany->ok(), qPrintable(describe(toCompany)));
    }

    void anExtraCaVouchesOnlyForWhatItIssued()
    {
        ApiClient client;
        client.setServerUrl(m_companyServer.baseUrl());
        client.setExtraCaCertificates(m_unrelatedCa);
        const auto result = signIn(client);
        QVERIFY2(result && !result->ok(), qPrintable(describe(result)));
        QCOMPARE(ApiError::kindName(result->error().kind), ApiError::kindName(ApiError::Kind::Tls));
        QVERIFY(!result->error().message().contains(kPassword));

        // Replacing the extra CAs takes effect for the next request.
        client.setExtraCaCertificates(m_companyCa);
        const auto trusted = signIn(client);
        QVERIFY2(trusted && trusted->ok(), qPrintable(describe(trusted)));
        client.clearSession();
        client.setExtraCaCertificates({});
        const auto withoutExtras = signIn(client);
        QVERIFY2(withoutExtras && !withoutExtras->ok(), qPrintable(describe(withoutExtras)));
    }

    void aSignInInFlightWhenTheTrustChangesStillFinishes()
    {
        // New trust means new connections, but a request already sent is
        // answered where it went (the profile's CA file edited mid-call).
        ApiClient client;
        client.setServerUrl(m_publicServer.baseUrl());
        QObject context;
        std::optional<Result<Session, ApiError>> out;
        client.signIn(kAdmin, kPassword, &context,
                      [&out](Result<Session, ApiError> result) { out.emplace(std::move(result)); });
        client.setExtraCaCertificates(m_companyCa);
        QVERIFY(QTest::qWaitFor([&out] { return out.has_value(); }, kWaitMs));
        QVERIFY2(out->ok(), qPrintable(describe(out)));
        QVERIFY(!client.isBusy());
        // The manager it went out on goes once its reply has.
        QTRY_COMPARE(client.findChildren<QNetworkAccessManager *>().size(), 1);

        // And the next one goes out with the new trust.
        client.clearSession();
        client.setServerUrl(m_companyServer.baseUrl());
        const auto next = signIn(client);
        QVERIFY2(next && next->ok(), qPrintable(describe(next)));
    }

private:
    QString m_noNamespaceBecause; // empty: the mount namespace variant
    QTemporaryDir m_dir;
    QList<QSslCertificate> m_companyCa;
    QList<QSslCertificate> m_unrelatedCa;
    ServerProcess m_publicServer;
    ServerProcess m_companyServer;
};

int main(int argc, char *argv[])
{
    // unshare(CLONE_NEWNS) fails once a process has a second thread.
    QString noNamespaceBecause = chooseSystemStore();
    QCoreApplication app(argc, argv);
    QTEST_SET_MAIN_SOURCE_PATH
    TestApiClientSystemTrust test(std::move(noNamespaceBecause));
    return QTest::qExec(&test, argc, argv);
}

#include "tst_apiclient_systemtrust.moc"
