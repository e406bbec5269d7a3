#include "wire/TokenInput.h"

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

QJsonObject parse(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

IpAllowList allowList(const QStringList &entries)
{
    const auto parsed = IpAllowList::fromEntries(entries);
    if (!parsed.ok())
        qFatal("bad test allow-list");
    return parsed.list;
}

QDateTime utc(int y, int mo, int d, int h, int mi, int s)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
}

// `count` distinct single IPv4 addresses as a JSON array.
QJsonArray addresses(int count)
{
    QJsonArray list;
    for (int i = 0; i < count; ++i)
        list.append(u"10.0.%1.%2"_s.arg(i / 256).arg(i % 256));
    return list;
}

QJsonObject withMember(QJsonObject object, const QString &key, const QJsonValue &value)
{
    object.insert(key, value);
    return object;
}

const QJsonObject kMinimalCreate{{u"name"_s, u"RSS reader"_s}, {u"accessLevel"_s, u"read_only"_s}};

} // namespace

class TestTokenInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createMinimal()
    {
        const auto input = TokenCreateInput::fromJson(kMinimalCreate);
        QVERIFY(input.ok());
        QCOMPARE(input->name, u"RSS reader"_s);
        QCOMPARE(input->accessLevel, AccessLevel::ReadOnly);
        QVERIFY(input->allowedIpRanges.isEmpty());
        QVERIFY(!input->expiresAt.has_value());
    }

    void createFull()
    {
        const auto input = TokenCreateInput::fromJson(parse(R"({
            "name": "  HR sync\t", "accessLevel": "administrative",
            "allowedIpRanges": ["10.0.0.7/24", "2001:DB8::1", "0.0.0.0/0", "10.0.0.0/24"],
            "expiresAt": "2027-01-01T01:30:00+02:00"})"));
        QVERIFY(input.ok());
        QCOMPARE(input->name, u"HR sync"_s);
        QCOMPARE(input->accessLevel, AccessLevel::Administrative);
        // Canonical, duplicates collapsed; warnings do not refuse the list.
        QCOMPARE(input->allowedIpRanges.toStringList(),
                 (QStringList{u"10.0.0.0/24"_s, u"2001:db8::1"_s, u"0.0.0.0/0"_s}));
        QCOMPARE(*input->expiresAt, utc(2026, 12, 31, 23, 30, 0));
        QCOMPARE(input->expiresAt->timeSpec(), Qt::UTC);
    }

    void createExpiresAtNullIsNever()
    {
        const auto input = TokenCreateInput::fromJson(
            withMember(kMinimalCreate, u"expiresAt"_s, QJsonValue::Null));
        QVERIFY(input.ok());
        QVERIFY(!input->expiresAt.has_value());
    }

    void nameLength_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("1 character") << u"x"_s << true;
        QTest::newRow("100 characters") << QString(100, u'n') << true;
        QTest::newRow("101 characters") << QString(101, u'n') << false;
        QTest::newRow("100 characters plus spaces")
            << u"  "_s + QString(100, u'n') + u" "_s << true;
        QString emoji;
        for (int i = 0; i < 100; ++i)
            emoji += u"\U0001F511"_s;
        QTest::newRow("100 code points, 200 UTF-16 units") << emoji << true;
        QTest::newRow("101 code points") << emoji + u"\U0001F511"_s << false;
    }

    void nameLength()
    {
        QFETCH(QString, name);
        QFETCH(bool, accepted);
        const auto input = TokenCreateInput::fromJson(withMember(kMinimalCreate, u"name"_s, name));
        QCOMPARE(input.ok(), accepted);
        if (accepted) {
            QCOMPARE(input->name, name.trimmed());
        } else {
            QCOMPARE(input.error().size(), 1);
            QCOMPARE(input.error().first().field, u"name"_s);
            QVERIFY2(input.error().first().message.contains(u"at most 100 characters"_s),
                     qPrintable(input.error().first().message));
            QVERIFY(input.error().first().message.contains(u"101"_s));
        }
    }

    void createErrors_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message"); // a part of the message

        const QJsonObject &ok = kMinimalCreate;
        QJsonObject noName = ok;
        noName.remove(u"name"_s);
        QJsonObject noLevel = ok;
        noLevel.remove(u"accessLevel"_s);
        auto name = [&](const QJsonValue &value) {
            return withMember(ok, u"name"_s, value);
        };
        auto ranges = [&](const QJsonValue &value) {
            return withMember(ok, u"allowedIpRanges"_s, value);
        };

        QTest::newRow("unknown field")
            << withMember(ok, u"nmae"_s, u"x"_s) << u"nmae"_s << u"unknown field"_s;
        QTest::newRow("secret smuggled in")
            << withMember(ok, u"token"_s, u"abc"_s) << u"token"_s << u"unknown field"_s;
        QTest::newRow("enabled is for updates")
            << withMember(ok, u"enabled"_s, true) << u"enabled"_s << u"unknown field"_s;
        QTest::newRow("name missing") << noName << u"name"_s << u"is required"_s;
        QTest::newRow("name number") << name(5) << u"name"_s << u"must be a string"_s;
        QTest::newRow("name null") << name(QJsonValue::Null) << u"name"_s << u"must be a string"_s;
        QTest::newRow("name array")
            << name(QJsonArray{u"a"_s}) << u"name"_s << u"must be a string"_s;
        QTest::newRow("name empty") << name(u""_s) << u"name"_s << u"must not be empty"_s;
        QTest::newRow("name white space only")
            << name(u" \t\n "_s) << u"name"_s << u"must not be empty"_s;
        QTest::newRow("name with newline")
            << name(u"RSS\nreader"_s) << u"name"_s << u"line breaks"_s;
        QTest::newRow("name with tab")
            << name(u"RSS\treader"_s) << u"name"_s << u"control characters"_s;
        QTest::newRow("name with NUL")
            << name(u"RSS\u0000reader"_s) << u"name"_s << u"control characters"_s;
        QTest::newRow("name with line separator")
            << name(u"RSS\u2028reader"_s) << u"name"_s << u"line breaks"_s;
        QTest::newRow("name with bidi override")
            << name(u"RSS\u202Ereader"_s) << u"name"_s << u"control"_s;
        QTest::newRow("name with lone surrogate")
            << name(QString(u"RSS"_s + QChar(0xD800))) << u"name"_s << u"invalid character"_s;
        QTest::newRow("accessLevel missing") << noLevel << u"accessLevel"_s << u"is required"_s;
        QTest::newRow("accessLevel unknown") << withMember(ok, u"accessLevel"_s, u"admin"_s)
                                             << u"accessLevel"_s << u"not an access level"_s;
        QTest::newRow("accessLevel display name")
            << withMember(ok, u"accessLevel"_s, u"Administrative"_s) << u"accessLevel"_s
            << u"restricted_read_only"_s;
        QTest::newRow("accessLevel rank")
            << withMember(ok, u"accessLevel"_s, 4) << u"accessLevel"_s << u"must be a string"_s;
        QTest::newRow("ranges as one string")
            << ranges(u"10.0.0.0/8"_s) << u"allowedIpRanges"_s << u"must be an array"_s;
        QTest::newRow("ranges null")
            << ranges(QJsonValue::Null) << u"allowedIpRanges"_s << u"must be an array"_s;
        QTest::newRow("non-string at index 2")
            << ranges(QJsonArray{u"10.0.0.1"_s, u"10.0.0.2"_s, 3}) << u"allowedIpRanges[2]"_s
            << u"must be a string"_s;
        QTest::newRow("invalid range at index 1")
            << ranges(QJsonArray{u"10.0.0.1"_s, u"10.0.0.256"_s}) << u"allowedIpRanges[1]"_s
            << u"256"_s;
        QTest::newRow("zone id at index 0")
            << ranges(QJsonArray{u"fe80::1%eth0"_s}) << u"allowedIpRanges[0]"_s << u"eth0"_s;
        QTest::newRow("empty string entry")
            << ranges(QJsonArray{u"10.0.0.1"_s, u""_s}) << u"allowedIpRanges[1]"_s << u"empty"_s;
        QTest::newRow("257 entries")
            << ranges(addresses(257)) << u"allowedIpRanges"_s << u"at most 256 entries"_s;
        QTest::newRow("expiresAt words")
            << withMember(ok, u"expiresAt"_s, u"tomorrow"_s) << u"expiresAt"_s << u"RFC 3339"_s;
        QTest::newRow("expiresAt without offset")
            << withMember(ok, u"expiresAt"_s, u"2027-01-01T00:00:00"_s) << u"expiresAt"_s
            << u"2026-11-27T22:26:24Z"_s;
        QTest::newRow("expiresAt with space")
            << withMember(ok, u"expiresAt"_s, u"2027-01-01 00:00:00Z"_s) << u"expiresAt"_s
            << u"RFC 3339"_s;
        QTest::newRow("expiresAt epoch number") << withMember(ok, u"expiresAt"_s, 1800000000)
                                                << u"expiresAt"_s << u"must be a string or null"_s;
    }

    void createErrors()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        QFETCH(QString, message);

        const auto input = TokenCreateInput::fromJson(body);
        QVERIFY(!input.ok());
        QCOMPARE(input.error().size(), 1);
        const FieldError &error = input.error().first();
        QCOMPARE(error.field, field);
        QVERIFY(!error.message.isEmpty());
        QVERIFY2(error.message.contains(message), qPrintable(error.message));
        // The path says which entry; the message must not number it again.
        QVERIFY2(!error.message.startsWith(u"Entry"_s), qPrintable(error.message));
    }

    void exactly256EntriesAccepted()
    {
        const auto input = TokenCreateInput::fromJson(
            withMember(kMinimalCreate, u"allowedIpRanges"_s, addresses(256)));
        QVERIFY(input.ok());
        QCOMPARE(input->allowedIpRanges.size(), 256);
    }

    void createCollectsAllErrors()
    {
        const auto input = TokenCreateInput::fromJson(parse(R"({
            "name": "", "accessLevel": "root", "colour": "red",
            "allowedIpRanges": ["10.0.0.1", "bad", {}, "10.0.0.0/33"],
            "expiresAt": "soon", "enabled": true})"));
        QVERIFY(!input.ok());
        QStringList fields;
        for (const FieldError &error : input.error())
            fields.append(error.field);
        QCOMPARE(fields,
                 (QStringList{u"colour"_s, u"enabled"_s, u"name"_s, u"accessLevel"_s,
                              u"allowedIpRanges[1]"_s, u"allowedIpRanges[2]"_s,
                              u"allowedIpRanges[3]"_s, u"expiresAt"_s}));
        QCOMPARE(input.error().at(5).message, u"must be a string"_s);
        QVERIFY(input.error().at(6).message.contains(u"33"_s));
    }

    void createToJson()
    {
        TokenCreateInput input;
        input.name = u"Chat bot"_s;
        input.accessLevel = AccessLevel::Editorial;
        input.allowedIpRanges = allowList({u"192.0.2.9/24"_s, u"2001:DB8:0:0::1"_s});
        QCOMPARE(compact(input.toJson()),
                 R"({"accessLevel":"editorial","allowedIpRanges":["192.0.2.0/24","2001:db8::1"],)"
                 R"("name":"Chat bot"})"_ba);
        input.expiresAt = QDateTime(QDate(2027, 1, 1), QTime(2, 0), Qt::OffsetFromUTC, 7200);
        QCOMPARE(input.toJson().value(u"expiresAt"_s).toString(), u"2027-01-01T00:00:00Z"_s);
    }

    void createRoundTrip_data()
    {
        QTest::addColumn<TokenCreateInput>("input");
        QTest::newRow("defaults") << TokenCreateInput{u"n"_s, AccessLevels::defaultLevel(), {}, {}};
        QTest::newRow("everything")
            << TokenCreateInput{u"Analytics ✓"_s, AccessLevel::ManagingEditorial,
                                allowList({u"10.0.0.0/8"_s, u"::1"_s}), utc(2030, 2, 28, 1, 2, 3)};
    }

    void createRoundTrip()
    {
        QFETCH(TokenCreateInput, input);
        const auto parsed = TokenCreateInput::fromJson(input.toJson());
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value(), input);
    }

    void updateEmptyIsValid()
    {
        const auto input = TokenUpdateInput::fromJson({});
        QVERIFY(input.ok());
        QVERIFY(input->isEmpty());
        QCOMPARE(input.value(), TokenUpdateInput{});
        QCOMPARE(compact(TokenUpdateInput{}.toJson()), "{}"_ba);
    }

    void updateFields()
    {
        const auto input = TokenUpdateInput::fromJson(
            parse(R"({"name": " New name ", "accessLevel": "editorial", "allowedIpRanges": [],)"
                  R"( "expiresAt": null, "enabled": false})"));
        QVERIFY(input.ok());
        QVERIFY(!input->isEmpty());
        QCOMPARE(input->name, u"New name"_s);
        QCOMPARE(input->accessLevel, AccessLevel::Editorial);
        QVERIFY(input->allowedIpRanges.has_value()); // present and empty: any address
        QVERIFY(input->allowedIpRanges->isEmpty());
        QVERIFY(input->expiresAt.has_value()); // present and null: never expires
        QVERIFY(!input->expiresAt->has_value());
        QCOMPARE(input->enabled, false);
    }

    void updateAbsentIsUnchanged()
    {
        const auto input = TokenUpdateInput::fromJson(parse(R"({"enabled": true})"));
        QVERIFY(input.ok());
        QVERIFY(!input->name && !input->accessLevel && !input->allowedIpRanges);
        QVERIFY(!input->expiresAt.has_value());
        QCOMPARE(input->enabled, true);
    }

    void updateErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");

        QTest::newRow("status is derived")
            << R"({"status": "disabled"})"_ba << u"status"_s << u"unknown field"_s;
        QTest::newRow("id is not editable") << R"({"id": "x"})"_ba << u"id"_s << u"unknown field"_s;
        QTest::newRow("name null") << R"({"name": null})"_ba << u"name"_s << u"must be a string"_s;
        QTest::newRow("name blank")
            << R"({"name": "  "})"_ba << u"name"_s << u"must not be empty"_s;
        QTest::newRow("accessLevel null")
            << R"({"accessLevel": null})"_ba << u"accessLevel"_s << u"must be a string"_s;
        QTest::newRow("accessLevel bad")
            << R"({"accessLevel": "god"})"_ba << u"accessLevel"_s << u"not an access level"_s;
        QTest::newRow("ranges null")
            << R"({"allowedIpRanges": null})"_ba << u"allowedIpRanges"_s << u"must be an array"_s;
        QTest::newRow("ranges nested array") << R"({"allowedIpRanges": ["::1", ["::2"]]})"_ba
                                             << u"allowedIpRanges[1]"_s << u"must be a string"_s;
        QTest::newRow("expiresAt bad")
            << R"({"expiresAt": "2027-02-29T00:00:00Z"})"_ba << u"expiresAt"_s << u"RFC 3339"_s;
        QTest::newRow("enabled string")
            << R"({"enabled": "yes"})"_ba << u"enabled"_s << u"must be true or false"_s;
        QTest::newRow("enabled null")
            << R"({"enabled": null})"_ba << u"enabled"_s << u"must be true or false"_s;
        QTest::newRow("enabled number")
            << R"({"enabled": 1})"_ba << u"enabled"_s << u"must be true or false"_s;
    }

    void updateErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        QFETCH(QString, message);

        const auto input = TokenUpdateInput::fromJson(parse(body));
        QVERIFY(!input.ok());
        QCOMPARE(input.error().size(), 1);
        QCOMPARE(input.error().first().field, field);
        QVERIFY2(input.error().first().message.contains(message),
                 qPrintable(input.error().first().message));
    }

    void updateCollectsAllErrors()
    {
        const auto input = TokenUpdateInput::fromJson(
            parse(R"({"enabled": "no", "name": 1, "expiresAt": 0, "x": 0})"));
        QVERIFY(!input.ok());
        QCOMPARE(input.error(),
                 (QList<FieldError>{
                     {u"x"_s, u"unknown field"_s},
                     {u"name"_s, u"must be a string"_s},
                     {u"expiresAt"_s, u"must be a string or null"_s},
                     {u"enabled"_s, u"must be true or false"_s},
                 }));
    }

    void updateToJson()
    {
        TokenUpdateInput clear;
        clear.expiresAt = std::optional<QDateTime>();
        QCOMPARE(compact(clear.toJson()), R"({"expiresAt":null})"_ba);

        TokenUpdateInput all;
        all.name = u"n"_s;
        all.accessLevel = AccessLevel::RestrictedReadOnly;
        all.allowedIpRanges = allowList({u"10.1.2.3/16"_s});
        all.expiresAt = utc(2027, 3, 4, 5, 6, 7);
        all.enabled = true;
        QCOMPARE(compact(all.toJson()),
                 R"({"accessLevel":"restricted_read_only","allowedIpRanges":["10.1.0.0/16"],)"
                 R"("enabled":true,"expiresAt":"2027-03-04T05:06:07Z","name":"n"})"_ba);
    }

    void updateRoundTrip_data()
    {
        QTest::addColumn<TokenUpdateInput>("input");
        TokenUpdateInput rename;
        rename.name = u"Renamed"_s;
        TokenUpdateInput clearExpiry;
        clearExpiry.expiresAt = std::optional<QDateTime>();
        clearExpiry.allowedIpRanges = IpAllowList();
        TokenUpdateInput all;
        all.name = u"x"_s;
        all.accessLevel = AccessLevel::Administrative;
        all.allowedIpRanges = allowList({u"2001:db8::/32"_s});
        all.expiresAt = utc(2028, 2, 29, 0, 0, 0);
        all.enabled = false;
        QTest::newRow("nothing") << TokenUpdateInput{};
        QTest::newRow("rename") << rename;
        QTest::newRow("clear expiry and ranges") << clearExpiry;
        QTest::newRow("everything") << all;
    }

    void updateRoundTrip()
    {
        QFETCH(TokenUpdateInput, input);
        const auto parsed = TokenUpdateInput::fromJson(input.toJson());
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value(), input);
    }

    void normalizeName()
    {
        QCOMPARE(TokenNames::normalize(u"  Feed  ").valueOr(QString()), u"Feed"_s);
        QVERIFY(!TokenNames::normalize(u"").ok());
        QCOMPARE(TokenNames::kMaxLength, 100);
        // Joiners inside emoji sequences are format characters, not controls.
        QVERIFY(TokenNames::normalize(u"\U0001F469\u200D\U0001F4BB dev").ok());
    }
};

QTEST_GUILESS_MAIN(TestTokenInput)
#include "tst_tokeninput.moc"
