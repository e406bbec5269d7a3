// The shipped nginx configuration (packaging/nginx/) in a real nginx in
// front of two real apiaccess-server instances on one real PostgreSQL:
// the token server's API load-balanced, and an example API protected with
// auth_request. Allowed, refused by address and by level, refused after
// revocation, a database outage answered 503, and still served with one
// instance killed. Runs under tests/support/with-postgres only.
#include "ApiAssertions.h"
#include "ServerProcess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;
using namespace ApiAccess::Testing;

namespace {

const QString kAdmin = u"erin"_s;
const QString kPassword = u"nginx-test-password"_s;
// nginx talks to the instances from an address of its own (proxy_bind), as
// on a machine of its own: the clients here (127.0.0.1) are not the proxy.
const QString kNginxAddress = u"127.0.0.3"_s;
constexpr qint64 kRevocationBoundMs = 1000;

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

bool accepts(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(1000);
}

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool writeFile(const QString &path, const QString &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && file.write(text.toUtf8()) == text.toUtf8().size();
}

} // namespace

class TestServerNginx : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_database;
    std::vector<std::unique_ptr<ServerProcess>> m_instances;
    QTemporaryDir m_prefix;
    QProcess m_nginx;
    quint16 m_tokenPort = 0; // apiaccess-token-server.conf
    quint16 m_apiPort = 0; // apiaccess-auth.conf with two protected locations
    std::unique_ptr<ApiTestClient> m_admin; // through nginx
    bool m_clusterStopped = false;
    bool m_failed = false; // then cleanupTestCase() shows the logs

    // The shipped files, copied as they are; only the upstream's example
    // addresses become the instances' real ones.
    bool writeConfiguration(const QString &shipped)
    {
        const QString conf = m_prefix.filePath(u"conf"_s);
        QDir().mkpath(conf);
        QDir().mkpath(m_prefix.filePath(u"temp"_s));
        for (const QString &name : QDir(shipped).entryList({u"apiaccess-*.conf"_s}, QDir::Files)) {
            QString text = readFile(QDir(shipped).filePath(name));
            if (name == u"apiaccess-upstream.conf"_s) {
                const int replaced =
                    int(text.count(u"10.0.0.11:8080"_s) + text.count(u"10.0.0.12:8080"_s));
                if (replaced != 2)
                    return false;
                text.replace(u"10.0.0.11:8080"_s,
                             u"127.0.0.1:%1"_s.arg(m_instances[0]->baseUrl().port()));
                text.replace(u"10.0.0.12:8080"_s,
                             u"127.0.0.1:%1"_s.arg(m_instances[1]->baseUrl().port()));
            }
            if (!writeFile(QDir(conf).filePath(name), text))
                return false;
        }
        const quint16 echoPort = freePort();
        const QString temp = m_prefix.filePath(u"temp"_s);
        // The protected "reports" API is a third server in the same nginx
        // that answers with what reached it.
        const QString main = uR"(%1
worker_processes 1;
pid %2/nginx.pid;
events { worker_connections 512; }
http {
    access_log off;
    proxy_bind %6;
    client_body_temp_path %2/body;
    proxy_temp_path %2/proxy;
    fastcgi_temp_path %2/fastcgi;
    uwsgi_temp_path %2/uwsgi;
    scgi_temp_path %2/scgi;

    include apiaccess-upstream.conf;
    upstream reports_backend { server 127.0.0.1:%5; }

    server {
        listen 127.0.0.1:%3;
        include apiaccess-token-server.conf;
    }
    server {
        listen 127.0.0.1:%4;
        include apiaccess-auth.conf;
        location /reports/ {
            set $apiaccess_min_level read_only;
            include apiaccess-protect.conf;
            proxy_pass http://reports_backend;
        }
        location /reports/edit/ {
            set $apiaccess_min_level editorial;
            include apiaccess-protect.conf;
            proxy_pass http://reports_backend;
        }
    }
    server {
        listen 127.0.0.1:%5;
        location / {
            default_type text/plain;
            return 200 "token=$http_x_token_id level=$http_x_access_level authorization=$http_authorization\n";
        }
    }
}
)"_s.arg(::geteuid() == 0 ? u"user root;"_s : QString(), temp)
                                 .arg(m_tokenPort)
                                 .arg(m_apiPort)
                                 .arg(echoPort)
                                 .arg(kNginxAddress);
        return writeFile(QDir(conf).filePath(u"nginx.conf"_s), main);
    }

    ApiReply throughApi(const QString &path, const QByteArray &token,
                        const ApiTestClient::Headers &extra = {})
    {
        ApiTestClient client(QUrl(u"http://127.0.0.1:%1"_s.arg(m_apiPort)));
        if (!token.isEmpty())
            client.setBasic(token);
        return client.get(path, extra);
    }

    QJsonObject createToken(const QString &name, const QString &level,
                            const QStringList &ranges = {})
    {
        const ApiReply created = m_admin->createToken(name, level, ranges);
        if (created.status != 201)
            qWarning("create: %s", created.describe().constData());
        return created.json();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(TestDatabase::backendUnderTest() == TestDatabase::Backend::Postgres,
                 "two instances need PostgreSQL: run under tests/support/with-postgres");
        QVERIFY2(QFile::exists(u"/usr/sbin/nginx"_s),
                 "nginx is missing (Debian: nginx-light; scripts/test installs it)");
        QVERIFY(m_prefix.isValid());
        m_database = std::make_unique<TestDatabase>();
        QVERIFY2(m_database->isValid(), qPrintable(m_database->errorString()));
        for (int i = 0; i < 2; ++i) {
            auto instance = std::make_unique<ServerProcess>(*m_database);
            if (i == 0)
                QVERIFY(instance->addAdmin(kAdmin, kPassword));
            // nginx is the only proxy whose X-Forwarded-For is believed.
            QVERIFY2(instance->start({u"--trusted-proxy"_s, kNginxAddress + u"/32"_s}),
                     qPrintable(instance->errorString()));
            m_instances.push_back(std::move(instance));
        }
        m_tokenPort = freePort();
        m_apiPort = freePort();
        QVERIFY(writeConfiguration(QStringLiteral(APIACCESS_NGINX_CONFIG_DIR)));

        const QStringList arguments{
            u"-p"_s, m_prefix.path() + u'/', u"-c"_s, u"conf/nginx.conf"_s, u"-e"_s, u"stderr"_s};
        QProcess check;
        check.start(u"/usr/sbin/nginx"_s, arguments + QStringList{u"-t"_s});
        QVERIFY(check.waitForFinished(30'000));
        QVERIFY2(check.exitCode() == 0, check.readAllStandardError().constData());

        m_nginx.start(u"/usr/sbin/nginx"_s, arguments + QStringList{u"-g"_s, u"daemon off;"_s});
        QVERIFY(m_nginx.waitForStarted());
        QTRY_VERIFY2(accepts(m_apiPort) && accepts(m_tokenPort),
                     m_nginx.readAllStandardError().constData());

        m_admin = std::make_unique<ApiTestClient>(QUrl(u"http://127.0.0.1:%1"_s.arg(m_tokenPort)));
        QVERIFY(m_admin->signIn(kAdmin, kPassword));
    }

    void cleanup() { m_failed = m_failed || QTest::currentTestFailed(); }
    void cleanupTestCase()
    {
        if (m_clusterStopped)
            (void)TestDatabase::controlCluster(u"start"_s);
        if (m_nginx.state() != QProcess::NotRunning) {
            m_nginx.terminate();
            m_nginx.waitForFinished(30'000);
        }
        if (m_failed) {
            qInfo("nginx log:\n%s", m_nginx.readAllStandardError().right(8000).constData());
            for (size_t i = 0; i < m_instances.size(); ++i)
                qInfo("instance %zu log:\n%s", i, m_instances[i]->log().right(8000).constData());
        }
        m_admin.reset();
        m_instances.clear();
        m_database.reset();
    }

    void tokenServerIsServedThroughNginx()
    {
        QCOMPARE(m_admin->get(u"/api/v1/tokens"_s).status, 200);
        ApiTestClient anonymous(QUrl(u"http://127.0.0.1:%1"_s.arg(m_tokenPort)));
        QCOMPARE(anonymous.get(u"/healthz"_s).status, 200);
        QCOMPARE_PROBLEM(anonymous.get(u"/api/v1/tokens"_s), 401);
        QCOMPARE(anonymous.get(u"/metrics"_s).status, 404); // not for the outside
    }

    void allowedCallsReachTheUpstreamWithWhoCalled()
    {
        const QJsonObject token = createToken(u"reports reader"_s, u"read_only"_s);
        const QByteArray secret = token.value(u"token"_s).toString().toLatin1();
        const ApiReply reply = throughApi(u"/reports/q3"_s, secret,
                                          {{"X-Token-Id", "tok_forged"}, {"X-Access-Level", "x"}});
        QVERIFY2(reply.status == 200, reply.describe().constData());
        QCOMPARE(QString::fromUtf8(reply.body).trimmed(),
                 u"token=%1 level=read_only authorization="_s.arg(token.value(u"id"_s).toString()));
        // Too low a level for the editing location.
        QCOMPARE(throughApi(u"/reports/edit/q3"_s, secret).status, 403);
        const QJsonObject editor = createToken(u"reports editor"_s, u"editorial"_s);
        QCOMPARE(throughApi(u"/reports/edit/q3"_s, editor.value(u"token"_s).toString().toLatin1())
                     .status,
                 200);
    }

    void refusedWithoutAValidToken()
    {
        const ApiReply none = throughApi(u"/reports/q3"_s, {});
        QCOMPARE(none.status, 401);
        QVERIFY(none.header("WWW-Authenticate").startsWith("Basic"));
        QCOMPARE(throughApi(u"/reports/q3"_s, "aat_not_a_token"_ba).status, 401);
    }

    void refusedByAddress()
    {
        const QJsonObject token =
            createToken(u"office only"_s, u"read_only"_s, {u"192.0.2.0/24"_s});
        const QByteArray secret = token.value(u"token"_s).toString().toLatin1();
        QCOMPARE(throughApi(u"/reports/q3"_s, secret).status, 403);
        // Claiming an office address does not help: nginx appends the real one.
        QCOMPARE(throughApi(u"/reports/q3"_s, secret, {{"X-Forwarded-For", "192.0.2.7"}}).status,
                 403);
        QCOMPARE(m_admin
                     ->patch(u"/api/v1/tokens/"_s + token.value(u"id"_s).toString(),
                             {{u"allowedIpRanges"_s, QJsonArray{u"127.0.0.1"_s}}})
                     .status,
                 200);
        QTRY_COMPARE(throughApi(u"/reports/q3"_s, secret).status, 200);
    }

    void refusedAfterRevocation()
    {
        const QJsonObject token = createToken(u"to revoke"_s, u"read_only"_s);
        const QByteArray secret = token.value(u"token"_s).toString().toLatin1();
        // Both instances have it cached after a few calls.
        for (int i = 0; i < 6; ++i)
            QCOMPARE(throughApi(u"/reports/q3"_s, secret).status, 200);
        QCOMPARE(m_admin
                     ->patch(u"/api/v1/tokens/"_s + token.value(u"id"_s).toString(),
                             {{u"enabled"_s, false}})
                     .status,
                 200);
        QElapsedTimer clock;
        clock.start();
        // Refused on every call from here on, whichever instance answers.
        int refusedInARow = 0;
        while (refusedInARow < 10 && clock.elapsed() < 10'000)
            refusedInARow =
                throughApi(u"/reports/q3"_s, secret).status == 401 ? refusedInARow + 1 : 0;
        qInfo("refused through nginx on every call after %lld ms", clock.elapsed());
        QCOMPARE(refusedInARow, 10);
        QVERIFY(clock.elapsed() <= kRevocationBoundMs + 500);
    }

    void databaseOutageIsA503()
    {
        const QJsonObject token = createToken(u"outage"_s, u"read_only"_s);
        const QByteArray uncached = token.value(u"token"_s).toString().toLatin1();
        QCOMPARE(TestDatabase::controlCluster(u"stop"_s), QString());
        m_clusterStopped = true;
        // A token no instance has cached cannot be checked: 503 with
        // Retry-After reaches the client, not nginx's 500.
        QTRY_COMPARE(throughApi(u"/reports/q3"_s, uncached).status, 503);
        const ApiReply reply = throughApi(u"/reports/q3"_s, uncached);
        QCOMPARE_PROBLEM(reply, 503);
        QCOMPARE(reply.header("Retry-After"), "5"_ba);

        QCOMPARE(TestDatabase::controlCluster(u"start"_s), QString());
        m_clusterStopped = false;
        QTRY_COMPARE_WITH_TIMEOUT(throughApi(u"/reports/q3"_s, uncached).status, 200, 30'000);
    }

    void stillServedWithOneInstanceKilled()
    {
        const QJsonObject token = createToken(u"survivor"_s, u"read_only"_s);
        const QByteArray secret = token.value(u"token"_s).toString().toLatin1();
        QCOMPARE(throughApi(u"/reports/q3"_s, secret).status, 200);
        m_instances[0]->kill(); // SIGKILL
        // Not a single call fails: nginx moves on to the other instance.
        for (int i = 0; i < 30; ++i) {
            const ApiReply reply = throughApi(u"/reports/q3"_s, secret);
            QVERIFY2(reply.status == 200, reply.describe().constData());
        }
        QCOMPARE(m_admin->get(u"/api/v1/tokens/"_s + token.value(u"id"_s).toString()).status, 200);
        QCOMPARE(m_admin->createToken(u"after the kill"_s, u"read_only"_s).status, 201);
    }
};

QTEST_GUILESS_MAIN(TestServerNginx)
#include "tst_server_nginx.moc"
