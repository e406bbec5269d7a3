#include "TestDatabase.h"
#include "crypto/MasterKey.h"
#include "crypto/SecretVault.h"
#include "store/Schema.h"
#include "store/Stores.h"

#include <QDir>
#include <QFile>
#include <QMutex>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <sys/stat.h>
#include <thread>
#include <vector>

using namespace ApiAccess;
using namespace ApiAccess::Server;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kEpoch = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);

StoredToken makeToken(const QString &id, const QDateTime &createdAt = kEpoch)
{
    StoredToken token;
    token.id = id;
    token.name = u"Token "_s + id;
    token.accessLevel = AccessLevel::ReadOnly;
    token.allowedIpRanges = {u"10.0.0.0/8"_s, u"2001:db8::1"_s};
    token.createdAt = createdAt;
    token.createdBy = u"alice"_s;
    token.updatedAt = createdAt;
    token.secretHash = QByteArray(32, 'h') + id.toUtf8();
    token.encryptedSecret = QByteArray(40, 'e') + id.toUtf8();
    return token;
}

AuditEvent audit(AuditAction action, const QString &tokenId = {})
{
    return AuditEvent{kEpoch, Actor{u"alice"_s, QHostAddress(u"192.0.2.1"_s)}, action, tokenId,
                      u"detail"_s};
}

DatabaseConfig configFor(const Testing::TestDatabase &database)
{
    if (!database.isPostgres())
        return DatabaseConfig::sqlite(database.dataDir());
    return DatabaseConfig::postgres(database.url()).value(); // password: PGPASSWORD
}

std::optional<Stores> openStores(const Testing::TestDatabase &database,
                                 const QString &keyCheck = {})
{
    auto stores = Stores::open(configFor(database), {keyCheck, u"test.key"_s});
    if (!stores) {
        qWarning("%s", qPrintable(stores.error()));
        return std::nullopt;
    }
    return std::move(stores).value();
}

// Another instance's LISTEN on PostgreSQL: what it hears on the tokens channel.
class ChannelListener
{
public:
    explicit ChannelListener(const Testing::TestDatabase &database)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, kName);
        db.setHostName(qEnvironmentVariable("PGHOST"));
        db.setPort(qEnvironmentVariableIntValue("PGPORT"));
        db.setUserName(qEnvironmentVariable("PGUSER"));
        db.setPassword(qEnvironmentVariable("PGPASSWORD"));
        db.setDatabaseName(database.name());
        if (!db.open()) {
            m_error = db.lastError().text();
            return;
        }
        QObject::connect(db.driver(), &QSqlDriver::notification, &m_context,
                         [this](const QString &channel, QSqlDriver::NotificationSource,
                                const QVariant &payload) {
                             if (channel == QLatin1String(SqlTokenStore::kNotifyChannel))
                                 m_heard.append(payload.toString());
                         });
        if (!db.driver()->subscribeToNotification(
                QString::fromLatin1(SqlTokenStore::kNotifyChannel)))
            m_error = db.driver()->lastError().text();
    }
    ~ChannelListener() { QSqlDatabase::removeDatabase(kName); }
    QString error() const { return m_error; }
    QStringList heard() const { return m_heard; }

private:
    static inline const QString kName = u"channel-listener"_s;
    QObject m_context;
    QStringList m_heard;
    QString m_error;
};

unsigned modeOf(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return 0xffff;
    return info.st_mode & 0777;
}

} // namespace

// The stores' conformance suite: every test runs on SQLite (tst_stores)
// and on a real PostgreSQL 15 (tst_stores_postgresql, under
// tests/support/with-postgres); where the backends differ in how (files
// on disk, LISTEN/NOTIFY), each branch checks its own.
class TestStores : public QObject
{
    Q_OBJECT

    std::unique_ptr<Testing::TestDatabase> m_database;
    Stores m_stores;

    int auditCount() { return int(m_stores.audit->auditEvents(100000).value().size()); }
    QString sqliteFile() const { return m_database->dataDir() + u"/apiaccess.sqlite3"_s; }
    bool reopen()
    {
        m_stores = {};
        auto stores = openStores(*m_database);
        if (stores)
            m_stores = std::move(*stores);
        return bool(stores);
    }

private Q_SLOTS:
    void init()
    {
        m_database = std::make_unique<Testing::TestDatabase>();
        QVERIFY2(m_database->isValid(), qPrintable(m_database->errorString()));
        QVERIFY(reopen());
    }
    void cleanup()
    {
        m_stores = {};
        m_database.reset();
    }

    void createsSchemaPrivately()
    {
        QVERIFY(m_stores.tokens->createToken(makeToken(u"t1"_s), audit(AuditAction::TokenCreated))
                    .ok());
        QCOMPARE(m_database->scalar(u"SELECT version FROM schema_version"_s).toInt(),
                 Schema::currentVersion());
        QCOMPARE(m_database->scalar(u"SELECT count(*) FROM schema_version"_s).toInt(), 1);
        if (m_database->isPostgres()) {
            // Nothing lands in the data directory: the database is elsewhere.
            QVERIFY(!QFile::exists(sqliteFile()));
            QCOMPARE(m_database->scalar(u"SELECT count(*) FROM tokens"_s).toInt(), 1);
        } else {
            QCOMPARE(modeOf(m_database->dataDir()), 0700u);
            QCOMPARE(modeOf(sqliteFile()), 0600u);
            QCOMPARE(modeOf(sqliteFile() + u"-wal"_s), 0600u);
            QCOMPARE(m_database->scalar(u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
        }
    }

    void refusesNewerSchema()
    {
        m_stores = {};
        QCOMPARE(m_database->exec(u"UPDATE schema_version SET version = 99"_s), QString());
        auto reopened = Stores::open(configFor(*m_database), {});
        QVERIFY(!reopened.ok());
        QVERIFY2(reopened.error().contains(u"newer"_s), qPrintable(reopened.error()));
        QVERIFY(reopened.error().contains(u"99"_s));
        // The refusal changed nothing.
        QCOMPARE(m_database->scalar(u"SELECT version FROM schema_version"_s).toInt(), 99);
    }

    void upgradesVersionOneInPlace()
    {
        // A database of the first release (schema 1, before PostgreSQL):
        // its data survives the migration to the current version.
        QVERIFY(m_stores.tokens->createToken(makeToken(u"old"_s), audit(AuditAction::TokenCreated))
                    .ok());
        m_stores = {};
        for (const QString &table : {u"settings"_s, u"token_changes"_s, u"sign_in_throttle"_s})
            QCOMPARE(m_database->exec(u"DROP TABLE "_s + table), QString());
        for (const QString &index : {u"tokens_by_last_use"_s, u"tokens_by_expiry"_s}) // version 3
            QCOMPARE(m_database->exec(u"DROP INDEX "_s + index), QString());
        QCOMPARE(m_database->exec(u"UPDATE schema_version SET version = 1"_s), QString());
        QVERIFY(reopen());
        QCOMPARE(m_database->scalar(u"SELECT version FROM schema_version"_s).toInt(),
                 Schema::currentVersion());
        QCOMPARE(m_stores.tokens->findToken(u"old"_s)->name, u"Token old"_s);
        QVERIFY(m_stores.tokens->createToken(makeToken(u"new"_s), audit(AuditAction::TokenCreated))
                    .ok());
    }

    void firstStartsMigrateOnce()
    {
        // Four instances start at once on an empty database: one migrates,
        // the others wait for it and find nothing left to do.
        Testing::TestDatabase fresh;
        QVERIFY2(fresh.isValid(), qPrintable(fresh.errorString()));
        constexpr int kInstances = 4;
        std::vector<std::thread> threads;
        std::atomic<int> opened{0};
        QStringList errors;
        QMutex mutex;
        for (int i = 0; i < kInstances; ++i) {
            threads.emplace_back([&] {
                auto stores = Stores::open(configFor(fresh), {u"check"_s, u"key"_s});
                if (stores) {
                    ++opened;
                } else {
                    const QMutexLocker lock(&mutex);
                    errors.append(stores.error());
                }
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        QCOMPARE(opened.load(), kInstances);
        QCOMPARE(fresh.scalar(u"SELECT count(*) FROM schema_version"_s).toInt(), 1);
        QCOMPARE(fresh.scalar(u"SELECT version FROM schema_version"_s).toInt(),
                 Schema::currentVersion());
    }

    void refusesAnotherMasterKey()
    {
        m_stores = {};
        auto first = Stores::open(configFor(*m_database), {u"check-of-key-A"_s, u"/etc/a.key"_s});
        QVERIFY2(first.ok(), first ? "" : qPrintable(first.error()));
        first = Stores::open(configFor(*m_database), {u"check-of-key-A"_s, u"/etc/a.key"_s});
        QVERIFY(first.ok()); // the same key again
        auto other = Stores::open(configFor(*m_database), {u"check-of-key-B"_s, u"/etc/b.key"_s});
        QVERIFY(!other.ok());
        QVERIFY2(other.error().contains(u"master key"_s), qPrintable(other.error()));
        QVERIFY(other.error().contains(u"/etc/b.key"_s));
        QVERIFY(other.error().contains(u"--key-file"_s));
        // Admin commands need no key and are not refused.
        QVERIFY(Stores::open(configFor(*m_database), {}).ok());
        QCOMPARE(m_database->scalar(u"SELECT value FROM settings WHERE name = 'key_check'"_s),
                 QVariant(u"check-of-key-A"_s));
    }

    void createAndFindToken()
    {
        StoredToken token = makeToken(u"tok_1"_s);
        token.expiresAt = kEpoch.addDays(30);
        token.previousSecretHash = "old"_ba;
        token.previousSecretValidUntil = kEpoch.addSecs(60);
        auto created = m_stores.tokens->createToken(token, audit(AuditAction::TokenCreated));
        QVERIFY(created.ok());
        auto found = m_stores.tokens->findToken(u"tok_1"_s);
        QVERIFY(found.ok());
        const StoredToken &got = found.value();
        QCOMPARE(got.id, token.id);
        QCOMPARE(got.name, token.name);
        QCOMPARE(got.accessLevel, AccessLevel::ReadOnly);
        QCOMPARE(got.allowedIpRanges, token.allowedIpRanges);
        QVERIFY(got.enabled);
        QCOMPARE(got.createdAt, kEpoch);
        QCOMPARE(got.createdAt.timeSpec(), Qt::UTC);
        QCOMPARE(got.createdBy, u"alice"_s);
        QCOMPARE(got.updatedAt, kEpoch);
        QCOMPARE(got.expiresAt, token.expiresAt);
        QVERIFY(!got.lastUsedAt);
        QVERIFY(got.lastUsedIp.isEmpty());
        QCOMPARE(got.secretHash, token.secretHash);
        QCOMPARE(got.encryptedSecret, token.encryptedSecret);
        QCOMPARE(got.previousSecretHash, "old"_ba);
        QCOMPARE(got.previousSecretValidUntil, token.previousSecretValidUntil);
        QCOMPARE(got.revision, 1);
        QCOMPARE(created->id, got.id);

        const auto events = m_stores.audit->auditEvents(10).value();
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].action, AuditAction::TokenCreated);
        QCOMPARE(events[0].tokenId, u"tok_1"_s);
        QCOMPARE(events[0].actor.name, u"alice"_s);
        QCOMPARE(events[0].actor.address, QHostAddress(u"192.0.2.1"_s));
        QCOMPARE(events[0].at, kEpoch);

        auto duplicate = m_stores.tokens->createToken(token, audit(AuditAction::TokenCreated));
        QVERIFY(!duplicate.ok());
        QCOMPARE(duplicate.error().code, StoreErrorCode::AlreadyExists);
        QCOMPARE(auditCount(), 1); // the failed create wrote no audit event

        auto missing = m_stores.tokens->findToken(u"nope"_s);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, StoreErrorCode::NotFound);
    }

    void wireFormDerivesStatus()
    {
        StoredToken token = makeToken(u"w"_s);
        QCOMPARE(token.toWire(kEpoch).status, TokenStatus::Active);
        token.expiresAt = kEpoch;
        QCOMPARE(token.toWire(kEpoch).status, TokenStatus::Expired);
        QCOMPARE(token.toWire(kEpoch.addMSecs(-1)).status, TokenStatus::Active);
        token.enabled = false;
        QCOMPARE(token.toWire(kEpoch).status, TokenStatus::Disabled);
        const Token wire = token.toWire(kEpoch);
        QCOMPARE(wire.id, token.id);
        QCOMPARE(wire.allowedIpRanges, token.allowedIpRanges);
        QCOMPARE(wire.createdBy, token.createdBy);
        QCOMPARE(auditActionId(AuditAction::TokenSecretRetrieved), u"token.secret_retrieved"_s);
    }

    void updateToken()
    {
        QVERIFY(
            m_stores.tokens->createToken(makeToken(u"u"_s), audit(AuditAction::TokenCreated)).ok());
        TokenChanges changes;
        changes.name = u"Renamed"_s;
        changes.accessLevel = AccessLevel::Administrative;
        changes.allowedIpRanges = QStringList{};
        changes.expiresAt = std::optional<QDateTime>(kEpoch.addDays(1));
        changes.enabled = false;
        const QDateTime now = kEpoch.addSecs(100);
        auto updated =
            m_stores.tokens->updateToken(u"u"_s, changes, 1, now, audit(AuditAction::TokenChanged));
        QVERIFY(updated.ok());
        QCOMPARE(updated->revision, 2);
        QCOMPARE(updated->updatedAt, now);
        const StoredToken got = m_stores.tokens->findToken(u"u"_s).value();
        QCOMPARE(got.name, u"Renamed"_s);
        QCOMPARE(got.accessLevel, AccessLevel::Administrative);
        QVERIFY(got.allowedIpRanges.isEmpty());
        QCOMPARE(got.expiresAt, kEpoch.addDays(1));
        QVERIFY(!got.enabled);
        QCOMPARE(got.revision, 2);
        QCOMPARE(got.updatedAt, now);
        QCOMPARE(got.createdAt, kEpoch);
        QCOMPARE(m_stores.audit->auditEvents(1).value().first().action, AuditAction::TokenChanged);
        QCOMPARE(m_stores.audit->auditEvents(1).value().first().tokenId, u"u"_s);

        // Clearing the expiry; no expected revision.
        TokenChanges clear;
        clear.expiresAt = std::optional<QDateTime>();
        QVERIFY(
            m_stores.tokens
                ->updateToken(u"u"_s, clear, std::nullopt, now, audit(AuditAction::TokenChanged))
                .ok());
        QVERIFY(!m_stores.tokens->findToken(u"u"_s)->expiresAt);
        QCOMPARE(m_stores.tokens->findToken(u"u"_s)->revision, 3);

        const int before = auditCount();
        auto stale =
            m_stores.tokens->updateToken(u"u"_s, changes, 1, now, audit(AuditAction::TokenChanged));
        QVERIFY(!stale.ok());
        QCOMPARE(stale.error().code, StoreErrorCode::RevisionMismatch);
        QCOMPARE(m_stores.tokens->findToken(u"u"_s)->revision, 3);
        QVERIFY(!m_stores.tokens->findToken(u"u"_s)->expiresAt);

        auto missing = m_stores.tokens->updateToken(u"x"_s, changes, std::nullopt, now,
                                                    audit(AuditAction::TokenChanged));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, StoreErrorCode::NotFound);
        QCOMPARE(auditCount(), before);
    }

    void rotateSecret()
    {
        QVERIFY(
            m_stores.tokens->createToken(makeToken(u"r"_s), audit(AuditAction::TokenCreated)).ok());
        const QByteArray original = m_stores.tokens->findToken(u"r"_s)->secretHash;
        const QDateTime now = kEpoch.addSecs(10);
        auto rotated =
            m_stores.tokens->rotateSecret(u"r"_s, "hash2"_ba, "sealed2"_ba, now.addSecs(300),
                                          std::nullopt, now, audit(AuditAction::TokenRotated));
        QVERIFY(rotated.ok());
        StoredToken got = m_stores.tokens->findToken(u"r"_s).value();
        QCOMPARE(got.secretHash, "hash2"_ba);
        QCOMPARE(got.encryptedSecret, "sealed2"_ba);
        QCOMPARE(got.previousSecretHash, original);
        QCOMPARE(got.previousSecretValidUntil, now.addSecs(300));
        QCOMPARE(got.revision, 2);
        QCOMPARE(got.updatedAt, now);
        QCOMPARE(m_stores.audit->auditEvents(1).value().first().action, AuditAction::TokenRotated);

        // Without grace the previous secret is gone at once.
        QVERIFY(m_stores.tokens
                    ->rotateSecret(u"r"_s, "hash3"_ba, "sealed3"_ba, std::nullopt, std::nullopt,
                                   now.addSecs(1), audit(AuditAction::TokenRotated))
                    .ok());
        got = m_stores.tokens->findToken(u"r"_s).value();
        QCOMPARE(got.secretHash, "hash3"_ba);
        QVERIFY(got.previousSecretHash.isEmpty());
        QVERIFY(!got.previousSecretValidUntil);
        QCOMPARE(got.revision, 3);

        // An expected revision the token has moved past: nothing changes,
        // not even the audit log. The current one is accepted.
        const qsizetype audited = m_stores.audit->auditEvents(100).value().size();
        auto stale =
            m_stores.tokens->rotateSecret(u"r"_s, "hash4"_ba, "sealed4"_ba, std::nullopt, 2,
                                          now.addSecs(2), audit(AuditAction::TokenRotated));
        QCOMPARE(stale.error().code, StoreErrorCode::RevisionMismatch);
        got = m_stores.tokens->findToken(u"r"_s).value();
        QCOMPARE(got.secretHash, "hash3"_ba);
        QCOMPARE(got.revision, 3);
        QCOMPARE(m_stores.audit->auditEvents(100).value().size(), audited);
        QVERIFY(m_stores.tokens
                    ->rotateSecret(u"r"_s, "hash4"_ba, "sealed4"_ba, std::nullopt, 3,
                                   now.addSecs(2), audit(AuditAction::TokenRotated))
                    .ok());
        QCOMPARE(m_stores.tokens->findToken(u"r"_s)->revision, 4);

        auto missing =
            m_stores.tokens->rotateSecret(u"x"_s, "h"_ba, "s"_ba, std::nullopt, std::nullopt, now,
                                          audit(AuditAction::TokenRotated));
        QCOMPARE(missing.error().code, StoreErrorCode::NotFound);
    }

    void deleteToken()
    {
        QVERIFY(
            m_stores.tokens->createToken(makeToken(u"d"_s), audit(AuditAction::TokenCreated)).ok());
        QVERIFY(m_stores.tokens->deleteToken(u"d"_s, audit(AuditAction::TokenDeleted)).ok());
        QCOMPARE(m_stores.tokens->findToken(u"d"_s).error().code, StoreErrorCode::NotFound);
        QCOMPARE(m_stores.audit->auditEvents(1).value().first().action, AuditAction::TokenDeleted);
        QCOMPARE(m_stores.audit->auditEvents(1).value().first().tokenId, u"d"_s);
        const int before = auditCount();
        QCOMPARE(
            m_stores.tokens->deleteToken(u"d"_s, audit(AuditAction::TokenDeleted)).error().code,
            StoreErrorCode::NotFound);
        QCOMPARE(auditCount(), before);
    }

    void recordUsageNeverGoesBackwards()
    {
        QVERIFY(
            m_stores.tokens->createToken(makeToken(u"a"_s), audit(AuditAction::TokenCreated)).ok());
        QVERIFY(
            m_stores.tokens->createToken(makeToken(u"b"_s), audit(AuditAction::TokenCreated)).ok());
        const QDateTime t1 = kEpoch.addSecs(60), t2 = kEpoch.addSecs(120);
        QVERIFY(m_stores.tokens
                    ->recordUsage({{u"a"_s, t2, u"192.0.2.9"_s},
                                   {u"a"_s, t1, u"192.0.2.8"_s},
                                   {u"b"_s, t1, u"2001:db8::7"_s},
                                   {u"deleted-meanwhile"_s, t1, u"192.0.2.1"_s}})
                    .ok());
        StoredToken a = m_stores.tokens->findToken(u"a"_s).value();
        QCOMPARE(a.lastUsedAt, t2);
        QCOMPARE(a.lastUsedIp, u"192.0.2.9"_s);
        QCOMPARE(a.revision, 1); // use is not a change: ETags stay
        QCOMPARE(m_stores.tokens->findToken(u"b"_s)->lastUsedIp, u"2001:db8::7"_s);

        QVERIFY(m_stores.tokens->recordUsage({{u"a"_s, t1, u"192.0.2.5"_s}}).ok());
        QCOMPARE(m_stores.tokens->findToken(u"a"_s)->lastUsedAt, t2);
        QCOMPARE(m_stores.tokens->findToken(u"a"_s)->lastUsedIp, u"192.0.2.9"_s);
        QVERIFY(m_stores.tokens->recordUsage({}).ok());
    }

    void recordAudit()
    {
        AuditEvent signIn = audit(AuditAction::SignedIn);
        signIn.actor.address = QHostAddress(u"2001:db8::5"_s);
        QVERIFY(m_stores.audit->recordAudit(signIn).ok());
        AuditEvent failed = audit(AuditAction::SignInFailed);
        failed.actor.address = QHostAddress();
        QVERIFY(m_stores.audit->recordAudit(failed).ok());
        const auto events = m_stores.audit->auditEvents(10).value();
        QCOMPARE(events.size(), 2);
        QCOMPARE(events[0].action, AuditAction::SignInFailed); // newest first
        QVERIFY(events[0].actor.address.isNull());
        QCOMPARE(events[1].action, AuditAction::SignedIn);
        QCOMPARE(events[1].actor.address, QHostAddress(u"2001:db8::5"_s));
        QVERIFY(events[1].tokenId.isEmpty());
        QCOMPARE(m_stores.audit->auditEvents(1).value().size(), 1);
    }

    void emptyTextFieldsAreStored()
    {
        // Qt binds a null QString as SQL NULL; the store must not trip over defaults.
        StoredToken token = makeToken(u"empty"_s);
        token.createdBy = QString();
        token.allowedIpRanges = QStringList();
        AuditEvent event;
        event.at = kEpoch;
        event.action = AuditAction::TokenCreated;
        QVERIFY(m_stores.tokens->createToken(token, event).ok());
        QVERIFY(m_stores.tokens->findToken(u"empty"_s)->createdBy.isEmpty());
        QVERIFY(m_stores.tokens->findToken(u"empty"_s)->allowedIpRanges.isEmpty());
        AuditEvent bare;
        bare.at = kEpoch;
        bare.action = AuditAction::SignInFailed;
        QVERIFY(m_stores.audit->recordAudit(bare).ok());
        const auto events = m_stores.audit->auditEvents(2).value();
        QCOMPARE(events.size(), 2);
        QVERIFY(events[0].detail.isEmpty());
        QCOMPARE(events[1].tokenId, u"empty"_s);
    }

    void paginationAndFilters()
    {
        // 250 tokens; pairs share a creation time so the id breaks ties.
        const QDateTime now = kEpoch.addDays(10);
        QList<StoredToken> all;
        for (int i = 0; i < 250; ++i) {
            StoredToken token =
                makeToken(u"tok_%1"_s.arg(i, 3, 10, QChar(u'0')), kEpoch.addSecs(i / 2));
            token.name = (i % 10 == 0 ? u"ÄLPHA service %1"_s : u"worker %1"_s).arg(i);
            token.accessLevel = static_cast<AccessLevel>(i % 5);
            token.enabled = i % 7 != 0;
            if (i % 3 == 0)
                token.expiresAt = now.addSecs(i % 2 == 0 ? -1 : 3600);
            QVERIFY(m_stores.tokens->createToken(token, audit(AuditAction::TokenCreated)).ok());
            all.append(token);
        }
        std::sort(all.begin(), all.end(), [](const StoredToken &l, const StoredToken &r) {
            return l.createdAt != r.createdAt ? l.createdAt > r.createdAt : l.id > r.id;
        });

        const auto collect = [&](TokenQuery query, int *pages) {
            QStringList ids;
            query.now = now;
            *pages = 0;
            for (;;) {
                auto page = m_stores.tokens->listTokens(query);
                if (!page.ok())
                    return QStringList{u"error"_s};
                ++*pages;
                for (const StoredToken &token : page->items)
                    ids.append(token.id);
                if (page->nextCursor.isEmpty())
                    break;
                if (page->items.size() != query.limit || *pages > 300)
                    return QStringList{u"short page before the end"_s};
                query.cursor = page->nextCursor;
            }
            return ids;
        };
        const auto expected = [&](auto predicate) {
            QStringList ids;
            for (const StoredToken &token : all) {
                if (predicate(token))
                    ids.append(token.id);
            }
            return ids;
        };

        int pages = 0;
        TokenQuery everything;
        everything.limit = 100;
        QCOMPARE(collect(everything, &pages), expected([](const StoredToken &) { return true; }));
        QCOMPARE(pages, 3);
        everything.limit = 1000;
        QCOMPARE(collect(everything, &pages).size(), 250);
        QCOMPARE(pages, 1);
        everything.limit = 125; // exactly two full pages: the second says "no more"
        QCOMPARE(collect(everything, &pages).size(), 250);
        QCOMPARE(pages, 2);

        TokenQuery byText;
        byText.limit = 7;
        byText.text = u"älpha"_s; // case-insensitive beyond ASCII
        QCOMPARE(collect(byText, &pages),
                 expected([](const StoredToken &t) { return t.name.startsWith(u"ÄLPHA"_s); }));
        QCOMPARE(pages, 4);
        byText.text = u"TOK_04"_s; // matches ids too
        QCOMPARE(collect(byText, &pages),
                 expected([](const StoredToken &t) { return t.id.startsWith(u"tok_04"_s); }));

        TokenQuery disabled;
        disabled.limit = 9;
        disabled.status = u"disabled"_s;
        QCOMPARE(collect(disabled, &pages),
                 expected([](const StoredToken &t) { return !t.enabled; }));
        TokenQuery expired = disabled;
        expired.status = u"expired"_s;
        QCOMPARE(collect(expired, &pages), expected([&](const StoredToken &t) {
                     return t.enabled && t.expiresAt && *t.expiresAt <= now;
                 }));
        TokenQuery active = disabled;
        active.status = u"active"_s;
        QCOMPARE(collect(active, &pages), expected([&](const StoredToken &t) {
                     return t.enabled && (!t.expiresAt || *t.expiresAt > now);
                 }));

        TokenQuery combined;
        combined.limit = 3;
        combined.accessLevel = AccessLevel::Editorial;
        combined.status = u"active"_s;
        combined.text = u"worker"_s;
        QCOMPARE(collect(combined, &pages), expected([&](const StoredToken &t) {
                     return t.accessLevel == AccessLevel::Editorial && t.enabled
                         && (!t.expiresAt || *t.expiresAt > now) && t.name.contains(u"worker"_s);
                 }));
    }

    void searchTreatsWildcardsLiterally()
    {
        StoredToken percent = makeToken(u"p"_s);
        percent.name = u"100% done_now"_s;
        QVERIFY(m_stores.tokens->createToken(percent, audit(AuditAction::TokenCreated)).ok());
        QVERIFY(
            m_stores.tokens->createToken(makeToken(u"other"_s), audit(AuditAction::TokenCreated))
                .ok());
        for (const QString &text : {u"%"_s, u"_"_s, u"0% d"_s, u"e_n"_s}) {
            TokenQuery query;
            query.text = text;
            const auto page = m_stores.tokens->listTokens(query).value();
            QCOMPARE(page.items.size(), 1);
            QCOMPARE(page.items.first().id, u"p"_s);
        }
    }

    void garbageCursorIsRejected_data()
    {
        QTest::addColumn<QString>("cursor");
        QTest::newRow("not base64") << u"!!!not-a-cursor!!!"_s;
        QTest::newRow("no separator") << QString::fromLatin1("foo"_ba.toBase64());
        QTest::newRow("not a number")
            << QString::fromLatin1("abc|tok"_ba.toBase64(QByteArray::Base64UrlEncoding));
        QTest::newRow("no id") << QString::fromLatin1(
            "123|"_ba.toBase64(QByteArray::Base64UrlEncoding));
        QTest::newRow("non-ascii") << u"ÄÖÜ"_s;
    }
    void garbageCursorIsRejected()
    {
        QFETCH(QString, cursor);
        TokenQuery query;
        query.cursor = cursor;
        auto page = m_stores.tokens->listTokens(query);
        QVERIFY(!page.ok());
        QCOMPARE(page.error().code, StoreErrorCode::InvalidCursor);
    }

    void admins()
    {
        const AdminAccount bob{u"bob"_s, u"$argon2id$hash-b"_s, kEpoch, kEpoch};
        const AdminAccount alice{u"alice"_s, u"$argon2id$hash-a"_s, kEpoch, kEpoch};
        QVERIFY(m_stores.accounts->addAdmin(bob).ok());
        QVERIFY(m_stores.accounts->addAdmin(alice).ok());
        QCOMPARE(m_stores.accounts->addAdmin(bob).error().code, StoreErrorCode::AlreadyExists);
        const auto list = m_stores.accounts->listAdmins().value();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].username, u"alice"_s);
        QCOMPARE(list[1].username, u"bob"_s);
        QCOMPARE(m_stores.accounts->findAdmin(u"bob"_s)->passwordHash, bob.passwordHash);
        QCOMPARE(m_stores.accounts->findAdmin(u"bob"_s)->createdAt, kEpoch);
        QCOMPARE(m_stores.accounts->findAdmin(u"carol"_s).error().code, StoreErrorCode::NotFound);

        QVERIFY(m_stores.accounts->setAdminPassword(u"bob"_s, u"$argon2id$new"_s, kEpoch.addSecs(5))
                    .ok());
        QCOMPARE(m_stores.accounts->findAdmin(u"bob"_s)->passwordHash, u"$argon2id$new"_s);
        QCOMPARE(m_stores.accounts->findAdmin(u"bob"_s)->updatedAt, kEpoch.addSecs(5));
        QCOMPARE(m_stores.accounts->setAdminPassword(u"carol"_s, u"x"_s, kEpoch).error().code,
                 StoreErrorCode::NotFound);

        QVERIFY(m_stores.accounts->removeAdmin(u"bob"_s).ok());
        QCOMPARE(m_stores.accounts->findAdmin(u"bob"_s).error().code, StoreErrorCode::NotFound);
        QCOMPARE(m_stores.accounts->removeAdmin(u"bob"_s).error().code, StoreErrorCode::NotFound);
        QCOMPARE(m_stores.accounts->listAdmins()->size(), 1);
    }

    void sessions()
    {
        QVERIFY(m_stores.accounts->addAdmin({u"alice"_s, u"h"_s, kEpoch, kEpoch}).ok());
        const SessionRecord session{QByteArray(32, '\x01'), u"alice"_s, kEpoch, kEpoch,
                                    kEpoch.addSecs(3600)};
        QVERIFY(m_stores.accounts->createSession(session).ok());
        auto found = m_stores.accounts->findSession(session.tokenHash);
        QVERIFY(found.ok());
        QCOMPARE(found->username, u"alice"_s);
        QCOMPARE(found->expiresAt, kEpoch.addSecs(3600));
        QCOMPARE(found->lastSeenAt, kEpoch);

        QVERIFY(m_stores.accounts->touchSession(session.tokenHash, kEpoch.addSecs(30)).ok());
        QCOMPARE(m_stores.accounts->findSession(session.tokenHash)->lastSeenAt, kEpoch.addSecs(30));
        QVERIFY(m_stores.accounts->touchSession(session.tokenHash, kEpoch.addSecs(10)).ok());
        QCOMPARE(m_stores.accounts->findSession(session.tokenHash)->lastSeenAt, kEpoch.addSecs(30));

        QVERIFY(m_stores.accounts->deleteSession(session.tokenHash).ok());
        QCOMPARE(m_stores.accounts->findSession(session.tokenHash).error().code,
                 StoreErrorCode::NotFound);
        QVERIFY(m_stores.accounts->deleteSession(session.tokenHash).ok());

        SessionRecord orphan = session;
        orphan.username = u"nobody"_s;
        QCOMPARE(m_stores.accounts->createSession(orphan).error().code, StoreErrorCode::NotFound);

        // A password change and a removal end the user's sessions.
        QVERIFY(m_stores.accounts->createSession(session).ok());
        QVERIFY(m_stores.accounts->setAdminPassword(u"alice"_s, u"h2"_s, kEpoch).ok());
        QCOMPARE(m_stores.accounts->findSession(session.tokenHash).error().code,
                 StoreErrorCode::NotFound);
        QVERIFY(m_stores.accounts->createSession(session).ok());
        QVERIFY(m_stores.accounts->removeAdmin(u"alice"_s).ok());
        QCOMPARE(m_stores.accounts->findSession(session.tokenHash).error().code,
                 StoreErrorCode::NotFound);
    }

    void expiredSessionsAreSwept()
    {
        QVERIFY(m_stores.accounts->addAdmin({u"alice"_s, u"h"_s, kEpoch, kEpoch}).ok());
        const SessionRecord old{QByteArray(32, '\x02'), u"alice"_s, kEpoch, kEpoch,
                                kEpoch.addSecs(60)};
        QVERIFY(m_stores.accounts->createSession(old).ok());
        const SessionRecord later{QByteArray(32, '\x03'), u"alice"_s, kEpoch.addSecs(61),
                                  kEpoch.addSecs(61), kEpoch.addSecs(3600)};
        QVERIFY(m_stores.accounts->createSession(later).ok());
        QCOMPARE(m_stores.accounts->findSession(old.tokenHash).error().code,
                 StoreErrorCode::NotFound);
        QVERIFY(m_stores.accounts->findSession(later.tokenHash).ok());
    }

    void reopenKeepsData()
    {
        StoredToken token = makeToken(u"keep"_s);
        token.expiresAt = kEpoch.addDays(2);
        QVERIFY(m_stores.tokens->createToken(token, audit(AuditAction::TokenCreated)).ok());
        QVERIFY(m_stores.accounts->addAdmin({u"alice"_s, u"h"_s, kEpoch, kEpoch}).ok());
        QVERIFY(reopen());
        QCOMPARE(m_stores.tokens->findToken(u"keep"_s)->expiresAt, token.expiresAt);
        QVERIFY(m_stores.accounts->findAdmin(u"alice"_s).ok());
        QCOMPARE(auditCount(), 1);
    }

    void twoStoresOnOneThread()
    {
        // Connection names are per pool: a second database's stores work
        // beside the first's and leave them intact when they close.
        Testing::TestDatabase other;
        QVERIFY2(other.isValid(), qPrintable(other.errorString()));
        {
            auto second = openStores(other);
            QVERIFY(second);
            QVERIFY(
                second->tokens->createToken(makeToken(u"s2"_s), audit(AuditAction::TokenCreated))
                    .ok());
        }
        QCOMPARE(m_stores.tokens->findToken(u"s2"_s).error().code, StoreErrorCode::NotFound);
        QVERIFY(m_stores.tokens->createToken(makeToken(u"s1"_s), audit(AuditAction::TokenCreated))
                    .ok());
    }

    void twoInstancesShareOneDatabase()
    {
        // Two pools on one database, as two server instances have: what one
        // writes, the other reads at once; If-Match holds across them.
        auto other = openStores(*m_database);
        QVERIFY(other);
        QVERIFY(
            m_stores.tokens->createToken(makeToken(u"x"_s), audit(AuditAction::TokenCreated)).ok());
        QCOMPARE(other->tokens->findToken(u"x"_s)->revision, 1);
        TokenChanges rename;
        rename.name = u"By B"_s;
        QVERIFY(
            other->tokens->updateToken(u"x"_s, rename, 1, kEpoch, audit(AuditAction::TokenChanged))
                .ok());
        rename.name = u"By A, on a stale revision"_s;
        QCOMPARE(m_stores.tokens
                     ->updateToken(u"x"_s, rename, 1, kEpoch, audit(AuditAction::TokenChanged))
                     .error()
                     .code,
                 StoreErrorCode::RevisionMismatch);
        QCOMPARE(m_stores.tokens->findToken(u"x"_s)->name, u"By B"_s);
        // Last use: the latest wins whichever instance saw it.
        QVERIFY(other->tokens->recordUsage({{u"x"_s, kEpoch.addSecs(20), u"192.0.2.20"_s}}).ok());
        QVERIFY(m_stores.tokens->recordUsage({{u"x"_s, kEpoch.addSecs(10), u"192.0.2.10"_s}}).ok());
        QCOMPARE(m_stores.tokens->findToken(u"x"_s)->lastUsedIp, u"192.0.2.20"_s);
        // A session made on one is found on the other.
        QVERIFY(m_stores.accounts->addAdmin({u"alice"_s, u"h"_s, kEpoch, kEpoch}).ok());
        const SessionRecord session{QByteArray(32, '\x07'), u"alice"_s, kEpoch, kEpoch,
                                    kEpoch.addSecs(3600)};
        QVERIFY(m_stores.accounts->createSession(session).ok());
        QCOMPARE(other->accounts->findSession(session.tokenHash)->username, u"alice"_s);
    }

    void changeFeed()
    {
        // Every change of a token, and only a change, appends to the feed
        // the other instances' verify caches follow.
        // On PostgreSQL each one is also NOTIFYed, on commit only.
        std::optional<ChannelListener> listener;
        if (m_database->isPostgres()) {
            listener.emplace(*m_database);
            QVERIFY2(listener->error().isEmpty(), qPrintable(listener->error()));
        }
        const qint64 start = m_stores.tokens->changesSince(0, 100)->latestGeneration;
        QCOMPARE(start, 0);
        QVERIFY(
            m_stores.tokens->createToken(makeToken(u"a"_s), audit(AuditAction::TokenCreated)).ok());
        QVERIFY(
            m_stores.tokens->createToken(makeToken(u"b"_s), audit(AuditAction::TokenCreated)).ok());
        TokenChanges disable;
        disable.enabled = false;
        QVERIFY(m_stores.tokens
                    ->updateToken(u"a"_s, disable, std::nullopt, kEpoch,
                                  audit(AuditAction::TokenDisabled))
                    .ok());
        QVERIFY(m_stores.tokens
                    ->rotateSecret(u"b"_s, "h"_ba, "s"_ba, std::nullopt, std::nullopt, kEpoch,
                                   audit(AuditAction::TokenRotated))
                    .ok());
        // Not changes: use, a refused write, a missing token.
        QVERIFY(m_stores.tokens->recordUsage({{u"a"_s, kEpoch, u"192.0.2.1"_s}}).ok());
        QVERIFY(!m_stores.tokens
                     ->updateToken(u"a"_s, disable, 1, kEpoch, audit(AuditAction::TokenChanged))
                     .ok());
        QVERIFY(!m_stores.tokens->deleteToken(u"nope"_s, audit(AuditAction::TokenDeleted)).ok());
        QVERIFY(m_stores.tokens->deleteToken(u"a"_s, audit(AuditAction::TokenDeleted)).ok());

        const auto all = m_stores.tokens->changesSince(0, 100).value();
        QStringList ids;
        qint64 previous = 0;
        for (const TokenChange &change : all.changes) {
            ids.append(change.tokenId);
            QVERIFY(change.generation > previous); // oldest first
            previous = change.generation;
        }
        QCOMPARE(ids, (QStringList{u"a"_s, u"b"_s, u"a"_s, u"b"_s, u"a"_s}));
        QCOMPARE(all.latestGeneration, previous);
        if (listener)
            QTRY_COMPARE(listener->heard(), ids);

        // Paged, and from where a reader stopped.
        const auto firstTwo = m_stores.tokens->changesSince(0, 2).value();
        QCOMPARE(firstTwo.changes.size(), 2);
        const auto rest = m_stores.tokens->changesSince(firstTwo.changes.last().generation, 100);
        QCOMPARE(rest->changes.size(), 3);
        QCOMPARE(rest->changes.first().generation, all.changes[2].generation);
        QVERIFY(m_stores.tokens->changesSince(all.latestGeneration, 100)->changes.isEmpty());
        QCOMPARE(m_stores.tokens->changesSince(all.latestGeneration, 100)->latestGeneration,
                 all.latestGeneration);

        // Pruning keeps the newest generation: a reader that starts later
        // still learns where the feed stands.
        QVERIFY(m_stores.tokens->pruneChanges(QDateTime::currentMSecsSinceEpoch() + 60'000).ok());
        const auto pruned = m_stores.tokens->changesSince(0, 100).value();
        QCOMPARE(pruned.changes.size(), 1);
        QCOMPARE(pruned.latestGeneration, all.latestGeneration);
    }

    void throttleCountsEveryFailure()
    {
        // Failures counted at once by several instances all count: the row
        // is held while it changes.
        auto other = openStores(*m_database);
        QVERIFY(other);
        constexpr int kThreads = 8;
        constexpr int kPerThread = 25;
        std::atomic<int> errors{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            AccountStore &accounts = t % 2 ? *other->accounts : *m_stores.accounts;
            threads.emplace_back([&accounts, &errors] {
                for (int i = 0; i < kPerThread; ++i) {
                    const auto counted = accounts.updateThrottle(
                        u"alice|192.0.2.1"_s, 0, [](const std::optional<ThrottleRecord> &before) {
                            ThrottleRecord after = before.value_or(ThrottleRecord{});
                            ++after.failures;
                            after.lastFailureMs = 1'000;
                            return after;
                        });
                    if (!counted)
                        ++errors;
                }
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        QCOMPARE(errors.load(), 0);
        const auto record = m_stores.accounts->findThrottle(u"alice|192.0.2.1"_s).value();
        QVERIFY(record);
        QCOMPARE(record->failures, kThreads * kPerThread);
        QCOMPARE(record->lastFailureMs, 1'000);
        QVERIFY(!m_stores.accounts->findThrottle(u"bob|192.0.2.1"_s).value());

        // Records not touched since `forgetBeforeMs` go when the next one is counted.
        const auto one = [](const std::optional<ThrottleRecord> &) {
            return ThrottleRecord{1, 5'000, 0};
        };
        QVERIFY(other->accounts->updateThrottle(u"bob|192.0.2.1"_s, 2'000, one).ok());
        QVERIFY(!m_stores.accounts->findThrottle(u"alice|192.0.2.1"_s).value());
        QCOMPARE(m_stores.accounts->findThrottle(u"bob|192.0.2.1"_s).value()->failures, 1);
        QVERIFY(m_stores.accounts->clearThrottle(u"bob|192.0.2.1"_s).ok());
        QVERIFY(!other->accounts->findThrottle(u"bob|192.0.2.1"_s).value());
    }

    void concurrentCreates()
    {
        constexpr int kThreads = 8;
        constexpr int kPerThread = 100;
        std::atomic<int> failures{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([this, t, &failures] {
                for (int i = 0; i < kPerThread; ++i) {
                    const QString id = u"c%1_%2"_s.arg(t).arg(i);
                    if (!m_stores.tokens
                             ->createToken(makeToken(id, kEpoch.addMSecs(i)),
                                           audit(AuditAction::TokenCreated))
                             .ok())
                        ++failures;
                    if (!m_stores.tokens->findToken(id).ok())
                        ++failures;
                }
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        QCOMPARE(failures.load(), 0);
        TokenQuery query;
        query.limit = 1000;
        const auto page = m_stores.tokens->listTokens(query).value();
        QCOMPARE(page.items.size(), kThreads * kPerThread);
        QSet<QString> ids;
        for (const StoredToken &token : page.items)
            ids.insert(token.id);
        QCOMPARE(ids.size(), kThreads * kPerThread);
        QCOMPARE(auditCount(), kThreads * kPerThread);
    }

    void databaseHoldsNoSecret()
    {
        auto key = MasterKey::loadOrCreate(m_database->dataDir(), {});
        QVERIFY(key.ok());
        SecretVault vault(key.value());
        QList<QByteArray> secrets;
        QList<QByteArray> hashes;
        for (int i = 0; i < 20; ++i) {
            const QByteArray secret =
                "aat_KnownSecretValue_" + QByteArray::number(i).rightJustified(4, '0') + "_ZZqj8Xw";
            const QString id = u"sec_%1"_s.arg(i);
            StoredToken token = makeToken(id);
            token.secretHash = vault.hashSecret(secret);
            token.encryptedSecret = vault.encryptSecret(secret, id);
            QVERIFY(m_stores.tokens->createToken(token, audit(AuditAction::TokenCreated)).ok());
            secrets.append(secret);
            hashes.append(token.secretHash);
        }
        const QByteArray rotated = "aat_KnownSecretValue_rotated_ZZqj8Xw"_ba;
        QVERIFY(m_stores.tokens
                    ->rotateSecret(u"sec_0"_s, vault.hashSecret(rotated),
                                   vault.encryptSecret(rotated, u"sec_0"_s), kEpoch.addSecs(60),
                                   std::nullopt, kEpoch, audit(AuditAction::TokenRotated))
                    .ok());
        secrets.append(rotated);
        hashes.append(vault.hashSecret(rotated));
        // What is stored decrypts to the secret: the blobs are real.
        QCOMPARE(
            vault.decryptSecret(m_stores.tokens->findToken(u"sec_3"_s)->encryptedSecret, u"sec_3"_s)
                .value(),
            secrets[3]);

        // Everything the database holds: the files on SQLite, a full
        // pg_dump (what a backup holds) on PostgreSQL, where bytea is hex.
        const QByteArray bytes = m_database->contents();
        QVERIFY2(!bytes.isEmpty(), qPrintable(m_database->lastError()));
        QVERIFY(bytes.size() > 4096);
        // The grep can find things: the hashes are in these bytes.
        for (const QByteArray &hash : std::as_const(hashes))
            QVERIFY(bytes.contains(m_database->isPostgres() ? hash.toHex() : hash));
        QVERIFY(!bytes.contains("aat_KnownSecretValue"_ba));
        for (const QByteArray &secret : std::as_const(secrets)) {
            QVERIFY(!bytes.contains(secret));
            QVERIFY(!bytes.contains(secret.toHex()));
        }
    }
};

QTEST_GUILESS_MAIN(TestStores)
#include "tst_stores.moc"
