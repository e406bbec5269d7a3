// Moving from SQLite to PostgreSQL (docs/deploy.md): a server on SQLite is
// used the way administrators and integrations use it, then
// `apiaccess-server migrate` copies it into an empty PostgreSQL database,
// and the Studio's client (ApiClient) works against a server on the copy:
// the same tokens, the same secrets (copied sealed, opened with the same
// key), the same answers to integrations, the audit trail, and every kind
// of change afterwards. Runs under tests/support/with-postgres only.
#include "ApiTestClient.h"
#include "ServerProcess.h"
#include "WaitForCall.h"
#include "api/ApiClient.h"

#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace ApiAccess;
using namespace ApiAccess::Testing;

namespace {

const QString kAdmin = u"frida"_s;
const QString kPassword = u"migration-test-password"_s;

struct Migrated
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Migrated migrate(const QString &fromDataDir, const QString &url)
{
    QProcess process; // PGPASSWORD comes from with-postgres's environment
    process.start(ServerProcess::binaryPath(),
                  {u"migrate"_s, u"--from-data-dir"_s, fromDataDir, u"--to"_s, url});
    Migrated result;
    if (!process.waitForFinished(120'000))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QStringList trail(const TestDatabase &database)
{
    QStringList events;
    for (const QVariantList &row :
         database.rows(u"SELECT at, action, actor, coalesce(token_id, '') FROM audit_events "
                       "ORDER BY id"_s)) {
        QStringList fields;
        for (const QVariant &field : row)
            fields.append(field.toString());
        events.append(fields.join(u' '));
    }
    return events;
}

int verify(ApiTestClient &gateway, const QByteArray &token)
{
    gateway.setBasic(token);
    return gateway.get(u"/api/v1/verify"_s).status;
}

} // namespace

class TestMigratedServer : public QObject
{
    Q_OBJECT

    // The SQLite installation: its own data directory and database.
    QTemporaryDir m_sqliteDir;
    // What the SQLite server answered, to compare the migrated one with.
    QList<QJsonObject> m_tokensBefore;
    QMap<QString, QByteArray> m_secrets; // id -> the token string (base64 id:secret)
    QMap<QString, int> m_verifyBefore; // id -> what /api/v1/verify answered
    QByteArray m_rotatedAway; // the secret before a rotation with grace
    int m_auditBefore = 0;
    QStringList m_trailBefore; // "action actor token", oldest first

    std::unique_ptr<TestDatabase> m_postgres;
    std::unique_ptr<ServerProcess> m_migrated;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(TestDatabase::backendUnderTest() == TestDatabase::Backend::Postgres,
                 "migrate needs PostgreSQL: run under tests/support/with-postgres");
        QVERIFY(m_sqliteDir.isValid());
    }

    void useTheSqliteServer()
    {
        // An SQLite server, as scripts/run and one-machine installations have.
        qputenv("APIACCESS_TEST_BACKEND", "sqlite");
        ServerProcess sqlite;
        qputenv("APIACCESS_TEST_BACKEND", "postgresql");
        QVERIFY(!sqlite.database().isPostgres());
        QVERIFY(sqlite.addAdmin(kAdmin, kPassword));
        QVERIFY(sqlite.addAdmin(u"gus"_s, u"a second admin password"_s));
        QVERIFY2(sqlite.start(), qPrintable(sqlite.errorString()));
        ApiTestClient admin(sqlite.baseUrl());
        QVERIFY(admin.signIn(kAdmin, kPassword));
        ApiTestClient gateway(sqlite.baseUrl());

        const auto create = [&](const QJsonObject &body) {
            const ApiReply reply = admin.post(u"/api/v1/tokens"_s, body);
            if (reply.status != 201)
                qWarning("create: %s", reply.describe().constData());
            const QString id = reply.json().value(u"id"_s).toString();
            m_secrets.insert(id, reply.json().value(u"token"_s).toString().toLatin1());
            return id;
        };
        for (int i = 0; i < 12; ++i) {
            create({{u"name"_s, u"Integration %1 — Überweisungen"_s.arg(i)},
                    {u"accessLevel"_s,
                     QJsonArray{u"restricted_read_only"_s, u"read_only"_s, u"editorial"_s,
                                u"administrative"_s}[i % 4]},
                    {u"allowedIpRanges"_s,
                     i % 3 == 0 ? QJsonArray{u"127.0.0.1"_s, u"2001:db8::/32"_s} : QJsonArray{}}});
        }
        const QString office = create({{u"name"_s, u"Office only"_s},
                                       {u"accessLevel"_s, u"read_only"_s},
                                       {u"allowedIpRanges"_s, QJsonArray{u"192.0.2.0/24"_s}}});
        const QString disabled =
            create({{u"name"_s, u"Disabled"_s}, {u"accessLevel"_s, u"read_only"_s}});
        QCOMPARE(admin.patch(u"/api/v1/tokens/"_s + disabled, {{u"enabled"_s, false}}).status, 200);
        const QString rotated =
            create({{u"name"_s, u"Rotated"_s}, {u"accessLevel"_s, u"editorial"_s}});
        m_rotatedAway = m_secrets.value(rotated);
        const ApiReply rotation = admin.post(u"/api/v1/tokens/"_s + rotated + u"/rotate"_s,
                                             {{u"previousSecretValidForSeconds"_s, 86400}});
        QCOMPARE(rotation.status, 200);
        m_secrets[rotated] = rotation.json().value(u"token"_s).toString().toLatin1();
        const QString deleted =
            create({{u"name"_s, u"Deleted"_s}, {u"accessLevel"_s, u"read_only"_s}});
        QCOMPARE(admin.del(u"/api/v1/tokens/"_s + deleted).status, 204);
        m_secrets.remove(deleted);
        Q_UNUSED(office);

        // Integrations have used them: last use is part of what moves.
        for (auto it = m_secrets.cbegin(); it != m_secrets.cend(); ++it)
            m_verifyBefore.insert(it.key(), verify(gateway, it.value()));
        QCOMPARE(m_verifyBefore.value(office), 403);
        QCOMPARE(m_verifyBefore.value(disabled), 401);
        QCOMPARE(verify(gateway, m_rotatedAway), 204);
        QCOMPARE(sqlite.stop(), 0); // flushes the last use

        // Secrets as the Studio copies them, straight from the SQLite file's server.
        QVERIFY2(sqlite.start(), qPrintable(sqlite.errorString()));
        ApiTestClient again(sqlite.baseUrl());
        QVERIFY(again.signIn(kAdmin, kPassword));
        const ApiReply list = again.get(u"/api/v1/tokens?limit=1000"_s);
        QCOMPARE(list.status, 200);
        for (const QJsonValue &item : list.json().value(u"items"_s).toArray())
            m_tokensBefore.append(item.toObject());
        QCOMPARE(m_tokensBefore.size(), 15);
        m_trailBefore = trail(sqlite.database());
        m_auditBefore = int(m_trailBefore.size());
        QVERIFY(m_auditBefore > 20);
        QCOMPARE(sqlite.stop(), 0);
        // Keep its data directory: the test's own copy outlives the process.
        QVERIFY(
            QProcess::execute(u"cp"_s, {u"-a"_s, sqlite.dataDir() + u"/."_s, m_sqliteDir.path()})
            == 0);
    }

    void migrateCopiesEverythingOnce()
    {
        m_postgres = std::make_unique<TestDatabase>();
        QVERIFY2(m_postgres->isValid(), qPrintable(m_postgres->errorString()));
        const Migrated first = migrate(m_sqliteDir.path(), m_postgres->url());
        QVERIFY2(first.exitCode == 0, first.err.constData());
        QVERIFY2(first.out.contains("2 admins") && first.out.contains("15 tokens")
                     && first.out.contains(
                         QByteArray(QByteArray::number(m_auditBefore) + " audit_events")),
                 first.out.constData());
        QVERIFY2(first.out.contains("--key-file"), first.out.constData());
        QVERIFY(!first.out.contains(qgetenv("PGPASSWORD")));

        // A second run finds the target in use and changes nothing.
        const Migrated second = migrate(m_sqliteDir.path(), m_postgres->url());
        QCOMPARE(second.exitCode, 1);
        QVERIFY2(second.err.contains("not empty"), second.err.constData());
        QCOMPARE(m_postgres->scalar(u"SELECT count(*) FROM tokens"_s).toInt(), 15);
        QCOMPARE(m_postgres->scalar(u"SELECT count(*) FROM audit_events"_s).toInt(), m_auditBefore);
    }

    void anotherKeyIsRefused()
    {
        // The copied key check refuses an instance that could not open the secrets.
        QTemporaryDir stray;
        QProcess serve;
        serve.start(
            ServerProcess::binaryPath(),
            QStringList{u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, stray.path()}
                + m_postgres->databaseArguments());
        QVERIFY(serve.waitForFinished(60'000));
        QCOMPARE(serve.exitCode(), 1);
        QVERIFY(serve.readAllStandardError().contains("master key"));
    }

    void theStudioWorksOnTheCopy()
    {
        // The PostgreSQL server, started with the SQLite installation's key.
        m_migrated = std::make_unique<ServerProcess>(*m_postgres);
        QVERIFY2(m_migrated->start({u"--key-file"_s, m_sqliteDir.filePath(u"master.key"_s)}),
                 qPrintable(m_migrated->errorString()));

        ApiClient client;
        client.setServerUrl(m_migrated->baseUrl());
        const auto session = waitForCall<Session>(
            [&](QObject *context, auto done) { client.signIn(kAdmin, kPassword, context, done); });
        QVERIFY(session && session->ok());

        // The list, as the Studio's table shows it: the same tokens, fields and order.
        const auto listed = waitForCall<TokenList>(
            [&](QObject *context, auto done) { client.listAllTokens(context, done); });
        QVERIFY(listed && listed->ok());
        QCOMPARE(listed->value().tokens.size(), m_tokensBefore.size());
        for (int i = 0; i < m_tokensBefore.size(); ++i) {
            const Token &token = listed->value().tokens.at(i);
            const QJsonObject &before = m_tokensBefore.at(i);
            QCOMPARE(token.id, before.value(u"id"_s).toString());
            QCOMPARE(token.name, before.value(u"name"_s).toString());
            QCOMPARE(QJsonObject(token.toJson()), before);
        }

        // Copying a secret opens it with the same key: the same token string.
        for (auto it = m_secrets.cbegin(); it != m_secrets.cend(); ++it) {
            const auto secret = waitForCall<QByteArray>(
                [&](QObject *context, auto done) { client.fetchSecret(it.key(), context, done); });
            QVERIFY(secret && secret->ok());
            QCOMPARE(secret->value(), it.value());
        }

        // Integrations get the same answers, the rotated-away secret within its grace too.
        ApiTestClient gateway(m_migrated->baseUrl());
        for (auto it = m_verifyBefore.cbegin(); it != m_verifyBefore.cend(); ++it)
            QCOMPARE(verify(gateway, m_secrets.value(it.key())), it.value());
        QCOMPARE(verify(gateway, m_rotatedAway), 204);

        // Every change the Studio makes works on the copy.
        TokenCreateInput input;
        input.name = u"Created after the move"_s;
        input.accessLevel = AccessLevel::Editorial;
        const auto created = waitForCall<TokenWithTag>(
            [&](QObject *context, auto done) { client.createToken(input, context, done); });
        QVERIFY(created && created->ok());
        const QString firstId = m_tokensBefore.first().value(u"id"_s).toString();
        const auto current = waitForCall<TokenWithTag>(
            [&](QObject *context, auto done) { client.getToken(firstId, context, done); });
        QVERIFY(current && current->ok());
        TokenUpdateInput rename;
        rename.name = u"Renamed after the move"_s;
        const auto renamed = waitForCall<TokenWithTag>([&](QObject *context, auto done) {
            client.updateToken(firstId, rename, current->value().etag, context, done);
        });
        QVERIFY(renamed && renamed->ok());
        QCOMPARE(renamed->value().token.name, rename.name.value());
        const auto rotatedNow = waitForCall<TokenWithTag>([&](QObject *context, auto done) {
            client.rotateToken(firstId, std::nullopt, renamed->value().etag, context, done);
        });
        QVERIFY(rotatedNow && rotatedNow->ok());
        QCOMPARE(verify(gateway, m_secrets.value(firstId)), 401); // rotated away at once
        const auto removed = waitForCall<bool>(
            [&](QObject *context, auto done) { client.deleteToken(firstId, context, done); });
        QVERIFY(removed && removed->ok());

        // The trail continues where it was: the old events, then the new ones.
        QVERIFY(m_postgres->scalar(u"SELECT count(*) FROM audit_events"_s).toInt() > m_auditBefore);
        QCOMPARE(trail(*m_postgres).mid(0, m_auditBefore), m_trailBefore);
        // The second admin moved too.
        ApiTestClient second(m_migrated->baseUrl());
        QVERIFY(second.signIn(u"gus"_s, u"a second admin password"_s));
    }

    void cleanupTestCase()
    {
        m_migrated.reset();
        m_postgres.reset();
    }
};

QTEST_GUILESS_MAIN(TestMigratedServer)
#include "tst_migrated_server.moc"
