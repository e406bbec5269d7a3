// ApiClient against the real apiaccess-server over HTTPS with a self-signed
// certificate: the Studio refuses the connection before the password leaves
// it, says why in a sentence the admin can act on, and the server never sees
// a request. Trusting that certificate (as an administrator would by adding
// their CA to the system's trust store) is the only thing that changes it.
#include "ServerProcess.h"
#include "TestCertificates.h"
#include "WaitForCall.h"
#include "api/ApiClient.h"

#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace ApiAccess;
using namespace ApiAccess::Testing;
using namespace Qt::StringLiterals;

namespace {
const QString kAdmin = u"alice"_s;
// Distinctive, so that finding it in a message cannot be a coincidence.
const QString kPassword = u"tls-test-password-Zq7w"_s;
constexpr int kWaitMs = 15'000;

// What the server logs for every request it answers (ops/RequestLog.h).
constexpr QByteArrayView kSignInRequestLine = "route=/api/v1/sessions";
// apiaccess.http debug, enabled for this server only (see initTestCase).
constexpr QByteArrayView kHandshakeFailedLine = "TLS handshake failed";

// Runs signIn and waits for its callback (test code only).
std::optional<Result<Session, ApiError>> signIn(ApiClient &client)
{
    return waitForCall<Session>(
        [&client](QObject *context, ApiCallback<Session> done) {
            client.signIn(kAdmin, kPassword, context, std::move(done));
        },
        kWaitMs);
}
} // namespace

class TestApiClientTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString certFile = m_dir.filePath(u"cert.pem"_s);
        const QString keyFile = m_dir.filePath(u"key.pem"_s);
        const QString problem = makeSelfSignedCertificate(certFile, keyFile);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_certificate = QSslCertificate::fromPath(certFile);
        QCOMPARE(m_certificate.size(), 1);

        // The server inherits our environment: let it log refused handshakes
        // so the test can tell "refused by the Studio" from "never connected".
        // This process read its own logging rules at start-up already.
        const QByteArray rules = qgetenv("QT_LOGGING_RULES");
        QByteArray serverRules = rules;
        if (!serverRules.isEmpty())
            serverRules += ';';
        serverRules += "apiaccess.http.debug=true";
        qputenv("QT_LOGGING_RULES", serverRules);
        const bool started = m_server.start({u"--tls-cert"_s, certFile, u"--tls-key"_s, keyFile});
        if (rules.isEmpty())
            qunsetenv("QT_LOGGING_RULES");
        else
            qputenv("QT_LOGGING_RULES", rules);
        QVERIFY2(started, qPrintable(m_server.errorString()));
        QCOMPARE(m_server.baseUrl().scheme(), u"https"_s);
        QCOMPARE(m_server.baseUrl().host(), u"127.0.0.1"_s);
        QVERIFY(m_server.addAdmin(kAdmin, kPassword));
        m_defaultTls = QSslConfiguration::defaultConfiguration();
    }

    void cleanup() { QSslConfiguration::setDefaultConfiguration(m_defaultTls); }

    void aSelfSignedCertificateIsRefusedBeforeSigningIn()
    {
        ApiClient client;
        client.setServerUrl(m_server.baseUrl());
        const auto result = signIn(client);
        QVERIFY2(result.has_value(), "no callback");
        QVERIFY2(!result->ok(), "signed in over a connection the Studio must not trust");
        const ApiError &error = result->error();
        QCOMPARE(ApiError::kindName(error.kind), ApiError::kindName(ApiError::Kind::Tls));
        QCOMPARE(error.httpStatus, 0);
        QVERIFY(!error.isRetryable()); // retrying cannot make the certificate trusted

        // What was wrong, as the TLS stack says it: the certificate is its own
        // issuer and nothing the Studio trusts vouches for it.
        QVERIFY(!error.tlsErrors.isEmpty());
        const QString problems = error.tlsErrors.join(u"; "_s);
        QVERIFY2(problems.contains(u"self-signed"_s, Qt::CaseInsensitive), qPrintable(problems));
        QVERIFY2(problems.contains(u"untrusted"_s, Qt::CaseInsensitive), qPrintable(problems));

        // One sentence for the admin: where, why, and those problems, but
        // never the password that was about to be sent.
        const QString message = error.message();
        const QString where = u"127.0.0.1:%1"_s.arg(m_server.baseUrl().port());
        QVERIFY2(message.contains(where), qPrintable(message));
        QVERIFY2(message.contains(u"certificate is not trusted"_s), qPrintable(message));
        QVERIFY2(message.contains(problems), qPrintable(message));
        QVERIFY2(message.endsWith(u'.'), qPrintable(message));
        QVERIFY(!message.contains(u'\n'));
        for (const QString &text : {message, error.title, error.detail, problems})
            QVERIFY2(!text.contains(kPassword), "the password is in the error");
        QVERIFY(!client.session());

        // The server saw the handshake fail and answered no request: the
        // password never crossed the wire.
        QTRY_VERIFY_WITH_TIMEOUT(m_server.log().contains(kHandshakeFailedLine), kWaitMs);
        QVERIFY2(!m_server.log().contains(kSignInRequestLine), m_server.log().constData());
    }

    void trustingTheCertificateIsTheOnlyWayIn()
    {
        // ApiClient never ignores a certificate error; without a profile's
        // extra CA it uses Qt's default configuration, which is where the
        // system's CAs are. Adding this certificate there is what an admin
        // does with a private CA, and it must suffice.
        QVERIFY2(!m_server.log().contains(kSignInRequestLine),
                 "the refusal test let a sign-in through");
        QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
        trusting.addCaCertificates(m_certificate);
        QSslConfiguration::setDefaultConfiguration(trusting);

        ApiClient client;
        client.setServerUrl(m_server.baseUrl());
        const auto result = signIn(client);
        QVERIFY2(result.has_value(), "no callback");
        QVERIFY2(result->ok(), qPrintable(result->ok() ? QString() : result->error().message()));
        QCOMPARE(result->value().username, kAdmin);
        QVERIFY(!result->value().sessionToken.isEmpty());
        QVERIFY(client.session());
        // The observable the refusal test relies on does show a sign-in.
        QTRY_VERIFY_WITH_TIMEOUT(m_server.log().contains("method=POST route=/api/v1/sessions "
                                                         "status=201"),
                                 kWaitMs);
    }

    void aProfilesExtraCaIsTrustedForThatClientOnly()
    {
        // A profile's "Extra CA certificate": trusted by the client it is
        // given to, not by the process (another client still refuses). Last:
        // the tests above rely on no sign-in having got through before them.
        ApiClient trusting;
        trusting.setServerUrl(m_server.baseUrl());
        trusting.setExtraCaCertificates(m_certificate);
        const auto ok = signIn(trusting);
        QVERIFY2(ok.has_value(), "no callback");
        QVERIFY2(ok->ok(), qPrintable(ok->ok() ? QString() : ok->error().message()));

        ApiClient other;
        other.setServerUrl(m_server.baseUrl());
        const auto refused = signIn(other);
        QVERIFY(refused.has_value() && !refused->ok());
        QCOMPARE(ApiError::kindName(refused->error().kind), u"Tls"_s);
    }

private:
    QTemporaryDir m_dir;
    QList<QSslCertificate> m_certificate;
    QSslConfiguration m_defaultTls;
    ServerProcess m_server;
};

QTEST_GUILESS_MAIN(TestApiClientTls)
#include "tst_apiclient_tls.moc"
