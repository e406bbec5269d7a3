// Integration test: PATCH, DELETE, /secret and /rotate of /api/v1/tokens/{id},
// and ambiguous write bodies, against the real apiaccess-server over real
// HTTP (PRODUCT.md §6).

#include "ApiAssertions.h"
#include "SignedInServer.h"
#include "token/TokenFormat.h"
#include "wire/Token.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace ApiAccess;
using namespace ApiAccess::Testing;

namespace {

const QString kAdmin = u"bob"_s;
const QString kPassword = u"tr0ub4dor&3 is not enough"_s;

QString tokenPath(const QString &id, const QString &suffix = {})
{
    return u"/api/v1/tokens/"_s + id + suffix;
}

QJsonObject withoutSecret(QJsonObject object)
{
    object.remove(u"token"_s);
    return object;
}

// The fields an edit must not touch.
QJsonObject identity(const QJsonObject &token)
{
    return QJsonObject{{u"id"_s, token.value(u"id"_s)},
                       {u"createdAt"_s, token.value(u"createdAt"_s)},
                       {u"createdBy"_s, token.value(u"createdBy"_s)}};
}

} // namespace

class TestServerTokensWrite : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void patchChangesEachField_data();
    void patchChangesEachField();
    void patchHonoursIfMatch();
    void patchWithEmptyObjectChangesNothing();
    void patchRejectsInvalidInput_data();
    void patchRejectsInvalidInput();
    void patchUnknownTokenIs404();

    void deleteRemovesForGood();
    void deleteHonoursIfMatch();

    void secretAnswersTheSameTokenAgain();
    void rotateIssuesANewSecretForTheSameId_data();
    void rotateIssuesANewSecretForTheSameId();
    void rotateRejectsInvalidInput_data();
    void rotateRejectsInvalidInput();
    void rotateHonoursIfMatch();

    void createRefusesRepeatedMembers_data();
    void createRefusesRepeatedMembers();

    void logHoldsNoSecret();

private:
    QJsonObject create(const QString &name, const QString &level = u"read_only"_s);
    QJsonObject fetch(const QString &id, QByteArray *etag = nullptr);

    SignedInServer m_env; // m_env.api is signed in as kAdmin
    SeenSecrets m_secrets;
};

void TestServerTokensWrite::initTestCase()
{
    QVERIFY2(m_env.start(kAdmin, kPassword), qPrintable(m_env.errorString()));
    m_secrets.append(m_env.session);
}

QJsonObject TestServerTokensWrite::create(const QString &name, const QString &level)
{
    return createTokenOk(*m_env.api, QJsonObject{{u"name"_s, name}, {u"accessLevel"_s, level}},
                         m_secrets);
}

QJsonObject TestServerTokensWrite::fetch(const QString &id, QByteArray *etag)
{
    const ApiReply reply = m_env.api->get(tokenPath(id));
    if (reply.status != 200) {
        qWarning("get failed: %s", reply.describe().constData());
        return {};
    }
    if (etag)
        *etag = reply.header("ETag");
    return reply.json();
}

void TestServerTokensWrite::patchChangesEachField_data()
{
    QTest::addColumn<QJsonObject>("change");
    QTest::addColumn<QJsonObject>("expected"); // members of the answer

    const QString future =
        QDateTime::currentDateTimeUtc().addDays(7).toString(u"yyyy-MM-ddTHH:mm:ssZ"_s);
    QTest::newRow("name") << QJsonObject{{u"name"_s, u"  Renamed  "_s}}
                          << QJsonObject{{u"name"_s, u"Renamed"_s}};
    QTest::newRow("accessLevel") << QJsonObject{{u"accessLevel"_s, u"managing_editorial"_s}}
                                 << QJsonObject{{u"accessLevel"_s, u"managing_editorial"_s}};
    QTest::newRow("allowedIpRanges")
        << QJsonObject{{u"allowedIpRanges"_s, QJsonArray{u"10.0.0.7/24"_s, u"2001:DB8::/32"_s}}}
        << QJsonObject{{u"allowedIpRanges"_s, QJsonArray{u"10.0.0.0/24"_s, u"2001:db8::/32"_s}}};
    QTest::newRow("allowedIpRanges emptied") << QJsonObject{{u"allowedIpRanges"_s, QJsonArray()}}
                                             << QJsonObject{{u"allowedIpRanges"_s, QJsonArray()}};
    QTest::newRow("expiresAt") << QJsonObject{{u"expiresAt"_s, future}}
                               << QJsonObject{{u"expiresAt"_s, future}, {u"status"_s, u"active"_s}};
    QTest::newRow("expiresAt null") << QJsonObject{{u"expiresAt"_s, QJsonValue::Null}}
                                    << QJsonObject{{u"expiresAt"_s, QJsonValue::Null}};
    QTest::newRow("disable") << QJsonObject{{u"enabled"_s, false}}
                             << QJsonObject{{u"status"_s, u"disabled"_s}};
    QTest::newRow("enable again") << QJsonObject{{u"enabled"_s, true}}
                                  << QJsonObject{{u"status"_s, u"active"_s}};
    QTest::newRow("several") << QJsonObject{{u"name"_s, u"Both"_s},
                                            {u"accessLevel"_s, u"editorial"_s},
                                            {u"enabled"_s, false}}
                             << QJsonObject{{u"name"_s, u"Both"_s},
                                            {u"accessLevel"_s, u"editorial"_s},
                                            {u"status"_s, u"disabled"_s}};
}

void TestServerTokensWrite::patchChangesEachField()
{
    QFETCH(QJsonObject, change);
    QFETCH(QJsonObject, expected);

    // One token through all rows, so "expiresAt null" and "enable again"
    // undo what the rows before them did.
    static QString id;
    if (id.isEmpty())
        id = create(u"patch target"_s).value(u"id"_s).toString();
    QVERIFY(!id.isEmpty());
    QByteArray etagBefore;
    const QJsonObject before = fetch(id, &etagBefore);
    QVERIFY(!before.isEmpty());

    const ApiReply reply = m_env.api->patch(tokenPath(id), change);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    const QJsonObject after = reply.json();
    QVERIFY2(Token::fromJson(after).ok(), reply.body.constData());
    QVERIFY(!after.contains(u"token"_s)); // an edit never answers the secret

    QJsonObject unchangedExpected = before;
    for (auto it = expected.constBegin(); it != expected.constEnd(); ++it) {
        if (it.key() == u"expiresAt" && it.value().isString()) {
            QCOMPARE(QDateTime::fromString(after.value(it.key()).toString(), Qt::ISODateWithMs),
                     QDateTime::fromString(it.value().toString(), Qt::ISODate));
        } else {
            QCOMPARE(after.value(it.key()), it.value());
        }
        unchangedExpected.insert(it.key(), after.value(it.key()));
    }
    unchangedExpected.insert(u"updatedAt"_s, after.value(u"updatedAt"_s));
    QCOMPARE(after, unchangedExpected); // nothing else changed
    QCOMPARE(identity(after), identity(before));
    QVERIFY(QDateTime::fromString(after.value(u"updatedAt"_s).toString(), Qt::ISODateWithMs)
            >= QDateTime::fromString(before.value(u"updatedAt"_s).toString(), Qt::ISODateWithMs));

    const QByteArray etag = reply.header("ETag");
    QVERIFY(!etag.isEmpty());
    QVERIFY2(etag != etagBefore, etag.constData());
    // What GET shows afterwards is what PATCH answered.
    QByteArray etagNow;
    QCOMPARE(fetch(id, &etagNow), after);
    QCOMPARE(etagNow, etag);
}

void TestServerTokensWrite::patchHonoursIfMatch()
{
    const QJsonObject created = create(u"conditional"_s);
    const QString id = created.value(u"id"_s).toString();
    QByteArray etag;
    QVERIFY(!fetch(id, &etag).isEmpty());

    const ApiReply matching =
        m_env.api->patch(tokenPath(id), {{u"name"_s, u"v2"_s}}, {{"If-Match", etag}});
    QVERIFY2(matching.status == 200, matching.describe().constData());
    QCOMPARE(matching.json().value(u"name"_s).toString(), u"v2"_s);
    const QByteArray etag2 = matching.header("ETag");
    QVERIFY(!etag2.isEmpty() && etag2 != etag);

    // The tag from before that change is stale now.
    const ApiReply stale =
        m_env.api->patch(tokenPath(id), {{u"name"_s, u"v3"_s}}, {{"If-Match", etag}});
    QCOMPARE_PROBLEM(stale, 412);
    QByteArray etagNow;
    QCOMPARE(fetch(id, &etagNow).value(u"name"_s).toString(), u"v2"_s);
    QCOMPARE(etagNow, etag2);

    // A weak tag never matches, even of the current revision.
    QCOMPARE_PROBLEM(
        m_env.api->patch(tokenPath(id), {{u"name"_s, u"weak"_s}}, {{"If-Match", "W/" + etag2}}),
        412);
    QCOMPARE(fetch(id).value(u"name"_s).toString(), u"v2"_s);

    const ApiReply any =
        m_env.api->patch(tokenPath(id), {{u"name"_s, u"v3"_s}}, {{"If-Match", "*"}});
    QVERIFY2(any.status == 200, any.describe().constData());
    QCOMPARE(any.json().value(u"name"_s).toString(), u"v3"_s);
    const QByteArray etag3 = any.header("ETag");

    const ApiReply list = m_env.api->patch(tokenPath(id), {{u"name"_s, u"v4"_s}},
                                           {{"If-Match", "\"r999999\", " + etag3}});
    QVERIFY2(list.status == 200, list.describe().constData());
    QCOMPARE(list.json().value(u"name"_s).toString(), u"v4"_s);

    // Disabling through a stale tag must not disable.
    QCOMPARE_PROBLEM(
        m_env.api->patch(tokenPath(id), {{u"enabled"_s, false}}, {{"If-Match", etag3}}), 412);
    QCOMPARE(fetch(id).value(u"status"_s).toString(), u"active"_s);
}

void TestServerTokensWrite::patchWithEmptyObjectChangesNothing()
{
    const QString id = create(u"untouched"_s).value(u"id"_s).toString();
    QByteArray etag;
    const QJsonObject before = fetch(id, &etag);
    const ApiReply reply = m_env.api->patch(tokenPath(id), QJsonObject());
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.json(), before);
    QCOMPARE(reply.header("ETag"), etag);
    // application/merge-patch+json is JSON too.
    const ApiReply merge = m_env.api->send("PATCH", tokenPath(id), R"({"name":"merged"})"_ba,
                                           {{"Content-Type", "application/merge-patch+json"}});
    QVERIFY2(merge.status == 200, merge.describe().constData());
    QCOMPARE(merge.json().value(u"name"_s).toString(), u"merged"_s);
}

void TestServerTokensWrite::patchRejectsInvalidInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addColumn<QStringList>("fields");

    const QByteArray json = "application/json";
    const QByteArray past =
        QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODate).toLatin1();
    QTest::newRow("unknown field") << R"({"id":"tok_x"})"_ba << json << 422 << QStringList{u"id"_s};
    QTest::newRow("status is read-only")
        << R"({"status":"disabled"})"_ba << json << 422 << QStringList{u"status"_s};
    QTest::newRow("name empty") << R"({"name":""})"_ba << json << 422 << QStringList{u"name"_s};
    QTest::newRow("name 101") << R"({"name":")" + QByteArray(101, 'y') + R"("})" << json << 422
                              << QStringList{u"name"_s};
    QTest::newRow("name number") << R"({"name":5})"_ba << json << 422 << QStringList{u"name"_s};
    QTest::newRow("name null") << R"({"name":null})"_ba << json << 422 << QStringList{u"name"_s};
    QTest::newRow("level bogus") << R"({"accessLevel":"superuser"})"_ba << json << 422
                                 << QStringList{u"accessLevel"_s};
    QTest::newRow("ranges [1]") << R"({"allowedIpRanges":["10.0.0.1","10.0.0.256"]})"_ba << json
                                << 422 << QStringList{u"allowedIpRanges[1]"_s};
    QTest::newRow("ranges null") << R"({"allowedIpRanges":null})"_ba << json << 422
                                 << QStringList{u"allowedIpRanges"_s};
    QTest::newRow("enabled string")
        << R"({"enabled":"false"})"_ba << json << 422 << QStringList{u"enabled"_s};
    QTest::newRow("expiresAt malformed") << R"({"expiresAt":"2030-13-01T00:00:00Z"})"_ba << json
                                         << 422 << QStringList{u"expiresAt"_s};
    QTest::newRow("expiresAt past")
        << R"({"expiresAt":")" + past + R"("})" << json << 422 << QStringList{u"expiresAt"_s};
    QTest::newRow("several") << R"({"name":"","accessLevel":1,"enabled":null,"x":0})"_ba << json
                             << 422
                             << QStringList{u"accessLevel"_s, u"enabled"_s, u"name"_s, u"x"_s};
    QTest::newRow("text/plain") << R"({"name":"x"})"_ba
                                << "text/plain"_ba << 415 << QStringList{};
    QTest::newRow("malformed") << R"({"name":)"_ba << json << 400 << QStringList{};
    QTest::newRow("name twice") << R"({"name":"a","name":"b"})"_ba << json << 400 << QStringList{};
}

void TestServerTokensWrite::patchRejectsInvalidInput()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    QFETCH(QStringList, fields);

    const QString id = create(u"stays as it is"_s, u"editorial"_s).value(u"id"_s).toString();
    QByteArray etag;
    const QJsonObject before = fetch(id, &etag);
    const ApiReply reply =
        m_env.api->send("PATCH", tokenPath(id), body, {{"Content-Type", contentType}});
    QCOMPARE_PROBLEM(reply, status);
    if (status == 422) {
        QCOMPARE(reply.json().value(u"type"_s).toString(),
                 u"urn:apiaccess:problem:validation-error"_s);
        QCOMPARE(sortedErrorFields(reply, EntryMessages::NotChecked), fields);
    }
    QByteArray etagAfter;
    QCOMPARE(fetch(id, &etagAfter), before);
    QCOMPARE(etagAfter, etag);
}

void TestServerTokensWrite::patchUnknownTokenIs404()
{
    QCOMPARE_PROBLEM(m_env.api->patch(tokenPath(TokenFormat::generateId()), {{u"name"_s, u"x"_s}}),
                     404);
    QCOMPARE_PROBLEM(m_env.api->patch(tokenPath(u"not-an-id"_s), {{u"name"_s, u"x"_s}}), 404);
    QCOMPARE_PROBLEM(m_env.api->patch(tokenPath(TokenFormat::generateId()), {{u"name"_s, u"x"_s}},
                                      {{"If-Match", "*"}}),
                     404);
}

void TestServerTokensWrite::deleteRemovesForGood()
{
    const QJsonObject created = create(u"doomed"_s);
    const QString id = created.value(u"id"_s).toString();
    const ApiReply deleted = m_env.api->del(tokenPath(id));
    QVERIFY2(deleted.status == 204, deleted.describe().constData());
    QVERIFY(deleted.body.isEmpty());

    QCOMPARE_PROBLEM(m_env.api->get(tokenPath(id)), 404);
    QCOMPARE_PROBLEM(m_env.api->get(tokenPath(id, u"/secret"_s)), 404);
    QCOMPARE_PROBLEM(m_env.api->post(tokenPath(id, u"/rotate"_s), {}), 404);
    QCOMPARE_PROBLEM(m_env.api->patch(tokenPath(id), {{u"name"_s, u"zombie"_s}}), 404);
    QCOMPARE_PROBLEM(m_env.api->del(tokenPath(id)), 404);
    QCOMPARE_PROBLEM(m_env.api->del(tokenPath(TokenFormat::generateId())), 404);
    QCOMPARE_PROBLEM(m_env.api->del(tokenPath(u"garbage"_s)), 404);
    const ApiReply list = m_env.api->get(u"/api/v1/tokens?q="_s + id);
    QCOMPARE(list.status, 200);
    QCOMPARE(list.json().value(u"items"_s).toArray(), QJsonArray());

    // Its token no longer works anywhere.
    ApiTestClient integration(m_env.server.baseUrl());
    integration.setBasic(created.value(u"token"_s).toString().toLatin1());
    QCOMPARE_PROBLEM(integration.get(u"/api/v1/verify"_s), 401);
}

void TestServerTokensWrite::deleteHonoursIfMatch()
{
    const QString id = create(u"guarded"_s).value(u"id"_s).toString();
    QByteArray etag;
    QVERIFY(!fetch(id, &etag).isEmpty());
    QCOMPARE(m_env.api->patch(tokenPath(id), {{u"name"_s, u"guarded v2"_s}}).status, 200);

    QCOMPARE_PROBLEM(m_env.api->del(tokenPath(id), {{"If-Match", etag}}), 412);
    QByteArray current;
    QCOMPARE(fetch(id, &current).value(u"name"_s).toString(), u"guarded v2"_s); // still there
    QCOMPARE_PROBLEM(m_env.api->del(tokenPath(id), {{"If-Match", "W/" + current}}), 412);
    QCOMPARE(m_env.api->get(tokenPath(id)).status, 200);

    const ApiReply ok = m_env.api->del(tokenPath(id), {{"If-Match", current}});
    QVERIFY2(ok.status == 204, ok.describe().constData());
    QCOMPARE_PROBLEM(m_env.api->get(tokenPath(id)), 404);
    QCOMPARE_PROBLEM(m_env.api->del(tokenPath(id), {{"If-Match", current}}), 404);
}

void TestServerTokensWrite::secretAnswersTheSameTokenAgain()
{
    const QJsonObject created = create(u"copyable"_s, u"editorial"_s);
    const QString id = created.value(u"id"_s).toString();
    for (int round = 0; round < 2; ++round) { // retrievable, not shown once
        const ApiReply reply = m_env.api->get(tokenPath(id, u"/secret"_s));
        QVERIFY2(reply.status == 200, reply.describe().constData());
        QCOMPARE(reply.json(), (QJsonObject{{u"token"_s, created.value(u"token"_s)}}));
        QCOMPARE(reply.header("Cache-Control"), "no-store"_ba);
        QCOMPARE(reply.header("Content-Type"), "application/json"_ba);
    }
    QCOMPARE_PROBLEM(m_env.api->get(tokenPath(TokenFormat::generateId(), u"/secret"_s)), 404);

    const ApiReply rotated = m_env.api->post(tokenPath(id, u"/rotate"_s), {});
    QCOMPARE(rotated.status, 200);
    m_secrets.remember(rotated.json().value(u"token"_s).toString().toLatin1());
    const ApiReply after = m_env.api->get(tokenPath(id, u"/secret"_s));
    QCOMPARE(after.status, 200);
    QCOMPARE(after.json(), (QJsonObject{{u"token"_s, rotated.json().value(u"token"_s)}}));
    QVERIFY(after.json().value(u"token"_s) != created.value(u"token"_s));
}

void TestServerTokensWrite::rotateIssuesANewSecretForTheSameId_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::newRow("no body") << QByteArray() << QByteArray();
    QTest::newRow("empty object") << "{}"_ba
                                  << "application/json"_ba;
    QTest::newRow("no grace") << R"({"previousSecretValidForSeconds":0})"_ba
                              << "application/json"_ba;
    QTest::newRow("grace") << R"({"previousSecretValidForSeconds":3600})"_ba
                           << "application/json"_ba;
    QTest::newRow("30 days") << R"({"previousSecretValidForSeconds":2592000})"_ba
                             << "application/json"_ba;
}

void TestServerTokensWrite::rotateIssuesANewSecretForTheSameId()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);

    const QJsonObject created = create(u"rotating"_s, u"managing_editorial"_s);
    const QString id = created.value(u"id"_s).toString();
    QByteArray etag;
    const QJsonObject before = fetch(id, &etag);

    ApiTestClient::Headers headers;
    if (!contentType.isEmpty())
        headers.append({"Content-Type", contentType});
    const ApiReply reply = m_env.api->send("POST", tokenPath(id, u"/rotate"_s), body, headers);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    const QJsonObject rotated = reply.json();
    const QByteArray newToken = rotated.value(u"token"_s).toString().toLatin1();
    m_secrets.remember(newToken);
    QCOMPARE(reply.header("Cache-Control"), "no-store"_ba);

    QVERIFY(newToken != created.value(u"token"_s).toString().toLatin1());
    const auto decoded = TokenFormat::decode(newToken);
    QVERIFY2(decoded.ok(), newToken.constData());
    QCOMPARE(decoded->id, id);
    QVERIFY(decoded->secret
            != TokenFormat::decode(created.value(u"token"_s).toString().toLatin1())->secret);

    // Same id and permissions; the answer is the token plus "token".
    QVERIFY(Token::fromJson(rotated).ok());
    QCOMPARE(identity(rotated), identity(before));
    for (const QString &key :
         {u"name"_s, u"accessLevel"_s, u"allowedIpRanges"_s, u"status"_s, u"expiresAt"_s})
        QCOMPARE(rotated.value(key), before.value(key));
    QVERIFY(!reply.header("ETag").isEmpty());
    QVERIFY2(reply.header("ETag") != etag, reply.header("ETag").constData());
    QByteArray etagNow;
    QCOMPARE(fetch(id, &etagNow), withoutSecret(rotated));
    QCOMPARE(etagNow, reply.header("ETag"));
}

void TestServerTokensWrite::rotateRejectsInvalidInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addColumn<QStringList>("fields");

    const QByteArray json = "application/json";
    const QStringList grace{u"previousSecretValidForSeconds"_s};
    QTest::newRow("negative") << R"({"previousSecretValidForSeconds":-1})"_ba << json << 422
                              << grace;
    QTest::newRow("too large") << R"({"previousSecretValidForSeconds":2592001})"_ba << json << 422
                               << grace;
    QTest::newRow("huge") << R"({"previousSecretValidForSeconds":1e300})"_ba << json << 422
                          << grace;
    QTest::newRow("fraction") << R"({"previousSecretValidForSeconds":1.5})"_ba << json << 422
                              << grace;
    QTest::newRow("string") << R"({"previousSecretValidForSeconds":"60"})"_ba << json << 422
                            << grace;
    QTest::newRow("null") << R"({"previousSecretValidForSeconds":null})"_ba << json << 422 << grace;
    QTest::newRow("unknown field")
        << R"({"graceSeconds":60})"_ba << json << 422 << QStringList{u"graceSeconds"_s};
    QTest::newRow("both") << R"({"previousSecretValidForSeconds":-5,"x":1})"_ba << json << 422
                          << QStringList{u"previousSecretValidForSeconds"_s, u"x"_s};
    QTest::newRow("text/plain") << R"({"previousSecretValidForSeconds":5})"_ba
                                << "text/plain"_ba << 415 << QStringList{};
    QTest::newRow("malformed") << R"({"previousSecretValidForSeconds":)"_ba << json << 400
                               << QStringList{};
}

void TestServerTokensWrite::rotateRejectsInvalidInput()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    QFETCH(QStringList, fields);

    const QJsonObject created = create(u"not rotated"_s);
    const QString id = created.value(u"id"_s).toString();
    QByteArray etag;
    const QJsonObject before = fetch(id, &etag);
    const ApiReply reply =
        m_env.api->send("POST", tokenPath(id, u"/rotate"_s), body, {{"Content-Type", contentType}});
    QCOMPARE_PROBLEM(reply, status);
    if (status == 422)
        QCOMPARE(sortedErrorFields(reply, EntryMessages::NotChecked), fields);
    QVERIFY(!reply.json().contains(u"token"_s));

    // Nothing changed: same revision, same secret.
    QByteArray etagAfter;
    QCOMPARE(fetch(id, &etagAfter), before);
    QCOMPARE(etagAfter, etag);
    const ApiReply secret = m_env.api->get(tokenPath(id, u"/secret"_s));
    QCOMPARE(secret.json().value(u"token"_s), created.value(u"token"_s));
}

void TestServerTokensWrite::rotateHonoursIfMatch()
{
    // The Studio's retry after a lost answer: the same If-Match twice.
    const QJsonObject created = create(u"rotated once"_s);
    const QString id = created.value(u"id"_s).toString();
    QByteArray etag;
    fetch(id, &etag);
    const auto rotate = [&](const QByteArray &ifMatch) {
        return m_env.api->send("POST", tokenPath(id, u"/rotate"_s),
                               R"({"previousSecretValidForSeconds":3600})",
                               {{"Content-Type", "application/json"}, {"If-Match", ifMatch}});
    };
    const ApiReply first = rotate(etag);
    QVERIFY2(first.status == 200, first.describe().constData());
    const QJsonValue firstToken = first.json().value(u"token"_s);
    m_secrets.remember(firstToken.toString().toLatin1());

    const ApiReply retry = rotate(etag);
    QCOMPARE_PROBLEM(retry, 412);
    const QString detail = retry.json().value(u"detail"_s).toString();
    QVERIFY2(detail.contains(QString::fromLatin1(first.header("ETag"))), qPrintable(detail));
    QVERIFY(!retry.json().contains(u"token"_s));
    // Not rotated again: the first new secret is the current one, and the
    // original one is still in its grace period.
    const ApiReply secret = m_env.api->get(tokenPath(id, u"/secret"_s));
    QCOMPARE(secret.json().value(u"token"_s), firstToken);
    QByteArray etagNow;
    fetch(id, &etagNow);
    QCOMPARE(etagNow, first.header("ETag"));
    ApiTestClient integration(m_env.server.baseUrl());
    integration.setBasic(created.value(u"token"_s).toString().toLatin1());
    QCOMPARE(integration.get(u"/api/v1/verify"_s).status, 204);

    // Weak tags never match; the current tag and * do.
    QCOMPARE_PROBLEM(rotate("W/" + etagNow), 412);
    const ApiReply current = rotate(etagNow);
    QVERIFY2(current.status == 200, current.describe().constData());
    m_secrets.remember(current.json().value(u"token"_s).toString().toLatin1());
    const ApiReply any = rotate("*");
    QVERIFY2(any.status == 200, any.describe().constData());
    m_secrets.remember(any.json().value(u"token"_s).toString().toLatin1());
}

void TestServerTokensWrite::createRefusesRepeatedMembers_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("member");

    // Parsers differ in which copy they keep: a gateway could check one and
    // the server store the other.
    QTest::newRow("name")
        << R"({"name":"smuggled-1","accessLevel":"read_only","name":"smuggled-2"})"_ba << u"name"_s;
    QTest::newRow("accessLevel, escaped")
        << R"({"name":"smuggled-3","accessLevel":"read_only","\u0061ccessLevel":"administrative"})"_ba
        << u"accessLevel"_s;
}

void TestServerTokensWrite::createRefusesRepeatedMembers()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, member);

    const ApiReply before = m_env.api->get(u"/api/v1/tokens?limit=1000"_s);
    QCOMPARE(before.status, 200);
    const ApiReply reply =
        m_env.api->send("POST", u"/api/v1/tokens"_s, body, {{"Content-Type", "application/json"}});
    QCOMPARE_PROBLEM_WITH_TITLE(reply, 400);
    const QJsonObject problem = reply.json();
    QCOMPARE(problem.value(u"type"_s).toString(), u"urn:apiaccess:problem:malformed-json"_s);
    const QString detail = problem.value(u"detail"_s).toString();
    QVERIFY2(detail.contains(u'"' + member + u'"'), qPrintable(detail));
    QVERIFY2(!detail.contains(u"smuggled"_s) && !detail.contains(u"administrative"_s),
             qPrintable(detail));
    QVERIFY(!problem.contains(u"token"_s));

    // Nothing was created, and the change feed saw nothing either.
    QCOMPARE(m_env.api->get(u"/api/v1/tokens?limit=1000"_s).json().value(u"items"_s),
             before.json().value(u"items"_s));
    const ApiReply changes =
        m_env.api->get(u"/api/v1/tokens?changedSince="_s
                       + QString::fromLatin1(QUrl::toPercentEncoding(
                           before.json().value(u"changesCursor"_s).toString())));
    QCOMPARE(changes.status, 200);
    QCOMPARE(changes.json().value(u"items"_s).toArray(), QJsonArray());
    QCOMPARE(changes.json().value(u"deletedIds"_s).toArray(), QJsonArray());
    const ApiReply search = m_env.api->get(u"/api/v1/tokens?q=smuggled"_s);
    QCOMPARE(search.json().value(u"items"_s).toArray(), QJsonArray());
}

void TestServerTokensWrite::logHoldsNoSecret()
{
    const QByteArray log = m_env.server.log();
    QVERIFY_LOG_HOLDS_NO_SECRET(log, "/api/v1/tokens/{id}", m_secrets);
    QVERIFY(!log.contains(kPassword.toUtf8()));
}

QTEST_GUILESS_MAIN(TestServerTokensWrite)
#include "tst_server_tokens_write.moc"
