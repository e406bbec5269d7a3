// Integration test: who may use the admin endpoints of the real
// apiaccess-server over real HTTP (PRODUCT.md §6): sign-in and sign-out,
// 401 with WWW-Authenticate for missing or bad credentials, and API tokens
// with Basic (Administrative only, inside its allowed IP ranges).

#include "ApiTestClient.h"
#include "ServerProcess.h"
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

QStringList sortedErrorFields(const ApiReply &reply)
{
    QStringList fields;
    const QJsonArray errors = reply.json().value(u"errors"_s).toArray();
    for (const QJsonValue &error : errors) {
        fields.append(error.toObject().value(u"field"_s).toString());
        // Every entry explains itself.
        if (error.toObject().value(u"message"_s).toString().isEmpty())
            fields.append(u"<entry without message>"_s);
    }
    fields.sort();
    return fields;
}

QStringList sortedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

} // namespace

// A problem document with this status (RFC 9457, PRODUCT.md §6).
#define QCOMPARE_PROBLEM(replyExpression, expectedStatus)                                          \
    do {                                                                                           \
        const ApiReply &problemReply_ = (replyExpression);                                         \
        QVERIFY2(problemReply_.status == (expectedStatus), problemReply_.describe().constData());  \
        QCOMPARE(problemReply_.header("Content-Type"), "application/problem+json"_ba);             \
        QCOMPARE(problemReply_.json().value(u"status"_s).toInt(), (expectedStatus));               \
        QVERIFY(!problemReply_.json().value(u"title"_s).toString().isEmpty());                     \
    } while (false)

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
    void remember(const QByteArray &secretOrToken);

    ServerProcess m_server;
    std::unique_ptr<ApiTestClient> m_api; // signed in as kAdmin
    QList<QByteArray> m_secrets; // every secret this test saw, for the log check
};

void TestServerTokensAuth::initTestCase()
{
    QVERIFY2(m_server.addAdmin(kAdmin, kPassword), "apiaccess-server admin add failed");
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_api = std::make_unique<ApiTestClient>(m_server.baseUrl());
    const ApiReply signIn = m_api->post(
        u"/api/v1/sessions"_s, QJsonObject{{u"username"_s, kAdmin}, {u"password"_s, kPassword}});
    QVERIFY2(signIn.status == 201, signIn.describe().constData());
    const QByteArray session = signIn.json().value(u"sessionToken"_s).toString().toLatin1();
    QVERIFY(!session.isEmpty());
    m_api->setBearer(session);
    remember(session);
}

void TestServerTokensAuth::remember(const QByteArray &secretOrToken)
{
    m_secrets.append(secretOrToken);
    // The bare secret too: a log line with "id:secret" would leak it.
    if (const auto decoded = TokenFormat::decode(secretOrToken))
        m_secrets.append(decoded->secret);
}

QJsonObject TestServerTokensAuth::createOk(const QJsonObject &body)
{
    const ApiReply reply = m_api->post(u"/api/v1/tokens"_s, body);
    if (reply.status != 201) {
        qWarning("create failed: %s", reply.describe().constData());
        return {};
    }
    QJsonObject object = reply.json();
    remember(object.value(u"token"_s).toString().toLatin1());
    return object;
}

int TestServerTokensAuth::tokenCount()
{
    const ApiReply reply = m_api->get(u"/api/v1/tokens?limit=1000"_s);
    return reply.status == 200 ? int(reply.json().value(u"items"_s).toArray().size()) : -1;
}

void TestServerTokensAuth::signInAnswersASession()
{
    ApiTestClient client(m_server.baseUrl());
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
    remember(session.toLatin1());
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
    ApiTestClient client(m_server.baseUrl());
    const ApiReply wrongPassword = client.post(
        u"/api/v1/sessions"_s, QJsonObject{{u"username"_s, kAdmin}, {u"password"_s, u"wrong"_s}});
    const ApiReply unknownUser =
        client.post(u"/api/v1/sessions"_s,
                    QJsonObject{{u"username"_s, u"mallory"_s}, {u"password"_s, kPassword}});
    QCOMPARE_PROBLEM(wrongPassword, 401);
    QCOMPARE_PROBLEM(unknownUser, 401);
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

    ApiTestClient client(m_server.baseUrl());
    const ApiReply reply =
        client.send("POST", u"/api/v1/sessions"_s, body, {{"Content-Type", contentType}});
    QCOMPARE_PROBLEM(reply, status);
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
    ApiTestClient client(m_server.baseUrl());
    ApiTestClient::Headers headers;
    if (!authorization.isEmpty())
        headers.append({"Authorization", authorization});
    const QByteArray body = method == "POST" || method == "PATCH"
        ? R"({"name":"intruder","accessLevel":"administrative"})"_ba
        : QByteArray();
    const ApiReply reply = client.send(method, path, body, headers);
    QCOMPARE_PROBLEM(reply, 401);
    QVERIFY2(!reply.header("WWW-Authenticate").isEmpty(), reply.describe().constData());
    QCOMPARE(tokenCount(), before);
}

void TestServerTokensAuth::signOutEndsTheSession()
{
    ApiTestClient client(m_server.baseUrl());
    const ApiReply signIn = client.post(
        u"/api/v1/sessions"_s, QJsonObject{{u"username"_s, kAdmin}, {u"password"_s, kPassword}});
    QCOMPARE(signIn.status, 201);
    const QByteArray session = signIn.json().value(u"sessionToken"_s).toString().toLatin1();
    remember(session);
    client.setBearer(session);
    QCOMPARE(client.get(u"/api/v1/tokens"_s).status, 200);

    const ApiReply out = client.del(u"/api/v1/sessions/current"_s);
    QVERIFY2(out.status == 204, out.describe().constData());
    QVERIFY(out.body.isEmpty());

    const ApiReply after = client.get(u"/api/v1/tokens"_s);
    QCOMPARE_PROBLEM(after, 401);
    QVERIFY(!after.header("WWW-Authenticate").isEmpty());
    QCOMPARE_PROBLEM(client.del(u"/api/v1/sessions/current"_s), 401);

    // Other sessions of the same user are untouched.
    QCOMPARE(m_api->get(u"/api/v1/tokens"_s).status, 200);
}

void TestServerTokensAuth::administrativeApiTokenCanManageTokens()
{
    const QJsonObject admin =
        createOk(QJsonObject{{u"name"_s, u"automation"_s},
                             {u"accessLevel"_s, u"administrative"_s},
                             {u"allowedIpRanges"_s, QJsonArray{u"127.0.0.0/8"_s}}});
    QVERIFY(!admin.isEmpty());
    const QString adminId = admin.value(u"id"_s).toString();
    ApiTestClient robot(m_server.baseUrl());
    robot.setBasic(admin.value(u"token"_s).toString().toLatin1());

    QCOMPARE(robot.get(u"/api/v1/tokens?limit=1"_s).status, 200);
    const ApiReply created = robot.post(
        u"/api/v1/tokens"_s,
        QJsonObject{{u"name"_s, u"made by a robot"_s}, {u"accessLevel"_s, u"editorial"_s}});
    QVERIFY2(created.status == 201, created.describe().constData());
    remember(created.json().value(u"token"_s).toString().toLatin1());
    QCOMPARE(created.json().value(u"createdBy"_s).toString(), u"token:"_s + adminId);
    const QString newId = created.json().value(u"id"_s).toString();

    const ApiReply secret = robot.get(u"/api/v1/tokens/"_s + newId + u"/secret"_s);
    QCOMPARE(secret.status, 200);
    QCOMPARE(secret.json().value(u"token"_s), created.json().value(u"token"_s));
    QCOMPARE(robot.patch(u"/api/v1/tokens/"_s + newId, {{u"name"_s, u"renamed"_s}}).status, 200);
    QCOMPARE(robot.post(u"/api/v1/tokens/"_s + newId + u"/rotate"_s, {}).status, 200);
    QCOMPARE(robot.del(u"/api/v1/tokens/"_s + newId).status, 204);
    QCOMPARE_PROBLEM(m_api->get(u"/api/v1/tokens/"_s + newId), 404);
    // An API token has no session to end.
    QCOMPARE_PROBLEM(robot.del(u"/api/v1/sessions/current"_s), 401);
}

void TestServerTokensAuth::lesserOrFencedApiTokensAre403()
{
    const int before = tokenCount();
    for (const char *level :
         {"managing_editorial", "editorial", "read_only", "restricted_read_only"}) {
        const QJsonObject token = createOk(
            QJsonObject{{u"name"_s, u"lesser"_s}, {u"accessLevel"_s, QString::fromLatin1(level)}});
        QVERIFY(!token.isEmpty());
        ApiTestClient client(m_server.baseUrl());
        client.setBasic(token.value(u"token"_s).toString().toLatin1());
        QCOMPARE_PROBLEM(client.get(u"/api/v1/tokens"_s), 403);
        QCOMPARE_PROBLEM(
            client.post(u"/api/v1/tokens"_s,
                        QJsonObject{{u"name"_s, u"x"_s}, {u"accessLevel"_s, u"administrative"_s}}),
            403);
        QCOMPARE_PROBLEM(
            client.get(u"/api/v1/tokens/"_s + token.value(u"id"_s).toString() + u"/secret"_s), 403);
    }
    const QJsonObject fenced =
        createOk(QJsonObject{{u"name"_s, u"fenced admin"_s},
                             {u"accessLevel"_s, u"administrative"_s},
                             {u"allowedIpRanges"_s, QJsonArray{u"10.0.0.0/8"_s, u"::1"_s}}});
    ApiTestClient client(m_server.baseUrl());
    client.setBasic(fenced.value(u"token"_s).toString().toLatin1());
    QCOMPARE_PROBLEM(client.get(u"/api/v1/tokens"_s), 403);
    QCOMPARE_PROBLEM(
        client.post(u"/api/v1/tokens"_s,
                    QJsonObject{{u"name"_s, u"x"_s}, {u"accessLevel"_s, u"read_only"_s}}),
        403);
    QCOMPARE(tokenCount(), before + 5); // only the five made by the session
}

void TestServerTokensAuth::logHoldsNoSecret()
{
    const QByteArray log = m_server.log();
    // The log is there and names the routes (else this check proves nothing).
    QVERIFY2(log.contains("/api/v1/tokens"), log.right(2000).constData());
    QVERIFY(m_secrets.size() > 10);
    for (const QByteArray &secret : std::as_const(m_secrets)) {
        QVERIFY(!secret.isEmpty());
        QVERIFY2(!log.contains(secret), "a secret or session token is in the server log");
    }
    QVERIFY(!log.contains(kPassword.toUtf8()));
}

QTEST_GUILESS_MAIN(TestServerTokensAuth)
#include "tst_server_tokens_auth.moc"
