// Integration test: create, get and list of /api/v1/tokens against the real
// apiaccess-server over real HTTP (PRODUCT.md §2–§6). Sign-in and who may
// call the admin endpoints are in tst_server_tokens_auth.cpp; change,
// delete, secret and rotate in tst_server_tokens_write.cpp.

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

const QString kAdmin = u"alice"_s;
const QString kPassword = u"correct horse battery staple"_s;

} // namespace

class TestServerTokens : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void listIsEmptyOnAFreshServer();

    void createAnswersTheFullToken();
    void createCanonicalisesAndKeepsOptionalFields();
    void createRejectsInvalidInput_data();
    void createRejectsInvalidInput();
    void createRejectsBadBodies_data();
    void createRejectsBadBodies();
    void getAnswersTheTokenWithETag();
    void getUnknownOrMalformedIdIs404_data();
    void getUnknownOrMalformedIdIs404();

    void listFiltersByTextStatusAndLevel();
    void listPagesWithoutDuplicatesOrGaps();
    void listRejectsBadParameters_data();
    void listRejectsBadParameters();

    void logHoldsNoSecret();

private:
    QJsonObject createOk(const QJsonObject &body);
    QList<QJsonObject> listAll(const QString &query);
    int tokenCount();

    SignedInServer m_env; // m_env.api is signed in as kAdmin
    SeenSecrets m_secrets; // every secret this test saw, for the log check
};

void TestServerTokens::initTestCase()
{
    QVERIFY2(m_env.start(kAdmin, kPassword), qPrintable(m_env.errorString()));
    QVERIFY(!m_env.session.isEmpty());
    m_secrets.remember(m_env.session);
}

QList<QJsonObject> TestServerTokens::listAll(const QString &query)
{
    QList<QJsonObject> items;
    const ApiReply reply = m_env.api->get(u"/api/v1/tokens?limit=1000"_s + query);
    if (reply.status != 200) {
        qWarning("list failed: %s", reply.describe().constData());
        return items;
    }
    const QJsonArray array = reply.json().value(u"items"_s).toArray();
    for (const QJsonValue &item : array)
        items.append(item.toObject());
    return items;
}

QJsonObject TestServerTokens::createOk(const QJsonObject &body)
{
    return createTokenOk(*m_env.api, body, m_secrets);
}

int TestServerTokens::tokenCount()
{
    return countTokens(*m_env.api);
}

void TestServerTokens::listIsEmptyOnAFreshServer()
{
    const ApiReply reply = m_env.api->get(u"/api/v1/tokens"_s);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.header("Content-Type"), "application/json"_ba);
    QJsonObject body = reply.json();
    // The first page of the whole list says where to follow its changes
    // from (tst_server_tokens_changes).
    QVERIFY(!body.take(u"changesCursor"_s).toString().isEmpty());
    QCOMPARE(
        body,
        (QJsonObject{{u"items"_s, QJsonArray()}, {u"nextCursor"_s, QJsonValue(QJsonValue::Null)}}));
}

void TestServerTokens::createAnswersTheFullToken()
{
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    const ApiReply reply =
        m_env.api->post(u"/api/v1/tokens"_s,
                        QJsonObject{{u"name"_s, u"  RSS reader  "_s},
                                    {u"accessLevel"_s, u"restricted_read_only"_s}});
    QVERIFY2(reply.status == 201, reply.describe().constData());
    const QDateTime after = QDateTime::currentDateTimeUtc().addSecs(1);
    const QJsonObject body = reply.json();
    const QString tokenString = body.value(u"token"_s).toString();
    m_secrets.remember(tokenString.toLatin1());

    QCOMPARE(sortedKeys(body),
             (QStringList{u"accessLevel"_s, u"allowedIpRanges"_s, u"createdAt"_s, u"createdBy"_s,
                          u"expiresAt"_s, u"id"_s, u"lastUsedAt"_s, u"lastUsedIp"_s, u"name"_s,
                          u"status"_s, u"token"_s, u"updatedAt"_s}));
    const QString id = body.value(u"id"_s).toString();
    QVERIFY2(TokenFormat::validateId(id).ok(), qPrintable(id));
    QCOMPARE(body.value(u"name"_s).toString(), u"RSS reader"_s); // trimmed
    QCOMPARE(body.value(u"accessLevel"_s).toString(), u"restricted_read_only"_s);
    QCOMPARE(body.value(u"allowedIpRanges"_s), QJsonValue(QJsonArray()));
    QCOMPARE(body.value(u"status"_s).toString(), u"active"_s);
    QCOMPARE(body.value(u"createdBy"_s).toString(), kAdmin);
    QCOMPARE(body.value(u"expiresAt"_s), QJsonValue(QJsonValue::Null));
    QCOMPARE(body.value(u"lastUsedAt"_s), QJsonValue(QJsonValue::Null));
    QCOMPARE(body.value(u"lastUsedIp"_s), QJsonValue(QJsonValue::Null));
    QCOMPARE(body.value(u"updatedAt"_s), body.value(u"createdAt"_s));
    QVERIFY(body.value(u"createdAt"_s).toString().endsWith(u'Z'));
    const auto token = Token::fromJson(body);
    QVERIFY2(token.ok(), "the answer does not read as a Token");
    QVERIFY2(token->createdAt >= before && token->createdAt <= after,
             qPrintable(token->createdAt.toString(Qt::ISODateWithMs)));

    // The token string is base64(id ":" secret) for this very id.
    QCOMPARE(tokenString.size(), TokenFormat::kTokenLength);
    const auto decoded = TokenFormat::decode(tokenString.toLatin1());
    QVERIFY2(decoded.ok(), "the token string does not decode");
    QCOMPARE(decoded->id, id);
    QVERIFY(TokenFormat::validateSecret(decoded->secret).ok());

    QCOMPARE(m_env.server.baseUrl().resolved(QUrl(QString::fromLatin1(reply.header("Location")))),
             m_env.server.baseUrl().resolved(QUrl(u"/api/v1/tokens/"_s + id)));
    QVERIFY2(QByteArray(reply.header("ETag")).startsWith('"'), reply.header("ETag").constData());
    QVERIFY(reply.header("ETag").endsWith('"'));
    QCOMPARE(reply.header("Cache-Control"), "no-store"_ba);
}

void TestServerTokens::createCanonicalisesAndKeepsOptionalFields()
{
    const QDateTime expiresAt = QDateTime::currentDateTimeUtc().addDays(30).addMSecs(
        -QDateTime::currentMSecsSinceEpoch() % 1000);
    const QString expiresText = expiresAt.toString(u"yyyy-MM-ddTHH:mm:ssZ"_s);
    const QJsonObject body =
        createOk(QJsonObject{{u"name"_s, u"HR sync"_s},
                             {u"accessLevel"_s, u"administrative"_s},
                             {u"allowedIpRanges"_s,
                              QJsonArray{u"10.0.0.7/24"_s, u"2001:DB8:0:0::1"_s, u"192.0.2.1/32"_s,
                                         u"2001:db8:1::/48"_s}},
                             {u"expiresAt"_s, expiresText}});
    QVERIFY(!body.isEmpty());
    QCOMPARE(
        body.value(u"allowedIpRanges"_s).toArray(),
        (QJsonArray{u"10.0.0.0/24"_s, u"2001:db8::1"_s, u"192.0.2.1"_s, u"2001:db8:1::/48"_s}));
    QCOMPARE(body.value(u"accessLevel"_s).toString(), u"administrative"_s);
    const QDateTime returned =
        QDateTime::fromString(body.value(u"expiresAt"_s).toString(), Qt::ISODateWithMs);
    QCOMPARE(returned.toSecsSinceEpoch(),
             QDateTime::fromString(expiresText, Qt::ISODate).toSecsSinceEpoch());
    QVERIFY(body.value(u"expiresAt"_s).toString().endsWith(u'Z'));

    // GET gives the same canonical values.
    const ApiReply get = m_env.api->get(u"/api/v1/tokens/"_s + body.value(u"id"_s).toString());
    QCOMPARE(get.status, 200);
    QCOMPARE(get.json().value(u"allowedIpRanges"_s), body.value(u"allowedIpRanges"_s));
    QCOMPARE(get.json().value(u"expiresAt"_s), body.value(u"expiresAt"_s));

    // 100 characters is the longest name; 256 entries the longest list.
    QJsonArray ranges;
    for (int i = 0; i < 256; ++i)
        ranges.append(u"10.1.%1.%2"_s.arg(i / 200).arg(i % 200));
    const QJsonObject longest = createOk(QJsonObject{{u"name"_s, QString(100, u'n')},
                                                     {u"accessLevel"_s, u"read_only"_s},
                                                     {u"allowedIpRanges"_s, ranges}});
    QCOMPARE(longest.value(u"name"_s).toString(), QString(100, u'n'));
    QCOMPARE(longest.value(u"allowedIpRanges"_s).toArray().size(), 256);
    // Names count characters, not UTF-16 units: 100 keys (200 units) fit.
    const QString keys = QString(u"\U0001F511"_s).repeated(100);
    const QJsonObject emoji =
        createOk(QJsonObject{{u"name"_s, keys}, {u"accessLevel"_s, u"read_only"_s}});
    QCOMPARE(emoji.value(u"name"_s).toString(), keys);
}

void TestServerTokens::createRejectsInvalidInput_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QStringList>("fields");

    const QJsonObject valid{{u"name"_s, u"ok"_s}, {u"accessLevel"_s, u"read_only"_s}};
    const auto with = [&valid](const QString &key, const QJsonValue &value) {
        QJsonObject body = valid;
        if (value.isUndefined())
            body.remove(key);
        else
            body.insert(key, value);
        return body;
    };
    QJsonArray tooMany;
    for (int i = 0; i < 257; ++i)
        tooMany.append(u"10.2.%1.%2"_s.arg(i / 200).arg(i % 200));
    const QString past = QDateTime::currentDateTimeUtc().addSecs(-60).toString(Qt::ISODate);

    QTest::newRow("unknown field") << with(u"color"_s, u"red"_s) << QStringList{u"color"_s};
    QTest::newRow("secret given") << with(u"token"_s, u"x"_s) << QStringList{u"token"_s};
    QTest::newRow("name missing") << with(u"name"_s, QJsonValue::Undefined)
                                  << QStringList{u"name"_s};
    QTest::newRow("name empty") << with(u"name"_s, u""_s) << QStringList{u"name"_s};
    QTest::newRow("name blank") << with(u"name"_s, u"   "_s) << QStringList{u"name"_s};
    QTest::newRow("name 101") << with(u"name"_s, QString(101, u'x')) << QStringList{u"name"_s};
    QTest::newRow("name 101 emoji")
        << with(u"name"_s, QString(u"\U0001F511"_s).repeated(101)) << QStringList{u"name"_s};
    QTest::newRow("name number") << with(u"name"_s, 7) << QStringList{u"name"_s};
    QTest::newRow("name null") << with(u"name"_s, QJsonValue::Null) << QStringList{u"name"_s};
    QTest::newRow("name line break") << with(u"name"_s, u"a\nb"_s) << QStringList{u"name"_s};
    QTest::newRow("level missing")
        << with(u"accessLevel"_s, QJsonValue::Undefined) << QStringList{u"accessLevel"_s};
    QTest::newRow("level bogus") << with(u"accessLevel"_s, u"root"_s)
                                 << QStringList{u"accessLevel"_s};
    QTest::newRow("level display name")
        << with(u"accessLevel"_s, u"Read-only"_s) << QStringList{u"accessLevel"_s};
    QTest::newRow("level number") << with(u"accessLevel"_s, 1) << QStringList{u"accessLevel"_s};
    QTest::newRow("ranges [1] invalid")
        << with(u"allowedIpRanges"_s, QJsonArray{u"10.0.0.1"_s, u"300.1.1.1"_s, u"::1"_s})
        << QStringList{u"allowedIpRanges[1]"_s};
    QTest::newRow("ranges [2] not a string")
        << with(u"allowedIpRanges"_s, QJsonArray{u"10.0.0.1"_s, u"10.0.0.2"_s, 7})
        << QStringList{u"allowedIpRanges[2]"_s};
    QTest::newRow("ranges zone id") << with(u"allowedIpRanges"_s, QJsonArray{u"fe80::1%eth0"_s})
                                    << QStringList{u"allowedIpRanges[0]"_s};
    QTest::newRow("ranges leading zero")
        << with(u"allowedIpRanges"_s, QJsonArray{u"10.0.0.1"_s, u"010.0.0.1"_s})
        << QStringList{u"allowedIpRanges[1]"_s};
    QTest::newRow("ranges not an array")
        << with(u"allowedIpRanges"_s, u"10.0.0.1"_s) << QStringList{u"allowedIpRanges"_s};
    QTest::newRow("ranges 257 entries")
        << with(u"allowedIpRanges"_s, tooMany) << QStringList{u"allowedIpRanges"_s};
    QTest::newRow("expiresAt malformed")
        << with(u"expiresAt"_s, u"tomorrow"_s) << QStringList{u"expiresAt"_s};
    QTest::newRow("expiresAt without zone")
        << with(u"expiresAt"_s, u"2099-01-01T00:00:00"_s) << QStringList{u"expiresAt"_s};
    QTest::newRow("expiresAt number")
        << with(u"expiresAt"_s, 4102444800.0) << QStringList{u"expiresAt"_s};
    QTest::newRow("expiresAt in the past")
        << with(u"expiresAt"_s, past) << QStringList{u"expiresAt"_s};
    QTest::newRow("several at once")
        << QJsonObject{{u"name"_s, u""_s},
                       {u"accessLevel"_s, u"root"_s},
                       {u"allowedIpRanges"_s, QJsonArray{u"10.0.0.1"_s, u"junk"_s, true}},
                       {u"expiresAt"_s, u"soon"_s},
                       {u"extra"_s, 1}}
        << QStringList{u"accessLevel"_s,
                       u"allowedIpRanges[1]"_s,
                       u"allowedIpRanges[2]"_s,
                       u"expiresAt"_s,
                       u"extra"_s,
                       u"name"_s};
}

void TestServerTokens::createRejectsInvalidInput()
{
    QFETCH(QJsonObject, body);
    QFETCH(QStringList, fields);

    const int before = tokenCount();
    QVERIFY(before >= 0);
    const ApiReply reply = m_env.api->post(u"/api/v1/tokens"_s, body);
    QCOMPARE_PROBLEM_WITH_TITLE(reply, 422);
    QCOMPARE(reply.json().value(u"type"_s).toString(), u"urn:apiaccess:problem:validation-error"_s);
    QCOMPARE(sortedErrorFields(reply), fields);
    QVERIFY(!reply.json().contains(u"token"_s));
    QVERIFY(reply.header("Location").isEmpty());
    QCOMPARE(tokenCount(), before); // nothing was created
}

void TestServerTokens::createRejectsBadBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");

    const QByteArray good = R"({"name":"x","accessLevel":"read_only"})";
    QTest::newRow("text/plain") << good << "text/plain"_ba << 415;
    QTest::newRow("no content type") << good << QByteArray() << 415;
    QTest::newRow("json with charset") << good << "application/json; charset=utf-8"_ba << 201;
    QTest::newRow("malformed") << R"({"name":"x",)"_ba
                               << "application/json"_ba << 400;
    QTest::newRow("trailing garbage") << good + "}"
                                      << "application/json"_ba << 400;
    QTest::newRow("array") << "[]"_ba
                           << "application/json"_ba << 422;
    QTest::newRow("scalar") << "42"_ba
                            << "application/json"_ba << 422;
    QTest::newRow("empty") << QByteArray() << "application/json"_ba << 400;
}

void TestServerTokens::createRejectsBadBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);

    const int before = tokenCount();
    ApiTestClient::Headers headers;
    // Qt adds no Content-Type of its own when we give an empty one.
    headers.append({"Content-Type", contentType});
    const ApiReply reply = m_env.api->send("POST", u"/api/v1/tokens"_s, body, headers);
    if (status == 201) {
        QVERIFY2(reply.status == 201, reply.describe().constData());
        m_secrets.remember(reply.json().value(u"token"_s).toString().toLatin1());
        QCOMPARE(tokenCount(), before + 1);
        return;
    }
    QCOMPARE_PROBLEM_WITH_TITLE(reply, status);
    if (status == 400)
        QCOMPARE(reply.json().value(u"type"_s).toString(),
                 u"urn:apiaccess:problem:malformed-json"_s);
    QCOMPARE(tokenCount(), before);
}

void TestServerTokens::getAnswersTheTokenWithETag()
{
    const ApiReply created =
        m_env.api->post(u"/api/v1/tokens"_s,
                        QJsonObject{{u"name"_s, u"Analytics"_s},
                                    {u"accessLevel"_s, u"read_only"_s},
                                    {u"allowedIpRanges"_s, QJsonArray{u"198.51.100.0/24"_s}}});
    QCOMPARE(created.status, 201);
    m_secrets.remember(created.json().value(u"token"_s).toString().toLatin1());
    QJsonObject expected = created.json();
    expected.remove(u"token"_s);

    const ApiReply reply =
        m_env.api->get(u"/api/v1/tokens/"_s + expected.value(u"id"_s).toString());
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.header("Content-Type"), "application/json"_ba);
    QCOMPARE(reply.json(), expected); // never the secret
    QCOMPARE(reply.header("ETag"), created.header("ETag"));
    QVERIFY(!reply.body.contains(created.json().value(u"token"_s).toString().toLatin1()));
}

void TestServerTokens::getUnknownOrMalformedIdIs404_data()
{
    QTest::addColumn<QString>("id");
    QTest::newRow("unknown well-formed") << TokenFormat::generateId();
    QTest::newRow("malformed") << u"nope"_s;
    QTest::newRow("short") << u"tok_abc"_s;
    QTest::newRow("upper case") << TokenFormat::generateId().toUpper();
}

void TestServerTokens::getUnknownOrMalformedIdIs404()
{
    QFETCH(QString, id);
    const ApiReply reply = m_env.api->get(u"/api/v1/tokens/"_s + id);
    QCOMPARE_PROBLEM_WITH_TITLE(reply, 404);
    QVERIFY(reply.header("ETag").isEmpty());
}

void TestServerTokens::listFiltersByTextStatusAndLevel()
{
    // An expiring token first, so it has expired by the end of this test.
    const QString soon = QDateTime::currentDateTimeUtc().addSecs(2).toString(Qt::ISODateWithMs);
    const QJsonObject expiring = createOk(QJsonObject{{u"name"_s, u"zebra expiring"_s},
                                                      {u"accessLevel"_s, u"editorial"_s},
                                                      {u"expiresAt"_s, soon}});
    const QJsonObject editorial = createOk(
        QJsonObject{{u"name"_s, u"Zebra Editorial"_s}, {u"accessLevel"_s, u"editorial"_s}});
    const QJsonObject readOnly =
        createOk(QJsonObject{{u"name"_s, u"zebra reader"_s}, {u"accessLevel"_s, u"read_only"_s}});
    const QJsonObject disabled =
        createOk(QJsonObject{{u"name"_s, u"zebra paused"_s}, {u"accessLevel"_s, u"editorial"_s}});
    const QJsonObject other =
        createOk(QJsonObject{{u"name"_s, u"giraffe"_s}, {u"accessLevel"_s, u"editorial"_s}});
    for (const QJsonObject &token : {expiring, editorial, readOnly, disabled, other})
        QVERIFY(!token.isEmpty());
    const QString disabledId = disabled.value(u"id"_s).toString();
    QCOMPARE(m_env.api->patch(u"/api/v1/tokens/"_s + disabledId, {{u"enabled"_s, false}}).status,
             200);

    const auto ids = [this](const QString &query) {
        QStringList result;
        for (const QJsonObject &item : listAll(query))
            result.append(item.value(u"id"_s).toString());
        result.sort();
        return result;
    };
    const auto sorted = [](QStringList list) {
        list.sort();
        return list;
    };
    const QString e = expiring.value(u"id"_s).toString();
    const QString ed = editorial.value(u"id"_s).toString();
    const QString ro = readOnly.value(u"id"_s).toString();

    QCOMPARE(ids(u"&q=zebra"_s), sorted({e, ed, ro, disabledId})); // case-insensitive name match
    QCOMPARE(ids(u"&q=ZEBRA%20ED"_s), sorted({ed}));
    QCOMPARE(ids(u"&q="_s + ro), sorted({ro})); // by id
    QCOMPARE(ids(u"&q=zebra&accessLevel=read_only"_s), sorted({ro}));
    QCOMPARE(ids(u"&q=zebra&accessLevel=editorial"_s), sorted({e, ed, disabledId}));
    QCOMPARE(ids(u"&q=zebra&status=disabled"_s), sorted({disabledId}));
    QCOMPARE(ids(u"&q=zebra&accessLevel=administrative"_s), QStringList());
    QCOMPARE(ids(u"&q=no%20such%20name"_s), QStringList());

    const auto statuses = [this](const QString &query) {
        QStringList result;
        for (const QJsonObject &item : listAll(query))
            result.append(item.value(u"status"_s).toString());
        return result;
    };
    QCOMPARE(statuses(u"&q=zebra%20paused"_s), QStringList{u"disabled"_s});
    // Expiry is derived from the clock: poll, no fixed sleep.
    QTRY_COMPARE_WITH_TIMEOUT(ids(u"&q=zebra&status=expired"_s), sorted({e}), 10'000);
    QCOMPARE(ids(u"&q=zebra&status=active"_s), sorted({ed, ro}));
    QCOMPARE(statuses(u"&q=zebra%20expiring"_s), QStringList{u"expired"_s});
}

void TestServerTokens::listPagesWithoutDuplicatesOrGaps()
{
    constexpr int kTokens = 250;
    QSet<QString> created;
    for (int i = 0; i < kTokens; ++i) {
        const ApiReply reply =
            m_env.api->post(u"/api/v1/tokens"_s,
                            QJsonObject{{u"name"_s, u"pager %1"_s.arg(i, 3, 10, QChar(u'0'))},
                                        {u"accessLevel"_s, u"read_only"_s}});
        QVERIFY2(reply.status == 201, reply.describe().constData());
        created.insert(reply.json().value(u"id"_s).toString());
    }
    QCOMPARE(created.size(), kTokens);

    // Default page size is 100.
    const ApiReply first = m_env.api->get(u"/api/v1/tokens?q=pager"_s);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json().value(u"items"_s).toArray().size(), 100);
    QVERIFY(first.json().value(u"nextCursor"_s).isString());

    const QList<QJsonObject> oneGo = listAll(u"&q=pager"_s);
    QCOMPARE(oneGo.size(), kTokens);

    for (const int limit : {1, 7, 100, 250}) {
        QStringList paged;
        QString cursor;
        int pages = 0;
        for (;;) {
            QString path = u"/api/v1/tokens?q=pager&limit=%1"_s.arg(limit);
            if (!cursor.isEmpty())
                path += u"&cursor="_s + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
            const ApiReply page = m_env.api->get(path);
            QVERIFY2(page.status == 200, page.describe().constData());
            const QJsonArray items = page.json().value(u"items"_s).toArray();
            QVERIFY(items.size() <= limit);
            for (const QJsonValue &item : items)
                paged.append(item.toObject().value(u"id"_s).toString());
            ++pages;
            QVERIFY(pages <= kTokens + 1);
            const QJsonValue next = page.json().value(u"nextCursor"_s);
            if (next.isNull())
                break;
            QVERIFY2(next.isString() && !next.toString().isEmpty(), page.body.constData());
            QCOMPARE(items.size(), limit); // only the last page is short
            cursor = next.toString();
        }
        QCOMPARE(paged.size(), kTokens);
        QCOMPARE(QSet<QString>(paged.cbegin(), paged.cend()), created); // no duplicates, no gaps
        QCOMPARE(pages, (kTokens + limit - 1) / limit);
        // Same order as one big page.
        for (int i = 0; i < kTokens; ++i)
            QCOMPARE(paged.at(i), oneGo.at(i).value(u"id"_s).toString());
    }
}

void TestServerTokens::listRejectsBadParameters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("fields");
    QTest::newRow("limit 0") << u"limit=0"_s << QStringList{u"limit"_s};
    QTest::newRow("limit 1001") << u"limit=1001"_s << QStringList{u"limit"_s};
    QTest::newRow("limit abc") << u"limit=abc"_s << QStringList{u"limit"_s};
    QTest::newRow("limit -5") << u"limit=-5"_s << QStringList{u"limit"_s};
    QTest::newRow("limit empty") << u"limit="_s << QStringList{u"limit"_s};
    QTest::newRow("unknown parameter") << u"sort=name"_s << QStringList{u"sort"_s};
    QTest::newRow("bad status") << u"status=gone"_s << QStringList{u"status"_s};
    QTest::newRow("status display name") << u"status=Active"_s << QStringList{u"status"_s};
    QTest::newRow("bad level") << u"accessLevel=root"_s << QStringList{u"accessLevel"_s};
    QTest::newRow("q too long") << u"q="_s + QString(201, u'q') << QStringList{u"q"_s};
    QTest::newRow("garbage cursor") << u"cursor=garbage"_s << QStringList{u"cursor"_s};
    QTest::newRow("several") << u"limit=0&status=gone&x=1"_s
                             << QStringList{u"limit"_s, u"status"_s, u"x"_s};
}

void TestServerTokens::listRejectsBadParameters()
{
    QFETCH(QString, query);
    QFETCH(QStringList, fields);
    const ApiReply reply = m_env.api->get(u"/api/v1/tokens?"_s + query);
    QCOMPARE_PROBLEM_WITH_TITLE(reply, 400);
    QCOMPARE(sortedErrorFields(reply), fields);
}

void TestServerTokens::logHoldsNoSecret()
{
    const QByteArray log = m_env.server.log();
    QVERIFY_LOG_HOLDS_NO_SECRET(log, "/api/v1/tokens", m_secrets);
    QVERIFY(!log.contains(kPassword.toUtf8()));
}

QTEST_GUILESS_MAIN(TestServerTokens)
#include "tst_server_tokens.moc"
