#include "wire/JsonReader.h"
#include "wire/Problem.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QTest>

using namespace ApiAccess;
using namespace Qt::StringLiterals;

namespace ApiAccess {
// So QCOMPARE shows what differed.
char *toString(const FieldError &error)
{
    return QTest::toString(u"{"_s + error.field + u": "_s + error.message + u"}"_s);
}
} // namespace ApiAccess

namespace {
QJsonObject parseObject(QByteArrayView json)
{
    return QJsonDocument::fromJson(json.toByteArray()).object();
}
} // namespace

class TestProblem : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contentType() { QCOMPARE(Problem::kContentType, "application/problem+json"_L1); }

    void toJsonExact()
    {
        Problem problem = Problem::validation(
            {FieldError{u"allowedIpRanges[1]"_s, u"bad range"_s}, FieldError{u"name"_s, u"x"_s}});
        problem.detail = u"d"_s;
        problem.title = u"t"_s;
        QCOMPARE(problem.toJsonBytes(),
                 R"({"detail":"d","errors":[{"field":"allowedIpRanges[1]","message":"bad range"},)"
                 R"({"field":"name","message":"x"}],"status":422,"title":"t",)"
                 R"("type":"urn:apiaccess:problem:validation-error"})"_ba);
    }

    void toJsonOmitsEmptyErrorsAndInstance()
    {
        const QJsonObject json = Problem::notFound().toJson();
        QCOMPARE(json.keys(), (QStringList{u"detail"_s, u"status"_s, u"title"_s, u"type"_s}));
        Problem withInstance = Problem::notFound();
        withInstance.instance = u"/api/v1/tokens/abc"_s;
        QCOMPARE(withInstance.toJson().value(u"instance"_s).toString(), u"/api/v1/tokens/abc"_s);
    }

    void roundTrip_data()
    {
        QTest::addColumn<Problem>("problem");
        Problem withInstance = Problem::forbidden(u"Not from this address."_s);
        withInstance.instance = u"/api/v1/verify"_s;
        QTest::newRow("validation") << Problem::validation(
            {FieldError{QString(), u"the request body must be a JSON object"_s},
             FieldError{u"allowedIpRanges[1]"_s, u"bad"_s}});
        QTest::newRow("forbidden with instance") << withInstance;
        QTest::newRow("internal") << Problem::internalError();
    }

    void roundTrip()
    {
        QFETCH(Problem, problem);
        QCOMPARE(Problem::fromJson(problem.toJson()), problem);
        const auto fromBytes = Problem::fromJsonBytes(problem.toJsonBytes());
        QVERIFY(fromBytes.has_value());
        QCOMPARE(fromBytes->errors, problem.errors);
        QCOMPARE(*fromBytes, problem);
    }

    void fromJsonTolerant()
    {
        const Problem problem = Problem::fromJson(parseObject(R"({
            "title": "Out of stock", "status": 403, "detail": "No credit.",
            "balance": 30, "accounts": ["/account/1"],
            "errors": [{"field": "a", "message": "m"}, {"field": 1, "message": "m"}, "junk",
                       {"field": "", "message": "whole body"}]
        })"));
        QCOMPARE(problem.type, u"about:blank"_s); // RFC 9457 §3.1.1: absent type
        QCOMPARE(problem.title, u"Out of stock"_s);
        QCOMPARE(problem.status, 403);
        QCOMPARE(problem.detail, u"No credit."_s);
        QVERIFY(!problem.instance.has_value());
        QCOMPARE(problem.errors,
                 (QList<FieldError>{{u"a"_s, u"m"_s}, {QString(), u"whole body"_s}}));
    }

    void fromJsonIgnoresWrongTypes()
    {
        const Problem problem = Problem::fromJson(parseObject(
            R"({"type": 5, "title": [], "status": "404", "detail": null, "instance": {},)"
            R"( "errors": "none"})"));
        QCOMPARE(problem.type, u"about:blank"_s);
        QCOMPARE(problem.title, QString());
        QCOMPARE(problem.status, 0);
        QCOMPARE(problem.detail, QString());
        QVERIFY(!problem.instance.has_value());
        QVERIFY(problem.errors.isEmpty());

        QCOMPARE(Problem::fromJson(parseObject(R"({"status": 404.5})")).status, 0);
        QCOMPARE(Problem::fromJson(parseObject(R"({"status": 99})")).status, 0);
        QCOMPARE(Problem::fromJson(parseObject(R"({"status": 404})")).status, 404);
    }

    void fromJsonBytesNeedsAnObject()
    {
        QVERIFY(!Problem::fromJsonBytes("<html>Bad Gateway</html>").has_value());
        QVERIFY(!Problem::fromJsonBytes("[]").has_value());
        QVERIFY(!Problem::fromJsonBytes("").has_value());
        QVERIFY(Problem::fromJsonBytes("{}").has_value());
    }

    void namedConstructors_data()
    {
        QTest::addColumn<Problem>("problem");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("title");

        const QString blank = u"about:blank"_s;
        QJsonParseError parseError{};
        QJsonDocument::fromJson("{", &parseError);
        QTest::newRow("validation")
            << Problem::validation({{u"name"_s, u"x"_s}}) << 422
            << u"urn:apiaccess:problem:validation-error"_s << u"Your request is not valid"_s;
        QTest::newRow("malformedJson")
            << Problem::malformedJson(parseError) << 400
            << u"urn:apiaccess:problem:malformed-json"_s << u"The request body is not valid JSON"_s;
        QTest::newRow("unauthorized")
            << Problem::unauthorized() << 401 << blank << u"Unauthorized"_s;
        QTest::newRow("forbidden") << Problem::forbidden() << 403 << blank << u"Forbidden"_s;
        QTest::newRow("notFound") << Problem::notFound() << 404 << blank << u"Not Found"_s;
        QTest::newRow("methodNotAllowed")
            << Problem::methodNotAllowed(u"PUT", {u"GET"_s, u"PATCH"_s}) << 405 << blank
            << u"Method Not Allowed"_s;
        QTest::newRow("preconditionFailed")
            << Problem::preconditionFailed() << 412 << blank << u"Precondition Failed"_s;
        QTest::newRow("payloadTooLarge")
            << Problem::payloadTooLarge(65536) << 413 << blank << u"Content Too Large"_s;
        QTest::newRow("tooManyRequests")
            << Problem::tooManyRequests(30) << 429 << blank << u"Too Many Requests"_s;
        QTest::newRow("headersTooLarge")
            << Problem::headersTooLarge() << 431 << blank << u"Request Header Fields Too Large"_s;
        QTest::newRow("internalError")
            << Problem::internalError() << 500 << blank << u"Internal Server Error"_s;
    }

    void namedConstructors()
    {
        QFETCH(Problem, problem);
        QFETCH(int, status);
        QFETCH(QString, type);
        QFETCH(QString, title);

        QCOMPARE(problem.status, status);
        QCOMPARE(problem.type, type);
        QCOMPARE(problem.title, title);
        QVERIFY(!problem.detail.isEmpty());
        QVERIFY2(problem.detail.endsWith(u'.'), qPrintable(problem.detail));
        QCOMPARE(problem.isValidation(), status == 422);
        const QJsonObject json = problem.toJson();
        QCOMPARE(json.value(u"status"_s).toInt(), status);
        QCOMPARE(json.value(u"type"_s).toString(), type);
    }

    void detailsSayWhatHappened()
    {
        QVERIFY(Problem::payloadTooLarge(65536).detail.contains(u"65536"_s));
        QVERIFY(Problem::tooManyRequests(30).detail.contains(u"30"_s));
        const Problem method = Problem::methodNotAllowed(u"PUT", {u"GET"_s, u"PATCH"_s});
        QVERIFY(method.detail.contains(u"PUT"_s));
        QVERIFY(method.detail.contains(u"GET, PATCH"_s));
        const Problem hostile = Problem::methodNotAllowed(QString(5000, u'X'), {u"GET"_s});
        QVERIFY(hostile.detail.size() < 200);
        QVERIFY(Problem::unauthorized(u"Your session expired."_s).detail
                == u"Your session expired."_s);
        // Generic on purpose: nothing from the failure leaks to the client.
        QCOMPARE(Problem::internalError(), Problem::internalError());
    }

    void parseBodyObject()
    {
        const auto result = JsonReader::parseBody(R"({"name": "feed", "n": 1})");
        QVERIFY(result.ok());
        QCOMPARE(result->value(u"name"_s).toString(), u"feed"_s);
    }

    void parseBodyMalformed_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("offset");

        QTest::newRow("empty") << QByteArray() << 0;
        QTest::newRow("unterminated object") << R"({"name": "feed")"_ba << 15;
        QTest::newRow("trailing comma") << R"({"name": "feed",})"_ba << 17;
        QTest::newRow("garbage after object") << R"({} x)"_ba << 3;
        QTest::newRow("single quotes") << R"({'name': 1})"_ba << 2;
        QTest::newRow("two values") << R"(1, 2)"_ba << 1;
        QTest::newRow("invalid UTF-8") << "{\"name\": \"\xff\"}"_ba << 10;
    }

    void parseBodyMalformed()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, offset);

        QJsonParseError expected{};
        QJsonDocument::fromJson(body, &expected);
        QVERIFY(expected.error != QJsonParseError::NoError);
        QCOMPARE(expected.offset, offset);

        const auto result = JsonReader::parseBody(body);
        QVERIFY(!result.ok());
        const Problem &problem = result.error();
        QCOMPARE(problem.status, 400);
        QCOMPARE(problem.type, u"urn:apiaccess:problem:malformed-json"_s);
        QVERIFY2(problem.detail.contains(u"offset %1"_s.arg(offset)), qPrintable(problem.detail));
        QVERIFY2(problem.detail.contains(expected.errorString()), qPrintable(problem.detail));
        QVERIFY(problem.errors.isEmpty());
    }

    void parseBodyNotAnObject_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("array") << "[1, 2]"_ba;
        QTest::newRow("empty array") << "[]"_ba;
        QTest::newRow("number") << "42"_ba;
        QTest::newRow("string") << R"("name")"_ba;
        QTest::newRow("null") << "null"_ba;
        QTest::newRow("true with space") << " true "_ba;
    }

    void parseBodyNotAnObject()
    {
        QFETCH(QByteArray, body);
        const auto result = JsonReader::parseBody(body);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().status, 422);
        QVERIFY(result.error().isValidation());
        QCOMPARE(result.error().errors,
                 (QList<FieldError>{{QString(), u"the request body must be a JSON object"_s}}));
    }

    void readerPathsAndNesting()
    {
        JsonReader in(parseObject(R"({"n": 2.5, "big": 9007199254740993, "ok": -12, "o": []})"),
                      u"items[3]"_s);
        QCOMPARE(in.path(u"name"), u"items[3].name"_s);
        QCOMPARE(in.path(u"list", 4), u"items[3].list[4]"_s);
        QVERIFY(!in.integer(u"n", JsonReader::Required));
        QVERIFY(!in.integer(u"big", JsonReader::Required));
        QCOMPARE(in.integer(u"ok", JsonReader::Required), -12);
        QVERIFY(!in.object(u"o", JsonReader::Optional));
        QVERIFY(!in.object(u"absent", JsonReader::Optional));
        in.addNestedErrors(in.path(u"sub"), {{QString(), u"whole"_s}, {u"leaf"_s, u"part"_s}});
        QCOMPARE(in.errors(),
                 (QList<FieldError>{
                     {u"items[3].n"_s, u"must be a whole number"_s},
                     {u"items[3].big"_s, u"must be a whole number"_s},
                     {u"items[3].o"_s, u"must be an object"_s},
                     {u"items[3].sub"_s, u"whole"_s},
                     {u"items[3].sub.leaf"_s, u"part"_s},
                 }));
    }
};

QTEST_GUILESS_MAIN(TestProblem)
#include "tst_problem.moc"
