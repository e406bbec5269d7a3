// Several real apiaccess-server instances on one real PostgreSQL 15
// (PRODUCT.md §8): revocation reaches every instance's verify cache within a
// second, also with the notification connection cut; concurrent creates on
// all of them lose nothing; kill -9 of one leaves the others answering; the
// database stopped and started mid-run (503 after the grace, recovery by
// itself); sessions, sign-in throttling and last use across instances; an
// instance with another master key refused. Runs under
// tests/support/with-postgres only (CTest: tst_server_instances).
#include "ApiAssertions.h"
#include "ServerProcess.h"
#include "SignedInServer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace ApiAccess::Testing;

namespace {

const QString kAdmin = u"dana"_s;
const QString kPassword = u"instances-test-password"_s;
// The bound PRODUCT.md §8 promises for a change to reach every instance.
constexpr qint64 kRevocationBoundMs = 1000;

} // namespace

class TestServerInstances : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_database;
    std::vector<std::unique_ptr<ServerProcess>> m_instances;
    bool m_clusterStopped = false;

    // Starts `count` instances on one fresh database, the admin added once.
    bool startInstances(int count, const QStringList &extra = {})
    {
        m_database = std::make_unique<TestDatabase>();
        if (!m_database->isValid()) {
            qWarning("%s", qPrintable(m_database->errorString()));
            return false;
        }
        for (int i = 0; i < count; ++i) {
            auto instance = std::make_unique<ServerProcess>(*m_database);
            if (i == 0 && !instance->addAdmin(kAdmin, kPassword))
                return false;
            if (!instance->start(extra)) {
                qWarning("instance %d: %s", i, qPrintable(instance->errorString()));
                return false;
            }
            m_instances.push_back(std::move(instance));
        }
        return true;
    }
    ServerProcess &instance(int i) { return *m_instances[size_t(i)]; }
    std::unique_ptr<ApiTestClient> signedIn(int i)
    {
        auto client = std::make_unique<ApiTestClient>(instance(i).baseUrl());
        if (!client->signIn(kAdmin, kPassword))
            return nullptr;
        return client;
    }
    // Instance i's verify cache has taken in every change in the database
    // (its /metrics says so): what it caches from here on stays cached
    // until a later change.
    bool caughtUp(int i)
    {
        const qint64 newest =
            m_database->scalar(u"SELECT coalesce(max(generation), 0) FROM token_changes"_s)
                .toLongLong();
        ApiTestClient metrics(instance(i).baseUrl());
        static const QRegularExpression applied(
            u"^apiaccess_token_changes_applied_generation (\\d+)$"_s,
            QRegularExpression::MultilineOption);
        const auto match = applied.match(QString::fromUtf8(metrics.get(u"/metrics"_s).body));
        return match.hasMatch() && match.captured(1).toLongLong() >= newest;
    }
    static int verify(ApiTestClient &gateway, const QByteArray &token)
    {
        gateway.setBasic(token);
        return gateway.get(u"/api/v1/verify"_s).status;
    }
    // Asks `gateway` until it answers `status` for `token`; the time it took
    // in ms, or -1 if it never did within `timeoutMs`.
    static qint64 timeUntil(ApiTestClient &gateway, const QByteArray &token, int status,
                            qint64 timeoutMs = 10'000)
    {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < timeoutMs) {
            if (verify(gateway, token) == status)
                return clock.elapsed();
        }
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(TestDatabase::backendUnderTest() == TestDatabase::Backend::Postgres,
                 "several instances need PostgreSQL: run under tests/support/with-postgres");
    }
    void cleanup()
    {
        // A test that failed mid-outage leaves the cluster running for the next.
        if (m_clusterStopped && TestDatabase::controlCluster(u"start"_s).isEmpty())
            m_clusterStopped = false;
        if (QTest::currentTestFailed()) {
            for (size_t i = 0; i < m_instances.size(); ++i) {
                // Without the verify lines, which the timing loops repeat.
                QByteArrayList lines = m_instances[i]->log().split('\n');
                lines.removeIf(
                    [](const QByteArray &line) { return line.contains("route=/api/v1/verify "); });
                qInfo("instance %zu log:\n%s", i, lines.join('\n').right(8000).constData());
            }
        }
        m_instances.clear();
        m_database.reset();
    }

    void changesReachEveryInstanceWithinASecond_data()
    {
        QTest::addColumn<QString>("change");
        QTest::newRow("rotated") << u"rotate"_s;
        QTest::newRow("disabled") << u"disable"_s;
        QTest::newRow("deleted") << u"delete"_s;
        QTest::newRow("narrowed to other addresses") << u"allow-list"_s;
    }
    void changesReachEveryInstanceWithinASecond()
    {
        QFETCH(QString, change);
        QVERIFY(startInstances(3));
        auto admin = signedIn(0);
        QVERIFY(admin);
        const ApiReply created = admin->createToken(u"gateway"_s, u"read_only"_s);
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(u"id"_s).toString();
        const QByteArray token = created.json().value(u"token"_s).toString().toLatin1();
        ApiTestClient onB(instance(1).baseUrl()), onC(instance(2).baseUrl());
        QTRY_VERIFY(caughtUp(1) && caughtUp(2));
        // Cached on B and C: from here on only the change feed can tell them.
        QCOMPARE(verify(onB, token), 204);
        QCOMPARE(verify(onC, token), 204);

        const QString path = u"/api/v1/tokens/"_s + id;
        ApiReply changed;
        if (change == u"rotate"_s)
            changed = admin->post(path + u"/rotate"_s, {});
        else if (change == u"disable"_s)
            changed = admin->patch(path, {{u"enabled"_s, false}});
        else if (change == u"delete"_s)
            changed = admin->del(path);
        else
            changed = admin->patch(path, {{u"allowedIpRanges"_s, QJsonArray{u"192.0.2.0/24"_s}}});
        QVERIFY2(changed.status == 200 || changed.status == 204, changed.describe().constData());
        const int refused = change == u"allow-list"_s ? 403 : 401;
        const qint64 onBMs = timeUntil(onB, token, refused);
        const qint64 onCMs = timeUntil(onC, token, refused);
        qInfo("%s: refused on B after %lld ms, on C after %lld ms", qPrintable(change), onBMs,
              onCMs);
        QVERIFY2(onBMs >= 0 && onBMs <= kRevocationBoundMs, "B kept accepting the old token");
        QVERIFY2(onCMs >= 0 && onCMs <= kRevocationBoundMs, "C kept accepting the old token");
        if (change == u"rotate"_s) {
            const QByteArray fresh = changed.json().value(u"token"_s).toString().toLatin1();
            QCOMPARE(verify(onB, fresh), 204);
            QCOMPARE(verify(onC, fresh), 204);
        }
        // Nothing comes back: still refused a moment later.
        QCOMPARE(verify(onB, token), refused);
    }

    void cutListenerStillRevokes()
    {
        QVERIFY(startInstances(2));
        auto admin = signedIn(0);
        QVERIFY(admin);
        ApiTestClient onB(instance(1).baseUrl());
        const auto listeners = [&] {
            return m_database
                ->scalar(u"SELECT count(*) FROM pg_stat_activity "
                         "WHERE application_name = 'apiaccess-listener' "
                         "AND datname = current_database()"_s)
                .toInt();
        };
        QTRY_COMPARE(listeners(), 2);

        for (int round = 0; round < 3; ++round) {
            const ApiReply created = admin->createToken(u"round %1"_s.arg(round), u"read_only"_s);
            QCOMPARE(created.status, 201);
            const QByteArray token = created.json().value(u"token"_s).toString().toLatin1();
            QTRY_VERIFY(caughtUp(1));
            QCOMPARE(verify(onB, token), 204);
            // Cut every listener, then change at once: no notification can
            // carry this one; the polled generation has to.
            QCOMPARE(m_database->exec(u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                      "WHERE application_name = 'apiaccess-listener' "
                                      "AND datname = current_database()"_s),
                     QString());
            const QString id = created.json().value(u"id"_s).toString();
            QCOMPARE(admin->patch(u"/api/v1/tokens/"_s + id, {{u"enabled"_s, false}}).status, 200);
            const qint64 refusedMs = timeUntil(onB, token, 401);
            qInfo("round %d: refused on B after %lld ms with its listener cut", round, refusedMs);
            QVERIFY2(refusedMs >= 0 && refusedMs <= kRevocationBoundMs,
                     "B kept accepting a disabled token");
            // Both listeners come back by themselves.
            QTRY_COMPARE(listeners(), 2);
        }
        QVERIFY(instance(1).log().contains("listener lost its connection"));
    }

    void concurrentCreatesOnAllInstancesLoseNothing()
    {
        constexpr int kInstances = 3;
        constexpr int kEach = 60;
        QVERIFY(startInstances(kInstances));
        std::vector<std::unique_ptr<ApiTestClient>> admins;
        for (int i = 0; i < kInstances; ++i) {
            admins.push_back(signedIn(i));
            QVERIFY(admins.back());
        }
        // All instances at once, several requests in flight on each.
        QNetworkAccessManager network;
        QSet<QString> ids;
        QStringList failures;
        int answered = 0;
        for (int i = 0; i < kInstances; ++i) {
            for (int n = 0; n < kEach; ++n) {
                QNetworkRequest request(instance(i).baseUrl().resolved(QUrl(u"/api/v1/tokens"_s)));
                request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
                request.setRawHeader("Authorization", "Bearer " + signedInSession(*admins[i]));
                QNetworkReply *reply =
                    network.post(request,
                                 QJsonDocument(QJsonObject{{u"name"_s, u"i%1 n%2"_s.arg(i).arg(n)},
                                                           {u"accessLevel"_s, u"read_only"_s}})
                                     .toJson());
                connect(reply, &QNetworkReply::finished, this, [&, reply] {
                    const int status =
                        reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                    const QByteArray body = reply->readAll();
                    if (status == 201)
                        ids.insert(
                            QJsonDocument::fromJson(body).object().value(u"id"_s).toString());
                    else
                        failures.append(QString::number(status) + u' ' + QString::fromUtf8(body));
                    ++answered;
                    reply->deleteLater();
                });
            }
        }
        QTRY_COMPARE_WITH_TIMEOUT(answered, kInstances * kEach, 120'000);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n').left(2000)));
        QCOMPARE(ids.size(), kInstances * kEach);
        // Every instance lists every token, and the trail has every create.
        for (int i = 0; i < kInstances; ++i)
            QCOMPARE(countTokens(*admins[size_t(i)]), kInstances * kEach);
        QCOMPARE(m_database
                     ->scalar(u"SELECT count(*) FROM audit_events WHERE action = 'token.created'"_s)
                     .toInt(),
                 kInstances * kEach);
    }

    void killedInstanceLeavesTheOthersAnswering()
    {
        QVERIFY(startInstances(2));
        auto onA = signedIn(0);
        auto onB = signedIn(1);
        QVERIFY(onA && onB);
        const ApiReply kept = onA->createToken(u"kept"_s, u"read_only"_s);
        QCOMPARE(kept.status, 201);
        const QByteArray keptToken = kept.json().value(u"token"_s).toString().toLatin1();

        // Writes in flight on A when it is killed: what A acknowledged is
        // there, and nothing half-written is.
        QNetworkAccessManager network;
        QStringList acknowledged;
        int answered = 0;
        constexpr int kWrites = 40;
        for (int n = 0; n < kWrites; ++n) {
            QNetworkRequest request(instance(0).baseUrl().resolved(QUrl(u"/api/v1/tokens"_s)));
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
            request.setRawHeader("Authorization", "Bearer " + signedInSession(*onA));
            QNetworkReply *reply =
                network.post(request,
                             QJsonDocument(QJsonObject{{u"name"_s, u"in flight %1"_s.arg(n)},
                                                       {u"accessLevel"_s, u"read_only"_s}})
                                 .toJson());
            connect(reply, &QNetworkReply::finished, this, [&, reply] {
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201)
                    acknowledged.append(QJsonDocument::fromJson(reply->readAll())
                                            .object()
                                            .value(u"id"_s)
                                            .toString());
                ++answered;
                if (answered == kWrites / 4)
                    instance(0).kill(); // SIGKILL, mid-stream
                reply->deleteLater();
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(answered, kWrites, 60'000);
        QVERIFY(!acknowledged.isEmpty());

        ApiTestClient gateway(instance(1).baseUrl());
        QCOMPARE(verify(gateway, keptToken), 204);
        const ApiReply listed = onB->get(u"/api/v1/tokens?limit=1000"_s);
        QCOMPARE(listed.status, 200);
        QSet<QString> there;
        for (const QJsonValue &item : listed.json().value(u"items"_s).toArray())
            there.insert(item.toObject().value(u"id"_s).toString());
        for (const QString &id : std::as_const(acknowledged))
            QVERIFY2(there.contains(id), qPrintable(u"acknowledged but lost: "_s + id));
        // Each token that exists was written whole: with its audit event.
        QCOMPARE(m_database
                     ->scalar(u"SELECT count(*) FROM tokens t WHERE NOT EXISTS (SELECT 1 FROM "
                              "audit_events a WHERE a.token_id = t.id "
                              "AND a.action = 'token.created')"_s)
                     .toInt(),
                 0);
        QCOMPARE(onB->createToken(u"after the kill"_s, u"read_only"_s).status, 201);
    }

    void databaseOutageAndRecovery()
    {
        // A grace long enough for pg_ctlcluster to return well inside it on
        // a busy machine (the default, 5 s, is tst_server_cli's business).
        constexpr int kGraceSeconds = 10;
        QVERIFY(startInstances(2, {u"--cache-grace"_s, QString::number(kGraceSeconds)}));
        auto admin = signedIn(0);
        QVERIFY(admin);
        const ApiReply created = admin->createToken(u"cached"_s, u"read_only"_s);
        QCOMPARE(created.status, 201);
        const QByteArray cached = created.json().value(u"token"_s).toString().toLatin1();
        const ApiReply other = admin->createToken(u"never cached"_s, u"read_only"_s);
        QCOMPARE(other.status, 201);
        const QByteArray uncached = other.json().value(u"token"_s).toString().toLatin1();
        ApiTestClient onA(instance(0).baseUrl()), onB(instance(1).baseUrl());
        QTRY_VERIFY(caughtUp(0) && caughtUp(1));
        QCOMPARE(verify(onA, cached), 204);
        QCOMPARE(verify(onB, cached), 204);
        QCOMPARE(onA.get(u"/healthz"_s).status, 200);

        QElapsedTimer outage;
        outage.start();
        QCOMPARE(TestDatabase::controlCluster(u"stop"_s), QString());
        m_clusterStopped = true;
        // Not ready, with the reason, as soon as the probe notices.
        QTRY_COMPARE(onA.get(u"/healthz"_s).status, 503);
        QTRY_COMPARE(onB.get(u"/healthz"_s).status, 503);
        const ApiReply health = onB.get(u"/healthz"_s);
        QCOMPARE(health.status, 503);
        QCOMPARE(health.json().value(u"database"_s).toString(), u"unreachable"_s);
        QVERIFY(!health.json().value(u"reason"_s).toString().isEmpty());
        QVERIFY(!health.body.contains("5432") && !health.body.contains("localhost"));
        // Inside the grace a cached token still answers; what needs the
        // database is 503 with Retry-After, never 204 and never 401.
        QCOMPARE(verify(onA, cached), 204);
        QCOMPARE(verify(onB, cached), 204);
        QCOMPARE_PROBLEM(onA.get(u"/api/v1/verify"_s, {{"Authorization", "Basic " + uncached}}),
                         503);
        const ApiReply write = admin->createToken(u"during the outage"_s, u"read_only"_s);
        QCOMPARE_PROBLEM(write, 503);
        QVERIFY(!write.header("Retry-After").isEmpty());
        // A client's mistake is still a client's mistake.
        QCOMPARE(verify(onA, "not-a-token"_ba), 401);
        // Past the grace, the cache no longer vouches for anything.
        QTRY_COMPARE_WITH_TIMEOUT(verify(onA, cached), 503, 60'000);
        QVERIFY(outage.elapsed() >= kGraceSeconds * 1000);
        QTRY_COMPARE(verify(onB, cached), 503);
        QCOMPARE_PROBLEM(onB.get(u"/api/v1/verify"_s, {{"Authorization", "Basic " + cached}}), 503);

        QCOMPARE(TestDatabase::controlCluster(u"start"_s), QString());
        m_clusterStopped = false;
        // Every instance recovers by itself, and nothing was lost.
        QTRY_COMPARE_WITH_TIMEOUT(onA.get(u"/healthz"_s).status, 200, 30'000);
        QTRY_COMPARE_WITH_TIMEOUT(onB.get(u"/healthz"_s).status, 200, 30'000);
        QCOMPARE(verify(onA, cached), 204);
        QCOMPARE(verify(onB, uncached), 204);
        const ApiReply after = admin->createToken(u"after the outage"_s, u"read_only"_s);
        QVERIFY2(after.status == 201, after.describe().constData());
        QCOMPARE(countTokens(*admin), 3);
        QVERIFY(instance(0).log().contains("lost contact with the database"));
        QVERIFY(instance(0).log().contains("reachable again"));
    }

    void sessionsThrottleAndLastUseAcrossInstances()
    {
        QVERIFY(startInstances(2));
        // Signed in on A, the session works on B.
        ApiTestClient onA(instance(0).baseUrl());
        QVERIFY(onA.signIn(kAdmin, kPassword));
        ApiTestClient onB(instance(1).baseUrl());
        onB.setBearer(signedInSession(onA));
        QCOMPARE(onB.get(u"/api/v1/tokens"_s).status, 200);
        // Signed out on B, it is gone on A too.
        QCOMPARE(onB.del(u"/api/v1/sessions/current"_s).status, 204);
        QCOMPARE(onA.get(u"/api/v1/tokens"_s).status, 401);

        // Last use: the latest, whichever instance saw it.
        QVERIFY(onA.signIn(kAdmin, kPassword));
        const ApiReply created = onA.createToken(u"used"_s, u"read_only"_s);
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(u"id"_s).toString();
        ApiTestClient gatewayB(instance(1).baseUrl());
        QCOMPARE(verify(gatewayB, created.json().value(u"token"_s).toString().toLatin1()), 204);
        QTRY_VERIFY(
            !onA.get(u"/api/v1/tokens/"_s + id).json().value(u"lastUsedAt"_s).toString().isEmpty());
        QCOMPARE(onA.get(u"/api/v1/tokens/"_s + id).json().value(u"lastUsedIp"_s).toString(),
                 u"127.0.0.1"_s);

        // Failed sign-ins count on every instance: three on A, two on B,
        // and the next attempt is throttled on both.
        const QJsonObject wrong{{u"username"_s, kAdmin}, {u"password"_s, u"wrong password!"_s}};
        ApiTestClient guessA(instance(0).baseUrl()), guessB(instance(1).baseUrl());
        for (int i = 0; i < 3; ++i)
            QCOMPARE(guessA.post(u"/api/v1/sessions"_s, wrong).status, 401);
        for (int i = 0; i < 2; ++i)
            QCOMPARE(guessB.post(u"/api/v1/sessions"_s, wrong).status, 401);
        const ApiReply throttledA = guessA.post(u"/api/v1/sessions"_s, wrong);
        QCOMPARE_PROBLEM(throttledA, 429);
        QVERIFY(!throttledA.header("Retry-After").isEmpty());
        QCOMPARE_PROBLEM(guessB.post(u"/api/v1/sessions"_s,
                                     {{u"username"_s, kAdmin}, {u"password"_s, kPassword}}),
                         429);
    }

    void anotherMasterKeyIsRefused()
    {
        QVERIFY(startInstances(1));
        // An instance with a key of its own (its data directory's): refused
        // before it answers anything, with a message that says why.
        QTemporaryDir own;
        QProcess stray;
        stray.start(
            ServerProcess::binaryPath(),
            QStringList{u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, own.path()}
                + m_database->databaseArguments());
        QVERIFY(stray.waitForFinished(30'000));
        QCOMPARE(stray.exitCode(), 1);
        const QByteArray err = stray.readAllStandardError();
        QVERIFY2(err.contains("master key") && err.contains("--key-file"), err.constData());
        QVERIFY(stray.readAllStandardOutput().isEmpty()); // no ready line
        QVERIFY(!err.contains(qgetenv("PGPASSWORD")));
    }

private:
    static QByteArray signedInSession(ApiTestClient &client) { return client.bearer(); }
};

QTEST_GUILESS_MAIN(TestServerInstances)
#include "tst_server_instances.moc"
