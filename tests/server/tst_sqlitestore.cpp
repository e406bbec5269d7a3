#include "crypto/MasterKey.h"
#include "crypto/SecretVault.h"
#include "store/SqliteSchema.h"
#include "store/SqliteStore.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
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

std::unique_ptr<SqliteStore> openStore(const QString &dir)
{
    auto store = SqliteStore::open(dir);
    if (!store)
        qWarning("%s", qPrintable(store.error()));
    return store ? std::move(store).value() : nullptr;
}

// Runs `sql` on a connection of its own, outside the store.
QVariant inspect(const QString &databasePath, const QString &sql)
{
    QVariant result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"inspect"_s);
        db.setDatabaseName(databasePath);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next())
                result = query.value(0);
        }
    }
    QSqlDatabase::removeDatabase(u"inspect"_s);
    return result;
}

unsigned modeOf(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return 0xffff;
    return info.st_mode & 0777;
}

} // namespace

class TestSqliteStore : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqliteStore> m_store;

    int auditCount() { return int(m_store->auditEvents(100000).value().size()); }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_store = openStore(m_dir->filePath(u"data"_s));
        QVERIFY(m_store);
    }
    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void createsPrivateFilesAndSchema()
    {
        const QString dataDir = m_dir->filePath(u"data"_s);
        const QString path = dataDir + u"/apiaccess.sqlite3"_s;
        QCOMPARE(m_store->databasePath(), path);
        QCOMPARE(modeOf(dataDir), 0700u);
        QCOMPARE(modeOf(path), 0600u);
        QVERIFY(m_store->createToken(makeToken(u"t1"_s), audit(AuditAction::TokenCreated)).ok());
        QCOMPARE(modeOf(path + u"-wal"_s), 0600u);
        QCOMPARE(inspect(path, u"SELECT version FROM schema_version"_s).toInt(),
                 SqliteSchema::currentVersion());
        QCOMPARE(inspect(path, u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
    }

    void refusesNewerSchema()
    {
        const QString dataDir = m_dir->filePath(u"data"_s);
        m_store.reset();
        inspect(dataDir + u"/apiaccess.sqlite3"_s, u"UPDATE schema_version SET version = 99"_s);
        auto reopened = SqliteStore::open(dataDir);
        QVERIFY(!reopened.ok());
        QVERIFY2(reopened.error().contains(u"newer"_s), qPrintable(reopened.error()));
        QVERIFY(reopened.error().contains(u"99"_s));
    }

    void createAndFindToken()
    {
        StoredToken token = makeToken(u"tok_1"_s);
        token.expiresAt = kEpoch.addDays(30);
        token.previousSecretHash = "old"_ba;
        token.previousSecretValidUntil = kEpoch.addSecs(60);
        auto created = m_store->createToken(token, audit(AuditAction::TokenCreated));
        QVERIFY(created.ok());
        auto found = m_store->findToken(u"tok_1"_s);
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

        const auto events = m_store->auditEvents(10).value();
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].action, AuditAction::TokenCreated);
        QCOMPARE(events[0].tokenId, u"tok_1"_s);
        QCOMPARE(events[0].actor.name, u"alice"_s);
        QCOMPARE(events[0].actor.address, QHostAddress(u"192.0.2.1"_s));
        QCOMPARE(events[0].at, kEpoch);

        auto duplicate = m_store->createToken(token, audit(AuditAction::TokenCreated));
        QVERIFY(!duplicate.ok());
        QCOMPARE(duplicate.error().code, StoreErrorCode::AlreadyExists);
        QCOMPARE(auditCount(), 1); // the failed create wrote no audit event

        auto missing = m_store->findToken(u"nope"_s);
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
        QVERIFY(m_store->createToken(makeToken(u"u"_s), audit(AuditAction::TokenCreated)).ok());
        TokenChanges changes;
        changes.name = u"Renamed"_s;
        changes.accessLevel = AccessLevel::Administrative;
        changes.allowedIpRanges = QStringList{};
        changes.expiresAt = std::optional<QDateTime>(kEpoch.addDays(1));
        changes.enabled = false;
        const QDateTime now = kEpoch.addSecs(100);
        auto updated =
            m_store->updateToken(u"u"_s, changes, 1, now, audit(AuditAction::TokenChanged));
        QVERIFY(updated.ok());
        QCOMPARE(updated->revision, 2);
        QCOMPARE(updated->updatedAt, now);
        const StoredToken got = m_store->findToken(u"u"_s).value();
        QCOMPARE(got.name, u"Renamed"_s);
        QCOMPARE(got.accessLevel, AccessLevel::Administrative);
        QVERIFY(got.allowedIpRanges.isEmpty());
        QCOMPARE(got.expiresAt, kEpoch.addDays(1));
        QVERIFY(!got.enabled);
        QCOMPARE(got.revision, 2);
        QCOMPARE(got.updatedAt, now);
        QCOMPARE(got.createdAt, kEpoch);
        QCOMPARE(m_store->auditEvents(1).value().first().action, AuditAction::TokenChanged);
        QCOMPARE(m_store->auditEvents(1).value().first().tokenId, u"u"_s);

        // Clearing the expiry; no expected revision.
        TokenChanges clear;
        clear.expiresAt = std::optional<QDateTime>();
        QVERIFY(
            m_store->updateToken(u"u"_s, clear, std::nullopt, now, audit(AuditAction::TokenChanged))
                .ok());
        QVERIFY(!m_store->findToken(u"u"_s)->expiresAt);
        QCOMPARE(m_store->findToken(u"u"_s)->revision, 3);

        const int before = auditCount();
        auto stale =
            m_store->updateToken(u"u"_s, changes, 1, now, audit(AuditAction::TokenChanged));
        QVERIFY(!stale.ok());
        QCOMPARE(stale.error().code, StoreErrorCode::RevisionMismatch);
        QCOMPARE(m_store->findToken(u"u"_s)->revision, 3);
        QVERIFY(!m_store->findToken(u"u"_s)->expiresAt);

        auto missing = m_store->updateToken(u"x"_s, changes, std::nullopt, now,
                                            audit(AuditAction::TokenChanged));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, StoreErrorCode::NotFound);
        QCOMPARE(auditCount(), before);
    }

    void rotateSecret()
    {
        QVERIFY(m_store->createToken(makeToken(u"r"_s), audit(AuditAction::TokenCreated)).ok());
        const QByteArray original = m_store->findToken(u"r"_s)->secretHash;
        const QDateTime now = kEpoch.addSecs(10);
        auto rotated = m_store->rotateSecret(u"r"_s, "hash2"_ba, "sealed2"_ba, now.addSecs(300),
                                             std::nullopt, now, audit(AuditAction::TokenRotated));
        QVERIFY(rotated.ok());
        StoredToken got = m_store->findToken(u"r"_s).value();
        QCOMPARE(got.secretHash, "hash2"_ba);
        QCOMPARE(got.encryptedSecret, "sealed2"_ba);
        QCOMPARE(got.previousSecretHash, original);
        QCOMPARE(got.previousSecretValidUntil, now.addSecs(300));
        QCOMPARE(got.revision, 2);
        QCOMPARE(got.updatedAt, now);
        QCOMPARE(m_store->auditEvents(1).value().first().action, AuditAction::TokenRotated);

        // Without grace the previous secret is gone at once.
        QVERIFY(m_store
                    ->rotateSecret(u"r"_s, "hash3"_ba, "sealed3"_ba, std::nullopt, std::nullopt,
                                   now.addSecs(1), audit(AuditAction::TokenRotated))
                    .ok());
        got = m_store->findToken(u"r"_s).value();
        QCOMPARE(got.secretHash, "hash3"_ba);
        QVERIFY(got.previousSecretHash.isEmpty());
        QVERIFY(!got.previousSecretValidUntil);
        QCOMPARE(got.revision, 3);

        // An expected revision the token has moved past: nothing changes,
        // not even the audit log. The current one is accepted.
        const qsizetype audited = m_store->auditEvents(100).value().size();
        auto stale = m_store->rotateSecret(u"r"_s, "hash4"_ba, "sealed4"_ba, std::nullopt, 2,
                                           now.addSecs(2), audit(AuditAction::TokenRotated));
        QCOMPARE(stale.error().code, StoreErrorCode::RevisionMismatch);
        got = m_store->findToken(u"r"_s).value();
        QCOMPARE(got.secretHash, "hash3"_ba);
        QCOMPARE(got.revision, 3);
        QCOMPARE(m_store->auditEvents(100).value().size(), audited);
        QVERIFY(m_store
                    ->rotateSecret(u"r"_s, "hash4"_ba, "sealed4"_ba, std::nullopt, 3,
                                   now.addSecs(2), audit(AuditAction::TokenRotated))
                    .ok());
        QCOMPARE(m_store->findToken(u"r"_s)->revision, 4);

        auto missing = m_store->rotateSecret(u"x"_s, "h"_ba, "s"_ba, std::nullopt, std::nullopt,
                                             now, audit(AuditAction::TokenRotated));
        QCOMPARE(missing.error().code, StoreErrorCode::NotFound);
    }

    void deleteToken()
    {
        QVERIFY(m_store->createToken(makeToken(u"d"_s), audit(AuditAction::TokenCreated)).ok());
        QVERIFY(m_store->deleteToken(u"d"_s, audit(AuditAction::TokenDeleted)).ok());
        QCOMPARE(m_store->findToken(u"d"_s).error().code, StoreErrorCode::NotFound);
        QCOMPARE(m_store->auditEvents(1).value().first().action, AuditAction::TokenDeleted);
        QCOMPARE(m_store->auditEvents(1).value().first().tokenId, u"d"_s);
        const int before = auditCount();
        QCOMPARE(m_store->deleteToken(u"d"_s, audit(AuditAction::TokenDeleted)).error().code,
                 StoreErrorCode::NotFound);
        QCOMPARE(auditCount(), before);
    }

    void recordUsageNeverGoesBackwards()
    {
        QVERIFY(m_store->createToken(makeToken(u"a"_s), audit(AuditAction::TokenCreated)).ok());
        QVERIFY(m_store->createToken(makeToken(u"b"_s), audit(AuditAction::TokenCreated)).ok());
        const QDateTime t1 = kEpoch.addSecs(60), t2 = kEpoch.addSecs(120);
        QVERIFY(m_store
                    ->recordUsage({{u"a"_s, t2, u"192.0.2.9"_s},
                                   {u"a"_s, t1, u"192.0.2.8"_s},
                                   {u"b"_s, t1, u"2001:db8::7"_s},
                                   {u"deleted-meanwhile"_s, t1, u"192.0.2.1"_s}})
                    .ok());
        StoredToken a = m_store->findToken(u"a"_s).value();
        QCOMPARE(a.lastUsedAt, t2);
        QCOMPARE(a.lastUsedIp, u"192.0.2.9"_s);
        QCOMPARE(a.revision, 1); // use is not a change: ETags stay
        QCOMPARE(m_store->findToken(u"b"_s)->lastUsedIp, u"2001:db8::7"_s);

        QVERIFY(m_store->recordUsage({{u"a"_s, t1, u"192.0.2.5"_s}}).ok());
        QCOMPARE(m_store->findToken(u"a"_s)->lastUsedAt, t2);
        QCOMPARE(m_store->findToken(u"a"_s)->lastUsedIp, u"192.0.2.9"_s);
        QVERIFY(m_store->recordUsage({}).ok());
    }

    void recordAudit()
    {
        AuditEvent signIn = audit(AuditAction::SignedIn);
        signIn.actor.address = QHostAddress(u"2001:db8::5"_s);
        QVERIFY(m_store->recordAudit(signIn).ok());
        AuditEvent failed = audit(AuditAction::SignInFailed);
        failed.actor.address = QHostAddress();
        QVERIFY(m_store->recordAudit(failed).ok());
        const auto events = m_store->auditEvents(10).value();
        QCOMPARE(events.size(), 2);
        QCOMPARE(events[0].action, AuditAction::SignInFailed); // newest first
        QVERIFY(events[0].actor.address.isNull());
        QCOMPARE(events[1].action, AuditAction::SignedIn);
        QCOMPARE(events[1].actor.address, QHostAddress(u"2001:db8::5"_s));
        QVERIFY(events[1].tokenId.isEmpty());
        QCOMPARE(m_store->auditEvents(1).value().size(), 1);
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
        QVERIFY(m_store->createToken(token, event).ok());
        QVERIFY(m_store->findToken(u"empty"_s)->createdBy.isEmpty());
        QVERIFY(m_store->findToken(u"empty"_s)->allowedIpRanges.isEmpty());
        AuditEvent bare;
        bare.at = kEpoch;
        bare.action = AuditAction::SignInFailed;
        QVERIFY(m_store->recordAudit(bare).ok());
        const auto events = m_store->auditEvents(2).value();
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
            QVERIFY(m_store->createToken(token, audit(AuditAction::TokenCreated)).ok());
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
                auto page = m_store->listTokens(query);
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
        QVERIFY(m_store->createToken(percent, audit(AuditAction::TokenCreated)).ok());
        QVERIFY(m_store->createToken(makeToken(u"other"_s), audit(AuditAction::TokenCreated)).ok());
        for (const QString &text : {u"%"_s, u"_"_s, u"0% d"_s, u"e_n"_s}) {
            TokenQuery query;
            query.text = text;
            const auto page = m_store->listTokens(query).value();
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
        auto page = m_store->listTokens(query);
        QVERIFY(!page.ok());
        QCOMPARE(page.error().code, StoreErrorCode::InvalidCursor);
    }

    void admins()
    {
        const AdminAccount bob{u"bob"_s, u"$argon2id$hash-b"_s, kEpoch, kEpoch};
        const AdminAccount alice{u"alice"_s, u"$argon2id$hash-a"_s, kEpoch, kEpoch};
        QVERIFY(m_store->addAdmin(bob).ok());
        QVERIFY(m_store->addAdmin(alice).ok());
        QCOMPARE(m_store->addAdmin(bob).error().code, StoreErrorCode::AlreadyExists);
        const auto list = m_store->listAdmins().value();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].username, u"alice"_s);
        QCOMPARE(list[1].username, u"bob"_s);
        QCOMPARE(m_store->findAdmin(u"bob"_s)->passwordHash, bob.passwordHash);
        QCOMPARE(m_store->findAdmin(u"bob"_s)->createdAt, kEpoch);
        QCOMPARE(m_store->findAdmin(u"carol"_s).error().code, StoreErrorCode::NotFound);

        QVERIFY(m_store->setAdminPassword(u"bob"_s, u"$argon2id$new"_s, kEpoch.addSecs(5)).ok());
        QCOMPARE(m_store->findAdmin(u"bob"_s)->passwordHash, u"$argon2id$new"_s);
        QCOMPARE(m_store->findAdmin(u"bob"_s)->updatedAt, kEpoch.addSecs(5));
        QCOMPARE(m_store->setAdminPassword(u"carol"_s, u"x"_s, kEpoch).error().code,
                 StoreErrorCode::NotFound);

        QVERIFY(m_store->removeAdmin(u"bob"_s).ok());
        QCOMPARE(m_store->findAdmin(u"bob"_s).error().code, StoreErrorCode::NotFound);
        QCOMPARE(m_store->removeAdmin(u"bob"_s).error().code, StoreErrorCode::NotFound);
        QCOMPARE(m_store->listAdmins()->size(), 1);
    }

    void sessions()
    {
        QVERIFY(m_store->addAdmin({u"alice"_s, u"h"_s, kEpoch, kEpoch}).ok());
        const SessionRecord session{QByteArray(32, '\x01'), u"alice"_s, kEpoch, kEpoch,
                                    kEpoch.addSecs(3600)};
        QVERIFY(m_store->createSession(session).ok());
        auto found = m_store->findSession(session.tokenHash);
        QVERIFY(found.ok());
        QCOMPARE(found->username, u"alice"_s);
        QCOMPARE(found->expiresAt, kEpoch.addSecs(3600));
        QCOMPARE(found->lastSeenAt, kEpoch);

        QVERIFY(m_store->touchSession(session.tokenHash, kEpoch.addSecs(30)).ok());
        QCOMPARE(m_store->findSession(session.tokenHash)->lastSeenAt, kEpoch.addSecs(30));
        QVERIFY(m_store->touchSession(session.tokenHash, kEpoch.addSecs(10)).ok());
        QCOMPARE(m_store->findSession(session.tokenHash)->lastSeenAt, kEpoch.addSecs(30));

        QVERIFY(m_store->deleteSession(session.tokenHash).ok());
        QCOMPARE(m_store->findSession(session.tokenHash).error().code, StoreErrorCode::NotFound);
        QVERIFY(m_store->deleteSession(session.tokenHash).ok());

        SessionRecord orphan = session;
        orphan.username = u"nobody"_s;
        QCOMPARE(m_store->createSession(orphan).error().code, StoreErrorCode::NotFound);

        // A password change and a removal end the user's sessions.
        QVERIFY(m_store->createSession(session).ok());
        QVERIFY(m_store->setAdminPassword(u"alice"_s, u"h2"_s, kEpoch).ok());
        QCOMPARE(m_store->findSession(session.tokenHash).error().code, StoreErrorCode::NotFound);
        QVERIFY(m_store->createSession(session).ok());
        QVERIFY(m_store->removeAdmin(u"alice"_s).ok());
        QCOMPARE(m_store->findSession(session.tokenHash).error().code, StoreErrorCode::NotFound);
    }

    void expiredSessionsAreSwept()
    {
        QVERIFY(m_store->addAdmin({u"alice"_s, u"h"_s, kEpoch, kEpoch}).ok());
        const SessionRecord old{QByteArray(32, '\x02'), u"alice"_s, kEpoch, kEpoch,
                                kEpoch.addSecs(60)};
        QVERIFY(m_store->createSession(old).ok());
        const SessionRecord later{QByteArray(32, '\x03'), u"alice"_s, kEpoch.addSecs(61),
                                  kEpoch.addSecs(61), kEpoch.addSecs(3600)};
        QVERIFY(m_store->createSession(later).ok());
        QCOMPARE(m_store->findSession(old.tokenHash).error().code, StoreErrorCode::NotFound);
        QVERIFY(m_store->findSession(later.tokenHash).ok());
    }

    void reopenKeepsData()
    {
        StoredToken token = makeToken(u"keep"_s);
        token.expiresAt = kEpoch.addDays(2);
        QVERIFY(m_store->createToken(token, audit(AuditAction::TokenCreated)).ok());
        QVERIFY(m_store->addAdmin({u"alice"_s, u"h"_s, kEpoch, kEpoch}).ok());
        m_store.reset();
        m_store = openStore(m_dir->filePath(u"data"_s));
        QVERIFY(m_store);
        QCOMPARE(m_store->findToken(u"keep"_s)->expiresAt, token.expiresAt);
        QVERIFY(m_store->findAdmin(u"alice"_s).ok());
        QCOMPARE(auditCount(), 1);
    }

    void twoStoresOnOneThread()
    {
        // Connection names are per store: a second store on another
        // directory works beside the first and leaves it intact on close.
        QTemporaryDir other;
        {
            auto second = openStore(other.path());
            QVERIFY(second);
            QVERIFY(second->createToken(makeToken(u"s2"_s), audit(AuditAction::TokenCreated)).ok());
        }
        QCOMPARE(m_store->findToken(u"s2"_s).error().code, StoreErrorCode::NotFound);
        QVERIFY(m_store->createToken(makeToken(u"s1"_s), audit(AuditAction::TokenCreated)).ok());
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
                    if (!m_store
                             ->createToken(makeToken(id, kEpoch.addMSecs(i)),
                                           audit(AuditAction::TokenCreated))
                             .ok())
                        ++failures;
                    if (!m_store->findToken(id).ok())
                        ++failures;
                }
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        QCOMPARE(failures.load(), 0);
        TokenQuery query;
        query.limit = 1000;
        const auto page = m_store->listTokens(query).value();
        QCOMPARE(page.items.size(), kThreads * kPerThread);
        QSet<QString> ids;
        for (const StoredToken &token : page.items)
            ids.insert(token.id);
        QCOMPARE(ids.size(), kThreads * kPerThread);
        QCOMPARE(auditCount(), kThreads * kPerThread);
    }

    void databaseHoldsNoSecret()
    {
        auto key = MasterKey::loadOrCreate(m_dir->filePath(u"data"_s), {});
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
            QVERIFY(m_store->createToken(token, audit(AuditAction::TokenCreated)).ok());
            secrets.append(secret);
            hashes.append(token.secretHash);
        }
        const QByteArray rotated = "aat_KnownSecretValue_rotated_ZZqj8Xw"_ba;
        QVERIFY(m_store
                    ->rotateSecret(u"sec_0"_s, vault.hashSecret(rotated),
                                   vault.encryptSecret(rotated, u"sec_0"_s), kEpoch.addSecs(60),
                                   std::nullopt, kEpoch, audit(AuditAction::TokenRotated))
                    .ok());
        secrets.append(rotated);
        hashes.append(vault.hashSecret(rotated));
        // What is stored decrypts to the secret: the blobs are real.
        QCOMPARE(vault.decryptSecret(m_store->findToken(u"sec_3"_s)->encryptedSecret, u"sec_3"_s)
                     .value(),
                 secrets[3]);

        QByteArray bytes;
        for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s}) {
            QFile file(m_store->databasePath() + suffix);
            if (file.open(QIODevice::ReadOnly))
                bytes += file.readAll();
        }
        QVERIFY(bytes.size() > 4096);
        // The grep can find things: the hashes are in these bytes.
        for (const QByteArray &hash : std::as_const(hashes))
            QVERIFY(bytes.contains(hash));
        QVERIFY(!bytes.contains("aat_KnownSecretValue"_ba));
        for (const QByteArray &secret : std::as_const(secrets))
            QVERIFY(!bytes.contains(secret));
    }
};

QTEST_GUILESS_MAIN(TestSqliteStore)
#include "tst_sqlitestore.moc"
