#include "HttpTestClient.h"
#include "http/HttpServer.h"
#include "http/Router.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSemaphore>
#include <QSslCertificate>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace ApiAccess::Server;

namespace {

struct Observed
{
    std::string route;
    int status = 0;
};

QJsonObject json(const RawResponse &response)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(response.body)).object();
}

std::string get(std::string_view target, std::string_view extraHeaders = {})
{
    return "GET " + std::string(target) + " HTTP/1.1\r\nHost: test\r\n" + std::string(extraHeaders)
        + "\r\n";
}

} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT

private:
    Router m_router;
    QSemaphore m_slowEntered;
    QSemaphore m_slowRelease;
    std::mutex m_observedMutex;
    std::vector<Observed> m_observed;
    std::unique_ptr<HttpServer> m_server;
    quint16 m_port = 0;

    HttpServerOptions options()
    {
        HttpServerOptions o;
        o.address = QHostAddress::LocalHost;
        o.threads = 2;
        o.readTimeout = 300ms;
        o.idleTimeout = 30s;
        o.writeTimeout = 5s;
        return o;
    }

    // Starts m_server; returns its port, or 0 after a failed QVERIFY.
    std::unique_ptr<HttpServer> makeServer(HttpServerOptions o, QString *url = nullptr)
    {
        auto server = std::make_unique<HttpServer>(
            std::move(o), [this](HttpRequest &r) { return m_router.dispatch(r); },
            [this](const HttpRequest &r, const HttpResponse &response, std::chrono::nanoseconds) {
                std::lock_guard lock(m_observedMutex);
                m_observed.push_back({r.route, response.status});
            });
        auto started = server->start();
        if (!started) {
            qWarning("%s", qPrintable(started.error()));
            return nullptr;
        }
        if (url)
            *url = started.value();
        return server;
    }

    static quint16 portOf(const QString &url) { return quint16(url.section(u':', -1).toUInt()); }

    std::optional<Observed> lastObserved()
    {
        std::lock_guard lock(m_observedMutex);
        if (m_observed.empty())
            return std::nullopt;
        return m_observed.back();
    }

    std::size_t observedCount()
    {
        std::lock_guard lock(m_observedMutex);
        return m_observed.size();
    }

    void connect(RawClient &client) { QVERIFY(client.connectTo(QHostAddress::LocalHost, m_port)); }

    // Answered by the front: a problem document, then the connection closes.
    void expectProblemAndClose(RawClient &client, int status)
    {
        const auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, status);
        QCOMPARE(response->header("content-type"), std::string("application/problem+json"));
        QCOMPARE(json(*response).value(u"status"_s).toInt(), status);
        QCOMPARE(response->header("connection"), std::string("close"));
        QVERIFY(client.waitForClose());
        QTRY_VERIFY(lastObserved() && lastObserved()->status == status);
        QVERIFY(lastObserved()->route.empty());
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_router.add("GET", "/hello",
                     [](HttpRequest &) { return HttpResponse::text(200, "text/plain", "hello"); });
        m_router.add("POST", "/echo/{name}", [](HttpRequest &r) {
            return HttpResponse::json(
                200,
                QJsonObject{
                    {u"name"_s, QString::fromStdString(r.pathParams.at("name"))},
                    {u"path"_s, QString::fromStdString(r.path)},
                    {u"q"_s, r.query.queryItemValue(u"q"_s, QUrl::FullyDecoded)},
                    {u"body"_s, QString::fromStdString(r.body)},
                    {u"peer"_s, r.peerAddress.toString()},
                    {u"client"_s, r.clientAddress.toString()},
                    {u"multi"_s, QString::fromStdString(std::string(r.header("x-multi")))},
                    {u"secure"_s, r.secure},
                });
        });
        m_router.add(
            "GET", "/inline",
            [](HttpRequest &) { return HttpResponse::text(200, "text/plain", "inline"); },
            HandlerExecution::Inline);
        m_router.add("GET", "/throw",
                     [](HttpRequest &) -> HttpResponse { throw std::runtime_error("boom"); });
        m_router.add("GET", "/slow", [this](HttpRequest &) {
            m_slowEntered.release();
            if (!m_slowRelease.tryAcquire(1, 10'000))
                return HttpResponse::text(500, "text/plain", "not released");
            return HttpResponse::text(200, "text/plain", "done");
        });
    }

    void init()
    {
        QString url;
        m_server = makeServer(options(), &url);
        QVERIFY(m_server);
        QVERIFY(url.startsWith(u"http://127.0.0.1:"_s));
        m_port = portOf(url);
        QVERIFY(m_port != 0);
    }

    void cleanup() { m_server.reset(); }

    void getAndKeepAlive()
    {
        RawClient client;
        connect(client);
        for (int i = 0; i < 2; ++i) {
            QVERIFY(client.send(get("/hello")));
            const auto response = client.readResponse();
            QVERIFY(response);
            QCOMPARE(response->status, 200);
            QCOMPARE(response->body, std::string("hello"));
            QCOMPARE(response->header("content-type"), std::string("text/plain"));
            QVERIFY(response->header("server").starts_with("apiaccess-server/"));
            QVERIFY(response->header("date").ends_with(" GMT"));
            QVERIFY(response->header("connection").empty());
        }
        QTRY_COMPARE(observedCount(), std::size_t(2));
        QCOMPARE(lastObserved()->route, std::string("/hello"));
        QCOMPARE(m_server->openConnections(), std::size_t(1));
    }

    void blockingHandlersLeaveTheNetworkFree()
    {
        // One network thread: were /slow (a Blocking handler) run on it,
        // nothing else would be answered until it returned.
        HttpServerOptions o = options();
        o.threads = 1;
        o.blockingThreads = 1;
        o.placement = [this](HttpRequest &r) {
            return m_router.route(r);
        };
        QString url;
        auto server = makeServer(o, &url);
        QVERIFY(server);
        RawClient busy;
        QVERIFY(busy.connectTo(QHostAddress::LocalHost, portOf(url)));
        QVERIFY(busy.send(get("/slow")));
        QVERIFY(m_slowEntered.tryAcquire(1, 5'000));

        RawClient other;
        QVERIFY(other.connectTo(QHostAddress::LocalHost, portOf(url)));
        QVERIFY(other.send(get("/inline") + get("/nope")));
        const auto answered = other.readResponse();
        QVERIFY(answered);
        QCOMPARE(answered->body, std::string("inline"));
        QCOMPARE(other.readResponse()->status, 404); // answered inline as well

        m_slowRelease.release();
        const auto slow = busy.readResponse();
        QVERIFY(slow);
        QCOMPARE(slow->status, 200);
        QCOMPARE(slow->body, std::string("done"));
        QVERIFY(busy.send(get("/hello"))); // the connection goes on after it
        QCOMPARE(busy.readResponse()->body, std::string("hello"));
    }

    void pipelinedRequests()
    {
        RawClient client;
        connect(client);
        QVERIFY(client.send(get("/hello") + get("/nope")));
        QCOMPARE(client.readResponse()->status, 200);
        QCOMPARE(client.readResponse()->status, 404);
    }

    void headHasNoBody()
    {
        RawClient client;
        connect(client);
        QVERIFY(client.send("HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\n"));
        const auto response = client.readResponse(true);
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->header("content-length"), std::string("5"));
        QVERIFY(client.send(get("/hello"))); // the connection is still in step
        QCOMPARE(client.readResponse()->body, std::string("hello"));
    }

    void requestFields()
    {
        RawClient client;
        connect(client);
        QVERIFY(client.send("POST /echo/a%20b?q=x%26y%20z HTTP/1.1\r\nHost: x\r\n"
                            "X-Multi: one\r\nx-multi: two\r\nX-Forwarded-For: 1.2.3.4\r\n"
                            "Content-Length: 4\r\n\r\nbody"));
        const auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        const QJsonObject object = json(*response);
        QCOMPARE(object.value(u"name"_s).toString(), u"a b"_s);
        QCOMPARE(object.value(u"path"_s).toString(), u"/echo/a b"_s);
        QCOMPARE(object.value(u"q"_s).toString(), u"x&y z"_s);
        QCOMPARE(object.value(u"body"_s).toString(), u"body"_s);
        QCOMPARE(object.value(u"peer"_s).toString(), u"127.0.0.1"_s);
        QCOMPARE(object.value(u"client"_s).toString(), u"127.0.0.1"_s); // no trusted proxy
        QCOMPARE(object.value(u"multi"_s).toString(), u"one, two"_s);
        QCOMPARE(object.value(u"secure"_s).toBool(), false);
    }

    void expectContinue()
    {
        RawClient client;
        connect(client);
        QVERIFY(client.send("POST /echo/x HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                            "Content-Length: 2\r\n\r\n"));
        const auto interim = client.readResponse();
        QVERIFY(interim);
        QCOMPARE(interim->status, 100);
        QVERIFY(client.send("hi"));
        const auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(json(*response).value(u"body"_s).toString(), u"hi"_s);
    }

    void routerErrors()
    {
        RawClient client;
        connect(client);
        QVERIFY(client.send(get("/missing")));
        QCOMPARE(client.readResponse()->status, 404);
        QVERIFY(client.send("DELETE /hello HTTP/1.1\r\nHost: x\r\n\r\n"));
        const auto response = client.readResponse();
        QCOMPARE(response->status, 405);
        QCOMPARE(response->header("allow"), std::string("GET, HEAD"));
        QVERIFY(response->header("connection").empty()); // the router's answers keep it open
    }

    void headerTooLarge()
    {
        RawClient client;
        connect(client);
        QVERIFY(client.send(get("/hello", "X-Big: " + std::string(17 * 1024, 'a') + "\r\n")));
        expectProblemAndClose(client, 431);
    }

    void bodyTooLarge()
    {
        RawClient client;
        connect(client);
        const std::size_t size = 1024 * 1024 + 1;
        QVERIFY(client.send("POST /echo/x HTTP/1.1\r\nHost: x\r\nContent-Length: "
                            + std::to_string(size) + "\r\n\r\n"));
        client.send(std::string(size, 'b')); // the server may stop reading early
        expectProblemAndClose(client, 413);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::newRow("garbage") << QByteArray("HELLO\r\n\r\n");
        QTest::newRow("bad version") << QByteArray("GET / HTTP/9.9\r\n\r\n");
        QTest::newRow("bad header") << QByteArray("GET / HTTP/1.1\r\nNo colon here\r\n\r\n");
        QTest::newRow("bad chunk") << QByteArray("POST /echo/x HTTP/1.1\r\nHost: x\r\n"
                                                 "Transfer-Encoding: chunked\r\n\r\nzz\r\n");
        QTest::newRow("chunked and length")
            << QByteArray("POST /echo/x HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        QTest::newRow("unknown transfer coding")
            << QByteArray("POST /echo/x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n");
        QTest::newRow("bad escape") << QByteArray("GET /hello%zz HTTP/1.1\r\nHost: x\r\n\r\n");
        QTest::newRow("escaped NUL") << QByteArray("GET /hel%00lo HTTP/1.1\r\nHost: x\r\n\r\n");
        QTest::newRow("absolute-form") << QByteArray("GET http://x/hello HTTP/1.1\r\n\r\n");
    }

    void malformed()
    {
        QFETCH(QByteArray, request);
        RawClient client;
        connect(client);
        QVERIFY(client.send(request.toStdString()));
        expectProblemAndClose(client, 400);
    }

    void handlerException()
    {
        RawClient client;
        connect(client);
        QTest::ignoreMessage(QtWarningMsg, "handler for GET /throw failed: boom");
        QVERIFY(client.send(get("/throw")));
        const auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 500);
        QCOMPARE(response->header("content-type"), std::string("application/problem+json"));
        QVERIFY(response->body.find("boom") == std::string::npos);
        QVERIFY(client.send(get("/hello"))); // the connection survives
        QCOMPARE(client.readResponse()->status, 200);
    }

    void slowClientIsCut()
    {
        // idleTimeout is 30 s here: only the 300 ms read clock can cut it.
        RawClient client;
        connect(client);
        QVERIFY(client.send("GET /hello HTTP/1.1\r\nHost: x\r\nX-Slow: "));
        const auto started = std::chrono::steady_clock::now();
        QVERIFY(client.waitForClose(10s));
        QVERIFY(std::chrono::steady_clock::now() - started < 10s);
        QTRY_COMPARE(m_server->openConnections(), std::size_t(0));
    }

    void idleConnectionIsClosed()
    {
        m_server.reset();
        HttpServerOptions o = options();
        o.idleTimeout = 300ms;
        o.readTimeout = 30s;
        QString url;
        m_server = makeServer(o, &url);
        QVERIFY(m_server);
        m_port = portOf(url);
        RawClient client;
        connect(client);
        QVERIFY(client.send(get("/hello")));
        QCOMPARE(client.readResponse()->status, 200);
        QVERIFY(client.waitForClose(10s));
        // A connection that never sends anything is idle too.
        RawClient silent;
        connect(silent);
        QVERIFY(silent.waitForClose(10s));
    }

    void connectionCap()
    {
        m_server.reset();
        HttpServerOptions o = options();
        o.maxConnections = 2;
        QString url;
        m_server = makeServer(o, &url);
        QVERIFY(m_server);
        m_port = portOf(url);

        RawClient first, second, third;
        connect(first);
        connect(second);
        QTRY_COMPARE(m_server->openConnections(), std::size_t(2));
        connect(third);
        QVERIFY(third.send(get("/hello")));
        const auto response = third.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 503);
        QCOMPARE(response->header("retry-after"), std::string("1"));
        QCOMPARE(json(*response).value(u"status"_s).toInt(), 503);
        QVERIFY(third.waitForClose());
        QTRY_VERIFY(lastObserved() && lastObserved()->status == 503);

        QVERIFY(first.send(get("/hello"))); // those inside are served
        QCOMPARE(first.readResponse()->status, 200);
        second.close();
        QTRY_COMPARE(m_server->openConnections(), std::size_t(1));
        RawClient fourth;
        connect(fourth);
        QVERIFY(fourth.send(get("/hello")));
        QCOMPARE(fourth.readResponse()->status, 200);
    }

    void ipv6()
    {
        m_server.reset();
        HttpServerOptions o = options();
        o.address = QHostAddress::LocalHostIPv6;
        QString url;
        m_server = makeServer(o, &url);
        if (!m_server)
            QSKIP("no IPv6 loopback here");
        QVERIFY2(url.startsWith(u"http://[::1]:"_s), qPrintable(url));
        RawClient client;
        QVERIFY(client.connectTo(QHostAddress::LocalHostIPv6, portOf(url)));
        QVERIFY(client.send("POST /echo/v6 HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"));
        const auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(json(*response).value(u"peer"_s).toString(), u"::1"_s);
    }

    void listenError()
    {
        HttpServerOptions o = options();
        o.port = m_port; // taken by m_server
        HttpServer second(o, {});
        const auto started = second.start();
        QVERIFY(!started);
        QCOMPARE(started.error(),
                 u"cannot listen on 127.0.0.1:%1: Address already in use"_s.arg(m_port));
    }

    void tls()
    {
        const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
        if (openssl.isEmpty())
            QSKIP("openssl command line tool not installed");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString cert = dir.filePath(u"cert.pem"_s);
        const QString key = dir.filePath(u"key.pem"_s);
        QProcess process;
        process.start(openssl,
                      {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                       u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s, u"-days"_s, u"1"_s,
                       u"-subj"_s, u"/CN=localhost"_s, u"-addext"_s,
                       u"subjectAltName=DNS:localhost"_s, u"-keyout"_s, key, u"-out"_s, cert});
        QVERIFY(process.waitForFinished(30'000));
        QCOMPARE(process.exitCode(), 0);

        m_server.reset();
        HttpServerOptions o = options();
        o.tls = TlsFiles{cert, key};
        QString url;
        m_server = makeServer(o, &url);
        QVERIFY(m_server);
        QVERIFY(url.startsWith(u"https://127.0.0.1:"_s));

        const QList<QSslCertificate> certificates = QSslCertificate::fromPath(cert);
        QCOMPARE(certificates.size(), 1);
        QSslSocket socket;
        socket.ignoreSslErrors({QSslError(QSslError::SelfSignedCertificate, certificates.first())});
        socket.connectToHostEncrypted(u"127.0.0.1"_s, portOf(url), u"localhost"_s);
        QVERIFY2(socket.waitForEncrypted(10'000), qPrintable(socket.errorString()));
        socket.write("POST /echo/tls HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n"
                     "Connection: close\r\n\r\n");
        QByteArray received;
        while (socket.waitForReadyRead(5'000))
            received += socket.readAll();
        received += socket.readAll();
        QVERIFY2(received.startsWith("HTTP/1.1 200 OK\r\n"), received.constData());
        QVERIFY(received.contains("\"secure\":true"));

        // A client that connects and never says hello is cut by the handshake clock.
        RawClient silent;
        QVERIFY(silent.connectTo(QHostAddress::LocalHost, portOf(url)));
        QVERIFY(silent.waitForClose(10s));
    }

    void tlsFileErrors()
    {
        HttpServerOptions o = options();
        o.tls = TlsFiles{u"/nonexistent/cert.pem"_s, u"/nonexistent/key.pem"_s};
        HttpServer server(o, {});
        const auto started = server.start();
        QVERIFY(!started);
        QVERIFY2(started.error().startsWith(u"cannot load the TLS certificate chain"_s),
                 qPrintable(started.error()));
    }

    void gracefulStop()
    {
        RawClient idle, busy;
        connect(idle);
        connect(busy);
        QVERIFY(busy.send(get("/slow")));
        QVERIFY(m_slowEntered.tryAcquire(1, 5'000));

        std::thread stopper([this] { m_server->stop(10s); });
        QVERIFY(idle.waitForClose()); // idle connections go at once
        // No new connections once stopping.
        QTRY_VERIFY(!RawClient().connectTo(QHostAddress::LocalHost, m_port));

        m_slowRelease.release();
        const auto response = busy.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->body, std::string("done"));
        QCOMPARE(response->header("connection"), std::string("close"));
        QVERIFY(busy.waitForClose());
        stopper.join();
        QCOMPARE(m_server->openConnections(), std::size_t(0));
        m_server->stop(); // idempotent
    }

    void stopDeadlineCutsStragglers()
    {
        m_server.reset();
        HttpServerOptions o = options();
        o.readTimeout = 60s; // the client would hold its connection for a minute
        QString url;
        m_server = makeServer(o, &url);
        QVERIFY(m_server);
        m_port = portOf(url);
        RawClient straggler;
        connect(straggler);
        // The interim 100 proves the server is inside the request, waiting for a body.
        QVERIFY(straggler.send("POST /echo/x HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                               "Content-Length: 10\r\n\r\n"));
        QCOMPARE(straggler.readResponse()->status, 100);

        const auto started = std::chrono::steady_clock::now();
        m_server->stop(200ms);
        const auto took = std::chrono::steady_clock::now() - started;
        QVERIFY(took >= 200ms);
        QVERIFY(took < 30s);
        QVERIFY(straggler.waitForClose());
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
