#include "cache/TokenCacheSchema.h"

#include "cache/TokenCacheRows.h"
#include "cache/TokenListCache.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

#include <span>

using namespace Qt::StringLiterals;

namespace ApiAccess::TokenCacheSchema {

namespace {

// Times are Unix milliseconds in UTC (INTEGER; NULL = none or invalid), the
// ranges a JSON array of their canonical strings, `position` the server's
// order. Nothing here can hold a secret; a test pins the column lists.
constexpr const char16_t *kVersion1[] = {
    uR"(CREATE TABLE snapshot (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        saved_at   INTEGER NOT NULL,
        server_url TEXT NOT NULL,
        username   TEXT NOT NULL
    ))",
    uR"(CREATE TABLE tokens (
        position          INTEGER PRIMARY KEY,
        id                TEXT NOT NULL,
        name              TEXT NOT NULL,
        access_level      TEXT NOT NULL,
        allowed_ip_ranges TEXT NOT NULL,
        status            TEXT NOT NULL,
        created_at        INTEGER,
        created_by        TEXT NOT NULL,
        updated_at        INTEGER,
        expires_at        INTEGER,
        last_used_at      INTEGER,
        last_used_ip      TEXT
    ))",
};

// The migration hook. Append only: entry N takes the schema from version N
// to N+1 and runs in the same transaction as the new user_version. A cache
// is disposable, so a migration that fails only means a rebuilt file.
const std::span<const char16_t *const> kMigrations[] = {
    kVersion1,
};
static_assert(std::size(kMigrations) == TokenListCache::kSchemaVersion,
              "one migration per schema version");

// SQLite's own words ("file is not a database", "database disk image is
// malformed", "database is locked"): they never quote stored values.
Problem problemFrom(const QSqlError &error)
{
    return Problem{isBusy(error), error.databaseText()};
}

// Runs one statement; the value is the first column of its first row.
Result<QVariant, Problem> step(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(sql))
        return fail(problemFrom(query.lastError()));
    return query.next() ? query.value(0) : QVariant();
}

Result<int, Problem> intPragma(QSqlDatabase &db, const QString &sql)
{
    auto value = step(db, sql);
    if (!value)
        return fail(value.error());
    return value->toInt();
}

Result<bool, Problem> migrateLocked(QSqlDatabase &db)
{
    auto version = intPragma(db, u"PRAGMA user_version"_s);
    if (!version)
        return fail(version.error());
    auto objects = intPragma(db, u"SELECT count(*) FROM sqlite_master"_s);
    if (!objects)
        return fail(objects.error());
    if (*version == 0 && *objects != 0)
        return fail(Problem{false,
                            QCoreApplication::translate(
                                "TokenListCache", "an SQLite database with an unknown layout")});
    if (*version > currentVersion())
        return fail(
            Problem{false,
                    QCoreApplication::translate(
                        "TokenListCache", "schema version %1 is newer than this Studio reads (%2)")
                        .arg(*version)
                        .arg(currentVersion())});
    for (int from = *version; from < currentVersion(); ++from) {
        for (const char16_t *statement : kMigrations[from]) {
            if (auto done = step(db, QString::fromUtf16(statement)); !done)
                return fail(Problem{done.error().busy,
                                    QCoreApplication::translate(
                                        "TokenListCache", "migrating to schema version %1: %2")
                                        .arg(from + 1)
                                        .arg(done.error().text)});
        }
    }
    for (const QString &pragma : {u"PRAGMA user_version = %1"_s.arg(currentVersion()),
                                  u"PRAGMA application_id = %1"_s.arg(kApplicationId)}) {
        if (auto done = step(db, pragma); !done)
            return fail(done.error());
    }
    return *version == 0;
}

Result<bool, Problem> migrate(QSqlDatabase &db)
{
    // IMMEDIATE: two Studios creating the same cache take turns, and the
    // second one sees the first one's version inside its transaction.
    if (auto begun = step(db, u"BEGIN IMMEDIATE"_s); !begun)
        return fail(begun.error());
    auto migrated = migrateLocked(db);
    if (migrated) {
        if (auto committed = step(db, u"COMMIT"_s); !committed)
            migrated = fail(committed.error());
    }
    if (!migrated)
        (void)step(db, u"ROLLBACK"_s);
    return migrated;
}

Result<bool, Problem> checkLayout(QSqlDatabase &db)
{
    for (const QString &sql :
         {TokenCacheRows::selectSnapshotSql(), TokenCacheRows::selectTokensSql(),
          TokenCacheRows::insertSnapshotSql(), TokenCacheRows::insertTokenSql()}) {
        QSqlQuery query(db);
        if (!query.prepare(sql))
            return fail(Problem{isBusy(query.lastError()),
                                QCoreApplication::translate(
                                    "TokenListCache", "the tables do not match the schema: %1")
                                    .arg(query.lastError().databaseText())});
    }
    return true;
}

} // namespace

int currentVersion()
{
    return static_cast<int>(std::size(kMigrations));
}

bool isBusy(const QSqlError &error)
{
    constexpr int kSqliteBusy = 5;
    constexpr int kSqliteLocked = 6;
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff;
    return ok && (code == kSqliteBusy || code == kSqliteLocked);
}

Result<bool, Problem> prepare(QSqlDatabase &db)
{
    // The first statement reads the header: a file that is not SQLite fails
    // here, and a journal left by a killed save is rolled back here.
    // DELETE journal: one file at rest, no shared memory (WAL needs it and
    // fails on network home directories); FULL syncs before the journal is
    // removed, so a power cut leaves either snapshot, never a mix.
    auto mode = step(db, u"PRAGMA journal_mode = DELETE"_s);
    if (!mode)
        return fail(mode.error());
    if (mode->toString().compare(u"delete"_s, Qt::CaseInsensitive) != 0)
        return fail(Problem{
            false,
            QCoreApplication::translate("TokenListCache", "SQLite refused the rollback journal")});
    if (auto sync = step(db, u"PRAGMA synchronous = FULL"_s); !sync)
        return fail(sync.error());

    auto check = step(db, u"PRAGMA quick_check(1)"_s);
    if (!check)
        return fail(check.error());
    if (check->toString() != u"ok"_s)
        return fail(Problem{false,
                            QCoreApplication::translate("TokenListCache", "damaged: %1")
                                .arg(check->toString().left(200))});

    auto application = intPragma(db, u"PRAGMA application_id"_s);
    if (!application)
        return fail(application.error());
    if (*application != 0 && *application != kApplicationId)
        return fail(Problem{false,
                            QCoreApplication::translate(
                                "TokenListCache", "an SQLite database of another application")});

    auto version = intPragma(db, u"PRAGMA user_version"_s);
    if (!version)
        return fail(version.error());
    bool fresh = false;
    if (*version != currentVersion()) {
        auto migrated = migrate(db);
        if (!migrated)
            return migrated;
        fresh = *migrated;
    }
    if (auto layout = checkLayout(db); !layout)
        return layout;
    return fresh;
}

} // namespace ApiAccess::TokenCacheSchema
