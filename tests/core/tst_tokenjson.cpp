#include "wire/Token.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ApiAccess;
using namespace Qt::StringLiterals;

namespace ApiAccess {
char *toString(const FieldError &error)
{
    return QTest::toString(u"{"_s + error.field + u": "_s + error.message + u"}"_s);
}
} // namespace ApiAccess

namespace {

QDateTime utc(int y, int mo, int d, int h, int mi, int s)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
}

Token fullToken()
{
    Token token;
    token.id = u"tok_01HZX3"_s;
    token.name = u"RSS reader"_s;
    token.accessLevel = AccessLevel::ReadOnly;
    token.allowedIpRanges = {u"10.0.0.0/24"_s, u"2001:db8::1"_s};
    token.status = TokenStatus::Active;
    token.createdAt = utc(2026, 11, 27, 22, 26, 24);
    token.createdBy = u"alice"_s;
    token.updatedAt = utc(2026, 11, 28, 8, 0, 0);
    token.expiresAt = utc(2027, 11, 27, 0, 0, 0);
    token.lastUsedAt = utc(2026, 11, 28, 9, 15, 3);
    token.lastUsedIp = u"10.0.0.7"_s;
    return token;
}

Token neverUsedToken()
{
    Token token = fullToken();
    token.allowedIpRanges.clear();
    token.expiresAt.reset();
    token.lastUsedAt.reset();
    token.lastUsedIp.clear();
    token.status = TokenStatus::Disabled;
    return token;
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject parse(QByteArrayView json)
{
    return QJsonDocument::fromJson(json.toByteArray()).object();
}

} // namespace

class TestTokenJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statuses_data()
    {
        QTest::addColumn<TokenStatus>("status");
        QTest::addColumn<QString>("wireId");
        QTest::addColumn<QString>("displayName");
        QTest::newRow("active") << TokenStatus::Active << u"active"_s << u"Active"_s;
        QTest::newRow("disabled") << TokenStatus::Disabled << u"disabled"_s << u"Disabled"_s;
        QTest::newRow("expired") << TokenStatus::Expired << u"expired"_s << u"Expired"_s;
    }

    void statuses()
    {
        QFETCH(TokenStatus, status);
        QFETCH(QString, wireId);
        QFETCH(QString, displayName);
        QCOMPARE(TokenStatuses::wireId(status), wireId);
        QCOMPARE(TokenStatuses::displayName(status), displayName);
        const auto parsed = TokenStatuses::parse(wireId);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value(), status);
        QVERIFY(TokenStatuses::all().contains(status));
    }

    void statusParseIsExact()
    {
        for (const QString &bad :
             {u"Active"_s, u"ACTIVE"_s, u" active"_s, QString(), u"revoked"_s}) {
            const auto parsed = TokenStatuses::parse(bad);
            QVERIFY2(!parsed.ok(), qPrintable(bad));
            QVERIFY(parsed.error().contains(u"active, disabled, expired"_s));
        }
        QCOMPARE(TokenStatuses::all().size(), 3);
    }

    void toJsonExactText()
    {
        QCOMPARE(compact(fullToken().toJson()),
                 R"({"accessLevel":"read_only","allowedIpRanges":["10.0.0.0/24","2001:db8::1"],)"
                 R"("createdAt":"2026-11-27T22:26:24Z","createdBy":"alice","expiresAt":)"
                 R"("2027-11-27T00:00:00Z","id":"tok_01HZX3","lastUsedAt":"2026-11-28T09:15:03Z",)"
                 R"("lastUsedIp":"10.0.0.7","name":"RSS reader","status":"active",)"
                 R"("updatedAt":"2026-11-28T08:00:00Z"})"_ba);
    }

    void toJsonNulls()
    {
        QCOMPARE(compact(neverUsedToken().toJson()),
                 R"({"accessLevel":"read_only","allowedIpRanges":[],)"
                 R"("createdAt":"2026-11-27T22:26:24Z","createdBy":"alice","expiresAt":null,)"
                 R"("id":"tok_01HZX3","lastUsedAt":null,"lastUsedIp":null,"name":"RSS reader",)"
                 R"("status":"disabled","updatedAt":"2026-11-28T08:00:00Z"})"_ba);
    }

    void fieldNamesArePRODUCTsSection6()
    {
        const QStringList expected{u"accessLevel"_s, u"allowedIpRanges"_s, u"createdAt"_s,
                                   u"createdBy"_s,   u"expiresAt"_s,       u"id"_s,
                                   u"lastUsedAt"_s,  u"lastUsedIp"_s,      u"name"_s,
                                   u"status"_s,      u"updatedAt"_s};
        QCOMPARE(fullToken().toJson().keys(), expected);
        QCOMPARE(neverUsedToken().toJson().keys(), expected);
    }

    void roundTrip_data()
    {
        QTest::addColumn<Token>("token");
        QTest::newRow("full") << fullToken();
        QTest::newRow("never used") << neverUsedToken();
        Token expired = fullToken();
        expired.status = TokenStatus::Expired;
        expired.accessLevel = AccessLevel::Administrative;
        expired.name = u"Ünïcode ✓ name"_s;
        QTest::newRow("expired admin") << expired;
    }

    void roundTrip()
    {
        QFETCH(Token, token);
        const auto parsed = Token::fromJson(token.toJson());
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value(), token);
        QCOMPARE(compact(parsed->toJson()), compact(token.toJson()));
    }

    void withSecret()
    {
        const QJsonObject json = toJsonWithSecret(fullToken(), "dG9rXzAxSFpYMzpzZWNyZXQ=");
        QCOMPARE(json.value(u"token"_s).toString(), u"dG9rXzAxSFpYMzpzZWNyZXQ="_s);
        QCOMPARE(json.size(), fullToken().toJson().size() + 1);
        QCOMPARE(tokenStringFromJson(json), "dG9rXzAxSFpYMzpzZWNyZXQ="_ba);
        QCOMPARE(tokenStringFromJson(fullToken().toJson()), QByteArray());
        // The client reads create and rotate answers with the same parser.
        const auto parsed = Token::fromJson(json);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value(), fullToken());
        // Metadata alone never carries the secret.
        QVERIFY(!fullToken().toJson().contains(u"token"_s));
    }

    void unknownFieldsIgnored()
    {
        QJsonObject json = fullToken().toJson();
        json.insert(u"labels"_s, QJsonArray{u"x"_s});
        json.insert(u"previousSecretValidUntil"_s, u"2026-12-01T00:00:00Z"_s);
        const auto parsed = Token::fromJson(json);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value(), fullToken());
    }

    void nullableMembersMayBeAbsent()
    {
        QJsonObject json = neverUsedToken().toJson();
        json.remove(u"expiresAt"_s);
        json.remove(u"lastUsedAt"_s);
        json.remove(u"lastUsedIp"_s);
        const auto parsed = Token::fromJson(json);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value(), neverUsedToken());
    }

    void timesConvertedToUtc()
    {
        QJsonObject json = fullToken().toJson();
        json.insert(u"createdAt"_s, u"2026-11-28T00:26:24+02:00"_s);
        const auto parsed = Token::fromJson(json);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->createdAt, utc(2026, 11, 27, 22, 26, 24));
        QCOMPARE(parsed->createdAt.timeSpec(), Qt::UTC);
    }

    void fromJsonErrors_data()
    {
        QTest::addColumn<QString>("member");
        QTest::addColumn<QJsonValue>("value"); // Undefined = remove
        QTest::addColumn<QString>("message");

        const QJsonValue absent(QJsonValue::Undefined);
        const QJsonValue null(QJsonValue::Null);
        for (const QString &member :
             {u"id"_s, u"name"_s, u"accessLevel"_s, u"allowedIpRanges"_s, u"status"_s,
              u"createdAt"_s, u"createdBy"_s, u"updatedAt"_s}) {
            QTest::addRow("%s missing", qPrintable(member)) << member << absent << u"is required"_s;
        }
        QTest::newRow("id number") << u"id"_s << QJsonValue(7) << u"must be a string"_s;
        QTest::newRow("name null") << u"name"_s << null << u"must be a string"_s;
        QTest::newRow("accessLevel unknown")
            << u"accessLevel"_s << QJsonValue(u"root"_s) << u"not an access level"_s;
        QTest::newRow("allowedIpRanges string")
            << u"allowedIpRanges"_s << QJsonValue(u"10.0.0.0/8"_s) << u"must be an array"_s;
        QTest::newRow("status unknown")
            << u"status"_s << QJsonValue(u"revoked"_s) << u"not a token status"_s;
        QTest::newRow("createdAt without zone")
            << u"createdAt"_s << QJsonValue(u"2026-11-27T22:26:24"_s) << u"RFC 3339"_s;
        QTest::newRow("updatedAt number")
            << u"updatedAt"_s << QJsonValue(1700000000) << u"must be a string"_s;
        QTest::newRow("expiresAt bad")
            << u"expiresAt"_s << QJsonValue(u"tomorrow"_s) << u"RFC 3339"_s;
        QTest::newRow("lastUsedAt bool")
            << u"lastUsedAt"_s << QJsonValue(true) << u"must be a string or null"_s;
        QTest::newRow("lastUsedIp number")
            << u"lastUsedIp"_s << QJsonValue(1) << u"must be a string or null"_s;
    }

    void fromJsonErrors()
    {
        QFETCH(QString, member);
        QFETCH(QJsonValue, value);
        QFETCH(QString, message);

        QJsonObject json = fullToken().toJson();
        if (value.isUndefined())
            json.remove(member);
        else
            json.insert(member, value);
        const auto parsed = Token::fromJson(json);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().size(), 1);
        QCOMPARE(parsed.error().first().field, member);
        QVERIFY2(parsed.error().first().message.contains(message),
                 qPrintable(parsed.error().first().message));
    }

    void fromJsonCollectsAllErrors()
    {
        const auto parsed = Token::fromJson(parse(
            R"({"id": 1, "name": "n", "accessLevel": "read_only", "allowedIpRanges": ["a", 2],)"
            R"( "status": "active", "createdBy": "alice", "updatedAt": "x"})"));
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error(),
                 (QList<FieldError>{
                     {u"id"_s, u"must be a string"_s},
                     {u"allowedIpRanges[1]"_s, u"must be a string"_s},
                     {u"createdAt"_s, u"is required"_s},
                     {u"updatedAt"_s,
                      u"must be an RFC 3339 date and time with a time zone, such as "
                      u"2026-11-27T22:26:24Z"_s},
                 }));
    }

    void pageRoundTrip_data()
    {
        QTest::addColumn<TokenPage>("page");
        QTest::newRow("empty last page") << TokenPage{};
        QTest::newRow("two items and a cursor")
            << TokenPage{{fullToken(), neverUsedToken()}, u"eyJhZnRlciI6Mn0"_s, std::nullopt};
        QTest::newRow("first page with a changes cursor")
            << TokenPage{{fullToken()}, u"eyJhZnRlciI6Mn0"_s, u"MS40Mi4xNzk2"_s};
    }

    void pageRoundTrip()
    {
        QFETCH(TokenPage, page);
        const auto parsed = TokenPage::fromJson(page.toJson());
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value(), page);
    }

    void pageJson()
    {
        QCOMPARE(compact(TokenPage{}.toJson()), R"({"items":[],"nextCursor":null})"_ba);
        const QJsonObject json = TokenPage{{fullToken()}, u"c2"_s, std::nullopt}.toJson();
        QCOMPARE(json.keys(), (QStringList{u"items"_s, u"nextCursor"_s}));
        QCOMPARE(json.value(u"nextCursor"_s).toString(), u"c2"_s);
        QCOMPARE(json.value(u"items"_s).toArray().first().toObject(), fullToken().toJson());
    }

    void pageErrorsHaveItemPaths()
    {
        QJsonObject bad = fullToken().toJson();
        bad.insert(u"status"_s, u"gone"_s);
        bad.remove(u"name"_s);
        const QJsonObject json{
            {u"items"_s, QJsonArray{fullToken().toJson(), 5, bad}},
            {u"nextCursor"_s, 3},
        };
        const auto parsed = TokenPage::fromJson(json);
        QVERIFY(!parsed.ok());
        const QList<FieldError> &errors = parsed.error();
        QCOMPARE(errors.size(), 4);
        QCOMPARE(errors[0], (FieldError{u"items[1]"_s, u"must be an object"_s}));
        QCOMPARE(errors[1], (FieldError{u"items[2].name"_s, u"is required"_s}));
        QCOMPARE(errors[2].field, u"items[2].status"_s);
        QCOMPARE(errors[3], (FieldError{u"nextCursor"_s, u"must be a string or null"_s}));

        const auto noItems = TokenPage::fromJson(QJsonObject{});
        QVERIFY(!noItems.ok());
        QCOMPARE(noItems.error(), (QList<FieldError>{{u"items"_s, u"is required"_s}}));
    }

    void changeSetRoundTrip()
    {
        const TokenChangeSet changes{
            {fullToken(), neverUsedToken()}, {u"tok_gone"_s}, u"MS40My4xNzk2"_s};
        // Keys in QJsonObject's order, as the server writes them.
        QCOMPARE(changes.toJson().keys(),
                 (QStringList{u"changesCursor"_s, u"deletedIds"_s, u"items"_s}));
        const auto parsed = TokenChangeSet::fromJson(changes.toJson());
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value(), changes);
    }

    void changeSetErrorsHavePaths()
    {
        QJsonObject bad = fullToken().toJson();
        bad.remove(u"id"_s);
        const auto parsed = TokenChangeSet::fromJson(QJsonObject{
            {u"items"_s, QJsonArray{bad}},
            {u"deletedIds"_s, QJsonArray{u"tok_a"_s, 7}},
        });
        QVERIFY(!parsed.ok());
        const QList<FieldError> &errors = parsed.error();
        QCOMPARE(errors.size(), 3);
        QCOMPARE(errors[0], (FieldError{u"items[0].id"_s, u"is required"_s}));
        QCOMPARE(errors[1].field, u"deletedIds[1]"_s);
        QCOMPARE(errors[2], (FieldError{u"changesCursor"_s, u"is required"_s}));
    }
};

QTEST_GUILESS_MAIN(TestTokenJson)
#include "tst_tokenjson.moc"
