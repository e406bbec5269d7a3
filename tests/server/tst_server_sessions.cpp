// Signing in and out, the sign-in throttle, and the audit trail, against the
// real server binary over real HTTP.
#include "ApiTestClient.h"
#include "ServerProcess.h"
#include "wire/Rfc3339.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace ApiAccess;
using namespace ApiAccess::Testing;
using namespace Qt::StringLiterals;

namespace {
const QString kAdmin = u"alice"_s;
const QString kPassword = u"correct horse battery staple"_s;

QJsonObject credentials(const QString &user, const QString &password)
{
    return {{u"username"_s, user}, {u"password"_s, password}};
}
} // namespace

class TestServerSessions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        QVERIFY(m_server.addAdmin(kAdmin, kPassword));
        QVERIFY(m_server.addAdmin(u"bob"_s, kPassword));
        QVERIFY(m_server.addAdmin(u"carol"_s, kPassword));
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }

    void signInAnswersSessionTokenExpiryAndUser()
    {
        ApiTestClient client(m_server.baseUrl());
        const ApiReply reply = client.post(u"/api/v1/sessions"_s, credentials(kAdmin, kPassword));
        QCOMPARE(reply.status, 201);
        QCOMPARE(reply.header("content-type"), "application/json");
        QCOMPARE(reply.header("cache-control"), "no-store");
        const QJsonObject body = reply.json();
        QCOMPARE(body.keys(), (QStringList{u"expiresAt"_s, u"sessionToken"_s, u"username"_s}));
        QCOMPARE(body.value(u"username"_s).toString(), kAdmin);
        const QString token = body.value(u"sessionToken"_s).toString();
        QVERIFY2(QRegularExpression(u"^ses_[A-Za-z0-9_-]{43}$"_s).match(token).hasMatch(),
                 qPrintable(token));
        const auto expiresAt = parseRfc3339(body.value(u"expiresAt"_s).toString());
        QVERIFY(expiresAt.has_value());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(*expiresAt > now.addDays(1));
        QVERIFY(*expiresAt <= now.addDays(15));

        // The session works for the admin API...
        client.setBearer(token.toLatin1());
        QCOMPARE(client.get(u"/api/v1/tokens"_s).status, 200);
        // ...and each sign-in is a new session.
        ApiTestClient other(m_server.baseUrl());
        QVERIFY(other.signIn(kAdmin, kPassword));
        QCOMPARE(other.get(u"/api/v1/tokens"_s).status, 200);
        QCOMPARE(client.get(u"/api/v1/tokens"_s).status, 200);
    }

    void wrongPasswordAndUnknownUserLookAlike()
    {
        ApiTestClient client(m_server.baseUrl());
        const ApiReply wrong =
            client.post(u"/api/v1/sessions"_s, credentials(u"bob"_s, u"nope nope nope"_s));
        const ApiReply unknown =
            client.post(u"/api/v1/sessions"_s, credentials(u"mallory"_s, u"nope nope nope"_s));
        QCOMPARE(wrong.status, 401);
        QCOMPARE(unknown.status, 401);
        QCOMPARE(wrong.body, unknown.body);
        QCOMPARE(wrong.header("content-type"), "application/problem+json");
        QVERIFY(!wrong.header("www-authenticate").isEmpty());
        QVERIFY(!wrong.json().value(u"detail"_s).toString().isEmpty());
    }

    void malformedSignInsAreClientErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");

        QTest::newRow("unknown field")
            << R"({"username":"alice","password":"x","remember":true})"_ba
            << "application/json"_ba << 422 << u"remember"_s;
        QTest::newRow("username missing") << R"({"password":"x"})"_ba
                                          << "application/json"_ba << 422 << u"username"_s;
        QTest::newRow("password a number") << R"({"username":"alice","password":5})"_ba
                                           << "application/json"_ba << 422 << u"password"_s;
        QTest::newRow("array body") << "[]"_ba
                                    << "application/json"_ba << 422 << QString();
        QTest::newRow("malformed JSON") << R"({"username":)"_ba
                                        << "application/json"_ba << 400 << QString();
        QTest::newRow("form encoded") << "username=alice&password=x"_ba
                                      << "application/x-www-form-urlencoded"_ba << 415 << QString();
    }

    void malformedSignInsAreClientErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, status);
        QFETCH(QString, field);

        ApiTestClient client(m_server.baseUrl());
        const ApiReply reply =
            client.send("POST", u"/api/v1/sessions"_s, body, {{"Content-Type", contentType}});
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.header("content-type"), "application/problem+json");
        QCOMPARE(reply.json().value(u"status"_s).toInt(), status);
        if (!field.isNull()) {
            const QJsonArray errors = reply.json().value(u"errors"_s).toArray();
            QVERIFY2(!errors.isEmpty(), reply.describe().constData());
            QCOMPARE(errors.first().toObject().value(u"field"_s).toString(), field);
        }
    }

    void signOutEndsTheSessionOnly()
    {
        ApiTestClient first(m_server.baseUrl());
        ApiTestClient second(m_server.baseUrl());
        QVERIFY(first.signIn(kAdmin, kPassword));
        QVERIFY(second.signIn(kAdmin, kPassword));

        QCOMPARE(first.del(u"/api/v1/sessions/current"_s).status, 204);
        const ApiReply after = first.get(u"/api/v1/tokens"_s);
        QCOMPARE(after.status, 401);
        QVERIFY(!after.header("www-authenticate").isEmpty());
        QCOMPARE(first.del(u"/api/v1/sessions/current"_s).status, 401);
        // The other session of the same admin goes on.
        QCOMPARE(second.get(u"/api/v1/tokens"_s).status, 200);
    }

    void unauthenticatedAndForgedSessionsAre401_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::newRow("none") << QByteArray();
        QTest::newRow("forged bearer")
            << "Bearer ses_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_ba;
        QTest::newRow("malformed bearer") << "Bearer not-a-session"_ba;
        QTest::newRow("unknown scheme") << "Digest username=alice"_ba;
    }

    void unauthenticatedAndForgedSessionsAre401()
    {
        QFETCH(QByteArray, authorization);
        ApiTestClient client(m_server.baseUrl());
        ApiTestClient::Headers headers;
        if (!authorization.isEmpty())
            headers.append({"Authorization", authorization});
        const ApiReply reply = client.get(u"/api/v1/tokens"_s, headers);
        QCOMPARE(reply.status, 401);
        QVERIFY(reply.header("www-authenticate").contains("Bearer"));
        QCOMPARE(reply.header("content-type"), "application/problem+json");
    }

    void repeatedFailuresAreThrottledPerUserAndAddress()
    {
        ApiTestClient client(m_server.baseUrl());
        const QString user = u"carol"_s; // no failed sign-ins before this test
        int attempts = 0;
        ApiReply reply;
        // Five free attempts, then a lock-out with Retry-After.
        do {
            reply = client.post(u"/api/v1/sessions"_s, credentials(user, u"wrong password!"_s));
            ++attempts;
        } while (reply.status == 401 && attempts < 20);
        QCOMPARE(reply.status, 429);
        QCOMPARE(attempts, 6);
        bool ok = false;
        const int retryAfter = reply.header("retry-after").toInt(&ok);
        QVERIFY2(ok && retryAfter > 0 && retryAfter <= 15 * 60,
                 reply.header("retry-after").constData());
        QCOMPARE(reply.header("content-type"), "application/problem+json");

        // While locked, even the right password is refused: guessing gains nothing.
        QCOMPARE(client.post(u"/api/v1/sessions"_s, credentials(user, kPassword)).status, 429);
        // Another user from the same address is not affected.
        QCOMPARE(client.post(u"/api/v1/sessions"_s, credentials(kAdmin, kPassword)).status, 201);
    }

    void everySignInAndChangeIsAudited()
    {
        ApiTestClient client(m_server.baseUrl());
        QVERIFY(client.signIn(kAdmin, kPassword));
        const ApiReply created = client.createToken(u"Audit me"_s, u"read_only"_s);
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(u"id"_s).toString();
        const QString path = u"/api/v1/tokens/"_s + id;
        QCOMPARE(client.patch(path, {{u"name"_s, u"Audited"_s}}).status, 200);
        QCOMPARE(client.patch(path, {{u"enabled"_s, false}}).status, 200);
        QCOMPARE(client.patch(path, {{u"enabled"_s, true}}).status, 200);
        QCOMPARE(client.post(path + u"/rotate"_s, {}).status, 200);
        // HEAD only says the secret could be fetched: not a retrieval, not audited.
        const ApiReply head = client.send("HEAD", path + u"/secret"_s);
        QCOMPARE(head.status, 200);
        QVERIFY(head.body.isEmpty());
        QCOMPARE(client.get(path + u"/secret"_s).status, 200);
        QCOMPARE(client.del(path).status, 204);
        QCOMPARE(client.del(u"/api/v1/sessions/current"_s).status, 204);

        // Read the trail straight from the database, as an auditor's tool would.
        QStringList actions;
        const auto tokenEvents =
            m_server.database().rows(u"SELECT action, actor, actor_address FROM audit_events "
                                     "WHERE token_id = ? ORDER BY id"_s,
                                     {id});
        QVERIFY2(m_server.database().lastError().isEmpty(),
                 qPrintable(m_server.database().lastError()));
        for (const QVariantList &row : tokenEvents) {
            actions << row[0].toString();
            QCOMPARE(row[1].toString(), kAdmin);
            QCOMPARE(row[2].toString(), u"127.0.0.1"_s);
        }
        QCOMPARE(actions,
                 (QStringList{u"token.created"_s, u"token.changed"_s, u"token.disabled"_s,
                              u"token.enabled"_s, u"token.rotated"_s, u"token.secret_retrieved"_s,
                              u"token.deleted"_s}));
        QStringList sessionActions;
        for (const QVariantList &row :
             m_server.database().rows(u"SELECT action FROM audit_events WHERE token_id IS NULL "
                                      "AND actor = 'alice' ORDER BY id"_s))
            sessionActions << row[0].toString();
        QVERIFY2(sessionActions.contains(u"session.signed_in"_s),
                 qPrintable(sessionActions.join(u',')));
        QVERIFY2(sessionActions.contains(u"session.signed_out"_s),
                 qPrintable(sessionActions.join(u',')));
    }

private:
    ServerProcess m_server;
};

QTEST_GUILESS_MAIN(TestServerSessions)
#include "tst_server_sessions.moc"
