// Integration test: who may use the admin endpoints of the real
// apiaccess-server over real HTTP (PRODUCT.md §6): sign-in and sign-out,
// 401 with WWW-Authenticate for missing or bad credentials, and API tokens
// with Basic (Administrative only, inside its allowed IP ranges).

#include "ApiAssertions.h"
#include "SignedInServer.h"
#include "token/TokenFormat.h"
#include "wire/Token.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ApiAccess;
using namespace ApiAccess::Testing;

namespace {

const QString kAdmin = u"erin"_s;
const QString kPassword = u"correct horse battery staple"_s;

} // namespace

class TestServerTokensAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void signInAnswersASession();
    void signInRejectsWrongCredentialsAlike();
    void signInRejectsBadRequests_data();
    void signInRejectsBadRequests();
    void requestsWithoutValidCredentialsAre401_data();
    void requestsWithoutValidCredentialsAre401();
    void signOutEndsTheSession();

    void administrativeApiTokenCanManageTokens();
    void lesserOrFencedApiTokensAre403();

    void logHoldsNoSecret();

private:
    QJsonObject createOk(const QJsonObject &body);
    int tokenCount();

    SignedInServer m_env; // m_env.api is signed in as kAdmin
    SeenSecrets m_secrets; // every secret this test saw, for the log check
};

void TestServerTokensAuth::initTestCase()
{
    QVERIFY2(m_env.start(kAdmin, kPassword), qPrintable(m_env.errorString()));
    QVERIFY(!m_env.session.isEmpty());
    m_secrets.remember(m_env.session);
}

QJsonObject TestServerTokensAuth::createOk(const QJsonObject &body)
{
    return createTokenOk(*m_env.api, body, m_secrets);
}

int TestServerTokensAuth::tokenCount()
{
    return countTokens(*m_env.api);
}

void TestServerTokensAuth::signInAnswersASession()
{
    ApiTestClient client(m_env.server.baseUrl());
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const ApiReply reply = client.post(
        u"/api/v1/sessions"_s, QJsonObject{{u"username"_s, kAdmin}, {u"password"_s, kPassword}});
    QVERIFY2(reply.status == 201, reply.describe().constData());
    QCOMPARE(reply.header("Cache-Control"), "no-store"_ba);
    const QJsonObject body = reply.json();
    QCOMPARE(sortedKeys(body), (QStringList{u"expiresAt"_s, u"sessionToken"_s, u"username"_s}));
    QCOMPARE(body.value(u"username"_s).toString(), kAdmin);
    const QString session = body.value(u"sessionToken"_s).toString();
    QVERIFY(session.size() >= 32);
    m_secrets.remember(session.toLatin1());
    const QString expiresText = body.value(u"expiresAt"_s).toString();
    QVERIFY2(expiresText.endsWith(u'Z'), qPrintable(expiresText));
    const QDateTime expiresAt = QDateTime::fromString(expiresText, Qt::ISODateWithMs);
    QVERIFY2(expiresAt.isValid() && expiresAt > before, qPrintable(expiresText));

    // The new session works for admin endpoints.
    client.setBearer(session.toLatin1());
    const ApiReply list = client.get(u"/api/v1/tokens"_s);
    QVERIFY2(list.status == 200, list.describe().constData());
}

void TestServerTokensAuth::signInRejectsWrongCredentialsAlike()
{
    ApiTestClient client(m_env.server.baseUrl());
    const ApiReply wrongPassword = client.post(
        u"/api/v1/sessions"_s, QJsonObject{{u"username"_s, kAdmin}, {u"password"_s, u"wrong"_s}});
    const ApiReply unknownUser =
        client.post(u"/api/v1/sessions"_s,
                    QJsonObject{{u"username"_s, u"mallory"_s}, {u"password"_s, kPassword}});
    QCOMPARE_PROBLEM_WITH_TITLE(wrongPassword, 401);
    QCOMPARE_PROBLEM_WITH_TITLE(unknownUser, 401);
    QVERIFY(!wrongPassword.header("WWW-Authenticate").isEmpty());
    QCOMPARE(unknownUser.header("WWW-Authenticate"), wrongPassword.header("WWW-Authenticate"));
    // No oracle for which user names exist.
    QCOMPARE(unknownUser.body, wrongPassword.body);
    QVERIFY(!wrongPassword.json().contains(u"sessionToken"_s));
}

void TestServerTokensAuth::signInRejectsBadRequests_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addColumn<QStringList>("fields");

    const QByteArray json = "application/json";
    QTest::newRow("unknown field") << R"({"username":"alice","password":"x","remember":true})"_ba
                                   << json << 422 << QStringList{u"remember"_s};
    QTest::newRow("username not a string")
        << R"({"username":42,"password":"x"})"_ba << json << 422 << QStringList{u"username"_s};
    QTest::newRow("password missing")
        << R"({"username":"alice"})"_ba << json << 422 << QStringList{u"password"_s};
    QTest::newRow("both wrong") << R"({"username":null,"password":[]})"_ba << json << 422
                                << QStringList{u"password"_s, u"username"_s};
    QTest::newRow("not an object") << R"(["alice","x"])"_ba << json << 422 << QStringList{u""_s};
    QTest::newRow("text/plain") << R"({"username":"alice","password":"x"})"_ba
                                << "text/plain"_ba << 415 << QStringList{};
    QTest::newRow("form encoded") << "username=alice&password=x"_ba
                                  << "application/x-www-form-urlencoded"_ba << 415 << QStringList{};
    QTest::newRow("malformed JSON")
        << R"({"username":"alice","password":)"_ba << json << 400 << QStringList{};
}

void TestServerTokensAuth::signInRejectsBadRequests()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    QFETCH(QStringList, fields);

    ApiTestClient client(m_env.server.baseUrl());
    const ApiReply reply =
        client.send("POST", u"/api/v1/sessions"_s, body, {{"Content-Type", contentType}});
    QCOMPARE_PROBLEM_WITH_TITLE(reply, status);
    if (status == 422) {
        QCOMPARE(reply.json().value(u"type"_s).toString(),
                 u"urn:apiaccess:problem:validation-error"_s);
        QCOMPARE(sortedErrorFields(reply), fields);
    }
    if (status == 400)
        QCOMPARE(reply.json().value(u"type"_s).toString(),
                 u"urn:apiaccess:problem:malformed-json"_s);
    QVERIFY(!reply.json().contains(u"sessionToken"_s));
}

void TestServerTokensAuth::requestsWithoutValidCredentialsAre401_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");

    const QString someId = TokenFormat::generateId();
    const QByteArray unknownSession = "Bearer ses_" + QByteArray(43, 'A');
    const QByteArray unknownApiToken = "Basic " + TokenFormat::encode(TokenFormat::generate());
    const struct
    {
        const char *name;
        QByteArray value;
    } credentials[] = {{"none", {}},
                       {"bearer garbage", "Bearer nonsense"_ba},
                       {"bearer unknown", unknownSession},
                       {"basic garbage", "Basic !!!"_ba},
                       {"basic unknown", unknownApiToken},
                       {"other scheme", "Digest username=\"alice\""_ba}};
    const struct
    {
        QByteArray method;
        QString path;
    } endpoints[] = {{"GET", u"/api/v1/tokens"_s},
                     {"POST", u"/api/v1/tokens"_s},
                     {"GET", u"/api/v1/tokens/"_s + someId},
                     {"PATCH", u"/api/v1/tokens/"_s + someId},
                     {"DELETE", u"/api/v1/tokens/"_s + someId},
                     {"GET", u"/api/v1/tokens/"_s + someId + u"/secret"_s},
                     {"POST", u"/api/v1/tokens/"_s + someId + u"/rotate"_s},
                     {"DELETE", u"/api/v1/sessions/current"_s}};
    for (const auto &credential : credentials) {
        for (const auto &endpoint : endpoints) {
            QTest::addRow("%s %s %s", credential.name, endpoint.method.constData(),
                          qPrintable(endpoint.path))
                << credential.value << endpoint.method << endpoint.path;
        }
    }
}

void TestServerTokensAuth::requestsWithoutValidCredentialsAre401()
{
    QFETCH(QByteArray, authorization);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);

    const int before = tokenCount();
    ApiTestClient client(m_env.server.baseUrl());
    ApiTestClient::Headers headers;
    if (!authorization.isEmpty())
        headers.append({"Authorization", authorization});
    const QByteArray body = method == "POST" || method == "PATCH"
        ? R"({"name":"intruder","accessLevel":"administrative"})"_ba
        : QByteArray();
    const ApiReply reply = client.send(method, path, body, headers);
    QCOMPARE_PROBLEM_WITH_TITLE(reply, 401);
    QVERIFY2(!reply.header("WWW-Authenticate").isEmpty(), reply.describe().constData());
    QCOMPARE(tokenCount(), before);
}

void TestServerTokensAuth::signOutEndsTheSession()
{
    ApiTestClient client(m_env.server.baseUrl());
    const ApiReply signIn = client.post(
        u"/api/v1/sessions"_s, QJsonObject{{u"username"_s, kAdmin}, {u"password"_s, kPassword}});
    QCOMPARE(signIn.status, 201);
    const QByteArray session = signIn.json().value(u"sessionToken"_s).toString().toLatin1();
    m_secrets.remember(session);
    client.setBearer(session);
    QCOMPARE(client.get(u"/api/v1/tokens"_s).status, 200);

    const ApiReply out = client.del(u"/api/v1/sessions/current"_s);
    QVERIFY2(out.status == 204, out.describe().constData());
    QVERIFY(out.body.isEmpty());

    const ApiReply after = client.get(u"/api/v1/tokens"_s);
    QCOMPARE_PROBLEM_WITH_TITLE(after, 401);
    QVERIFY(!after.header("WWW-Authenticate").isEmpty());
    QCOMPARE_PROBLEM_WITH_TITLE(client.del(u"/api/v1/sessions/current"_s), 401);

    // Other sessions of the same user are untouched.
    QCOMPARE(m_env.api->get(u"/api/v1/tokens"_s).status, 200);
}

void TestServerTokensAuth::administrativeApiTokenCanManageTokens()
{
    const QJsonObject admin =
        createOk(QJsonObject{{u"name"_s, u"automation"_s},
                             {u"accessLevel"_s, u"administrative"_s},
                             {u"allowedIpRanges"_s, QJsonArray{u"127.0.0.0/8"_s}}});
    QVERIFY(!admin.isEmpty());
    const QString adminId = admin.value(u"id"_s).toString();
    ApiTestClient robot(m_env.server.baseUrl());
    robot.setBasic(admin.value(u"token"_s).toString().toLatin1());

    QCOMPARE(robot.get(u"/api/v1/tokens?limit=1"_s).status, 200);
    const ApiReply created = robot.post(
        u"/api/v1/tokens"_s,
        QJsonObject{{u"name"_s, u"made by a robot"_s}, {u"accessLevel"_s, u"editorial"_s}});
    QVERIFY2(created.status == 201, created.describe().constData());
    m_secrets.remember(created.json().value(u"token"_s).toString().toLatin1());
    QCOMPARE(created.json().value(u"createdBy"_s).toString(), u"token:"_s + adminId);
    const QString newId = created.json().value(u"id"_s).toString();

    const ApiReply secret = robot.get(u"/api/v1/tokens/"_s + newId + u"/secret"_s);
    QCOMPARE(secret.status, 200);
    QCOMPARE(secret.json().value(u"token"_s), created.json().value(u"token"_s));
    QCOMPARE(robot.patch(u"/api/v1/tokens/"_s + newId, {{u"name"_s, u"renamed"_s}}).status, 200);
    QCOMPARE(robot.post(u"/api/v1/tokens/"_s + newId + u"/rotate"_s, {}).status, 200);
    QCOMPARE(robot.del(u"/api/v1/tokens/"_s + newId).status, 204);
    QCOMPARE_PROBLEM_WITH_TITLE(m_env.api->get(u"/api/v1/tokens/"_s + newId), 404);
    // An API token has no session to end.
    QCOMPARE_PROBLEM_WITH_TITLE(robot.del(u"/api/v1/sessions/current"_s), 401);
}

void TestServerTokensAuth::lesserOrFencedApiTokensAre403()
{
    const int before = tokenCount();
    for (const char *level :
         {"managing_editorial", "editorial", "read_only", "restricted_read_only"}) {
        const QJsonObject token = createOk(
            QJsonObject{{u"name"_s, u"lesser"_s}, {u"accessLevel"_s, QString::fromLatin1(level)}});
        QVERIFY(!token.isEmpty());
        ApiTestClient client(m_env.server.baseUrl());
        client.setBasic(token.value(u"token"_s).toString().toLatin1());
        QCOMPARE_PROBLEM_WITH_TITLE(client.get(u"/api/v1/tokens"_s), 403);
        QCOMPARE_PROBLEM_WITH_TITLE(
            client.post(u"/api/v1/tokens"_s,
                        QJsonObject{{u"name"_s, u"x"_s}, {u"accessLevel"_s, u"administrative"_s}}),
            403);
        QCOMPARE_PROBLEM_WITH_TITLE(
            client.get(u"/api/v1/tokens/"_s + token.value(u"id"_s).toString() + u"/secret"_s), 403);
    }
    const QJsonObject fenced =
        createOk(QJsonObject{{u"name"_s, u"fenced admin"_s},
                             {u"accessLevel"_s, u"administrative"_s},
                             {u"allowedIpRanges"_s, QJsonArray{u"10.0.0.0/8"_s, u"::1"_s}}});
    ApiTestClient client(m_env.server.baseUrl());
    client.setBasic(fenced.value(u"token"_s).toString().toLatin1());
    QCOMPARE_PROBLEM_WITH_TITLE(client.get(u"/api/v1/tokens"_s), 403);
    QCOMPARE_PROBLEM_WITH_TITLE(
        client.post(u"/api/v1/tokens"_s,
                    QJsonObject{{u"name"_s, u"x"_s}, {u"accessLevel"_s, u"read_only"_s}}),
        403);
    QCOMPARE(tokenCount(), before + 5); // only the five made by the session
}

void TestServerTokensAuth::logHoldsNoSecret()
{
    const QByteArray log = m_env.server.log();
    QVERIFY_LOG_HOLDS_NO_SECRET(log, "/api/v1/tokens", m_secrets);
    QVERIFY(!log.contains(kPassword.toUtf8()));
}

QTEST_GUILESS_MAIN(TestServerTokensAuth)
#include "tst_server_tokens_auth.moc"
