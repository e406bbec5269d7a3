// TokenListCache with real SQLite files: what the Studio shows offline comes
// back exactly, a bad file never stops the start, and no secret reaches disk.
#include "cache/TokenListCache.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <grp.h>
#include <thread>
#include <unistd.h>

using namespace ApiAccess;
using namespace Qt::StringLiterals;
using Snapshot = TokenListCache::Snapshot;
using Outcome = TokenListCache::OpenOutcome;

namespace {

QDateTime utc(int y, int mo, int d, int h, int mi, int s)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
}

Token fullToken()
{
    Token token;
    token.id = u"tok_01HZX3"_s;
    token.name = u"RSS reader \u00e9t\u00e9 \U0001F4F0"_s;
    token.accessLevel = AccessLevel::ManagingEditorial;
    token.allowedIpRanges = {u"10.0.0.0/24"_s, u"2001:db8::1"_s, u"198.51.100.7"_s};
    token.status = TokenStatus::Active;
    token.createdAt = utc(2026, 11, 27, 22, 26, 24);
    token.createdBy = u"alice"_s;
    token.updatedAt = utc(2026, 11, 28, 8, 0, 0);
    token.expiresAt = utc(2027, 11, 27, 0, 0, 0);
    token.lastUsedAt = utc(2026, 11, 28, 9, 15, 3);
    token.lastUsedIp = u"10.0.0.7"_s;
    return token;
}

// Never used, never expires, any address.
Token bareToken()
{
    Token token;
    token.id = u"tok_02"_s;
    token.name = u"HR sync"_s;
    token.accessLevel = AccessLevel::Administrative;
    token.status = TokenStatus::Disabled;
    token.createdAt = utc(2025, 1, 2, 3, 4, 5);
    token.createdBy = u"bob"_s;
    token.updatedAt = utc(2025, 1, 2, 3, 4, 6);
    return token;
}

QList<Token> manyTokens(int count, const QString &tag)
{
    QList<Token> tokens;
    for (int i = 0; i < count; ++i) {
        Token token = i % 2 ? fullToken() : bareToken();
        token.id = u"tok_%1_%2"_s.arg(tag).arg(i);
        token.name = tag + u' ' + QString::number(i);
        token.accessLevel = AccessLevels::all().at(i % 5);
        token.createdAt = token.createdAt.addSecs(i);
        tokens.append(token);
    }
    return tokens;
}

Snapshot snapshotOf(QList<Token> tokens, const QString &user = u"alice"_s)
{
    return Snapshot{std::move(tokens), utc(2026, 11, 28, 10, 0, 0),
                    QUrl(u"https://tokens.example:8443/studio"_s), user};
}

QByteArray bytesOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && file.write(bytes) == bytes.size();
}

// Entries of `dir` whose name starts with `prefix`.
QStringList entriesStartingWith(const QString &dir, const QString &prefix)
{
    QStringList found;
    const auto names = QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QString &name : names) {
        if (name.startsWith(prefix))
            found.append(name);
    }
    return found;
}

// A connection of the test's own, beside the cache's.
class RawDatabase
{
public:
    explicit RawDatabase(const QString &path)
        : m_name(u"raw-%1"_s.arg(quintptr(this)))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawDatabase()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool exec(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        return query.exec(sql);
    }
    QStringList column(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        QStringList values;
        if (query.exec(sql)) {
            while (query.next())
                values.append(query.value(0).toString());
        }
        return values;
    }
    QString value(const QString &sql) { return column(sql).value(0); }

private:
    QString m_name;
};

bool saveIn(const QString &path, const Snapshot &snapshot)
{
    TokenListCache cache(path);
    return cache.open() && cache.save(snapshot);
}

// The child side of the process tests; see main().
int runChild(const QStringList &args)
{
    const QString mode = args.value(2);
    TokenListCache cache(args.value(3));
    if (mode == u"open"_s) {
        const bool opened = cache.open();
        std::fputs(qUtf8Printable(cache.errorString()), stdout);
        return opened ? 1 : 0;
    }
    if (mode == u"kill-mid-save"_s && cache.open()) {
        // A tiny page cache makes SQLite write pages into the file before
        // the commit: the kill then leaves a half-written file behind.
        QSqlQuery(QSqlDatabase::database(cache.connectionName(), false))
            .exec(u"PRAGMA cache_size = 8"_s);
        const int count = args.value(4).toInt();
        cache.setRowWrittenHookForTesting([count](qsizetype row) {
            if (row == count / 2) {
                std::fputs("mid-save\n", stdout);
                std::fflush(stdout);
                std::raise(SIGKILL);
            }
            return true;
        });
        cache.save(snapshotOf(manyTokens(count, u"new"_s)));
    }
    return 3;
}

enum class As { Us, OrdinaryUser };

// Runs this test binary as a child. As an ordinary user when we are root,
// so that file permissions mean something.
std::unique_ptr<QProcess> startChild(const QStringList &args, As as = As::Us)
{
    auto process = std::make_unique<QProcess>();
    if (as == As::OrdinaryUser && ::geteuid() == 0) {
        process->setChildProcessModifier([] {
            constexpr uid_t kNobody = 65534;
            if (::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0)
                ::_exit(97);
        });
    }
    process->start(QCoreApplication::applicationFilePath(), QStringList{u"--child"_s} + args);
    return process;
}

} // namespace

class TestTokenListCache : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name = u"profile.sqlite"_s) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }
    void cleanup()
    {
        const auto names = QDir(m_dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
        for (const QString &name : names) {
            QFile::setPermissions(m_dir.filePath(name),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
            if (!QFile::remove(m_dir.filePath(name)))
                QDir(m_dir.filePath(name)).removeRecursively();
        }
    }

    void defaultPathIsOneFilePerProfileInTheCache()
    {
        const QString cache = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
        QCOMPARE(TokenListCache::defaultPath(u"work-1"_s), cache + u"/tokens/work-1.sqlite"_s);
        QCOMPARE(TokenListCache::defaultPath(u"Home_2"_s), cache + u"/tokens/Home_2.sqlite"_s);
    }

    void defaultPathEncodesOtherIds_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("parent dir") << u"../../etc/passwd"_s;
        QTest::newRow("slash") << u"a/b"_s;
        QTest::newRow("dot") << u"a.sqlite"_s;
        QTest::newRow("space") << u"my profile"_s;
        QTest::newRow("non-ASCII") << u"\u00fcber"_s;
        QTest::newRow("empty") << QString();
        QTest::newRow("too long") << QString(65, u'a');
    }
    void defaultPathEncodesOtherIds()
    {
        QFETCH(QString, id);
        const QString path = TokenListCache::defaultPath(id);
        const QString dir =
            QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/tokens"_s;
        QCOMPARE(QFileInfo(path).absolutePath(), dir);
        QVERIFY2(QRegularExpression(u"^h\\.[0-9a-f]{40}\\.sqlite$"_s)
                     .match(QFileInfo(path).fileName())
                     .hasMatch(),
                 qPrintable(path));
        QCOMPARE(TokenListCache::defaultPath(id), path); // stable
        QVERIFY(TokenListCache::defaultPath(id + u'x') != path);
    }

    void newCacheIsEmpty()
    {
        TokenListCache cache(path());
        QVERIFY(!cache.isOpen());
        QVERIFY2(cache.open(), qPrintable(cache.errorString()));
        QCOMPARE(cache.outcome(), Outcome::Created);
        QVERIFY(cache.reason().isEmpty());
        const Snapshot loaded = cache.load();
        QVERIFY(loaded.tokens.isEmpty());
        QVERIFY(!loaded.savedAt.isValid());
        QCOMPARE(loaded, Snapshot());
    }

    void roundTripKeepsEveryField()
    {
        Token withMilliseconds = fullToken();
        withMilliseconds.id = u"tok_03"_s;
        withMilliseconds.updatedAt = withMilliseconds.updatedAt.addMSecs(250);
        const Snapshot saved = snapshotOf({fullToken(), bareToken(), withMilliseconds});
        QVERIFY(saveIn(path(), saved));

        TokenListCache cache(path());
        QVERIFY(cache.open());
        QCOMPARE(cache.outcome(), Outcome::Opened);
        const Snapshot loaded = cache.load();
        QCOMPARE(loaded.tokens.size(), 3);
        QCOMPARE(loaded.tokens.at(0), fullToken());
        QCOMPARE(loaded.tokens.at(1), bareToken());
        QCOMPARE(loaded.tokens.at(2), withMilliseconds);
        QVERIFY(!loaded.tokens.at(1).expiresAt.has_value());
        QVERIFY(!loaded.tokens.at(1).lastUsedAt.has_value());
        QCOMPARE(loaded.savedAt, saved.savedAt);
        QCOMPARE(loaded.savedAt.timeSpec(), Qt::UTC);
        QCOMPARE(loaded.serverUrl, saved.serverUrl);
        QCOMPARE(loaded.username, u"alice"_s);
        QCOMPARE(loaded, saved);
    }

    void thousandTokensRoundTrip()
    {
        const Snapshot saved = snapshotOf(manyTokens(1000, u"bulk"_s));
        QVERIFY(saveIn(path(), saved));
        TokenListCache cache(path());
        QVERIFY(cache.open());
        const Snapshot loaded = cache.load();
        QCOMPARE(loaded.tokens.size(), 1000);
        QCOMPARE(loaded.tokens.first().id, u"tok_bulk_0"_s); // the server's order
        QCOMPARE(loaded.tokens.last().id, u"tok_bulk_999"_s);
        QCOMPARE(loaded, saved);
    }

    void saveReplacesEverything()
    {
        TokenListCache cache(path());
        QVERIFY(cache.open());
        QVERIFY(cache.save(snapshotOf(manyTokens(3, u"old"_s))));
        Snapshot next = snapshotOf({bareToken()}, u"bob"_s);
        next.savedAt = next.savedAt.addSecs(60);
        next.serverUrl = QUrl(u"https://other.example"_s);
        QVERIFY(cache.save(next));
        QCOMPARE(cache.load(), next);
    }

    void emptyListIsStillASnapshot()
    {
        TokenListCache cache(path());
        QVERIFY(cache.open());
        QVERIFY(cache.save(snapshotOf(manyTokens(2, u"gone"_s))));
        const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
        QVERIFY(cache.save(Snapshot{{}, QDateTime(), QUrl(u"https://t.example"_s), u"a"_s}));
        const QDateTime after = QDateTime::currentDateTimeUtc().addMSecs(1);
        const Snapshot loaded = cache.load();
        QVERIFY(loaded.tokens.isEmpty());
        // An invalid savedAt is stored as "now": "no tokens" is not "no cache".
        QVERIFY2(loaded.savedAt >= before && loaded.savedAt <= after,
                 qPrintable(loaded.savedAt.toString(Qt::ISODateWithMs)));
    }

    void unreadableRowsAreSkipped()
    {
        QVERIFY(saveIn(path(), snapshotOf(manyTokens(3, u"row"_s))));
        {
            RawDatabase raw(path());
            QVERIFY(
                raw.exec(u"UPDATE tokens SET access_level = 'overlord' WHERE id = 'tok_row_1'"_s));
        }
        TokenListCache cache(path());
        QVERIFY(cache.open());
        const Snapshot loaded = cache.load();
        QCOMPARE(loaded.tokens.size(), 2);
        QCOMPARE(loaded.tokens.at(0).id, u"tok_row_0"_s);
        QCOMPARE(loaded.tokens.at(1).id, u"tok_row_2"_s);
    }

    void twoProfilesAreTwoFiles()
    {
        const QString work = path(u"work.sqlite"_s);
        const QString home = path(u"home.sqlite"_s);
        QVERIFY(saveIn(work, snapshotOf(manyTokens(2, u"work"_s))));
        QVERIFY(saveIn(home, snapshotOf(manyTokens(5, u"home"_s), u"bob"_s)));
        QVERIFY(QFileInfo(work).isFile());
        QVERIFY(QFileInfo(home).isFile());
        TokenListCache workCache(work);
        TokenListCache homeCache(home);
        QVERIFY(workCache.open());
        QVERIFY(homeCache.open());
        QCOMPARE(workCache.load(), snapshotOf(manyTokens(2, u"work"_s)));
        QCOMPARE(homeCache.load(), snapshotOf(manyTokens(5, u"home"_s), u"bob"_s));
        QVERIFY(TokenListCache::defaultPath(u"work"_s) != TokenListCache::defaultPath(u"home"_s));
    }

    void schemaVersionIsWritten()
    {
        QVERIFY(saveIn(path(), snapshotOf({})));
        RawDatabase raw(path());
        QCOMPARE(raw.value(u"PRAGMA user_version"_s).toInt(), TokenListCache::kSchemaVersion);
        QCOMPARE(raw.value(u"PRAGMA application_id"_s).toInt(), 0x41415343);
        QCOMPARE(raw.value(u"PRAGMA journal_mode"_s), u"delete"_s);
    }

    void tablesHoldOnlyMetadataColumns()
    {
        // A member added to Token must be looked at here before it is cached.
        QStringList members = fullToken().toJson().keys();
        members.sort();
        QCOMPARE(members,
                 QStringList({u"accessLevel"_s, u"allowedIpRanges"_s, u"createdAt"_s,
                              u"createdBy"_s, u"expiresAt"_s, u"id"_s, u"lastUsedAt"_s,
                              u"lastUsedIp"_s, u"name"_s, u"status"_s, u"updatedAt"_s}));
        QVERIFY(saveIn(path(), snapshotOf(manyTokens(3, u"cols"_s))));
        RawDatabase raw(path());
        QCOMPARE(raw.column(u"SELECT name FROM sqlite_master ORDER BY name"_s),
                 QStringList({u"snapshot"_s, u"tokens"_s}));
        QCOMPARE(
            raw.column(u"SELECT name FROM pragma_table_info('tokens')"_s),
            QStringList({u"position"_s, u"id"_s, u"name"_s, u"access_level"_s,
                         u"allowed_ip_ranges"_s, u"status"_s, u"created_at"_s, u"created_by"_s,
                         u"updated_at"_s, u"expires_at"_s, u"last_used_at"_s, u"last_used_ip"_s}));
        QCOMPARE(raw.column(u"SELECT name FROM pragma_table_info('snapshot')"_s),
                 QStringList({u"id"_s, u"saved_at"_s, u"server_url"_s, u"username"_s}));
    }

    void fileHoldsNoSecret()
    {
        const QByteArray secret = "aas_" + QByteArray(43, 'Q');
        const QByteArray sessionToken = "c2Vzc2lvbi10b2tlbi1mb3ItdGhlLXRlc3Q";
        Snapshot saved = snapshotOf(manyTokens(20, u"s"_s));
        // A Studio bug that put credentials into the URL must not reach disk.
        saved.serverUrl = QUrl(u"https://alice:%1@tokens.example/studio?session=%2#%1"_s.arg(
            QString::fromLatin1(secret), QString::fromLatin1(sessionToken)));
        QVERIFY(saveIn(path(), saved));

        QByteArray files;
        for (const QString &name : entriesStartingWith(m_dir.path(), u"profile"_s))
            files += bytesOf(m_dir.filePath(name));
        QVERIFY(files.contains("tokens.example")); // the scan reads the right bytes
        for (const QByteArray &needle : {QByteArray("aas_"), sessionToken}) {
            QVERIFY2(!files.contains(needle), needle.constData());
            const QString wide = QString::fromLatin1(needle);
            QVERIFY(!files.contains(
                QByteArray(reinterpret_cast<const char *>(wide.utf16()), wide.size() * 2)));
        }
        TokenListCache cache(path());
        QVERIFY(cache.open());
        QCOMPARE(cache.load().serverUrl, QUrl(u"https://tokens.example/studio"_s));
    }

    void unreadableFileIsSetAside_data()
    {
        QTest::addColumn<QString>("damage");
        for (const char *damage :
             {"garbage", "truncated", "header only", "damaged page", "newer schema",
              "other application", "foreign tables", "directory"})
            QTest::newRow(damage) << QString::fromLatin1(damage);
    }
    void unreadableFileIsSetAside()
    {
        QFETCH(QString, damage);
        if (damage == u"garbage"_s) {
            QByteArray bytes = "this is not SQLite";
            for (int i = 0; i < 20000; ++i)
                bytes.append(char(i * 7919 % 251));
            QVERIFY(writeBytes(path(), bytes));
        } else if (damage == u"directory"_s) {
            QVERIFY(QDir(m_dir.path()).mkdir(u"profile.sqlite"_s));
        } else {
            QVERIFY(saveIn(path(), snapshotOf(manyTokens(1000, u"old"_s))));
            QByteArray bytes = bytesOf(path());
            RawDatabase raw(path());
            if (damage == u"truncated"_s)
                QVERIFY(writeBytes(path(), bytes.left(bytes.size() / 2)));
            else if (damage == u"header only"_s)
                QVERIFY(writeBytes(path(), bytes.left(64)));
            else if (damage == u"damaged page"_s)
                QVERIFY(writeBytes(path(), bytes.replace(3 * 4096, 4096, QByteArray(4096, 'x'))));
            else if (damage == u"newer schema"_s)
                QVERIFY(raw.exec(
                    u"PRAGMA user_version = %1"_s.arg(TokenListCache::kSchemaVersion + 1)));
            else if (damage == u"other application"_s)
                QVERIFY(raw.exec(u"PRAGMA application_id = 42"_s));
            else if (damage == u"foreign tables"_s)
                QVERIFY(raw.exec(u"PRAGMA user_version = 0"_s)
                        && raw.exec(u"PRAGMA application_id = 0"_s));
        }
        const bool isDirectory = QFileInfo(path()).isDir();
        const QByteArray before = bytesOf(path());

        const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-1);
        TokenListCache cache(path());
        QVERIFY2(cache.open(), qPrintable(cache.errorString()));
        const QDateTime end = QDateTime::currentDateTimeUtc().addSecs(1);
        QCOMPARE(cache.outcome(), Outcome::Recovered);
        QVERIFY(!cache.reason().isEmpty());
        QVERIFY(cache.reason().contains(u"profile.sqlite.unreadable-"_s));

        const QStringList aside = entriesStartingWith(m_dir.path(), u"profile.sqlite."_s);
        QCOMPARE(aside.size(), 1);
        const auto match = QRegularExpression(u"^profile\\.sqlite\\.unreadable-(\\d{8}T\\d{6})$"_s)
                               .match(aside.first());
        QVERIFY2(match.hasMatch(), qPrintable(aside.first()));
        QDateTime when = QDateTime::fromString(match.captured(1), u"yyyyMMdd'T'HHmmss"_s);
        when.setTimeSpec(Qt::UTC);
        QVERIFY2(when >= start.addMSecs(-start.time().msec()) && when <= end,
                 qPrintable(when.toString(Qt::ISODate)));
        QCOMPARE(QFileInfo(m_dir.filePath(aside.first())).isDir(), isDirectory);
        QCOMPARE(bytesOf(m_dir.filePath(aside.first())), before); // set aside, untouched

        QCOMPARE(cache.load(), Snapshot());
        QVERIFY(cache.save(snapshotOf({fullToken()})));
        QCOMPARE(cache.load(), snapshotOf({fullToken()}));
        TokenListCache again(path());
        QVERIFY(again.open());
        QCOMPARE(again.outcome(), Outcome::Opened);
    }

    void onlyTheLatestCopyIsKept()
    {
        for (const QByteArray &garbage : {QByteArray(5000, 'a'), QByteArray(6000, 'b')}) {
            QVERIFY(writeBytes(path(), garbage));
            TokenListCache cache(path());
            QVERIFY(cache.open());
            QCOMPARE(cache.outcome(), Outcome::Recovered);
        }
        const QStringList aside = entriesStartingWith(m_dir.path(), u"profile.sqlite."_s);
        QCOMPARE(aside.size(), 1);
        QCOMPARE(bytesOf(m_dir.filePath(aside.first())), QByteArray(6000, 'b'));
    }

    void fileInUseIsNotSetAside()
    {
        QVERIFY(saveIn(path(), snapshotOf({fullToken()})));
        RawDatabase raw(path());
        QVERIFY(raw.exec(u"BEGIN EXCLUSIVE"_s));
        TokenListCache cache(path());
        QVERIFY(!cache.open());
        QVERIFY2(cache.errorString().contains(u"in use"_s), qPrintable(cache.errorString()));
        QVERIFY(entriesStartingWith(m_dir.path(), u"profile.sqlite."_s).isEmpty());
        QVERIFY(raw.exec(u"ROLLBACK"_s));
        QVERIFY(cache.open());
        QCOMPARE(cache.outcome(), Outcome::Opened);
        QCOMPARE(cache.load(), snapshotOf({fullToken()}));
    }

    void fileInPlaceOfTheFolderFailsOpen()
    {
        QVERIFY(writeBytes(path(u"blocker"_s), "a file"));
        TokenListCache cache(path(u"blocker/tokens/profile.sqlite"_s));
        QVERIFY(!cache.open());
        QVERIFY(!cache.isOpen());
        QVERIFY2(cache.errorString().contains(path(u"blocker"_s) + u" is not a folder"_s),
                 qPrintable(cache.errorString()));
        QCOMPARE(cache.load(), Snapshot());
        QVERIFY(!cache.save(snapshotOf({fullToken()})));
        QCOMPARE(bytesOf(path(u"blocker"_s)), QByteArray("a file"));
    }

    void readOnlyFolderFailsOpen()
    {
        // The child may be "nobody": it must reach the folder, not write it.
        QFile::setPermissions(m_dir.path(),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                  | QFile::ReadOther | QFile::ExeOther);
        const QString folder = path(u"readonly"_s);
        QVERIFY(QDir().mkdir(
            folder, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther));
        const QString file = folder + u"/profile.sqlite"_s;
        auto child = startChild({u"open"_s, file}, As::OrdinaryUser);
        QSignalSpy finished(child.get(), &QProcess::finished);
        QVERIFY(finished.wait(60'000));
        const QString output = QString::fromUtf8(child->readAllStandardOutput());
        QCOMPARE(child->exitStatus(), QProcess::NormalExit);
        QVERIFY2(child->exitCode() == 0,
                 qPrintable(output + QString::fromUtf8(child->readAllStandardError())));
        QVERIFY2(output.contains(u"Cannot create the token cache "_s + file), qPrintable(output));
        QVERIFY(QDir(folder).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));
    }

    void filesArePrivate()
    {
        constexpr QFile::Permissions kGroupOrOther = QFile::ReadGroup | QFile::WriteGroup
            | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
        const QString file = path(u"cache/tokens/profile.sqlite"_s);
        TokenListCache cache(file);
        QVERIFY(cache.open());
        for (const QString &dir : {path(u"cache"_s), path(u"cache/tokens"_s)}) {
            const auto permissions = QFileInfo(dir).permissions();
            QVERIFY2(!(permissions & kGroupOrOther), qPrintable(dir));
            QVERIFY(permissions.testFlags(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        }
        QCOMPARE(QFileInfo(file).permissions() & (kGroupOrOther | QFile::ExeOwner),
                 QFile::Permissions());
        QVERIFY(QFileInfo(file).permissions().testFlags(QFile::ReadOwner | QFile::WriteOwner));
        // The journal SQLite writes during a save is just as private.
        QFile::Permissions journal;
        cache.setRowWrittenHookForTesting([&](qsizetype) {
            journal = QFileInfo(file + u"-journal"_s).permissions();
            return true;
        });
        QVERIFY(cache.save(snapshotOf(manyTokens(200, u"j"_s))));
        QVERIFY(journal.testFlag(QFile::WriteOwner));
        QCOMPARE(journal & kGroupOrOther, QFile::Permissions());
        // An existing file that someone opened up is tightened.
        QVERIFY(QFile::setPermissions(
            file, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
        TokenListCache again(file);
        QVERIFY(again.open());
        QCOMPARE(QFileInfo(file).permissions() & kGroupOrOther, QFile::Permissions());
    }

    void failedSaveKeepsPreviousSnapshot()
    {
        TokenListCache cache(path());
        QVERIFY(cache.open());
        const Snapshot previous = snapshotOf(manyTokens(10, u"old"_s));
        QVERIFY(cache.save(previous));
        cache.setRowWrittenHookForTesting([](qsizetype row) { return row < 500; });
        const Snapshot next = snapshotOf(manyTokens(1000, u"new"_s), u"bob"_s);
        QVERIFY(!cache.save(next));
        QVERIFY(cache.errorString().contains(u"row 500"_s));
        QCOMPARE(cache.load(), previous);
        QVERIFY(!QFileInfo::exists(path() + u"-journal"_s));
        cache.setRowWrittenHookForTesting({});
        QVERIFY(cache.save(next));
        QCOMPARE(cache.load(), next);
    }

    void killedSaveKeepsPreviousSnapshot()
    {
        const Snapshot previous = snapshotOf(manyTokens(100, u"old"_s));
        QVERIFY(saveIn(path(), previous));
        const QByteArray before = bytesOf(path());

        auto child = startChild({u"kill-mid-save"_s, path(), u"20000"_s});
        QSignalSpy finished(child.get(), &QProcess::finished);
        QVERIFY(finished.wait(120'000));
        QVERIFY2(child->readAllStandardOutput().contains("mid-save"),
                 child->readAllStandardError().constData());
        QCOMPARE(child->exitStatus(), QProcess::CrashExit);
        // Killed inside the transaction, with new pages already in the file.
        QVERIFY(QFileInfo::exists(path() + u"-journal"_s));
        QVERIFY(bytesOf(path()) != before);

        TokenListCache cache(path());
        QVERIFY2(cache.open(), qPrintable(cache.errorString()));
        QCOMPARE(cache.outcome(), Outcome::Opened);
        QCOMPARE(cache.load(), previous);
        QVERIFY(!QFileInfo::exists(path() + u"-journal"_s));
    }

    void eraseRemovesEverything()
    {
        QVERIFY(writeBytes(path(), "garbage to set aside"));
        TokenListCache cache(path());
        QVERIFY(cache.open());
        QCOMPARE(cache.outcome(), Outcome::Recovered);
        QVERIFY(cache.save(snapshotOf({fullToken()})));
        QVERIFY(writeBytes(path(u"other.sqlite"_s), "another profile"));

        QVERIFY(cache.erase());
        QVERIFY(!cache.isOpen());
        QCOMPARE(entriesStartingWith(m_dir.path(), u"profile"_s), QStringList());
        QCOMPARE(bytesOf(path(u"other.sqlite"_s)), QByteArray("another profile"));
        QCOMPARE(cache.load(), Snapshot());
        QVERIFY(cache.open());
        QCOMPARE(cache.outcome(), Outcome::Created);
    }

    void instancesHaveTheirOwnConnections()
    {
        auto first = std::make_unique<TokenListCache>(path());
        TokenListCache second(path());
        QVERIFY(first->connectionName() != second.connectionName());
        QVERIFY(first->open());
        QVERIFY(second.open());
        QVERIFY(first->save(snapshotOf({fullToken()})));
        QCOMPARE(second.load(), snapshotOf({fullToken()}));
        const QString name = first->connectionName();
        QVERIFY(QSqlDatabase::contains(name));
        first.reset();
        QVERIFY(!QSqlDatabase::contains(name));
        QVERIFY(second.save(snapshotOf({bareToken()})));
        QCOMPARE(second.load(), snapshotOf({bareToken()}));
    }

    void threadsDoNotInterfere()
    {
        // Two threads share one file, two have their own; each saves and
        // reads back several times.
        const QStringList files = {path(u"shared.sqlite"_s), path(u"shared.sqlite"_s),
                                   path(u"a.sqlite"_s), path(u"b.sqlite"_s)};
        std::vector<int> failures(size_t(files.size()), 0);
        std::vector<std::thread> threads;
        for (qsizetype i = 0; i < files.size(); ++i) {
            threads.emplace_back([&, i] {
                TokenListCache cache(files.at(i));
                const Snapshot own = snapshotOf(manyTokens(100, QString::number(i)));
                int &failed = failures[size_t(i)];
                failed += cache.open() ? 0 : 100;
                for (int round = 0; round < 5; ++round) {
                    failed += cache.save(own) ? 0 : 1;
                    failed += cache.load().tokens.size() == 100 ? 0 : 1;
                }
            });
        }
        for (auto &thread : threads)
            thread.join();
        QCOMPARE(QList<int>(failures.cbegin(), failures.cend()), QList<int>(files.size(), 0));
        TokenListCache a(path(u"a.sqlite"_s));
        QVERIFY(a.open());
        QCOMPARE(a.load(), snapshotOf(manyTokens(100, u"2"_s)));
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc >= 3 && std::strcmp(argv[1], "--child") == 0)
        return runChild(app.arguments());
    TestTokenListCache test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_tokenlistcache.moc"
