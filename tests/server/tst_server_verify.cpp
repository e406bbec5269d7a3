// Integration test: GET /api/v1/verify and GET /api/v1/token against the real
// apiaccess-server over real HTTP (PRODUCT.md §4–§6): the answers a gateway
// and an integration see. IPv6 and --trusted-proxy are in
// tst_server_verify_network.cpp.

#include "ApiAssertions.h"
#include "SignedInServer.h"
#include "token/TokenFormat.h"
#include "wire/Token.h"

#include <QDateTime>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ApiAccess;
using namespace ApiAccess::Testing;

namespace {

const QString kAdmin = u"carol"_s;
const QString kPassword = u"verify-test-password"_s;

QByteArray basic(const QByteArray &token)
{
    return "Basic " + token;
}

QByteArray basic(const TokenCredentials &credentials)
{
    return basic(TokenFormat::encode(credentials));
}

} // namespace

class TestServerVerify : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void goodTokenIs204WithHeaders_data();
    void goodTokenIs204WithHeaders();
    void rejectedTokensAre401Alike_data();
    void rejectedTokensAre401Alike();
    void expiredTokenIs401Alike();
    void minLevel_data();
    void minLevel();
    void allowList_data();
    void allowList();
    void forwardedHeadersIgnoredWithoutTrustedProxy();
    void rotationWithoutGraceRefusesTheOldSecretAtOnce();
    void rotationWithGraceAcceptsBothUntilItEnds();
    void everyChangeTakesEffectOnTheNextRequest();
    void successfulVerifySetsLastUsed();
    void callingTokenAnswersItsOwnMetadata_data();
    void callingTokenAnswersItsOwnMetadata();
    void callingTokenRefusesLikeVerify();
    void curlWithUserAndPasswordWorks();
    void metricsCountVerifications();
    void healthz();
    void logHoldsNoSecret();

private:
    QJsonObject create(const QString &level, const QStringList &ranges = {},
                       const QString &expiresAt = {});
    ApiReply verify(const QByteArray &authorization, const QString &query = {},
                    const ApiTestClient::Headers &extra = {});
    ApiReply callingToken(const QByteArray &authorization);
    static QByteArray tokenOf(const QJsonObject &created)
    {
        return created.value(u"token"_s).toString().toLatin1();
    }

    SignedInServer m_env; // m_env.api: the admin, signed in
    std::unique_ptr<ApiTestClient> m_gateway; // sends its own Authorization per request
    ApiReply m_rejected; // the 401 for no Authorization at all: every 401 must look like it
    int m_allowed = 0; // 204s from /api/v1/verify so far
    SeenSecrets m_secrets;
};

void TestServerVerify::initTestCase()
{
    QVERIFY2(m_env.start(kAdmin, kPassword), qPrintable(m_env.errorString()));
    m_gateway = std::make_unique<ApiTestClient>(m_env.server.baseUrl());
    m_secrets.append(m_env.session);

    m_rejected = verify({});
    QCOMPARE_PROBLEM(m_rejected, 401);
    QVERIFY(!m_rejected.header("WWW-Authenticate").isEmpty());
    QVERIFY(m_rejected.header("WWW-Authenticate").startsWith("Basic"));
}

QJsonObject TestServerVerify::create(const QString &level, const QStringList &ranges,
                                     const QString &expiresAt)
{
    QJsonObject body{{u"name"_s, QString(u"integration "_s + level)},
                     {u"accessLevel"_s, level},
                     {u"allowedIpRanges"_s, QJsonArray::fromStringList(ranges)}};
    if (!expiresAt.isEmpty())
        body.insert(u"expiresAt"_s, expiresAt);
    return createTokenOk(*m_env.api, body, m_secrets);
}

ApiReply TestServerVerify::verify(const QByteArray &authorization, const QString &query,
                                  const ApiTestClient::Headers &extra)
{
    ApiTestClient::Headers headers = extra;
    if (!authorization.isNull())
        headers.append({"Authorization", authorization});
    const ApiReply reply = m_gateway->send("GET", u"/api/v1/verify"_s + query, {}, headers);
    if (reply.status == 204)
        ++m_allowed;
    return reply;
}

ApiReply TestServerVerify::callingToken(const QByteArray &authorization)
{
    ApiTestClient::Headers headers;
    if (!authorization.isNull())
        headers.append({"Authorization", authorization});
    return m_gateway->send("GET", u"/api/v1/token"_s, {}, headers);
}

void TestServerVerify::goodTokenIs204WithHeaders_data()
{
    QTest::addColumn<QString>("level");
    for (const char *level :
         {"administrative", "managing_editorial", "editorial", "read_only", "restricted_read_only"})
        QTest::newRow(level) << QString::fromLatin1(level);
}

void TestServerVerify::goodTokenIs204WithHeaders()
{
    QFETCH(QString, level);
    const QJsonObject created = create(level);
    const QString id = created.value(u"id"_s).toString();
    QVERIFY(!id.isEmpty());

    for (const QByteArray &scheme : {"Basic "_ba, "basic "_ba, "BASIC "_ba}) {
        const ApiReply reply = verify(scheme + tokenOf(created));
        QVERIFY2(reply.status == 204, reply.describe().constData());
        QVERIFY(reply.body.isEmpty());
        QCOMPARE(reply.header("X-Token-Id"), id.toLatin1());
        QCOMPARE(reply.header("X-Access-Level"), level.toLatin1());
        QCOMPARE(reply.header("Cache-Control"), "no-store"_ba);
    }
    // Basic authentication with the id as user name: what curl -u and Qt send.
    const auto credentials = TokenFormat::decode(tokenOf(created));
    QVERIFY(credentials.ok());
    const QByteArray userPassword =
        QByteArray(credentials->id.toLatin1() + ':' + credentials->secret).toBase64();
    QCOMPARE(userPassword, tokenOf(created));
}

void TestServerVerify::rejectedTokensAre401Alike_data()
{
    QTest::addColumn<QByteArray>("authorization");

    const QJsonObject good = create(u"editorial"_s);
    const auto credentials = TokenFormat::decode(tokenOf(good));
    QVERIFY(credentials.ok());

    TokenCredentials badChecksum = credentials.value();
    badChecksum.secret.back() = badChecksum.secret.back() == 'A' ? 'B' : 'A';
    const TokenCredentials wrongSecret{credentials->id, TokenFormat::generateSecret()};
    TokenCredentials otherId = TokenFormat::generate();
    otherId.secret = credentials->secret; // a real secret under an unknown id

    const QJsonObject disabled = create(u"editorial"_s);
    QCOMPARE(m_env.api
                 ->patch(u"/api/v1/tokens/"_s + disabled.value(u"id"_s).toString(),
                         {{u"enabled"_s, false}})
                 .status,
             200);
    const QJsonObject deleted = create(u"editorial"_s);
    QCOMPARE(verify(basic(tokenOf(deleted))).status, 204); // cached now
    QCOMPARE(m_env.api->del(u"/api/v1/tokens/"_s + deleted.value(u"id"_s).toString()).status, 204);
    const QJsonObject rotated = create(u"editorial"_s);
    QCOMPARE(verify(basic(tokenOf(rotated))).status, 204);
    QCOMPARE(
        m_env.api->post(u"/api/v1/tokens/"_s + rotated.value(u"id"_s).toString() + u"/rotate"_s, {})
            .status,
        200);

    QTest::newRow("no header") << QByteArray();
    QTest::newRow("empty header") << ""_ba;
    QTest::newRow("Basic alone") << "Basic"_ba;
    QTest::newRow("Basic and space") << "Basic "_ba;
    QTest::newRow("garbage") << "Basic !!!garbage!!!"_ba;
    QTest::newRow("base64 of junk") << basic("hello:world"_ba.toBase64());
    QTest::newRow("no separator") << basic(credentials->id.toLatin1().toBase64());
    QTest::newRow("bearer with the token") << "Bearer " + tokenOf(good);
    QTest::newRow("session token as bearer") << "Bearer " + m_env.session;
    QTest::newRow("token without scheme") << tokenOf(good);
    QTest::newRow("bad checksum") << basic(badChecksum);
    QTest::newRow("unknown id, valid shape") << basic(TokenFormat::generate());
    QTest::newRow("real secret, unknown id") << basic(otherId);
    QTest::newRow("wrong secret") << basic(wrongSecret);
    QTest::newRow("disabled") << basic(tokenOf(disabled));
    QTest::newRow("deleted") << basic(tokenOf(deleted));
    QTest::newRow("rotated away") << basic(tokenOf(rotated));
}

void TestServerVerify::rejectedTokensAre401Alike()
{
    QFETCH(QByteArray, authorization);
    // Twice: the second answer comes from the cache and must not differ.
    for (int round = 0; round < 2; ++round) {
        const ApiReply reply = verify(authorization);
        QCOMPARE_PROBLEM(reply, 401);
        QCOMPARE(reply.body, m_rejected.body);
        QCOMPARE(reply.header("WWW-Authenticate"), m_rejected.header("WWW-Authenticate"));
        QVERIFY(reply.header("X-Token-Id").isEmpty());
        QVERIFY(reply.header("X-Access-Level").isEmpty());
        // /api/v1/token refuses alike.
        const ApiReply own = callingToken(authorization);
        QCOMPARE_PROBLEM(own, 401);
        QCOMPARE(own.body, m_rejected.body);
        QVERIFY(!own.header("WWW-Authenticate").isEmpty());
    }
}

void TestServerVerify::expiredTokenIs401Alike()
{
    const QString soon = QDateTime::currentDateTimeUtc().addSecs(3).toString(Qt::ISODateWithMs);
    const QJsonObject created = create(u"read_only"_s, {}, soon);
    QVERIFY(!created.isEmpty());
    QCOMPARE(verify(basic(tokenOf(created))).status, 204); // works until it expires
    QTRY_COMPARE_WITH_TIMEOUT(verify(basic(tokenOf(created))).status, 401, 10'000);
    const ApiReply reply = verify(basic(tokenOf(created)));
    QCOMPARE(reply.body, m_rejected.body);
    QCOMPARE(callingToken(basic(tokenOf(created))).body, m_rejected.body);
    const ApiReply meta = m_env.api->get(u"/api/v1/tokens/"_s + created.value(u"id"_s).toString());
    QCOMPARE(meta.json().value(u"status"_s).toString(), u"expired"_s);
}

void TestServerVerify::minLevel_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");
    QTest::newRow("none") << QString() << 204;
    QTest::newRow("restricted_read_only") << u"?minLevel=restricted_read_only"_s << 204;
    QTest::newRow("read_only") << u"?minLevel=read_only"_s << 204;
    QTest::newRow("editorial") << u"?minLevel=editorial"_s << 204;
    QTest::newRow("managing_editorial") << u"?minLevel=managing_editorial"_s << 403;
    QTest::newRow("administrative") << u"?minLevel=administrative"_s << 403;
    QTest::newRow("bogus") << u"?minLevel=bogus"_s << 400;
    QTest::newRow("display name") << u"?minLevel=Editorial"_s << 400;
    QTest::newRow("empty") << u"?minLevel="_s << 400;
}

void TestServerVerify::minLevel()
{
    QFETCH(QString, query);
    QFETCH(int, status);
    static const QJsonObject editorial = create(u"editorial"_s);
    const ApiReply reply = verify(basic(tokenOf(editorial)), query);
    if (status == 204) {
        QVERIFY2(reply.status == 204, reply.describe().constData());
        QCOMPARE(reply.header("X-Access-Level"), "editorial"_ba);
        QCOMPARE(reply.header("X-Token-Id"), editorial.value(u"id"_s).toString().toLatin1());
        return;
    }
    QCOMPARE_PROBLEM(reply, status);
    QVERIFY(reply.header("X-Token-Id").isEmpty());
    if (status == 400) {
        const QJsonArray errors = reply.json().value(u"errors"_s).toArray();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.at(0).toObject().value(u"field"_s).toString(), u"minLevel"_s);
    }
    // A bad minLevel is the gateway's mistake whatever the token: 400 also without one.
    if (status == 400)
        QCOMPARE_PROBLEM(verify(basic(TokenFormat::generate()), query), 400);
}

void TestServerVerify::allowList_data()
{
    QTest::addColumn<QStringList>("ranges");
    QTest::addColumn<int>("status");
    QTest::newRow("10.0.0.0/8") << QStringList{u"10.0.0.0/8"_s} << 403;
    QTest::newRow("127.0.0.0/8") << QStringList{u"127.0.0.0/8"_s} << 204;
    QTest::newRow("127.0.0.1") << QStringList{u"127.0.0.1"_s} << 204;
    QTest::newRow("127.0.0.2") << QStringList{u"127.0.0.2"_s} << 403;
    QTest::newRow("::1 only") << QStringList{u"::1"_s} << 403;
    QTest::newRow("second entry matches") << QStringList{u"10.0.0.0/8"_s, u"127.0.0.1/32"_s} << 204;
    QTest::newRow("everything") << QStringList{u"0.0.0.0/0"_s} << 204;
    QTest::newRow("empty list") << QStringList{} << 204;
}

void TestServerVerify::allowList()
{
    QFETCH(QStringList, ranges);
    QFETCH(int, status);
    const QJsonObject created = create(u"read_only"_s, ranges);
    QVERIFY(!created.isEmpty());
    const ApiReply reply = verify(basic(tokenOf(created)));
    const ApiReply own = callingToken(basic(tokenOf(created)));
    if (status == 204) {
        QVERIFY2(reply.status == 204, reply.describe().constData());
        QCOMPARE(reply.header("X-Token-Id"), created.value(u"id"_s).toString().toLatin1());
        QVERIFY2(own.status == 200, own.describe().constData());
        return;
    }
    QCOMPARE_PROBLEM(reply, 403);
    QVERIFY(reply.header("X-Token-Id").isEmpty());
    QVERIFY2(reply.json().value(u"detail"_s).toString().contains(u"127.0.0.1"_s),
             reply.body.constData());
    QCOMPARE_PROBLEM(own, 403);
}

void TestServerVerify::forwardedHeadersIgnoredWithoutTrustedProxy()
{
    const QJsonObject far = create(u"read_only"_s, {u"203.0.113.0/24"_s});
    const QJsonObject local = create(u"read_only"_s, {u"127.0.0.1"_s});
    const ApiTestClient::Headers spoof{{"X-Forwarded-For", "203.0.113.9"},
                                       {"X-Real-IP", "203.0.113.9"}};
    QCOMPARE_PROBLEM(verify(basic(tokenOf(far)), {}, spoof), 403);
    QCOMPARE(verify(basic(tokenOf(local)), {}, spoof).status, 204);
    QCOMPARE_PROBLEM(verify(basic(tokenOf(far)), {}, {{"X-Real-IP", "203.0.113.9"}}), 403);
}

void TestServerVerify::rotationWithoutGraceRefusesTheOldSecretAtOnce()
{
    const QJsonObject created = create(u"editorial"_s);
    const QString id = created.value(u"id"_s).toString();
    QCOMPARE(verify(basic(tokenOf(created))).status, 204); // warm the cache
    const ApiReply rotated = m_env.api->post(u"/api/v1/tokens/"_s + id + u"/rotate"_s,
                                             {{u"previousSecretValidForSeconds"_s, 0}});
    QVERIFY2(rotated.status == 200, rotated.describe().constData());
    m_secrets.append(tokenOf(rotated.json()));

    const ApiReply old = verify(basic(tokenOf(created)));
    QCOMPARE_PROBLEM(old, 401);
    QCOMPARE(old.body, m_rejected.body);
    const ApiReply fresh = verify(basic(tokenOf(rotated.json())));
    QVERIFY2(fresh.status == 204, fresh.describe().constData());
    QCOMPARE(fresh.header("X-Token-Id"), id.toLatin1());
}

void TestServerVerify::rotationWithGraceAcceptsBothUntilItEnds()
{
    const QJsonObject created = create(u"editorial"_s);
    const QString id = created.value(u"id"_s).toString();
    QCOMPARE(verify(basic(tokenOf(created))).status, 204);
    const ApiReply rotated = m_env.api->post(u"/api/v1/tokens/"_s + id + u"/rotate"_s,
                                             {{u"previousSecretValidForSeconds"_s, 2}});
    QVERIFY2(rotated.status == 200, rotated.describe().constData());
    const QByteArray newToken = tokenOf(rotated.json());
    m_secrets.append(newToken);

    const ApiReply oldNow = verify(basic(tokenOf(created)));
    QVERIFY2(oldNow.status == 204, oldNow.describe().constData());
    QCOMPARE(oldNow.header("X-Token-Id"), id.toLatin1());
    QCOMPARE(verify(basic(newToken)).status, 204);

    QTRY_COMPARE_WITH_TIMEOUT(verify(basic(tokenOf(created))).status, 401, 10'000);
    QCOMPARE(verify(basic(tokenOf(created))).body, m_rejected.body);
    QCOMPARE(verify(basic(newToken)).status, 204);
}

void TestServerVerify::everyChangeTakesEffectOnTheNextRequest()
{
    const QJsonObject created = create(u"managing_editorial"_s);
    const QString path = u"/api/v1/tokens/"_s + created.value(u"id"_s).toString();
    const QByteArray auth = basic(tokenOf(created));
    const QString needsEditorial = u"?minLevel=managing_editorial"_s;

    QCOMPARE(verify(auth, needsEditorial).status, 204); // warm the cache
    QCOMPARE(m_env.api->patch(path, {{u"enabled"_s, false}}).status, 200);
    QCOMPARE_PROBLEM(verify(auth), 401);
    QCOMPARE(m_env.api->patch(path, {{u"enabled"_s, true}}).status, 200);
    QCOMPARE(verify(auth, needsEditorial).status, 204);

    QCOMPARE(m_env.api->patch(path, {{u"allowedIpRanges"_s, QJsonArray{u"192.0.2.0/24"_s}}}).status,
             200);
    QCOMPARE_PROBLEM(verify(auth), 403);
    QCOMPARE(m_env.api->patch(path, {{u"allowedIpRanges"_s, QJsonArray{u"127.0.0.1"_s}}}).status,
             200);
    QCOMPARE(verify(auth, needsEditorial).status, 204);

    QCOMPARE(m_env.api->patch(path, {{u"accessLevel"_s, u"read_only"_s}}).status, 200);
    QCOMPARE_PROBLEM(verify(auth, needsEditorial), 403);
    const ApiReply lowered = verify(auth);
    QCOMPARE(lowered.status, 204);
    QCOMPARE(lowered.header("X-Access-Level"), "read_only"_ba);

    const QString past = QDateTime::currentDateTimeUtc().addSecs(1).toString(Qt::ISODateWithMs);
    QCOMPARE(m_env.api->patch(path, {{u"expiresAt"_s, past}}).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(verify(auth).status, 401, 10'000);
    QCOMPARE(m_env.api->patch(path, {{u"expiresAt"_s, QJsonValue::Null}}).status, 200);
    QCOMPARE(verify(auth).status, 204);

    QCOMPARE(m_env.api->del(path).status, 204);
    QCOMPARE_PROBLEM(verify(auth), 401);
    QCOMPARE(verify(auth).body, m_rejected.body);
}

void TestServerVerify::successfulVerifySetsLastUsed()
{
    const QJsonObject created = create(u"read_only"_s);
    const QString path = u"/api/v1/tokens/"_s + created.value(u"id"_s).toString();
    QCOMPARE(created.value(u"lastUsedAt"_s), QJsonValue(QJsonValue::Null));
    QCOMPARE(created.value(u"lastUsedIp"_s), QJsonValue(QJsonValue::Null));
    // A refusal is no use.
    QCOMPARE_PROBLEM(verify(basic(tokenOf(created)), u"?minLevel=administrative"_s), 403);

    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    QCOMPARE(verify(basic(tokenOf(created))).status, 204);
    QTRY_VERIFY_WITH_TIMEOUT(m_env.api->get(path).json().value(u"lastUsedAt"_s).isString(), 10'000);
    const QDateTime after = QDateTime::currentDateTimeUtc().addSecs(1);
    const QJsonObject token = m_env.api->get(path).json();
    QCOMPARE(token.value(u"lastUsedIp"_s).toString(), u"127.0.0.1"_s);
    const QDateTime lastUsed =
        QDateTime::fromString(token.value(u"lastUsedAt"_s).toString(), Qt::ISODateWithMs);
    QVERIFY2(lastUsed >= before && lastUsed <= after,
             qPrintable(lastUsed.toString(Qt::ISODateWithMs)));
    QVERIFY(token.value(u"lastUsedAt"_s).toString().endsWith(u'Z'));
}

void TestServerVerify::callingTokenAnswersItsOwnMetadata_data()
{
    goodTokenIs204WithHeaders_data();
}

void TestServerVerify::callingTokenAnswersItsOwnMetadata()
{
    QFETCH(QString, level);
    const QJsonObject created = create(level, {u"127.0.0.0/8"_s, u"2001:db8::/32"_s});
    const ApiReply reply = callingToken(basic(tokenOf(created)));
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.header("Content-Type"), "application/json"_ba);
    const QJsonObject own = reply.json();
    QVERIFY(Token::fromJson(own).ok());
    QVERIFY(!own.contains(u"token"_s));
    QVERIFY(!reply.body.contains(tokenOf(created)));
    for (const QString &key : {u"id"_s, u"name"_s, u"accessLevel"_s, u"allowedIpRanges"_s,
                               u"status"_s, u"createdAt"_s, u"createdBy"_s, u"expiresAt"_s}) {
        QCOMPARE(own.value(key), created.value(key));
    }
    QCOMPARE(own.value(u"accessLevel"_s).toString(), level);
    // A session is no API token.
    QCOMPARE_PROBLEM(callingToken("Bearer " + m_env.session), 401);
}

void TestServerVerify::callingTokenRefusesLikeVerify()
{
    const QJsonObject fenced = create(u"administrative"_s, {u"10.0.0.0/8"_s});
    QCOMPARE_PROBLEM(callingToken(basic(tokenOf(fenced))), 403);
    QCOMPARE_PROBLEM(verify(basic(tokenOf(fenced))), 403);
    const ApiReply none = callingToken({});
    QCOMPARE_PROBLEM(none, 401);
    QVERIFY(!none.header("WWW-Authenticate").isEmpty());
}

void TestServerVerify::curlWithUserAndPasswordWorks()
{
    const QString curl = QStandardPaths::findExecutable(u"curl"_s);
    QVERIFY2(!curl.isEmpty(),
             "curl is not installed: scripts/test must install the curl package "
             "(PRODUCT.md §4 promises that `curl -u id:secret` works)");
    const QJsonObject created = create(u"editorial"_s);
    const auto credentials = TokenFormat::decode(tokenOf(created));
    QVERIFY(credentials.ok());

    const auto runCurl = [&curl](const QString &userPassword, const QString &url) {
        QProcess process;
        process.start(curl,
                      {u"-s"_s, u"-o"_s, u"/dev/null"_s, u"-w"_s, u"%{http_code}"_s, u"-u"_s,
                       userPassword, url});
        if (!process.waitForFinished(30'000)) {
            process.kill();
            process.waitForFinished();
            return QByteArray("curl did not finish");
        }
        return process.readAllStandardOutput();
    };
    const QString url = m_env.server.baseUrl().resolved(QUrl(u"/api/v1/verify"_s)).toString();
    const QString userPassword = credentials->id + u':' + QString::fromLatin1(credentials->secret);
    QCOMPARE(runCurl(userPassword, url), "204"_ba);
    ++m_allowed;
    QCOMPARE(runCurl(userPassword, url + u"?minLevel=administrative"_s), "403"_ba);
    QCOMPARE(
        runCurl(credentials->id + u':' + QString::fromLatin1(TokenFormat::generateSecret()), url),
        "401"_ba);
}

void TestServerVerify::metricsCountVerifications()
{
    const QJsonObject created = create(u"read_only"_s);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(verify(basic(tokenOf(created))).status, 204);
    QVERIFY(m_allowed >= 5);

    ApiTestClient scraper(m_env.server.baseUrl());
    const ApiReply reply = scraper.get(u"/metrics"_s);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QVERIFY2(reply.header("Content-Type").startsWith("text/plain"),
             reply.header("Content-Type").constData());
    const QString text = QString::fromUtf8(reply.body);

    const QRegularExpression allowed(u"^apiaccess_verify_total\\{outcome=\"allowed\"\\} (\\d+)$"_s,
                                     QRegularExpression::MultilineOption);
    const auto allowedMatch = allowed.match(text);
    QVERIFY2(allowedMatch.hasMatch(), reply.body.constData());
    QVERIFY2(allowedMatch.captured(1).toLongLong() >= m_allowed,
             qPrintable(u"allowed %1, made %2"_s.arg(allowedMatch.captured(1)).arg(m_allowed)));
    QVERIFY(text.contains(u"apiaccess_verify_total{outcome=\"unauthorized\"}"_s));

    const QRegularExpression requests(
        u"^apiaccess_http_requests_total\\{[^}]*route=\"/api/v1/verify\"[^}]*status=\"204\"[^}]*\\} (\\d+)$"_s,
        QRegularExpression::MultilineOption);
    const auto requestsMatch = requests.match(text);
    QVERIFY2(requestsMatch.hasMatch(), reply.body.constData());
    QVERIFY(requestsMatch.captured(1).toLongLong() >= m_allowed);
    QVERIFY(text.contains(u"# TYPE apiaccess_http_requests_total counter"_s));
    QVERIFY(text.contains(u"# TYPE apiaccess_verify_total counter"_s));
    // Labels carry route patterns, never ids or secrets.
    QVERIFY(!text.contains(created.value(u"id"_s).toString()));
}

void TestServerVerify::healthz()
{
    ApiTestClient probe(m_env.server.baseUrl());
    const ApiReply reply = probe.get(u"/healthz"_s);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.json().value(u"status"_s).toString(), u"ok"_s);
    QCOMPARE(reply.json().value(u"database"_s).toString(), u"ok"_s);
    QVERIFY(!reply.json().value(u"version"_s).toString().isEmpty());
    QCOMPARE(reply.json().size(), 3); // nothing about an outage while there is none
    QCOMPARE(reply.header("Cache-Control"), "no-store"_ba);
}

void TestServerVerify::logHoldsNoSecret()
{
    const QByteArray log = m_env.server.log();
    QVERIFY_LOG_HOLDS_NO_SECRET(log, "/api/v1/verify", m_secrets);
    QVERIFY(!log.contains(kPassword.toUtf8()));
}

QTEST_GUILESS_MAIN(TestServerVerify)
#include "tst_server_verify.moc"
