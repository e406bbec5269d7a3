// Backup and restore as docs/deploy.md tells administrators to do them, on
// the backend under test: `sqlite3 .backup` of a running SQLite server, or
// `pg_dump --format=custom` of a running PostgreSQL one and `pg_restore`
// into an empty database. The restored server answers exactly as the
// server did at the moment of the backup: the same tokens, the same
// secrets (with the same master key), the same answers to integrations.
#include "ApiTestClient.h"
#include "ServerProcess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ApiAccess::Testing;

namespace {

const QString kAdmin = u"hana"_s;
const QString kPassword = u"backup-test-password"_s;

// Runs a tool; its standard error when it failed, else empty.
QString run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(120'000))
        return program + u": did not finish: "_s + process.errorString();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return program + u": "_s + QString::fromLocal8Bit(process.readAllStandardError());
    return {};
}

struct Snapshot
{
    QList<QJsonObject> tokens;
    QMap<QString, QByteArray> secrets; // id -> what "copy" gives

    bool operator==(const Snapshot &) const = default;
};

Snapshot snapshot(ApiTestClient &admin)
{
    Snapshot taken;
    for (const QJsonValue &item :
         admin.get(u"/api/v1/tokens?limit=1000"_s).json().value(u"items"_s).toArray()) {
        const QJsonObject token = item.toObject();
        taken.tokens.append(token);
        const QString id = token.value(u"id"_s).toString();
        taken.secrets.insert(id,
                             admin.get(u"/api/v1/tokens/"_s + id + u"/secret"_s)
                                 .json()
                                 .value(u"token"_s)
                                 .toString()
                                 .toLatin1());
    }
    return taken;
}

} // namespace

class TestServerBackup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void restoredServerAnswersAsAtTheBackup()
    {
        ServerProcess server;
        QVERIFY(server.addAdmin(kAdmin, kPassword));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        ApiTestClient admin(server.baseUrl());
        QVERIFY(admin.signIn(kAdmin, kPassword));
        for (int i = 0; i < 6; ++i)
            QCOMPARE(
                admin.createToken(u"Service %1"_s.arg(i), u"read_only"_s, {u"127.0.0.1"_s}).status,
                201);
        const QString rotated = admin.get(u"/api/v1/tokens?limit=1"_s)
                                    .json()
                                    .value(u"items"_s)
                                    .toArray()
                                    .first()
                                    .toObject()
                                    .value(u"id"_s)
                                    .toString();
        QCOMPARE(admin.post(u"/api/v1/tokens/"_s + rotated + u"/rotate"_s, {}).status, 200);
        const Snapshot atBackup = snapshot(admin);
        QCOMPARE(atBackup.tokens.size(), 6);
        QVERIFY(!atBackup.secrets.value(rotated).isEmpty());

        // The backup, taken while the server runs.
        QTemporaryDir backup;
        TestDatabase &database = server.database();
        const QString sqliteFile = QDir(server.dataDir()).filePath(u"apiaccess.sqlite3"_s);
        const QString copy =
            backup.filePath(database.isPostgres() ? u"apiaccess.dump"_s : u"apiaccess.sqlite3"_s);
        if (database.isPostgres())
            QCOMPARE(
                run(u"pg_dump"_s,
                    {u"--format=custom"_s, u"--file="_s + copy, u"--dbname="_s + database.url()}),
                QString());
        else
            QCOMPARE(run(u"sqlite3"_s, {sqliteFile, u".backup '%1'"_s.arg(copy)}), QString());

        // Life goes on after the backup: this one must not come back.
        QCOMPARE(admin.createToken(u"After the backup"_s, u"read_only"_s).status, 201);
        QCOMPARE(server.stop(), 0);

        // The restore.
        std::unique_ptr<TestDatabase> restoredDatabase;
        std::unique_ptr<ServerProcess> restored;
        const QString keyFile = QDir(server.dataDir()).filePath(u"master.key"_s);
        if (database.isPostgres()) {
            restoredDatabase = std::make_unique<TestDatabase>(); // empty, as after createdb
            QCOMPARE(run(u"pg_restore"_s,
                         {u"--no-owner"_s, u"--dbname="_s + restoredDatabase->url(), copy}),
                     QString());
            restored = std::make_unique<ServerProcess>(*restoredDatabase);
            QVERIFY2(restored->start({u"--key-file"_s, keyFile}),
                     qPrintable(restored->errorString()));
        } else {
            for (const QString &suffix : {u"-wal"_s, u"-shm"_s})
                QFile::remove(sqliteFile + suffix);
            QFile::remove(sqliteFile);
            QVERIFY(QFile::copy(copy, sqliteFile));
            QVERIFY(QFile::setPermissions(sqliteFile, QFile::ReadOwner | QFile::WriteOwner));
            QVERIFY2(server.start(), qPrintable(server.errorString()));
        }
        ServerProcess &answering = restored ? *restored : server;
        ApiTestClient again(answering.baseUrl());
        QVERIFY(again.signIn(kAdmin, kPassword));
        const Snapshot afterRestore = snapshot(again);
        QCOMPARE(afterRestore.tokens.size(), atBackup.tokens.size());
        QCOMPARE(afterRestore.tokens, atBackup.tokens);
        QVERIFY(afterRestore.secrets == atBackup.secrets);
        ApiTestClient gateway(answering.baseUrl());
        for (const QByteArray &token : atBackup.secrets) {
            gateway.setBasic(token);
            QCOMPARE(gateway.get(u"/api/v1/verify"_s).status, 204);
        }
        // And it goes on working.
        QCOMPARE(again.createToken(u"After the restore"_s, u"editorial"_s).status, 201);
    }
};

QTEST_GUILESS_MAIN(TestServerBackup)
#include "tst_server_backup.moc"
