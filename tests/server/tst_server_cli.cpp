// The command line of the real apiaccess-server binary: --help, --version,
// usage errors, the ready line, signals, graceful stop, the admin commands
// against a running server, the master key and start failures.

#include "ApiTestClient.h"
#include "ServerProcess.h"
#include "common/Version.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using ApiAccess::Testing::ApiReply;
using ApiAccess::Testing::ApiTestClient;
using ApiAccess::Testing::ServerProcess;

namespace {

constexpr int kWaitMs = 15'000;
const QString kPassword = u"correct horse battery staple"_s;

struct Finished
{
    int exitCode = -1; // -1: crashed, or still running after the timeout (then killed)
    QByteArray out;
    QByteArray err;
};

// Runs the binary to its end. A working directory of its own keeps a
// default ./apiaccess-data from appearing next to the test.
Finished runBinary(const QStringList &arguments, const QByteArray &input = {})
{
    QTemporaryDir cwd;
    QProcess process;
    process.setWorkingDirectory(cwd.path());
    process.start(ServerProcess::binaryPath(), arguments);
    Finished result;
    if (!process.waitForStarted(kWaitMs))
        return result;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(kWaitMs)) {
        process.kill();
        process.waitForFinished(kWaitMs);
    } else if (process.exitStatus() == QProcess::NormalExit) {
        result.exitCode = process.exitCode();
    }
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

// A server started here rather than through ServerProcess, for the tests
// that need its process id (signals) or watch it end by itself.
class OwnServer
{
public:
    bool start()
    {
        m_process.start(ServerProcess::binaryPath(),
                        {u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s,
                         m_dataDir.path(), u"--threads"_s, u"2"_s});
        if (!m_process.waitForStarted(kWaitMs))
            return false;
        static const QRegularExpression ready(u"^listening on http://127\\.0\\.0\\.1:(\\d+)\n"_s);
        QByteArray out;
        while (m_process.waitForReadyRead(kWaitMs)) {
            out += m_process.readAllStandardOutput();
            const auto match = ready.match(QString::fromUtf8(out));
            if (match.hasMatch()) {
                m_port = quint16(match.captured(1).toUInt());
                return true;
            }
        }
        return false;
    }
    void signal(int number) { ::kill(pid_t(m_process.processId()), number); }
    bool waitForExit()
    {
        // waitForFinished() is false for a process that has already ended.
        return m_process.state() == QProcess::NotRunning || m_process.waitForFinished(kWaitMs);
    }
    bool exitedNormallyWith(int code) const
    {
        return m_process.state() == QProcess::NotRunning
            && m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == code;
    }
    quint16 port() const { return m_port; }
    QUrl url() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(m_port)); }
    QString dataDir() const { return m_dataDir.path(); }
    QByteArray log() { return m_process.readAllStandardError(); }

private:
    QTemporaryDir m_dataDir;
    QProcess m_process;
    quint16 m_port = 0;
};

// A connection attempt that the server refuses (or drops unanswered): it
// no longer accepts clients.
bool refusesNewConnections(quint16 port)
{
    QTcpSocket probe;
    probe.connectToHost(u"127.0.0.1"_s, port);
    if (!probe.waitForConnected(kWaitMs))
        return true;
    probe.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    return !probe.waitForReadyRead(kWaitMs);
}

QStringList lines(const QByteArray &text)
{
    QStringList result = QString::fromUtf8(text).split(u'\n', Qt::SkipEmptyParts);
    result.sort();
    return result;
}

} // namespace

class TestServerCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void help_data();
    void help();
    void version();
    void usageErrors_data();
    void usageErrors();
    void readyLineIsTheOnlyOutput();
    void stopSignalExitsZero_data();
    void stopSignalExitsZero();
    void stopAnswersRequestInFlight();
    void adminAddAndList();
    void adminPasswdAgainstRunningServer();
    void adminRemoveEndsSessions();
    void masterKeyIsCreatedPrivate();
    void keyFileReadableByOthersIsRefused();
    void occupiedPortFailsToStart();
    void unreachableDatabaseFailsToStart();
};

void TestServerCli::help_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("--help") << QStringList{u"--help"_s};
    QTest::newRow("serve --help") << QStringList{u"serve"_s, u"--help"_s};
}

void TestServerCli::help()
{
    QFETCH(QStringList, arguments);
    const Finished run = runBinary(arguments);
    QCOMPARE(run.exitCode, 0);
    for (const char *mention :
         {"serve", "admin add", "admin passwd", "admin list", "admin remove", "--password-stdin",
          "--listen", "--data-dir", "--trusted-proxy", "--tls-cert", "--tls-key", "--threads",
          "--database", "--database-password-file", "--cache-grace", "migrate --from-data-dir"})
        QVERIFY2(run.out.contains(mention), mention);
    QVERIFY2(run.err.isEmpty(), run.err.constData());
}

void TestServerCli::version()
{
    QVERIFY(QRegularExpression(u"^\\d+\\.\\d+\\.\\d+"_s).match(ApiAccess::version()).hasMatch());
    const Finished run = runBinary({u"--version"_s});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(QString::fromUtf8(run.out), u"apiaccess-server/"_s + ApiAccess::version() + u'\n');
    QVERIFY2(run.err.isEmpty(), run.err.constData());
}

void TestServerCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("named"); // what stderr must mention

    QTest::newRow("nothing") << QStringList{} << QByteArray("serve");
    QTest::newRow("unknown command") << QStringList{u"frobnicate"_s} << QByteArray("frobnicate");
    QTest::newRow("unknown option")
        << QStringList{u"serve"_s, u"--colour"_s} << QByteArray("colour");
    QTest::newRow("positional") << QStringList{u"serve"_s, u"now"_s} << QByteArray("now");
    QTest::newRow("listen host name")
        << QStringList{u"serve"_s, u"--listen"_s, u"localhost:8080"_s} << QByteArray("localhost");
    QTest::newRow("listen port too big")
        << QStringList{u"serve"_s, u"--listen"_s, u"127.0.0.1:65536"_s} << QByteArray("port");
    QTest::newRow("listen no port")
        << QStringList{u"serve"_s, u"--listen"_s, u"127.0.0.1"_s} << QByteArray("--listen");
    QTest::newRow("listen ipv6 without brackets")
        << QStringList{u"serve"_s, u"--listen"_s, u"::1:8080"_s} << QByteArray("bracket");
    QTest::newRow("tls cert without key")
        << QStringList{u"serve"_s, u"--tls-cert"_s, u"cert.pem"_s} << QByteArray("--tls-key");
    QTest::newRow("tls key without cert")
        << QStringList{u"serve"_s, u"--tls-key"_s, u"key.pem"_s} << QByteArray("--tls-cert");
    QTest::newRow("threads zero") << QStringList{u"serve"_s, u"--threads"_s, u"0"_s}
                                  << QByteArray("--threads");
    QTest::newRow("read timeout not a number")
        << QStringList{u"serve"_s, u"--read-timeout"_s, u"soon"_s} << QByteArray("--read-timeout");
    QTest::newRow("trusted proxy junk")
        << QStringList{u"serve"_s, u"--trusted-proxy"_s, u"10.0.0.300"_s}
        << QByteArray("--trusted-proxy");
    QTest::newRow("admin without command") << QStringList{u"admin"_s} << QByteArray("admin");
    QTest::newRow("admin unknown command")
        << QStringList{u"admin"_s, u"promote"_s, u"x"_s} << QByteArray("promote");
    QTest::newRow("admin add without --password-stdin")
        << QStringList{u"admin"_s, u"add"_s, u"alice"_s} << QByteArray("--password-stdin");
    QTest::newRow("database not postgresql")
        << QStringList{u"serve"_s, u"--database"_s, u"mysql://u@db.example.com/tokens"_s}
        << QByteArray("postgresql://");
    QTest::newRow("database without a name")
        << QStringList{u"serve"_s, u"--database"_s, u"postgresql://u@db.example.com"_s}
        << QByteArray("DBNAME");
    QTest::newRow("database with a query")
        << QStringList{u"serve"_s, u"--database"_s,
                       u"postgresql://u:pa55word@db.example.com/tokens?sslmode=disable"_s}
        << QByteArray("query");
    QTest::newRow("password file without database")
        << QStringList{u"serve"_s, u"--database-password-file"_s, u"/etc/passwd"_s}
        << QByteArray("--database");
    QTest::newRow("password file missing")
        << QStringList{u"serve"_s, u"--database"_s, u"postgresql://u@db.example.com/tokens"_s,
                       u"--database-password-file"_s, u"/nonexistent/db.password"_s}
        << QByteArray("/nonexistent/db.password");
    QTest::newRow("cache grace not a number")
        << QStringList{u"serve"_s, u"--cache-grace"_s, u"a while"_s} << QByteArray("--cache-grace");
    QTest::newRow("admin database not postgresql")
        << QStringList{u"admin"_s, u"list"_s, u"--database"_s, u"sqlite:///tmp/x"_s}
        << QByteArray("postgresql://");
    QTest::newRow("migrate without --to")
        << QStringList{u"migrate"_s, u"--from-data-dir"_s, u"/tmp"_s} << QByteArray("--to");
    QTest::newRow("migrate unknown option")
        << QStringList{u"migrate"_s, u"--force"_s} << QByteArray("--force");
}

void TestServerCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, named);
    QTemporaryDir dataDir;
    const bool takesDataDir = !arguments.isEmpty() && arguments.first() != u"migrate"_s;
    const Finished run = runBinary(
        takesDataDir ? arguments + QStringList{u"--data-dir"_s, dataDir.path()} : arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(named), run.err.constData());
    QVERIFY2(!run.out.contains("listening"), run.out.constData());
    // A password in a --database URL is never repeated.
    QVERIFY2(!run.err.contains("pa55word"), run.err.constData());
}

void TestServerCli::readyLineIsTheOnlyOutput()
{
    ServerProcess server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    const int port = server.baseUrl().port();
    QVERIFY(port > 0 && port != 8080);

    // Some traffic, answered and refused, so that anything that might print does.
    ApiTestClient client(server.baseUrl());
    QCOMPARE(client.get(u"/healthz"_s).status, 200);
    QCOMPARE(client.get(u"/no-such-path"_s).status, 404);
    QCOMPARE(client.signIn(u"nobody"_s, kPassword), false);

    QCOMPARE(server.stop(), 0);
    QCOMPARE(server.standardOutput(),
             "listening on http://127.0.0.1:" + QByteArray::number(port) + '\n');
    // The log is on standard error, one line per request.
    QVERIFY2(server.log().contains("route=/healthz"), server.log().constData());
}

void TestServerCli::stopSignalExitsZero_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void TestServerCli::stopSignalExitsZero()
{
    QFETCH(int, signalNumber);
    OwnServer server;
    QVERIFY(server.start());
    ApiTestClient client(server.url());
    QCOMPARE(client.get(u"/healthz"_s).status, 200); // a keep-alive connection stays open
    server.signal(signalNumber);
    QVERIFY2(server.waitForExit(), "the server did not stop within 15 s");
    QVERIFY2(server.exitedNormallyWith(0), server.log().constData());
}

// Graceful stop: a request the server has begun to read is still answered.
// "Begun to read" must be certain, or the test would race with the stop
// (an idle connection is rightly closed). Expect: 100-continue gives that
// certainty: the interim answer comes only once the header block is read.
void TestServerCli::stopAnswersRequestInFlight()
{
    OwnServer server;
    QVERIFY(server.start());
    QTcpSocket socket;
    socket.connectToHost(u"127.0.0.1"_s, server.port());
    QVERIFY(socket.waitForConnected(kWaitMs));
    const QByteArray body = R"({"username":"nobody","password":"not the password at all"})";
    socket.write("POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                 "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: "
                 + QByteArray::number(body.size()) + "\r\n\r\n");
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).contains("\r\n\r\n"), kWaitMs);
    QVERIFY2(received.startsWith("HTTP/1.1 100 "), received.constData());
    received.clear();

    server.signal(SIGTERM);
    QTRY_VERIFY_WITH_TIMEOUT(refusesNewConnections(server.port()), kWaitMs);

    socket.write(body);
    QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).contains("}")
                                 || socket.state() == QAbstractSocket::UnconnectedState,
                             kWaitMs);
    received += socket.readAll();
    QVERIFY2(received.startsWith("HTTP/1.1 401 "), received.constData());
    QVERIFY2(received.contains("application/problem+json"), received.constData());
    QVERIFY2(received.toLower().contains("\r\nconnection: close\r\n"), received.constData());
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, kWaitMs);
    QVERIFY2(server.waitForExit(), server.log().constData());
    QVERIFY2(server.exitedNormallyWith(0), server.log().constData());
}

void TestServerCli::adminAddAndList()
{
    ServerProcess server; // not started: only its data directory is used
    const auto tooShort = server.admin({u"add"_s, u"alice"_s, u"--password-stdin"_s}, "short\n");
    QVERIFY(tooShort.exitCode != 0);
    QVERIFY2(tooShort.err.contains("too short"), tooShort.err.constData());

    QVERIFY(server.addAdmin(u"alice"_s, kPassword));
    QVERIFY(server.addAdmin(u"bob@example.org"_s, kPassword + u"!"_s));
    const auto duplicate =
        server.admin({u"add"_s, u"alice"_s, u"--password-stdin"_s}, "another long password\n");
    QCOMPARE(duplicate.exitCode, 1);
    QVERIFY2(duplicate.err.contains("alice") && duplicate.err.contains("already exists"),
             duplicate.err.constData());

    const auto list = server.admin({u"list"_s});
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(lines(list.out), (QStringList{u"alice"_s, u"bob@example.org"_s}));
    QVERIFY2(!list.out.contains("argon2") && !list.out.contains("$"), list.out.constData());
    QVERIFY(!list.out.contains(kPassword.toUtf8()));
}

void TestServerCli::adminPasswdAgainstRunningServer()
{
    ServerProcess server;
    QVERIFY(server.addAdmin(u"alice"_s, kPassword));
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    ApiTestClient before(server.baseUrl());
    QVERIFY(before.signIn(u"alice"_s, kPassword));
    QCOMPARE(before.get(u"/api/v1/tokens"_s).status, 200);

    const QString newPassword = u"a different passphrase entirely"_s;
    const auto changed =
        server.admin({u"passwd"_s, u"alice"_s, u"--password-stdin"_s}, newPassword.toUtf8() + '\n');
    QVERIFY2(changed.exitCode == 0, changed.err.constData());

    ApiTestClient after(server.baseUrl());
    QVERIFY2(!after.signIn(u"alice"_s, kPassword), "the old password still signs in");
    QVERIFY2(after.signIn(u"alice"_s, newPassword), "the new password does not sign in");
    QCOMPARE(after.get(u"/api/v1/tokens"_s).status, 200);
    // `admin passwd` says the user's sessions were ended.
    const ApiReply old = before.get(u"/api/v1/tokens"_s);
    QVERIFY2(old.status == 401, old.describe().constData());

    const auto unknown = server.admin({u"passwd"_s, u"mallory"_s, u"--password-stdin"_s},
                                      newPassword.toUtf8() + '\n');
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains("mallory"), unknown.err.constData());
}

void TestServerCli::adminRemoveEndsSessions()
{
    ServerProcess server;
    QVERIFY(server.addAdmin(u"alice"_s, kPassword));
    QVERIFY(server.addAdmin(u"bob"_s, kPassword));
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    ApiTestClient alice(server.baseUrl());
    ApiTestClient bob(server.baseUrl());
    QVERIFY(alice.signIn(u"alice"_s, kPassword));
    QVERIFY(bob.signIn(u"bob"_s, kPassword));
    QCOMPARE(alice.get(u"/api/v1/tokens"_s).status, 200);

    const auto removed = server.admin({u"remove"_s, u"alice"_s});
    QVERIFY2(removed.exitCode == 0, removed.err.constData());

    const ApiReply ended = alice.get(u"/api/v1/tokens"_s);
    QVERIFY2(ended.status == 401, ended.describe().constData());
    QVERIFY(!ended.header("WWW-Authenticate").isEmpty());
    ApiTestClient again(server.baseUrl());
    QVERIFY2(!again.signIn(u"alice"_s, kPassword), "a removed admin can still sign in");
    QCOMPARE(bob.get(u"/api/v1/tokens"_s).status, 200); // the other admin is untouched
    QCOMPARE(lines(server.admin({u"list"_s}).out), QStringList{u"bob"_s});

    const auto unknown = server.admin({u"remove"_s, u"alice"_s});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains("alice"), unknown.err.constData());
}

void TestServerCli::masterKeyIsCreatedPrivate()
{
    ServerProcess server;
    const QString keyFile = server.dataDir() + u"/master.key"_s;
    QVERIFY(!QFile::exists(keyFile));
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    struct stat info
    {
    };
    QCOMPARE(::stat(QFile::encodeName(keyFile).constData(), &info), 0);
    QCOMPARE(info.st_mode & 07777, mode_t(0600));
    QCOMPARE(qint64(info.st_size), qint64(32));
}

void TestServerCli::keyFileReadableByOthersIsRefused()
{
    QTemporaryDir dataDir;
    const QString keyFile = dataDir.filePath(u"shared.key"_s);
    QFile file(keyFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(32, 'k'));
    file.close();
    QVERIFY(::chmod(QFile::encodeName(keyFile).constData(), 0644) == 0);

    const Finished run = runBinary({u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s,
                                    dataDir.path(), u"--key-file"_s, keyFile});
    QVERIFY2(run.exitCode > 0, run.err.constData());
    QVERIFY2(run.err.contains(QFile::encodeName(keyFile)) && run.err.contains("0644"),
             run.err.constData());
    QVERIFY2(run.out.isEmpty(), run.out.constData());
}

void TestServerCli::occupiedPortFailsToStart()
{
    ServerProcess first;
    QVERIFY2(first.start(), qPrintable(first.errorString()));
    const QString address = u"127.0.0.1:%1"_s.arg(first.baseUrl().port());

    QTemporaryDir dataDir;
    const Finished second =
        runBinary({u"serve"_s, u"--listen"_s, address, u"--data-dir"_s, dataDir.path()});
    QVERIFY2(second.exitCode > 0, second.err.constData());
    QVERIFY2(second.err.contains(address.toUtf8()), second.err.constData());
    QVERIFY2(second.err.contains("in use"), second.err.constData());
    QVERIFY2(second.out.isEmpty(), second.out.constData());
    // The first server is unaffected.
    QCOMPARE(ApiTestClient(first.baseUrl()).get(u"/healthz"_s).status, 200);
}

void TestServerCli::unreachableDatabaseFailsToStart()
{
    // Nothing listens on port 1: the server says which database it could
    // not reach (never the password) and exits 1 without a ready line.
    QTemporaryDir dataDir;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PGPASSWORD"_s, u"env-pa55word"_s);
    process.setProcessEnvironment(environment);
    process.start(ServerProcess::binaryPath(),
                  {u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dataDir.path(),
                   u"--database"_s, u"postgresql://alice:url-pa55word@127.0.0.1:1/tokens"_s});
    QVERIFY(process.waitForFinished(60'000));
    const QByteArray err = process.readAllStandardError();
    QCOMPARE(process.exitCode(), 1);
    QVERIFY2(err.contains("postgresql://alice@127.0.0.1:1/tokens"), err.constData());
    QVERIFY2(!err.contains("pa55word"), err.constData());
    QVERIFY(process.readAllStandardOutput().isEmpty());
}

QTEST_GUILESS_MAIN(TestServerCli)
#include "tst_server_cli.moc"
