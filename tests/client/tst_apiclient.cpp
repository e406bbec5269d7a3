// ApiClient against the real apiaccess-server over real HTTP, and against a
// fake one for what the real one will not do on demand (never answer).
#include "ApiTestClient.h"
#include "FakeHttpServer.h"
#include "ServerProcess.h"
#include "WaitForCall.h"
#include "api/ApiClient.h"
#include "common/Version.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace ApiAccess;
using namespace ApiAccess::Testing;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
const QString kAdmin = u"alice"_s;
const QString kPassword = u"client-test-password"_s;
constexpr int kWaitMs = 15'000;

template<typename T, typename Start>
std::optional<Result<T, ApiError>> run(Start start)
{
    return waitForCall<T>(std::move(start), kWaitMs);
}

QString describe(const ApiError &error)
{
    return ApiError::kindName(error.kind) + u" " + QString::number(error.httpStatus) + u": "
        + error.message();
}

#define VERIFY_OK(r)                                                                               \
    do {                                                                                           \
        QVERIFY2((r).has_value(), "no callback");                                                  \
        QVERIFY2((r)->ok(), qPrintable((r)->ok() ? QString() : describe((r)->error())));           \
    } while (false)

#define VERIFY_ERROR(r, k)                                                                         \
    do {                                                                                           \
        QVERIFY2((r).has_value(), "no callback");                                                  \
        QVERIFY2(!(r)->ok(), "unexpected success");                                                \
        QCOMPARE(ApiError::kindName((r)->error().kind), ApiError::kindName(k));                    \
    } while (false)

TokenCreateInput input(const QString &name, const QStringList &ranges = {})
{
    TokenCreateInput in;
    in.name = name;
    in.accessLevel = AccessLevel::ReadOnly;
    in.allowedIpRanges = IpAllowList::fromEntries(ranges).list;
    return in;
}
} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT

private:
    ServerProcess m_server;

    std::unique_ptr<ApiClient> signedIn()
    {
        auto client = std::make_unique<ApiClient>();
        client->setServerUrl(m_server.baseUrl());
        auto session = run<Session>(
            [&](QObject *ctx, auto cb) { client->signIn(kAdmin, kPassword, ctx, cb); });
        if (!session || !session->ok())
            return nullptr;
        return client;
    }

    TokenWithTag create(ApiClient &client, const QString &name)
    {
        auto created = run<TokenWithTag>(
            [&](QObject *ctx, auto cb) { client.createToken(input(name), ctx, cb); });
        return created && created->ok() ? created->value() : TokenWithTag{};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        QVERIFY(m_server.addAdmin(kAdmin, kPassword));
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }

    void signInGivesASession()
    {
        ApiClient client;
        client.setServerUrl(m_server.baseUrl());
        QSignalSpy busy(&client, &ApiClient::busyChanged);
        auto session =
            run<Session>([&](QObject *ctx, auto cb) { client.signIn(kAdmin, kPassword, ctx, cb); });
        VERIFY_OK(session);
        QCOMPARE(session->value().username, kAdmin);
        QCOMPARE(session->value().serverUrl, m_server.baseUrl());
        QVERIFY(session->value().sessionToken.startsWith("ses_"));
        QVERIFY(session->value().expiresAt > QDateTime::currentDateTimeUtc());
        QVERIFY(client.session().has_value());
        QCOMPARE(client.session()->sessionToken, session->value().sessionToken);
        QCOMPARE(busy.count(), 2);
        QCOMPARE(busy.at(0).at(0).toBool(), true);
        QCOMPARE(busy.at(1).at(0).toBool(), false);
    }

    void wrongPasswordIsUnauthorizedWithoutSessionExpired()
    {
        ApiClient client;
        client.setServerUrl(m_server.baseUrl());
        QSignalSpy expired(&client, &ApiClient::sessionExpired);
        auto session = run<Session>(
            [&](QObject *ctx, auto cb) { client.signIn(kAdmin, u"wrong password"_s, ctx, cb); });
        VERIFY_ERROR(session, ApiError::Kind::Unauthorized);
        QCOMPARE(session->error().httpStatus, 401);
        QVERIFY(!session->error().message().contains(u"wrong password"_s));
        QCOMPARE(expired.count(), 0);
        QVERIFY(!client.session());
    }

    void createdTokenIsListed()
    {
        auto client = signedIn();
        QVERIFY(client);
        auto created = run<TokenWithTag>([&](QObject *ctx, auto cb) {
            client->createToken(input(u"RSS reader"_s, {u"10.0.0.7/24"_s, u"2001:db8::1"_s}), ctx,
                                cb);
        });
        VERIFY_OK(created);
        const Token token = created->value().token;
        QVERIFY(!token.id.isEmpty());
        QCOMPARE(token.name, u"RSS reader"_s);
        QCOMPARE(token.accessLevel, AccessLevel::ReadOnly);
        QCOMPARE(token.allowedIpRanges, (QStringList{u"10.0.0.0/24"_s, u"2001:db8::1"_s}));
        QVERIFY(!created->value().etag.isEmpty());

        auto page = run<TokenPage>(
            [&](QObject *ctx, auto cb) { client->listTokens(TokenListQuery{}, ctx, cb); });
        VERIFY_OK(page);
        QVERIFY(std::any_of(page->value().items.cbegin(), page->value().items.cend(),
                            [&](const Token &t) { return t == token; }));

        TokenListQuery search;
        search.text = u"RSS reader"_s;
        auto found =
            run<TokenPage>([&](QObject *ctx, auto cb) { client->listTokens(search, ctx, cb); });
        VERIFY_OK(found);
        QCOMPARE(found->value().items.size(), 1);

        auto all = run<TokenList>([&](QObject *ctx, auto cb) { client->listAllTokens(ctx, cb); });
        VERIFY_OK(all);
        QVERIFY(all->value().tokens.contains(token));
    }

    void listAllTokensFollowsCursors()
    {
        auto client = signedIn();
        QVERIFY(client);
        for (int i = 0; i < 3; ++i)
            QVERIFY(!create(*client, u"paged %1"_s.arg(i)).token.id.isEmpty());
        TokenListQuery small;
        small.limit = 1;
        auto first =
            run<TokenPage>([&](QObject *ctx, auto cb) { client->listTokens(small, ctx, cb); });
        VERIFY_OK(first);
        QCOMPARE(first->value().items.size(), 1);
        QVERIFY(first->value().nextCursor.has_value());
        auto all = run<TokenList>([&](QObject *ctx, auto cb) { client->listAllTokens(ctx, cb); });
        VERIFY_OK(all);
        QVERIFY(all->value().tokens.size() >= 3);
        QVERIFY(!all->value().changesCursor.isEmpty());
        // One admin created them all: one copy of the name for the whole
        // list (at 100,000 tokens, megabytes), not one per token.
        const QList<Token> &tokens = all->value().tokens;
        for (qsizetype i = 1; i < tokens.size(); ++i) {
            if (tokens.at(i).createdBy == tokens.at(0).createdBy)
                QVERIFY(tokens.at(i).createdBy.isSharedWith(tokens.at(0).createdBy));
        }
    }

    void listTokenChangesAnswersWhatChanged()
    {
        auto client = signedIn();
        QVERIFY(client);
        QVERIFY(!create(*client, u"unchanged"_s).token.id.isEmpty());
        const Token doomed = create(*client, u"doomed"_s).token;
        auto all = run<TokenList>([&](QObject *ctx, auto cb) { client->listAllTokens(ctx, cb); });
        VERIFY_OK(all);
        const QString cursor = all->value().changesCursor;
        QVERIFY(!cursor.isEmpty());

        using Changes = std::optional<TokenChangeSet>;
        auto none =
            run<Changes>([&](QObject *ctx, auto cb) { client->listTokenChanges(cursor, ctx, cb); });
        VERIFY_OK(none);
        QVERIFY(none->value().has_value());
        QVERIFY(none->value()->items.isEmpty());
        QVERIFY(none->value()->deletedIds.isEmpty());

        const Token added = create(*client, u"added"_s).token;
        QVERIFY(run<bool>([&](QObject *ctx, auto cb) {
                    client->deleteToken(doomed.id, ctx, cb);
                })->ok());
        auto some =
            run<Changes>([&](QObject *ctx, auto cb) { client->listTokenChanges(cursor, ctx, cb); });
        VERIFY_OK(some);
        QVERIFY(some->value().has_value());
        QCOMPARE(some->value()->items, QList<Token>{added});
        QCOMPARE(some->value()->deletedIds, QStringList{doomed.id});
        QVERIFY(some->value()->changesCursor != cursor);
    }

    void listTokenChangesSays410AsListAfresh()
    {
        auto client = signedIn();
        QVERIFY(client);
        // White-box: base64url("1.<generation>.<issued ms>"), issued long ago.
        const QString old = QString::fromLatin1(
            "1.0.1000"_ba.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        using Changes = std::optional<TokenChangeSet>;
        auto gone =
            run<Changes>([&](QObject *ctx, auto cb) { client->listTokenChanges(old, ctx, cb); });
        VERIFY_OK(gone);
        QVERIFY(!gone->value().has_value());

        auto bad = run<Changes>(
            [&](QObject *ctx, auto cb) { client->listTokenChanges(u"garbage"_s, ctx, cb); });
        QVERIFY(bad);
        QVERIFY(!bad->ok());
        QCOMPARE(bad->error().kind, ApiError::Kind::Validation);
    }

    void validationErrorsKeepTheirFieldPaths()
    {
        auto client = signedIn();
        QVERIFY(client);
        auto refused = run<TokenWithTag>(
            [&](QObject *ctx, auto cb) { client->createToken(input(u"   "_s), ctx, cb); });
        VERIFY_ERROR(refused, ApiError::Kind::Validation);
        QCOMPARE(refused->error().httpStatus, 422);
        QCOMPARE(refused->error().fieldErrors.size(), 1);
        QCOMPARE(refused->error().fieldErrors.first().field, u"name"_s);
        QVERIFY(refused->error().message().contains(u"name"_s));

        TokenCreateInput past = input(u"expired already"_s);
        past.expiresAt = QDateTime::currentDateTimeUtc().addDays(-1);
        auto refusedExpiry =
            run<TokenWithTag>([&](QObject *ctx, auto cb) { client->createToken(past, ctx, cb); });
        VERIFY_ERROR(refusedExpiry, ApiError::Kind::Validation);
        QCOMPARE(refusedExpiry->error().fieldErrors.first().field, u"expiresAt"_s);
    }

    void indexedFieldPathsSurviveTheMapping()
    {
        // The typed input cannot hold a bad range, so the server's answer is canned.
        const QByteArray problem = R"({"type":"urn:apiaccess:problem:validation-error",
            "title":"Invalid request body","status":422,"detail":"The body has 2 errors.",
            "errors":[{"field":"allowedIpRanges[1]","message":"octet above 255"},
                      {"field":"name","message":"must not be empty"}]})";
        FakeHttpServer fake(FakeHttpServer::response(422, "Unprocessable Content",
                                                     "application/problem+json", problem));
        ApiClient client;
        client.setServerUrl(fake.url());
        auto refused = run<TokenWithTag>(
            [&](QObject *ctx, auto cb) { client.createToken(input(u"x"_s), ctx, cb); });
        VERIFY_ERROR(refused, ApiError::Kind::Validation);
        QCOMPARE(refused->error().fieldErrors,
                 (QList<FieldError>{{u"allowedIpRanges[1]"_s, u"octet above 255"_s},
                                    {u"name"_s, u"must not be empty"_s}}));
        QCOMPARE(refused->error().title, u"Invalid request body"_s);
    }

    void otherStatusesMapToTheirKinds_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("retryAfter");
        const QByteArray problem = R"({"title":"x","status":0})";
        QTest::newRow("429") << FakeHttpServer::response(
            429, "Too Many Requests", "application/problem+json", problem, {{"Retry-After", "17"}})
                             << int(ApiError::Kind::RateLimited) << 17;
        QTest::newRow("500") << FakeHttpServer::response(500, "Internal Server Error",
                                                         "application/problem+json", problem)
                             << int(ApiError::Kind::Server) << -1;
        QTest::newRow("403") << FakeHttpServer::response(403, "Forbidden",
                                                         "application/problem+json", problem)
                             << int(ApiError::Kind::Forbidden) << -1;
        QTest::newRow("200 not JSON")
            << FakeHttpServer::response(200, "OK", "text/html", "<html></html>")
            << int(ApiError::Kind::Protocol) << -1;
        QTest::newRow("200 wrong shape")
            << FakeHttpServer::response(200, "OK", "application/json", R"({"id":1})")
            << int(ApiError::Kind::Protocol) << -1;
        QTest::newRow("302 never followed") << FakeHttpServer::response(
            302, "Found", "text/plain", "", {{"Location", "http://example.invalid/"}})
                                            << int(ApiError::Kind::Protocol) << -1;
    }

    void otherStatusesMapToTheirKinds()
    {
        QFETCH(QByteArray, answer);
        QFETCH(int, kind);
        QFETCH(int, retryAfter);
        FakeHttpServer fake(answer);
        ApiClient client;
        client.setServerUrl(fake.url());
        auto got =
            run<TokenWithTag>([&](QObject *ctx, auto cb) { client.getToken(u"tok_x"_s, ctx, cb); });
        VERIFY_ERROR(got, ApiError::Kind(kind));
        if (retryAfter >= 0)
            QCOMPARE(got->error().retryAfterSeconds, std::optional<int>(retryAfter));
        QVERIFY(!got->error().message().isEmpty());
    }

    void getTokenCarriesTheEtag()
    {
        auto client = signedIn();
        QVERIFY(client);
        const TokenWithTag created = create(*client, u"etag"_s);
        QVERIFY(!created.etag.isEmpty());
        auto got = run<TokenWithTag>(
            [&](QObject *ctx, auto cb) { client->getToken(created.token.id, ctx, cb); });
        VERIFY_OK(got);
        QCOMPARE(got->value().etag, created.etag);
        QCOMPARE(got->value().token, created.token);
    }

    void staleIfMatchIsAConflict()
    {
        auto client = signedIn();
        QVERIFY(client);
        const TokenWithTag created = create(*client, u"contested"_s);
        TokenUpdateInput rename;
        rename.name = u"renamed"_s;
        auto updated = run<TokenWithTag>([&](QObject *ctx, auto cb) {
            client->updateToken(created.token.id, rename, created.etag, ctx, cb);
        });
        VERIFY_OK(updated);
        QCOMPARE(updated->value().token.name, u"renamed"_s);
        QVERIFY(updated->value().etag != created.etag);

        TokenUpdateInput again;
        again.name = u"lost update"_s;
        auto stale = run<TokenWithTag>([&](QObject *ctx, auto cb) {
            client->updateToken(created.token.id, again, created.etag, ctx, cb);
        });
        VERIFY_ERROR(stale, ApiError::Kind::Conflict);
        QCOMPARE(stale->error().httpStatus, 412);
    }

    void fetchedSecretPassesVerify()
    {
        auto client = signedIn();
        QVERIFY(client);
        const TokenWithTag created = create(*client, u"verify me"_s);
        auto secret = run<QByteArray>(
            [&](QObject *ctx, auto cb) { client->fetchSecret(created.token.id, ctx, cb); });
        VERIFY_OK(secret);
        ApiTestClient gateway(m_server.baseUrl());
        gateway.setBasic(secret->value());
        const ApiReply verdict = gateway.get(u"/api/v1/verify"_s);
        QVERIFY2(verdict.status == 204, verdict.describe().constData());
        QCOMPARE(verdict.header("X-Token-Id"), created.token.id.toLatin1());

        auto rotated = run<TokenWithTag>(
            [&](QObject *ctx, auto cb) { client->rotateToken(created.token.id, 0, {}, ctx, cb); });
        VERIFY_OK(rotated);
        QCOMPARE(rotated->value().token.id, created.token.id);
        auto newSecret = run<QByteArray>(
            [&](QObject *ctx, auto cb) { client->fetchSecret(created.token.id, ctx, cb); });
        VERIFY_OK(newSecret);
        QVERIFY(newSecret->value() != secret->value());

        // With If-Match: the ETag from before that rotation is stale (a
        // retry of it is refused), the one from its answer is current.
        auto stale = run<TokenWithTag>([&](QObject *ctx, auto cb) {
            client->rotateToken(created.token.id, 0, created.etag, ctx, cb);
        });
        VERIFY_ERROR(stale, ApiError::Kind::Conflict);
        QCOMPARE(stale->error().httpStatus, 412);
        auto current = run<TokenWithTag>([&](QObject *ctx, auto cb) {
            client->rotateToken(created.token.id, 0, rotated->value().etag, ctx, cb);
        });
        VERIFY_OK(current);
    }

    void deletedTokenIsNotFound()
    {
        auto client = signedIn();
        QVERIFY(client);
        const TokenWithTag created = create(*client, u"doomed"_s);
        auto deleted = run<bool>(
            [&](QObject *ctx, auto cb) { client->deleteToken(created.token.id, ctx, cb); });
        VERIFY_OK(deleted);
        auto got = run<TokenWithTag>(
            [&](QObject *ctx, auto cb) { client->getToken(created.token.id, ctx, cb); });
        VERIFY_ERROR(got, ApiError::Kind::NotFound);
        QCOMPARE(got->error().httpStatus, 404);
    }

    void endedSessionEmitsSessionExpired()
    {
        auto owner = signedIn();
        QVERIFY(owner);
        ApiClient other;
        other.setSession(*owner->session());
        QSignalSpy expired(&other, &ApiClient::sessionExpired);
        QSignalSpy ownerExpired(owner.get(), &ApiClient::sessionExpired);

        auto out = run<bool>([&](QObject *ctx, auto cb) { owner->signOut(ctx, cb); });
        VERIFY_OK(out);
        QVERIFY(!owner->session());
        QCOMPARE(ownerExpired.count(), 0);

        auto page = run<TokenPage>(
            [&](QObject *ctx, auto cb) { other.listTokens(TokenListQuery{}, ctx, cb); });
        VERIFY_ERROR(page, ApiError::Kind::Unauthorized);
        QCOMPARE(expired.count(), 1);
    }

    void a401ForAReplacedSessionDoesNotEndTheNewOne()
    {
        // The admin signed in again while a request of the ended session was
        // on its way: its 401 must not open yet another sign-in.
        auto ended = signedIn();
        auto fresh = signedIn();
        QVERIFY(ended && fresh);
        const Session endedSession = *ended->session();
        const Session newSession = *fresh->session();
        auto out = run<bool>([&](QObject *ctx, auto cb) { ended->signOut(ctx, cb); });
        VERIFY_OK(out);

        ApiClient client;
        client.setSession(endedSession);
        QSignalSpy expired(&client, &ApiClient::sessionExpired);
        std::optional<Result<TokenPage, ApiError>> page;
        client.listTokens(TokenListQuery{}, this,
                          [&](Result<TokenPage, ApiError> result) { page = std::move(result); });
        client.setSession(newSession); // before the answer to the old one arrives
        QTRY_VERIFY(page.has_value());
        VERIFY_ERROR(page, ApiError::Kind::Unauthorized);
        QCOMPARE(expired.count(), 0);
        auto fine = run<TokenPage>(
            [&](QObject *ctx, auto cb) { client.listTokens(TokenListQuery{}, ctx, cb); });
        VERIFY_OK(fine);

        // The same 401 for the session in use does end it.
        client.setSession(endedSession);
        auto refused = run<TokenPage>(
            [&](QObject *ctx, auto cb) { client.listTokens(TokenListQuery{}, ctx, cb); });
        VERIFY_ERROR(refused, ApiError::Kind::Unauthorized);
        QCOMPARE(expired.count(), 1);
    }

    void stoppedServerIsANetworkErrorQuickly()
    {
        ServerProcess doomed;
        QVERIFY2(doomed.start(), qPrintable(doomed.errorString()));
        QVERIFY(doomed.addAdmin(kAdmin, kPassword));
        ApiClient client;
        client.setServerUrl(doomed.baseUrl());
        auto session =
            run<Session>([&](QObject *ctx, auto cb) { client.signIn(kAdmin, kPassword, ctx, cb); });
        VERIFY_OK(session);
        QCOMPARE(doomed.stop(), 0);

        QElapsedTimer timer;
        timer.start();
        auto page = run<TokenPage>(
            [&](QObject *ctx, auto cb) { client.listTokens(TokenListQuery{}, ctx, cb); });
        VERIFY_ERROR(page, ApiError::Kind::Network);
        QVERIFY2(timer.elapsed() < 5'000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(page->error().isRetryable());
        const QString expected =
            u"Cannot reach the server at 127.0.0.1:%1: connection refused."_s.arg(
                doomed.baseUrl().port());
        QCOMPARE(page->error().message(), expected);
    }

    void silentServerTimesOut()
    {
        FakeHttpServer silent;
        ApiClient client;
        client.setServerUrl(silent.url());
        client.setTransferTimeout(300ms);
        auto page = run<TokenPage>(
            [&](QObject *ctx, auto cb) { client.listTokens(TokenListQuery{}, ctx, cb); });
        VERIFY_ERROR(page, ApiError::Kind::Timeout);
        QCOMPARE(silent.requestCount(), 1);
        QVERIFY(page->error().isRetryable());
    }

    void abortCancelsAndCallsBackOnce()
    {
        FakeHttpServer silent;
        ApiClient client;
        client.setServerUrl(silent.url());
        QSignalSpy busy(&client, &ApiClient::busyChanged);
        QObject context;
        int calls = 0;
        std::optional<ApiError> error;
        QPointer<ApiCall> call =
            client.listTokens(TokenListQuery{}, &context, [&](Result<TokenPage, ApiError> result) {
                ++calls;
                if (!result)
                    error = result.error();
            });
        QVERIFY(call);
        QTRY_COMPARE(silent.requestCount(), 1);
        QVERIFY(call->isRunning());
        call->abort();
        QCOMPARE(calls, 1);
        QVERIFY(error);
        QCOMPARE(ApiError::kindName(error->kind), u"Canceled"_s);
        QTRY_VERIFY(call.isNull()); // deletes itself
        QCOMPARE(calls, 1);
        QCOMPARE(busy.count(), 2);
        QVERIFY(!client.isBusy());
    }

    void noCallbackWhenTheContextIsGone()
    {
        FakeHttpServer silent;
        ApiClient client;
        client.setServerUrl(silent.url());
        client.setTransferTimeout(300ms);
        auto *context = new QObject;
        bool called = false;
        QPointer<ApiCall> call = client.listTokens(
            TokenListQuery{}, context, [&called](Result<TokenPage, ApiError>) { called = true; });
        QSignalSpy finished(call.data(), &ApiCall::finished);
        delete context;
        QVERIFY(finished.wait(kWaitMs)); // the timeout ends the request
        QVERIFY(!called);
        QTRY_VERIFY(!client.isBusy());
    }

    void requestsCarryUserAgentAcceptAndBearer()
    {
        FakeHttpServer capture(FakeHttpServer::response(
            201, "Created", "application/json",
            R"({"sessionToken":"ses_abc","expiresAt":"2099-01-01T00:00:00Z","username":"alice"})"));
        ApiClient client;
        client.setServerUrl(capture.url());
        auto session =
            run<Session>([&](QObject *ctx, auto cb) { client.signIn(kAdmin, kPassword, ctx, cb); });
        VERIFY_OK(session);
        const QByteArray signIn = capture.request(0);
        QVERIFY2(signIn.startsWith("POST /api/v1/sessions HTTP/1.1\r\n"), signIn.constData());
        const QByteArray agent =
            "User-Agent: " + productToken(u"apiaccess-studio"_s).toUtf8() + "\r\n";
        QVERIFY2(signIn.contains(agent), signIn.constData());
        QVERIFY(signIn.contains("\r\nAccept: application/json\r\n"));
        QVERIFY(signIn.contains("\r\nContent-Type: application/json\r\n"));
        QVERIFY(!signIn.toLower().contains("authorization:"));

        auto page = run<TokenPage>([&](QObject *ctx, auto cb) {
            TokenListQuery query;
            query.text = u"a&b+c d"_s;
            query.status = TokenStatus::Disabled;
            client.listTokens(query, ctx, cb);
        });
        QVERIFY(page.has_value()); // the canned answer is not a page
        const QByteArray list = capture.request(1);
        QVERIFY2(list.startsWith(
                     "GET /api/v1/tokens?limit=100&q=a%26b%2Bc%20d&status=disabled HTTP/1.1\r\n"),
                 list.constData());
        QVERIFY(list.contains("\r\nAuthorization: Bearer ses_abc\r\n"));
        QVERIFY(list.contains(agent));
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
