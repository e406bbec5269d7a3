// What the real apiaccess-server keeps: across restarts and kill -9, under
// concurrent writers, and what it must never keep or log (secrets).

#include "ApiTestClient.h"
#include "ServerProcess.h"
#include "token/TokenFormat.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTest>
#include <QUrlQuery>

#include <functional>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using ApiAccess::Testing::ApiReply;
using ApiAccess::Testing::ApiTestClient;
using ApiAccess::Testing::ServerProcess;

namespace {

const QString kAdmin = u"operator"_s;
const QString kPassword = u"a long and private passphrase"_s;

struct Created
{
    QString id;
    QByteArray token; // base64(id ":" secret)
};

// POST /api/v1/tokens; an empty id when the answer was not a 201 with a token.
Created create(ApiTestClient &client, const QString &name, const QString &level = u"editorial"_s)
{
    const ApiReply reply = client.createToken(name, level);
    if (reply.status != 201)
        return {};
    return {reply.json().value(u"id"_s).toString(),
            reply.json().value(u"token"_s).toString().toLatin1()};
}

// Signs in and returns the session token (empty on failure).
QByteArray signIn(ApiTestClient &client)
{
    client.clearAuthorization();
    const ApiReply reply = client.post(
        u"/api/v1/sessions"_s, QJsonObject{{u"username"_s, kAdmin}, {u"password"_s, kPassword}});
    const QByteArray session = reply.json().value(u"sessionToken"_s).toString().toLatin1();
    client.setBearer(session);
    return reply.status == 201 ? session : QByteArray();
}

// GET /api/v1/verify with the token as Basic credentials: the status, and
// X-Token-Id in `tokenId`.
int verify(const QUrl &base, const QByteArray &token, QByteArray *tokenId = nullptr)
{
    ApiTestClient gateway(base);
    gateway.setBasic(token);
    const ApiReply reply = gateway.get(u"/api/v1/verify"_s);
    if (tokenId)
        *tokenId = reply.header("X-Token-Id");
    return reply.status;
}

// Every id the list finds, page by page; `ok` false if a page failed.
QStringList listAllIds(ApiTestClient &client, int limit, bool *ok)
{
    QStringList ids;
    QString cursor;
    *ok = false;
    for (int page = 0; page < 10'000; ++page) {
        QUrlQuery query;
        query.addQueryItem(u"limit"_s, QString::number(limit));
        if (!cursor.isEmpty())
            query.addQueryItem(u"cursor"_s, cursor);
        const ApiReply reply =
            client.get(u"/api/v1/tokens?"_s + query.toString(QUrl::FullyEncoded));
        if (reply.status != 200)
            return ids;
        const QJsonArray items = reply.json().value(u"items"_s).toArray();
        if (items.size() > limit)
            return ids;
        for (const auto &item : items)
            ids.append(item.toObject().value(u"id"_s).toString());
        const auto next = reply.json().value(u"nextCursor"_s);
        if (next.isNull()) {
            *ok = true;
            return ids;
        }
        cursor = next.toString();
        if (cursor.isEmpty())
            return ids;
    }
    return ids;
}

QByteArray secretOf(const QByteArray &token)
{
    const auto decoded = ApiAccess::TokenFormat::decode(token);
    return decoded ? decoded.value().secret : QByteArray();
}

// Names of the needles found in `haystack`.
QStringList leaks(const QByteArray &haystack, const QList<QPair<QString, QByteArray>> &needles)
{
    QStringList found;
    for (const auto &[name, needle] : needles) {
        if (haystack.contains(needle))
            found.append(name);
    }
    return found;
}

} // namespace

class TestServerDurability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void restartKeepsEverything();
    void killNineLosesNoAcknowledgedWrite();
    void concurrentCreatesAreAllKept();
    void noSecretAtRestOrInTheLog();
};

void TestServerDurability::restartKeepsEverything()
{
    ServerProcess server;
    QVERIFY(server.addAdmin(kAdmin, kPassword));
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    ApiTestClient admin(server.baseUrl());
    const QByteArray session = signIn(admin);
    QVERIFY(!session.isEmpty());
    const Created editorial = create(admin, u"CMS editorial"_s);
    const Created readOnly = create(admin, u"Read-only feed"_s, u"read_only"_s);
    QVERIFY(!editorial.id.isEmpty() && !readOnly.id.isEmpty());
    QVERIFY(admin.patch(u"/api/v1/tokens/"_s + readOnly.id, {{u"enabled"_s, false}}).status == 200);
    QCOMPARE(verify(server.baseUrl(), editorial.token), 204);
    QCOMPARE(server.stop(), 0);

    QVERIFY2(server.start(), qPrintable(server.errorString()));
    const QUrl base = server.baseUrl();
    ApiTestClient resumed(base);
    resumed.setBearer(session); // the session survives the restart
    const ApiReply list = resumed.get(u"/api/v1/tokens"_s);
    QVERIFY2(list.status == 200, list.describe().constData());
    QCOMPARE(list.json().value(u"items"_s).toArray().size(), 2);

    const ApiReply secret = resumed.get(u"/api/v1/tokens/"_s + editorial.id + u"/secret"_s);
    QVERIFY2(secret.status == 200, secret.describe().constData());
    QCOMPARE(secret.json().value(u"token"_s).toString().toLatin1(), editorial.token);
    const ApiReply disabledSecret = resumed.get(u"/api/v1/tokens/"_s + readOnly.id + u"/secret"_s);
    QCOMPARE(disabledSecret.json().value(u"token"_s).toString().toLatin1(), readOnly.token);

    QByteArray tokenId;
    QCOMPARE(verify(base, editorial.token, &tokenId), 204);
    QCOMPARE(tokenId, editorial.id.toLatin1());
    const ApiReply disabled = resumed.get(u"/api/v1/tokens/"_s + readOnly.id);
    QCOMPARE(disabled.json().value(u"status"_s).toString(), u"disabled"_s);
    QCOMPARE(verify(base, readOnly.token), 401);

    ApiTestClient fresh(base);
    QVERIFY2(!signIn(fresh).isEmpty(), "the admin account did not survive the restart");
}

void TestServerDurability::killNineLosesNoAcknowledgedWrite()
{
    ServerProcess server;
    QVERIFY(server.addAdmin(kAdmin, kPassword));
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    ApiTestClient admin(server.baseUrl());
    QVERIFY(!signIn(admin).isEmpty());

    const Created rotated = create(admin, u"rotated before the crash"_s);
    QVERIFY(!rotated.id.isEmpty());
    const ApiReply rotation = admin.post(u"/api/v1/tokens/"_s + rotated.id + u"/rotate"_s, {});
    QVERIFY2(rotation.status == 200, rotation.describe().constData());
    const QByteArray newSecret = rotation.json().value(u"token"_s).toString().toLatin1();
    const Created last = create(admin, u"created just before the crash"_s);
    QVERIFY(!last.id.isEmpty());
    server.kill(); // SIGKILL right after the 201

    QVERIFY2(server.start(), qPrintable(server.errorString()));
    ApiTestClient after(server.baseUrl());
    QVERIFY(!signIn(after).isEmpty());
    const ApiReply found = after.get(u"/api/v1/tokens/"_s + last.id);
    QVERIFY2(found.status == 200, found.describe().constData());
    QCOMPARE(found.json().value(u"name"_s).toString(), u"created just before the crash"_s);
    QCOMPARE(verify(server.baseUrl(), last.token), 204);
    QCOMPARE(verify(server.baseUrl(), newSecret), 204);
    QCOMPARE(verify(server.baseUrl(), rotated.token), 401); // rotated away, no grace
}

void TestServerDurability::concurrentCreatesAreAllKept()
{
    constexpr int kClients = 8;
    constexpr int kCreatesEach = 200;
    ServerProcess server;
    QVERIFY(server.addAdmin(kAdmin, kPassword));
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    const QUrl base = server.baseUrl();
    ApiTestClient admin(base);
    const QByteArray session = signIn(admin);
    QVERIFY(!session.isEmpty());

    // Eight clients, each its own connection manager with one request in
    // flight at a time, all started at once: eight concurrent requests.
    struct Outcome
    {
        QStringList ids;
        QByteArrayList failures;
    };
    std::vector<Outcome> outcomes(kClients);
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    int answered = 0;
    std::function<void(int, int)> fire = [&](int c, int i) {
        QNetworkRequest request(base.resolved(QUrl(u"/api/v1/tokens"_s)));
        request.setRawHeader("Authorization", "Bearer " + session);
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        request.setTransferTimeout(60'000);
        const QJsonObject body{{u"name"_s, u"client %1 token %2"_s.arg(c).arg(i)},
                               {u"accessLevel"_s, u"read_only"_s}};
        QNetworkReply *reply = managers[size_t(c)]->post(request, QJsonDocument(body).toJson());
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, c, i, reply] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray answer = reply->readAll();
            if (status == 201)
                outcomes[size_t(c)].ids.append(
                    QJsonDocument::fromJson(answer).object().value(u"id"_s).toString());
            else
                outcomes[size_t(c)].failures.append(QByteArray::number(status) + ' '
                                                    + reply->errorString().toUtf8() + ' ' + answer);
            reply->deleteLater();
            ++answered;
            if (i + 1 < kCreatesEach)
                fire(c, i + 1);
        });
    };
    for (int c = 0; c < kClients; ++c)
        managers.push_back(std::make_unique<QNetworkAccessManager>());
    QElapsedTimer clock;
    clock.start();
    for (int c = 0; c < kClients; ++c)
        fire(c, 0);
    QTRY_COMPARE_WITH_TIMEOUT(answered, kClients * kCreatesEach, 120'000);
    qInfo("%d creates by %d clients took %lld ms", kClients * kCreatesEach, kClients,
          clock.elapsed());

    QSet<QString> created;
    for (const Outcome &outcome : outcomes) {
        QVERIFY2(outcome.failures.isEmpty(), outcome.failures.join("\n").left(2000).constData());
        QCOMPARE(outcome.ids.size(), kCreatesEach);
        for (const QString &id : outcome.ids)
            created.insert(id);
    }
    QCOMPARE(created.size(), kClients * kCreatesEach); // all ids distinct

    bool ok = false;
    const QStringList listed = listAllIds(admin, 1000, &ok);
    QVERIFY2(ok, "paging through the list failed");
    QCOMPARE(listed.size(), kClients * kCreatesEach);
    QCOMPARE(QSet<QString>(listed.begin(), listed.end()), created);

    // Smaller pages find the same, each token once.
    const QStringList paged = listAllIds(admin, 97, &ok);
    QVERIFY2(ok, "paging through the list failed");
    QCOMPARE(paged.size(), kClients * kCreatesEach);
    QCOMPARE(QSet<QString>(paged.begin(), paged.end()), created);
}

void TestServerDurability::noSecretAtRestOrInTheLog()
{
    ServerProcess server;
    QVERIFY(server.addAdmin(kAdmin, kPassword));
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    const QUrl base = server.baseUrl();
    ApiTestClient admin(base);
    const QByteArray session = signIn(admin);
    QVERIFY(!session.isEmpty());

    QList<QByteArray> tokens;
    const Created adminToken = create(admin, u"automation"_s, u"administrative"_s);
    const Created gatewayToken = create(admin, u"gateway"_s);
    QVERIFY(!adminToken.id.isEmpty() && !gatewayToken.id.isEmpty());
    tokens << adminToken.token << gatewayToken.token;
    const ApiReply rotation = admin.post(u"/api/v1/tokens/"_s + gatewayToken.id + u"/rotate"_s,
                                         {{u"previousSecretValidForSeconds"_s, 3600}});
    QVERIFY2(rotation.status == 200, rotation.describe().constData());
    tokens << rotation.json().value(u"token"_s).toString().toLatin1();
    QCOMPARE(admin.get(u"/api/v1/tokens/"_s + adminToken.id + u"/secret"_s).status, 200);

    // Use every credential the ways an integration would, good and bad.
    for (const QByteArray &token : tokens)
        QCOMPARE(verify(base, token), 204);
    ApiTestClient automation(base);
    automation.setBasic(adminToken.token);
    QCOMPARE(automation.get(u"/api/v1/tokens"_s).status, 200);
    QCOMPARE(automation.get(u"/api/v1/token"_s).status, 200);
    QByteArray wrong = tokens.last();
    wrong[wrong.size() / 2] = wrong[wrong.size() / 2] == 'A' ? 'B' : 'A';
    QCOMPARE(verify(base, wrong), 401);
    admin.setBearer(session + "x");
    QCOMPARE(admin.get(u"/api/v1/tokens"_s).status, 401);

    QList<QPair<QString, QByteArray>> needles{{u"session token"_s, session},
                                              {u"admin password"_s, kPassword.toUtf8()}};
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const QByteArray secret = secretOf(tokens[i]);
        QVERIFY(secret.startsWith("aas_"));
        needles.append({u"token %1"_s.arg(i), tokens[i]});
        needles.append({u"secret %1"_s.arg(i), secret});
    }

    const auto checkDataDir = [&](const char *when) {
        qint64 bytes = 0;
        QStringList files;
        QDirIterator it(server.dataDir(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (!file.open(QIODevice::ReadOnly))
                return QStringList{u"cannot read "_s + file.fileName()};
            const QByteArray content = file.readAll();
            bytes += content.size();
            files.append(it.fileName());
            const QStringList found = leaks(content, needles);
            if (!found.isEmpty())
                return QStringList{u"%1 in %2 (%3)"_s.arg(found.join(u", "_s), it.fileName(),
                                                          QLatin1StringView(when))};
        }
        if (server.database().isPostgres()) {
            // The database is elsewhere: its dump is what a backup holds,
            // with bytea in hex.
            const QByteArray dump = server.database().contents();
            if (dump.isEmpty())
                return QStringList{server.database().lastError()};
            QList<QPair<QString, QByteArray>> hexNeedles = needles;
            for (const auto &[what, needle] : needles)
                hexNeedles.append({what + u" (hex)"_s, needle.toHex()});
            const QStringList found = leaks(dump, hexNeedles);
            if (!found.isEmpty())
                return QStringList{
                    u"%1 in the database (%2)"_s.arg(found.join(u", "_s), QLatin1StringView(when))};
            if (!dump.contains(adminToken.id.toUtf8()) || !dump.contains("\\x"))
                return QStringList{u"the dump holds no token: nothing was searched"_s};
            return QStringList{};
        }
        if (!files.contains(u"apiaccess.sqlite3"_s) || bytes == 0)
            return QStringList{u"no database in the data directory: "_s + files.join(u", "_s)};
        return QStringList{};
    };
    const QStringList running = checkDataDir("while running");
    QVERIFY2(running.isEmpty(), qPrintable(running.join(u"; "_s)));
    QCOMPARE(server.stop(), 0);
    const QStringList stopped = checkDataDir("after stopping");
    QVERIFY2(stopped.isEmpty(), qPrintable(stopped.join(u"; "_s)));

    const QByteArray log = server.log();
    QVERIFY2(log.contains("route=/api/v1/verify")
                 && log.contains("route=/api/v1/tokens/{id}/rotate"),
             log.left(2000).constData());
    QVERIFY2(leaks(log, needles).isEmpty(),
             qPrintable(u"in the log: "_s + leaks(log, needles).join(u", "_s)));
    QVERIFY2(!log.toLower().contains("authorization"), log.left(4000).constData());
}

QTEST_GUILESS_MAIN(TestServerDurability)
#include "tst_server_durability.moc"
