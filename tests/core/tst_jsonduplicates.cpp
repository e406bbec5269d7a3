// Request bodies that repeat a member name within one object are refused:
// parsers disagree on which copy wins, so such a body can mean one thing to
// a proxy or a client library and another to the server.
#include "wire/JsonDuplicates.h"
#include "wire/JsonReader.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace ApiAccess;
using namespace Qt::StringLiterals;

namespace {

// JSON with ' for ", so that no raw string literal holds a backslash before
// a quote: moc's tokenizer reads that as an escape and then misses the class.
QByteArray json(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}

// {"d":{"d":...{<inner>}...}} with `depth` objects around `inner`.
QByteArray nested(int depth, const QByteArray &inner)
{
    return QByteArray("{\"d\":").repeated(depth) + inner + QByteArray(depth, '}');
}

QString deepPath(int depth, const QString &leaf)
{
    return QStringList(depth, u"d"_s).join(u'.') + u'.' + leaf;
}

} // namespace

class TestJsonDuplicates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void duplicateIsA400_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("offset");

        QTest::newRow("top level")
            << R"({"name":"SECRET-1","name":"SECRET-2"})"_ba << u"name"_s << u"name"_s << 19;
        QTest::newRow("nested object")
            << R"({"a":{"x":"SECRET-1","x":"SECRET-2"}})"_ba << u"x"_s << u"a.x"_s << 21;
        QTest::newRow("in array element") << R"({"items":[{},{"k":1},{"k":1,"j":2,"k":1}]})"_ba
                                          << u"k"_s << u"items[2].k"_s << 34;
        QTest::newRow("array in array")
            << R"({"m":[[1],[{"z":0,"z":0}]]})"_ba << u"z"_s << u"m[1][0].z"_s << 18;
        QTest::newRow("top-level array is 400, not 422")
            << R"([1,{"a":1,"a":2}])"_ba << u"a"_s << u"[1].a"_s << 10;
        QTest::newRow("after a child with the same name")
            << R"({"a":{"a":1},"a":2})"_ba << u"a"_s << u"a"_s << 13;
        QTest::newRow("names inside string values are skipped")
            << json(R"({'v':'{\'w\':1,\'w\':[','v':2})") << u"v"_s << u"v"_s << 24;
        QTest::newRow("escaped letter")
            << R"({"name":1,"n\u0061me":2})"_ba << u"name"_s << u"name"_s << 10;
        QTest::newRow("escaped in the first")
            << R"({"N\u0041ME":1,"NAME":2})"_ba << u"NAME"_s << u"NAME"_s << 15;
        QTest::newRow("upper-case hex")
            << "{\"\\u00E9\":1,\"\xc3\xa9\":2}"_ba << u"\u00e9"_s << u"\u00e9"_s << 12;
        QTest::newRow("surrogate pair against UTF-8")
            << "{\"\\ud83d\\ude00\":1,\"\xf0\x9f\x98\x80\":2}"_ba << u"\U0001F600"_s
            << u"\U0001F600"_s << 18;
        QTest::newRow("escaped quote")
            << json(R"({'a\'b':1,'a\u0022b':2})") << u"a\"b"_s << u"a\"b"_s << 10;
        QTest::newRow("escaped solidus") << R"({"\/":1,"/":2})"_ba << u"/"_s << u"/"_s << 8;
        QTest::newRow("control escapes")
            << R"({"\t\n":1,"\u0009\u000a":2})"_ba << u"\t\n"_s << u"\t\n"_s << 10;
        QTest::newRow("empty name") << R"({"":1,"":2})"_ba << QString() << QString() << 6;
        QTest::newRow("whitespace everywhere")
            << "{ \"a\" : [ { \"b\" : 1 ,\n\t\"b\" : 2 } ] }"_ba << u"b"_s << u"a[0].b"_s << 23;
        QTest::newRow("deep nesting")
            << nested(500, R"({"x":1,"x":2})"_ba) << u"x"_s << deepPath(500, u"x"_s) << 500 * 5 + 7;
    }

    void duplicateIsA400()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, name);
        QFETCH(QString, path);
        QFETCH(int, offset);

        QJsonParseError syntax{};
        QJsonDocument::fromJson(body, &syntax);
        QCOMPARE(syntax.error, QJsonParseError::NoError); // Qt takes it silently

        const auto duplicate = findDuplicateMember(body);
        QVERIFY(duplicate);
        QCOMPARE(duplicate->name, name);
        QCOMPARE(duplicate->path, path);
        QCOMPARE(duplicate->offset, offset);

        const auto result = JsonReader::parseBody(body);
        QVERIFY(!result.ok());
        const Problem &problem = result.error();
        QCOMPARE(problem.status, 400);
        QCOMPARE(problem.type, u"urn:apiaccess:problem:malformed-json"_s);
        QCOMPARE(problem.title, u"The request body is not valid JSON"_s);
        QVERIFY(problem.errors.isEmpty());
        const QString &detail = problem.detail;
        QVERIFY2(detail.contains(u"repeats the member \"%1\""_s.arg(name)), qPrintable(detail));
        QVERIFY2(detail.contains(u"offset %1;"_s.arg(offset)), qPrintable(detail));
        if (path.size() < 100)
            QVERIFY2(detail.contains(path), qPrintable(detail));
        QVERIFY2(!detail.contains(u"SECRET"_s), qPrintable(detail));
        QVERIFY2(detail.size() < 400, qPrintable(detail));
    }

    void exactDetails()
    {
        QCOMPARE(JsonReader::parseBody(R"({"name":"a","name":"b"})").error().detail,
                 u"The request body repeats the member \"name\" at offset 12; a name may appear "
                 "only once in an object."_s);
        QCOMPARE(JsonReader::parseBody(R"({"items":[{"n":1},{"n":1,"n":2}]})").error().detail,
                 u"The request body repeats the member \"n\" at items[1].n, offset 25; a name may "
                 "appear only once in an object."_s);
        // Names come from the client: a "%2" in one is text, not a placeholder.
        QCOMPARE(JsonReader::parseBody(R"({"a":{"%2":1,"%2":2}})").error().detail,
                 u"The request body repeats the member \"%2\" at a.%2, offset 13; a name may "
                 "appear only once in an object."_s);
    }

    void longNamesAreShortenedInTheDetail()
    {
        const QByteArray name = "head" + QByteArray(100000, 'n') + "tail";
        const QByteArray body = "{\"" + name + "\":1,\"" + name + "\":2}";
        const auto result = JsonReader::parseBody(body);
        QVERIFY(!result.ok());
        const QString &detail = result.error().detail;
        QVERIFY2(detail.size() < 400, qPrintable(detail.left(400)));
        QVERIFY(detail.contains(u"\"head"_s));
        QVERIFY(detail.contains(u"tail\""_s));
        QVERIFY(detail.contains(u"offset %1;"_s.arg(name.size() + 6)));

        // Never half a surrogate pair, wherever the cut falls.
        for (int pad = 0; pad < 2; ++pad) {
            const QByteArray emoji =
                QByteArray(pad, 'p') + QByteArray("\xf0\x9f\x98\x80").repeated(100);
            const QString text =
                JsonReader::parseBody(QByteArray("{\"" + emoji + "\":1,\"" + emoji + "\":2}"))
                    .error()
                    .detail;
            for (qsizetype i = 0; i < text.size(); ++i) {
                if (text.at(i).isHighSurrogate())
                    QVERIFY(i + 1 < text.size() && text.at(++i).isLowSurrogate());
                else
                    QVERIFY(!text.at(i).isLowSurrogate());
            }
        }
    }

    void distinctNamesAreAccepted_data()
    {
        QTest::addColumn<QByteArray>("body");

        QTest::newRow("same name in different objects")
            << R"({"a":{"x":1},"b":{"x":2,"a":3},"x":{"x":{"x":4}}})"_ba;
        QTest::newRow("same name in sibling array elements")
            << R"({"items":[{"n":1},{"n":2},[{"n":3}]]})"_ba;
        QTest::newRow("repeated array values") << R"({"r":["10.0.0.1","10.0.0.1"]})"_ba;
        QTest::newRow("values equal to names") << R"({"a":"a","b":"a","c":["b","c"]})"_ba;
        QTest::newRow("names inside string values")
            << json(R"({'v':'\'v\':1,\'v\':2','w':'{\'w\':1}'})");
        QTest::newRow("near misses")
            << R"({"name":1,"Name":2,"name ":3,"nam":4,"namee":5," name":6})"_ba;
        QTest::newRow("escaped near miss") << R"({"n\u0061me":1,"n\u0062me":2})"_ba;
        // Unicode equivalence is not identity, neither for Qt nor for us.
        QTest::newRow("composed and decomposed") << "{\"\xc3\xa9\":1,\"e\\u0301\":2}"_ba;
        QTest::newRow("backslash then quote") << json(R"({'a\\':1,'a\'':2,'a':3})");
        QTest::newRow("empty objects") << R"({"":{},"a":{"":[]}})"_ba;
        QTest::newRow("deep nesting") << nested(500, R"({"x":1,"y":{"x":2}})"_ba);
    }

    void distinctNamesAreAccepted()
    {
        QFETCH(QByteArray, body);
        const auto duplicate = findDuplicateMember(body);
        QVERIFY2(!duplicate, qPrintable(duplicate ? duplicate->path : QString()));
        const auto result = JsonReader::parseBody(body);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().detail));
        QCOMPARE(QJsonDocument(*result).toJson(QJsonDocument::Compact),
                 QJsonDocument::fromJson(body).toJson(QJsonDocument::Compact));
    }

    void manyMembersOneRepeat()
    {
        QByteArray body = "{";
        for (int i = 0; i < 20000; ++i)
            body += "\"m" + QByteArray::number(i) + "\":" + QByteArray::number(i) + ',';
        QVERIFY(!findDuplicateMember(QByteArray(body + "\"m\":0}")));
        const auto duplicate = findDuplicateMember(QByteArray(body + "\"m19999\":0}"));
        QVERIFY(duplicate);
        QCOMPARE(duplicate->path, u"m19999"_s);
        QCOMPARE(duplicate->offset, body.size());
    }

    // The scanner trusts QJsonDocument's verdict, but must stay in bounds
    // on anything (run this under the asan preset to make that count).
    void anyBytesAreSafe()
    {
        const QList<QByteArray> seeds{
            json(R"({'a\u00':{'b\':[1,{'c':'\\','c':'}'}]}})"),
            json(R"({'x':'\)"),
            R"(]]}}{"a":1,"a")"_ba,
            "{\"\\u"_ba,
            "{\"\\"_ba,
        };
        for (const QByteArray &seed : seeds) {
            for (qsizetype end = 0; end <= seed.size(); ++end)
                findDuplicateMember(seed.left(end));
        }
        QRandomGenerator random(20261127);
        const QByteArray alphabet = json(R"({}[]':,\u0aZ )");
        for (int round = 0; round < 20000; ++round) {
            QByteArray bytes(random.bounded(1, 40), '\0');
            for (char &byte : bytes)
                byte = alphabet.at(random.bounded(int(alphabet.size())));
            const auto duplicate = findDuplicateMember(bytes);
            if (duplicate) {
                QVERIFY(duplicate->offset >= 0 && duplicate->offset < bytes.size());
                QCOMPARE(bytes.at(duplicate->offset), '"');
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestJsonDuplicates)
#include "tst_jsonduplicates.moc"
