#include "http/Router.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ApiAccess::Server;

namespace {

HttpRequest request(std::string method, std::string target)
{
    HttpRequest r;
    r.method = std::move(method);
    r.target = std::move(target);
    return r;
}

// Each handler answers with its own name so the test sees which one ran.
Router::Handler named(std::string name)
{
    return [name](HttpRequest &) {
        return HttpResponse::text(200, "text/plain", name);
    };
}

QJsonObject problemOf(const HttpResponse &response)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(response.body)).object();
}

} // namespace

class TestRouter : public QObject
{
    Q_OBJECT

private:
    Router m_router;

private Q_SLOTS:
    void initTestCase()
    {
        m_router.add("GET", "/api/v1/tokens", named("list"));
        m_router.add("POST", "/api/v1/tokens", named("create"));
        m_router.add("GET", "/api/v1/tokens/{id}", named("get"));
        m_router.add("PATCH", "/api/v1/tokens/{id}", named("patch"));
        m_router.add("DELETE", "/api/v1/tokens/{id}", named("delete"));
        m_router.add("GET", "/api/v1/tokens/{id}/secret", named("secret"));
        m_router.add("POST", "/api/v1/tokens/{id}/rotate", named("rotate"));
        m_router.add("DELETE", "/api/v1/sessions/current", named("signout"));
        m_router.add("GET", "/api/v1/sessions/{id}", named("session"));
        m_router.add("GET", "/healthz", named("health"));
        m_router.add("GET", "/", named("root"));
    }

    void matches_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("handler");
        QTest::addColumn<QString>("route");
        QTest::addColumn<QString>("id");

        QTest::newRow("literal") << u"GET"_s << u"/api/v1/tokens"_s << u"list"_s
                                 << u"/api/v1/tokens"_s << QString();
        QTest::newRow("literal, query ignored")
            << u"GET"_s << u"/api/v1/tokens?limit=5&cursor=a/b"_s << u"list"_s
            << u"/api/v1/tokens"_s << QString();
        QTest::newRow("second method")
            << u"POST"_s << u"/api/v1/tokens"_s << u"create"_s << u"/api/v1/tokens"_s << QString();
        QTest::newRow("parameter") << u"GET"_s << u"/api/v1/tokens/tok_abc"_s << u"get"_s
                                   << u"/api/v1/tokens/{id}"_s << u"tok_abc"_s;
        QTest::newRow("parameter, other method")
            << u"DELETE"_s << u"/api/v1/tokens/tok_abc"_s << u"delete"_s << u"/api/v1/tokens/{id}"_s
            << u"tok_abc"_s;
        QTest::newRow("parameter in the middle")
            << u"GET"_s << u"/api/v1/tokens/tok_abc/secret"_s << u"secret"_s
            << u"/api/v1/tokens/{id}/secret"_s << u"tok_abc"_s;
        QTest::newRow("percent-decoded parameter")
            << u"GET"_s << u"/api/v1/tokens/a%20b%C3%A9"_s << u"get"_s << u"/api/v1/tokens/{id}"_s
            << u"a bé"_s;
        QTest::newRow("plus stays plus") << u"GET"_s << u"/api/v1/tokens/a+b"_s << u"get"_s
                                         << u"/api/v1/tokens/{id}"_s << u"a+b"_s;
        QTest::newRow("literal beats parameter")
            << u"DELETE"_s << u"/api/v1/sessions/current"_s << u"signout"_s
            << u"/api/v1/sessions/current"_s << QString();
        QTest::newRow("parameter where literal lacks method")
            << u"GET"_s << u"/api/v1/sessions/current"_s << u"session"_s
            << u"/api/v1/sessions/{id}"_s << u"current"_s;
        QTest::newRow("HEAD uses GET")
            << u"HEAD"_s << u"/healthz"_s << u"health"_s << u"/healthz"_s << QString();
        QTest::newRow("root") << u"GET"_s << u"/"_s << u"root"_s << u"/"_s << QString();
    }

    void matches()
    {
        QFETCH(QString, method);
        QFETCH(QString, target);
        QFETCH(QString, handler);
        QFETCH(QString, route);
        QFETCH(QString, id);

        HttpRequest r = request(method.toStdString(), target.toStdString());
        const HttpResponse response = m_router.dispatch(r);
        QCOMPARE(response.status, 200);
        QCOMPARE(QString::fromStdString(response.body), handler);
        QCOMPARE(QString::fromStdString(r.route), route);
        if (id.isNull()) {
            QVERIFY(r.pathParams.empty());
        } else {
            QCOMPARE(r.pathParams.size(), std::size_t(1));
            QCOMPARE(QString::fromStdString(r.pathParams.at("id")), id);
        }
    }

    void notFound_data()
    {
        QTest::addColumn<QString>("target");
        QTest::newRow("unknown") << u"/api/v2/tokens"_s;
        QTest::newRow("trailing slash") << u"/api/v1/tokens/"_s;
        QTest::newRow("trailing slash after parameter") << u"/api/v1/tokens/tok_abc/"_s;
        QTest::newRow("empty parameter") << u"/api/v1/tokens//secret"_s;
        QTest::newRow("double slash") << u"/api/v1//tokens"_s;
        QTest::newRow("escaped slash in parameter") << u"/api/v1/tokens/a%2Fb"_s;
        QTest::newRow("escaped slash forging a segment") << u"/api/v1/tokens/a%2Fsecret"_s;
        QTest::newRow("bad escape in parameter") << u"/api/v1/tokens/a%zz"_s;
        QTest::newRow("escaped NUL in parameter") << u"/api/v1/tokens/a%00"_s;
        QTest::newRow("too deep") << u"/api/v1/tokens/a/secret/more"_s;
        QTest::newRow("case matters") << u"/API/v1/tokens"_s;
        QTest::newRow("escaped literal") << u"/api/v1/%74okens"_s;
        QTest::newRow("not origin-form") << u"*"_s;
    }

    void notFound()
    {
        QFETCH(QString, target);
        HttpRequest r = request("GET", target.toStdString());
        const HttpResponse response = m_router.dispatch(r);
        QCOMPARE(response.status, 404);
        QCOMPARE(QString::fromStdString(response.contentType), u"application/problem+json"_s);
        QCOMPARE(problemOf(response).value(u"status"_s).toInt(), 404);
        QVERIFY(r.route.empty());
        QVERIFY(response.header("Allow").empty());
    }

    void methodNotAllowed_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("allow");
        QTest::newRow("collection") << u"DELETE"_s << u"/api/v1/tokens"_s << u"GET, HEAD, POST"_s;
        QTest::newRow("item") << u"POST"_s << u"/api/v1/tokens/tok_abc"_s
                              << u"GET, HEAD, PATCH, DELETE"_s;
        QTest::newRow("lower-case method") << u"get"_s << u"/healthz"_s << u"GET, HEAD"_s;
        QTest::newRow("union of overlapping patterns")
            << u"PUT"_s << u"/api/v1/sessions/current"_s << u"DELETE, GET, HEAD"_s;
        QTest::newRow("POST-only route") << u"GET"_s << u"/api/v1/tokens/x/rotate"_s << u"POST"_s;
    }

    void methodNotAllowed()
    {
        QFETCH(QString, method);
        QFETCH(QString, target);
        QFETCH(QString, allow);
        HttpRequest r = request(method.toStdString(), target.toStdString());
        const HttpResponse response = m_router.dispatch(r);
        QCOMPARE(response.status, 405);
        QCOMPARE(QString::fromStdString(std::string(response.header("Allow"))), allow);
        QCOMPARE(QString::fromStdString(response.contentType), u"application/problem+json"_s);
        const QJsonObject problem = problemOf(response);
        QCOMPARE(problem.value(u"status"_s).toInt(), 405);
        QCOMPARE(problem.value(u"title"_s).toString(), u"Method Not Allowed"_s);
        QVERIFY(r.route.empty());
    }

    void usesPathWithoutTarget()
    {
        HttpRequest r;
        r.method = "GET";
        r.path = "/api/v1/tokens/tok_1/secret";
        QCOMPARE(m_router.dispatch(r).body, std::string("secret"));
        QCOMPARE(r.pathParams.at("id"), std::string("tok_1"));
    }

    void replacesStaleParameters()
    {
        HttpRequest r = request("GET", "/api/v1/tokens/tok_2");
        r.pathParams["other"] = "stale";
        QCOMPARE(m_router.dispatch(r).status, 200);
        QCOMPARE(r.pathParams.size(), std::size_t(1));
    }

    void rejectsBadPattern()
    {
        Router router;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, router.add("GET", "no-slash", named("x")));
    }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_router.moc"
