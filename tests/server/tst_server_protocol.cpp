// The HTTP front of the real apiaccess-server binary, spoken to over raw
// sockets: keep-alive, limits, timeouts, the connection cap, error answers
// and TLS end to end.

#include "ServerProcess.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using ApiAccess::Testing::ServerProcess;

namespace {

constexpr int kWaitMs = 10'000;

struct RawResponse
{
    int status = 0; // 0: no complete answer
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// One HTTP/1.1 client connection with its own receive buffer, so that
// several answers on one connection are read one after the other.
class RawConnection
{
public:
    explicit RawConnection(const QUrl &base)
    {
        m_socket.connectToHost(base.host(), quint16(base.port()));
        m_socket.waitForConnected(kWaitMs);
    }

    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    bool isClosed() const { return m_socket.state() == QAbstractSocket::UnconnectedState; }
    QTcpSocket &socket() { return m_socket; }

    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.waitForBytesWritten(kWaitMs);
    }

    // Reads one answer; for HEAD no body follows the header block.
    RawResponse read(bool head = false)
    {
        RawResponse response;
        qsizetype end = -1;
        while ((end = m_buffer.indexOf("\r\n\r\n")) < 0) {
            if (!more())
                return response;
        }
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        m_buffer.remove(0, end + 4);
        const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
        if (statusLine.size() < 2 || !statusLine.first().startsWith("HTTP/1."))
            return response;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                response.headers.append(
                    {lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed()});
        }
        const int status = statusLine[1].toInt();
        qsizetype length = 0;
        if (!head && status != 204 && status != 304) {
            if (response.header("transfer-encoding").isEmpty()) {
                bool ok = false;
                length = response.header("content-length").toLongLong(&ok);
                if (!ok) { // until the server closes
                    while (more()) { }
                    length = m_buffer.size();
                }
            } else {
                qWarning("chunked answers are not expected from this server");
                return response;
            }
        }
        while (m_buffer.size() < length) {
            if (!more())
                return response;
        }
        response.body = m_buffer.left(length);
        m_buffer.remove(0, length);
        response.status = status;
        return response;
    }

    // Bytes after the last answer read (there must be none).
    QByteArray unread()
    {
        m_buffer += m_socket.readAll();
        return m_buffer;
    }

private:
    bool more()
    {
        if (m_socket.bytesAvailable() == 0 && !m_socket.waitForReadyRead(kWaitMs))
            return false;
        m_buffer += m_socket.readAll();
        return true;
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
};

QByteArray get(const QByteArray &path, const QByteArray &extra = {})
{
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}

// A fresh connection, one GET /healthz: the status (0 without an answer).
int healthOnNewConnection(const QUrl &base)
{
    RawConnection connection(base);
    if (!connection.isConnected())
        return 0;
    connection.send(get("/healthz"));
    return connection.read().status;
}

bool isProblem(const RawResponse &response, int status)
{
    return response.status == status
        && response.header("content-type").startsWith("application/problem+json")
        && response.json().value(u"status"_s).toInt() == status
        && !response.json().value(u"title"_s).toString().isEmpty();
}

QByteArray describe(const RawResponse &response)
{
    QByteArray text = "HTTP " + QByteArray::number(response.status);
    for (const auto &[name, value] : response.headers)
        text += "\n" + name + ": " + value;
    return text + "\n\n" + response.body.left(500);
}

} // namespace

class TestServerProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keepAliveServesTwoRequestsOnOneConnection();
    void headRequestHasNoBody();
    void oversizeHeaderBlockIs431();
    void oversizeBodyIs413_data();
    void oversizeBodyIs413();
    void malformedHttpIs400_data();
    void malformedHttpIs400();
    void unknownPathIs404_data();
    void unknownPathIs404();
    void wrongMethodIs405WithAllow_data();
    void wrongMethodIs405WithAllow();
    void jsonAsTextPlainIs415();
    void slowClientIsDisconnected();
    void idleKeepAliveConnectionIsClosed();
    void connectionCapAnswers503();
    void tlsEndToEnd();

private:
    ServerProcess m_server; // defaults, shared by the tests that need nothing special
};

void TestServerProtocol::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void TestServerProtocol::keepAliveServesTwoRequestsOnOneConnection()
{
    RawConnection connection(m_server.baseUrl());
    QVERIFY(connection.isConnected());
    connection.send(get("/healthz"));
    const RawResponse first = connection.read();
    QVERIFY2(first.status == 200, describe(first).constData());
    QVERIFY(first.header("connection").compare("close", Qt::CaseInsensitive) != 0);
    QCOMPARE(first.json().value(u"status"_s).toString(), u"ok"_s);

    connection.send(get("/metrics"));
    const RawResponse second = connection.read();
    QVERIFY2(second.status == 200, describe(second).constData());
    QVERIFY2(second.body.contains("# TYPE"), second.body.left(500).constData());
    QVERIFY(connection.isConnected());

    // Pipelined: both requests in one write, the answers in order.
    connection.send(get("/no-such-path") + get("/healthz"));
    const RawResponse third = connection.read();
    QVERIFY2(third.status == 404, describe(third).constData());
    const RawResponse fourth = connection.read();
    QVERIFY2(fourth.status == 200, describe(fourth).constData());
}

void TestServerProtocol::headRequestHasNoBody()
{
    RawConnection connection(m_server.baseUrl());
    connection.send("HEAD /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    const RawResponse head = connection.read(true);
    QVERIFY2(head.status == 200, describe(head).constData());
    // If the server sent a body after HEAD, it would stand in front of the
    // next answer on this connection.
    connection.send(get("/healthz"));
    const RawResponse next = connection.read();
    QVERIFY2(next.status == 200, describe(next).constData());
    QCOMPARE(next.json().value(u"status"_s).toString(), u"ok"_s);
    if (!head.header("content-length").isEmpty())
        QCOMPARE(head.header("content-length").toInt(), next.body.size());
    QVERIFY(connection.unread().isEmpty());
}

void TestServerProtocol::oversizeHeaderBlockIs431()
{
    RawConnection connection(m_server.baseUrl());
    connection.send(get("/healthz", "X-Padding: " + QByteArray(17 * 1024, 'a') + "\r\n"));
    const RawResponse response = connection.read();
    QVERIFY2(isProblem(response, 431), describe(response).constData());
    QTRY_VERIFY_WITH_TIMEOUT(connection.isClosed(), kWaitMs);

    // A header block just under the limit is fine.
    RawConnection fine(m_server.baseUrl());
    fine.send(get("/healthz", "X-Padding: " + QByteArray(15 * 1024, 'a') + "\r\n"));
    const RawResponse ok = fine.read();
    QVERIFY2(ok.status == 200, describe(ok).constData());
}

void TestServerProtocol::oversizeBodyIs413_data()
{
    QTest::addColumn<QByteArray>("request");
    const QByteArray head = "POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            "Content-Type: application/json\r\n";
    QTest::newRow("declared length") << head + "Content-Length: 1048577\r\n\r\n{\"username\":";
    // Chunked: the size is only known while the body streams in.
    const QByteArray chunk = QByteArray(64 * 1024, ' ');
    QByteArray chunked = head + "Transfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 17; ++i)
        chunked += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
    QTest::newRow("chunked") << chunked;
}

void TestServerProtocol::oversizeBodyIs413()
{
    QFETCH(QByteArray, request);
    RawConnection connection(m_server.baseUrl());
    connection.send(request);
    const RawResponse response = connection.read();
    QVERIFY2(isProblem(response, 413), describe(response).constData());
    QTRY_VERIFY_WITH_TIMEOUT(connection.isClosed(), kWaitMs);
}

void TestServerProtocol::malformedHttpIs400_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::newRow("not http") << QByteArray("this is not http at all\r\n\r\n");
    QTest::newRow("header without colon")
        << QByteArray("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nNo colon here\r\n\r\n");
    QTest::newRow("bad content-length") << QByteArray(
        "POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: x\r\n\r\n");
    // Smuggling: a Transfer-Encoding that does not end in chunked (RFC 9112 §6.3).
    QTest::newRow("transfer-encoding gzip")
        << QByteArray("POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      "Transfer-Encoding: gzip\r\n\r\nGET /healthz HTTP/1.1\r\n\r\n");
}

void TestServerProtocol::malformedHttpIs400()
{
    QFETCH(QByteArray, request);
    RawConnection connection(m_server.baseUrl());
    connection.send(request);
    const RawResponse response = connection.read();
    QVERIFY2(isProblem(response, 400), describe(response).constData());
    QTRY_VERIFY_WITH_TIMEOUT(connection.isClosed(), kWaitMs);
    // Nothing that followed was taken as a second request.
    QVERIFY2(connection.unread().isEmpty(), connection.unread().left(300).constData());
}

void TestServerProtocol::unknownPathIs404_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::newRow("root") << QByteArray("/");
    QTest::newRow("unknown") << QByteArray("/nothing-here");
    QTest::newRow("unknown api") << QByteArray("/api/v1/nothing");
    QTest::newRow("other version") << QByteArray("/api/v2/tokens");
    QTest::newRow("below token") << QByteArray("/api/v1/tokens/tok_aaaaaaaaaaaaaaaaaaaa/other");
}

void TestServerProtocol::unknownPathIs404()
{
    QFETCH(QByteArray, path);
    RawConnection connection(m_server.baseUrl());
    connection.send(get(path));
    const RawResponse response = connection.read();
    QVERIFY2(isProblem(response, 404), describe(response).constData());
    // A client mistake on a known connection does not end it.
    connection.send(get("/healthz"));
    QCOMPARE(connection.read().status, 200);
}

void TestServerProtocol::wrongMethodIs405WithAllow_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArrayList>("allowed");
    QTest::newRow("DELETE /healthz")
        << QByteArray("DELETE") << QByteArray("/healthz") << QByteArrayList{"GET"};
    QTest::newRow("PUT /api/v1/tokens")
        << QByteArray("PUT") << QByteArray("/api/v1/tokens") << QByteArrayList{"GET", "POST"};
    QTest::newRow("GET /api/v1/sessions")
        << QByteArray("GET") << QByteArray("/api/v1/sessions") << QByteArrayList{"POST"};
    QTest::newRow("POST /api/v1/verify")
        << QByteArray("POST") << QByteArray("/api/v1/verify") << QByteArrayList{"GET"};
}

void TestServerProtocol::wrongMethodIs405WithAllow()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArrayList, allowed);
    RawConnection connection(m_server.baseUrl());
    connection.send(method + " " + path
                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n");
    const RawResponse response = connection.read();
    QVERIFY2(isProblem(response, 405), describe(response).constData());
    QByteArrayList allow;
    for (const QByteArray &item : response.header("allow").split(','))
        allow.append(item.trimmed());
    for (const QByteArray &expected : allowed)
        QVERIFY2(allow.contains(expected), describe(response).constData());
    QVERIFY2(!allow.contains(method), describe(response).constData());
}

void TestServerProtocol::jsonAsTextPlainIs415()
{
    const QByteArray body = R"({"username":"nobody","password":"not a real password"})";
    RawConnection connection(m_server.baseUrl());
    connection.send("POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    "Content-Type: text/plain\r\nContent-Length: "
                    + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    const RawResponse response = connection.read();
    QVERIFY2(isProblem(response, 415), describe(response).constData());
}

void TestServerProtocol::slowClientIsDisconnected()
{
    ServerProcess server;
    QVERIFY2(server.start({u"--read-timeout"_s, u"1"_s}), qPrintable(server.errorString()));

    RawConnection slow(server.baseUrl());
    QVERIFY(slow.isConnected());
    QElapsedTimer clock;
    clock.start();
    slow.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Wait: ");

    // Meanwhile other clients are served at once.
    QCOMPARE(healthOnNewConnection(server.baseUrl()), 200);
    QVERIFY(slow.isConnected());

    QTRY_VERIFY_WITH_TIMEOUT(slow.isClosed(), kWaitMs);
    QVERIFY2(clock.elapsed() >= 900, QByteArray::number(clock.elapsed()).constData());
    QCOMPARE(healthOnNewConnection(server.baseUrl()), 200);
}

void TestServerProtocol::idleKeepAliveConnectionIsClosed()
{
    ServerProcess server;
    QVERIFY2(server.start({u"--idle-timeout"_s, u"1"_s}), qPrintable(server.errorString()));

    RawConnection idle(server.baseUrl());
    idle.send(get("/healthz"));
    QCOMPARE(idle.read().status, 200);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(idle.isConnected());

    QCOMPARE(healthOnNewConnection(server.baseUrl()), 200);
    QTRY_VERIFY_WITH_TIMEOUT(idle.isClosed(), kWaitMs);
    // The server's clock started before the answer reached us: some slack.
    QVERIFY2(clock.elapsed() >= 500, QByteArray::number(clock.elapsed()).constData());
    QVERIFY(idle.unread().isEmpty());
}

void TestServerProtocol::connectionCapAnswers503()
{
    ServerProcess server;
    QVERIFY2(server.start({u"--max-connections"_s, u"2"_s}), qPrintable(server.errorString()));

    auto first = std::make_unique<RawConnection>(server.baseUrl());
    RawConnection second(server.baseUrl());
    for (RawConnection *connection : {first.get(), &second}) {
        connection->send(get("/healthz"));
        QCOMPARE(connection->read().status, 200);
    }

    RawConnection third(server.baseUrl());
    third.send(get("/healthz"));
    const RawResponse rejected = third.read();
    QVERIFY2(isProblem(rejected, 503), describe(rejected).constData());
    QTRY_VERIFY_WITH_TIMEOUT(third.isClosed(), kWaitMs);

    // The two admitted connections still work...
    second.send(get("/healthz"));
    QCOMPARE(second.read().status, 200);
    // ...and once one of them goes, a new client gets in again.
    // (Each probe is a new connection, and QTRY evaluates once more after
    // success: then the server may not have seen the previous probe go.)
    first.reset();
    bool admitted = false;
    QTRY_VERIFY_WITH_TIMEOUT(
        admitted || (admitted = healthOnNewConnection(server.baseUrl()) == 200), kWaitMs);
}

void TestServerProtocol::tlsEndToEnd()
{
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    if (openssl.isEmpty())
        QFAIL("the openssl command line tool is missing: scripts/test must install it "
              "(Debian package openssl) for the TLS test");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString keyFile = dir.filePath(u"key.pem"_s);
    const QString certFile = dir.filePath(u"cert.pem"_s);
    QProcess generate;
    generate.start(openssl,
                   {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                    u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s, u"-days"_s, u"1"_s, u"-subj"_s,
                    u"/CN=127.0.0.1"_s, u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s,
                    u"-keyout"_s, keyFile, u"-out"_s, certFile});
    QVERIFY(generate.waitForFinished(30'000));
    QVERIFY2(generate.exitCode() == 0, generate.readAllStandardError().constData());
    const QList<QSslCertificate> certificate = QSslCertificate::fromPath(certFile);
    QCOMPARE(certificate.size(), 1);

    ServerProcess server;
    QVERIFY2(server.start({u"--tls-cert"_s, certFile, u"--tls-key"_s, keyFile}),
             qPrintable(server.errorString()));
    QCOMPARE(server.baseUrl().scheme(), u"https"_s);
    QVERIFY2(server.standardOutput().startsWith("listening on https://127.0.0.1:"),
             server.standardOutput().constData());

    // A manager each: Qt would otherwise reuse the first connection.
    const auto fetch = [&](const QSslConfiguration &tls, QNetworkReply::NetworkError *error) {
        QNetworkAccessManager manager;
        manager.setAutoDeleteReplies(true);
        QNetworkRequest request(server.baseUrl().resolved(QUrl(u"/healthz"_s)));
        request.setSslConfiguration(tls);
        request.setTransferTimeout(kWaitMs);
        QNetworkReply *reply = manager.get(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(kWaitMs * 2);
        *error = reply->error();
        return QJsonDocument::fromJson(reply->readAll()).object();
    };

    QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
    trusting.setCaCertificates(certificate);
    QNetworkReply::NetworkError error = QNetworkReply::UnknownNetworkError;
    const QJsonObject health = fetch(trusting, &error);
    QCOMPARE(error, QNetworkReply::NoError);
    QCOMPARE(health.value(u"status"_s).toString(), u"ok"_s);

    // Without that certificate as a trust anchor the handshake must fail.
    fetch(QSslConfiguration::defaultConfiguration(), &error);
    QCOMPARE(error, QNetworkReply::SslHandshakeFailedError);

    // Plain HTTP on the TLS port is not served.
    RawConnection plain(server.baseUrl());
    plain.send(get("/healthz"));
    QVERIFY(plain.read().status != 200);
}

QTEST_GUILESS_MAIN(TestServerProtocol)
#include "tst_server_protocol.moc"
