#include "store/Schema.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QStringList>

#include <span>

using namespace Qt::StringLiterals;

namespace ApiAccess::Server::Schema {

namespace {

// Version 1: what SQLite installations were created with before PostgreSQL.
constexpr const char16_t *kSqliteVersion1[] = {
    uR"(CREATE TABLE admins (
        username      TEXT PRIMARY KEY NOT NULL,
        password_hash TEXT NOT NULL,
        created_at    INTEGER NOT NULL,
        updated_at    INTEGER NOT NULL
    ))",
    uR"(CREATE TABLE sessions (
        token_hash   BLOB PRIMARY KEY NOT NULL,
        username     TEXT NOT NULL REFERENCES admins (username) ON DELETE CASCADE,
        created_at   INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        expires_at   INTEGER NOT NULL
    ))",
    u"CREATE INDEX sessions_by_username ON sessions (username)",
    uR"(CREATE TABLE tokens (
        id                          TEXT PRIMARY KEY NOT NULL,
        name                        TEXT NOT NULL,
        name_folded                 TEXT NOT NULL,
        access_level                TEXT NOT NULL,
        allowed_ip_ranges           TEXT NOT NULL,
        enabled                     INTEGER NOT NULL,
        created_at                  INTEGER NOT NULL,
        created_by                  TEXT NOT NULL,
        updated_at                  INTEGER NOT NULL,
        expires_at                  INTEGER,
        last_used_at                INTEGER,
        last_used_ip                TEXT,
        secret_hash                 BLOB NOT NULL,
        encrypted_secret            BLOB NOT NULL,
        previous_secret_hash        BLOB,
        previous_secret_valid_until INTEGER,
        revision                    INTEGER NOT NULL
    ))",
    u"CREATE INDEX tokens_newest_first ON tokens (created_at DESC, id DESC)",
    uR"(CREATE TABLE audit_events (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        at            INTEGER NOT NULL,
        actor         TEXT NOT NULL,
        actor_address TEXT,
        action        TEXT NOT NULL,
        token_id      TEXT,
        detail        TEXT NOT NULL
    ))",
    u"CREATE INDEX audit_events_by_token ON audit_events (token_id)",
};

// Version 2: what several instances on one database share: the key check,
// the change feed of the verify caches, and the sign-in throttle.
constexpr const char16_t *kSqliteVersion2[] = {
    uR"(CREATE TABLE settings (
        name  TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
    ))",
    uR"(CREATE TABLE token_changes (
        generation INTEGER PRIMARY KEY AUTOINCREMENT,
        token_id   TEXT NOT NULL,
        at         INTEGER NOT NULL
    ))",
    u"CREATE INDEX token_changes_by_time ON token_changes (at)",
    uR"(CREATE TABLE sign_in_throttle (
        key             TEXT PRIMARY KEY NOT NULL,
        failures        INTEGER NOT NULL,
        last_failure_at INTEGER NOT NULL,
        locked_until    INTEGER NOT NULL
    ))",
};

// Version 3: what the change feed of the token list (GET
// /api/v1/tokens?changedSince) reads besides token_changes: tokens used or
// expired since the reader's last call.
constexpr const char16_t *kVersion3[] = {
    u"CREATE INDEX tokens_by_last_use ON tokens (last_used_at)",
    u"CREATE INDEX tokens_by_expiry ON tokens (expires_at)",
};

// The same two versions in PostgreSQL's types (bigint milliseconds, bytea,
// identity columns).
constexpr const char16_t *kPostgresVersion1[] = {
    uR"(CREATE TABLE admins (
        username      text PRIMARY KEY,
        password_hash text NOT NULL,
        created_at    bigint NOT NULL,
        updated_at    bigint NOT NULL
    ))",
    uR"(CREATE TABLE sessions (
        token_hash   bytea PRIMARY KEY,
        username     text NOT NULL REFERENCES admins (username) ON DELETE CASCADE,
        created_at   bigint NOT NULL,
        last_seen_at bigint NOT NULL,
        expires_at   bigint NOT NULL
    ))",
    u"CREATE INDEX sessions_by_username ON sessions (username)",
    uR"(CREATE TABLE tokens (
        id                          text PRIMARY KEY,
        name                        text NOT NULL,
        name_folded                 text NOT NULL,
        access_level                text NOT NULL,
        allowed_ip_ranges           text NOT NULL,
        enabled                     integer NOT NULL,
        created_at                  bigint NOT NULL,
        created_by                  text NOT NULL,
        updated_at                  bigint NOT NULL,
        expires_at                  bigint,
        last_used_at                bigint,
        last_used_ip                text,
        secret_hash                 bytea NOT NULL,
        encrypted_secret            bytea NOT NULL,
        previous_secret_hash        bytea,
        previous_secret_valid_until bigint,
        revision                    bigint NOT NULL
    ))",
    u"CREATE INDEX tokens_newest_first ON tokens (created_at DESC, id DESC)",
    uR"(CREATE TABLE audit_events (
        id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at            bigint NOT NULL,
        actor         text NOT NULL,
        actor_address text,
        action        text NOT NULL,
        token_id      text,
        detail        text NOT NULL
    ))",
    u"CREATE INDEX audit_events_by_token ON audit_events (token_id)",
};

constexpr const char16_t *kPostgresVersion2[] = {
    uR"(CREATE TABLE settings (
        name  text PRIMARY KEY,
        value text NOT NULL
    ))",
    uR"(CREATE TABLE token_changes (
        generation bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        token_id   text NOT NULL,
        at         bigint NOT NULL
    ))",
    u"CREATE INDEX token_changes_by_time ON token_changes (at)",
    uR"(CREATE TABLE sign_in_throttle (
        key             text PRIMARY KEY,
        failures        integer NOT NULL,
        last_failure_at bigint NOT NULL,
        locked_until    bigint NOT NULL
    ))",
};

// Append only: migration N takes the schema from version N-1 to N, for both
// backends alike.
const std::span<const char16_t *const> kSqliteMigrations[] = {kSqliteVersion1, kSqliteVersion2,
                                                              kVersion3};
const std::span<const char16_t *const> kPostgresMigrations[] = {kPostgresVersion1,
                                                                kPostgresVersion2, kVersion3};
static_assert(std::size(kSqliteMigrations) == std::size(kPostgresMigrations),
              "one schema: both backends have the same versions");

// Any constant will do, as long as it never changes: the key every
// instance takes to migrate one at a time.
constexpr qint64 kMigrationLock = 0x61706961636365LL; // "apiacce"

QString tr(const char *text)
{
    return QCoreApplication::translate("Schema", text);
}

Result<int, QString> step(QSqlDatabase &db, const QString &sql, QVariantList values = {})
{
    QSqlQuery query(db);
    if (auto error = runSql(query, sql, values))
        return fail(error->message);
    return 0;
}

Result<int, QString> migrateLocked(QSqlDatabase &db, const SqlDialect &dialect)
{
    if (auto created = step(db,
                            u"CREATE TABLE IF NOT EXISTS schema_version ("
                            u"version INTEGER NOT NULL)"_s);
        !created)
        return created;
    int version = 0;
    {
        QSqlQuery query(db);
        if (auto error = runSql(query, u"SELECT max(version) FROM schema_version"_s))
            return fail(error->message);
        if (query.next())
            version = query.value(0).toInt();
    }
    if (version > currentVersion()) {
        return fail(tr("the database was written by a newer apiaccess-server (schema version "
                       "%1; this version understands up to %2); upgrade apiaccess-server")
                        .arg(version)
                        .arg(currentVersion()));
    }
    const auto migrations =
        dialect.isPostgres() ? std::span(kPostgresMigrations) : std::span(kSqliteMigrations);
    for (int next = version + 1; next <= currentVersion(); ++next) {
        for (const char16_t *statement : migrations[std::size_t(next - 1)]) {
            if (auto done = step(db, QString::fromUtf16(statement)); !done)
                return fail(
                    tr("migration to schema version %1 failed: %2").arg(next).arg(done.error()));
        }
    }
    if (version != currentVersion()) {
        if (auto cleared = step(db, u"DELETE FROM schema_version"_s); !cleared)
            return cleared;
        if (auto stored =
                step(db, u"INSERT INTO schema_version (version) VALUES (?)"_s, {currentVersion()});
            !stored)
            return stored;
    }
    return version;
}

Result<int, QString> migrateInTransaction(QSqlDatabase &db, const SqlDialect &dialect)
{
    if (auto begun = step(db, dialect.beginWrite()); !begun)
        return fail(tr("cannot lock the database for migration: %1").arg(begun.error()));
    auto migrated = migrateLocked(db, dialect);
    if (!migrated) {
        (void)step(db, u"ROLLBACK"_s);
        return migrated;
    }
    if (auto committed = step(db, u"COMMIT"_s); !committed) {
        (void)step(db, u"ROLLBACK"_s);
        return fail(tr("cannot commit the schema migration: %1").arg(committed.error()));
    }
    return migrated;
}

} // namespace

int currentVersion()
{
    return static_cast<int>(std::size(kSqliteMigrations));
}

Result<int, QString> migrate(QSqlDatabase &db, const SqlDialect &dialect)
{
    if (!dialect.isPostgres())
        return migrateInTransaction(db, dialect); // BEGIN IMMEDIATE is the lock
    // A session lock, held across the transaction: a second instance waits
    // here, then sees the new version and has nothing left to do.
    if (auto locked = step(db, u"SELECT pg_advisory_lock(?)"_s, {kMigrationLock}); !locked)
        return fail(tr("cannot take the migration lock: %1").arg(locked.error()));
    auto migrated = migrateInTransaction(db, dialect);
    (void)step(db, u"SELECT pg_advisory_unlock(?)"_s, {kMigrationLock});
    return migrated;
}

Result<QString, QString> recordedKeyCheck(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (auto error = runSql(query, u"SELECT value FROM settings WHERE name = 'key_check'"_s))
        return fail(error->message);
    return query.next() ? query.value(0).toString() : QString();
}

Result<bool, QString> checkMasterKey(QSqlDatabase &db, const SqlDialect &dialect,
                                     const QString &keyCheck, const QString &keyFileHint)
{
    if (keyCheck.isEmpty())
        return true;
    // Recorded by the first instance; ON CONFLICT keeps the first one's if
    // two start at once, and the read below tells the second which it was.
    if (auto recorded = step(db,
                             u"INSERT INTO settings (name, value) VALUES ('key_check', ?) "
                             u"ON CONFLICT (name) DO NOTHING"_s,
                             {keyCheck});
        !recorded)
        return fail(tr("cannot record the master key's check value: %1").arg(recorded.error()));
    Q_UNUSED(dialect);
    const auto stored = recordedKeyCheck(db);
    if (!stored)
        return fail(tr("cannot read the master key's check value: %1").arg(stored.error()));
    if (stored.value() != keyCheck) {
        return fail(tr("the master key (%1) is not the one this database was set up with: every "
                       "instance must start with the same --key-file, or no token's secret "
                       "can be checked")
                        .arg(keyFileHint));
    }
    return true;
}

} // namespace ApiAccess::Server::Schema
