#include "store/SqliteSchema.h"

#include "store/SqliteConnections.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QStringList>

#include <span>

using namespace Qt::StringLiterals;

namespace ApiAccess::Server::SqliteSchema {

namespace {

// Times are Unix milliseconds in UTC (INTEGER): exact, ordered, and
// comparable in SQL. Secrets appear only as keyed hashes and AEAD-sealed
// blobs made by SecretVault.
constexpr const char16_t *kVersion1[] = {
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

// Append only: migration N takes the schema from version N-1 to N.
const std::span<const char16_t *const> kMigrations[] = {
    kVersion1,
};

QString tr(const char *text)
{
    return QCoreApplication::translate("SqliteStore", text);
}

Result<int, QString> step(QSqlDatabase &db, const QString &sql, QVariantList values = {})
{
    QSqlQuery query(db);
    if (auto error = runSql(query, sql, values))
        return fail(error->message);
    return 0;
}

Result<int, QString> migrateLocked(QSqlDatabase &db)
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
    for (int next = version + 1; next <= currentVersion(); ++next) {
        for (const char16_t *statement : kMigrations[next - 1]) {
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

} // namespace

int currentVersion()
{
    return static_cast<int>(std::size(kMigrations));
}

Result<int, QString> migrate(QSqlDatabase &db)
{
    if (auto begun = step(db, u"BEGIN IMMEDIATE"_s); !begun)
        return fail(tr("cannot lock the database for migration: %1").arg(begun.error()));
    auto migrated = migrateLocked(db);
    if (!migrated) {
        (void)step(db, u"ROLLBACK"_s);
        return migrated;
    }
    if (auto committed = step(db, u"COMMIT"_s); !committed) {
        (void)step(db, u"ROLLBACK"_s);
        return fail(tr("cannot commit the schema migration: %1").arg(committed.error()));
    }
    return currentVersion();
}

} // namespace ApiAccess::Server::SqliteSchema
