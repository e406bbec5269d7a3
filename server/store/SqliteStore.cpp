#include "store/SqliteStore.h"

#include "store/SqliteConnections.h"
#include "store/SqliteRows.h"
#include "store/SqliteSchema.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace ApiAccess::Server {

using namespace SqliteRows;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SqliteStore", text);
}

StoreError notFound(const QString &what)
{
    return StoreError{StoreErrorCode::NotFound, what};
}

// If-Match's check, inside the write's transaction: nobody can change the
// token between the check and the write.
std::optional<StoreError> revisionMismatch(const StoredToken &token,
                                           std::optional<qint64> expectedRevision)
{
    if (!expectedRevision || *expectedRevision == token.revision)
        return std::nullopt;
    return StoreError{StoreErrorCode::RevisionMismatch,
                      u"token "_s % token.id % u" is at revision "_s
                          % QString::number(token.revision)};
}

// Created before SQLite sees it, so the database, and the -wal and -shm
// files SQLite gives the same mode, are private from the first byte.
bool createPrivateFile(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(),
                          O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd >= 0) {
        ::close(fd);
        return true;
    }
    return errno == EEXIST;
}

StoreResult<StoredToken> loadToken(QSqlDatabase &db, const QString &id)
{
    QSqlQuery query(db);
    if (auto error =
            runSql(query, u"SELECT "_s % tokenColumns() % u" FROM tokens WHERE id = ?"_s, {id}))
        return fail(sqlFailure(u"reading a token", error->message));
    if (!query.next())
        return fail(notFound(u"no token with id "_s % id));
    return readToken(query);
}

std::optional<StoreError> insertAudit(QSqlDatabase &db, AuditEvent event,
                                      const QString &tokenId = {})
{
    if (event.tokenId.isEmpty())
        event.tokenId = tokenId;
    QSqlQuery query(db);
    if (auto error = runSql(query,
                            u"INSERT INTO audit_events ("_s % auditColumns()
                                % u") VALUES (?, ?, ?, ?, ?, ?)"_s,
                            auditValues(event)))
        return sqlFailure(u"writing an audit event", error->message);
    return std::nullopt;
}

// Rewrites every column of an existing row (inside the caller's write
// transaction, so nothing changed it since it was read) and audits it.
StoreResult<StoredToken> saveToken(QSqlDatabase &db, const StoredToken &token,
                                   const AuditEvent &audit)
{
    QVariantList values = tokenValues(token);
    values.removeFirst();
    values.append(token.id);
    QSqlQuery query(db);
    if (auto error = runSql(
            query, u"UPDATE tokens SET "_s % tokenAssignments() % u" WHERE id = ?"_s, values))
        return fail(sqlFailure(u"updating a token", error->message));
    if (auto error = insertAudit(db, audit, token.id))
        return fail(*error);
    return token;
}

} // namespace

Result<std::unique_ptr<SqliteStore>, QString> SqliteStore::open(const QString &dataDir)
{
    if (dataDir.isEmpty())
        return fail(tr("no data directory given"));
    if (!QSqlDatabase::isDriverAvailable(u"QSQLITE"_s))
        return fail(tr("Qt's SQLite driver (QSQLITE) is not installed"));
    const QFileInfo dirInfo(dataDir);
    if (!dirInfo.exists()) {
        if (!QDir().mkpath(dataDir))
            return fail(tr("cannot create data directory %1").arg(dataDir));
        QFile::setPermissions(dataDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    } else if (!dirInfo.isDir()) {
        return fail(tr("data directory %1 is not a directory").arg(dataDir));
    }
    const QString path = QDir(dataDir).filePath(QString::fromUtf16(kFileName));
    if (!createPrivateFile(path))
        return fail(tr("cannot create database file %1").arg(path));

    auto connections = std::make_unique<SqliteConnections>(path);
    {
        auto db = connections->connection();
        if (!db)
            return fail(tr("cannot open database %1: %2").arg(path, db.error().message));
        auto migrated = SqliteSchema::migrate(db.value());
        if (!migrated)
            return fail(tr("cannot use database %1: %2").arg(path, migrated.error()));
    }
    return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(connections)));
}

SqliteStore::SqliteStore(std::unique_ptr<SqliteConnections> connections)
    : m_connections(std::move(connections))
{ }

SqliteStore::~SqliteStore() = default;

QString SqliteStore::databasePath() const
{
    return m_connections->databasePath();
}

StoreResult<StoredToken> SqliteStore::createToken(const StoredToken &token, const AuditEvent &audit)
{
    return inWriteTransaction<StoredToken>(
        *m_connections, u"creating a token", [&](QSqlDatabase &db) -> StoreResult<StoredToken> {
            {
                QSqlQuery exists(db);
                if (auto error = runSql(exists, u"SELECT 1 FROM tokens WHERE id = ?"_s, {token.id}))
                    return fail(sqlFailure(u"creating a token", error->message));
                if (exists.next())
                    return fail(StoreError{StoreErrorCode::AlreadyExists,
                                           u"a token with id "_s % token.id % u" exists"_s});
            }
            const QVariantList values = tokenValues(token);
            QStringList marks(values.size(), u"?"_s);
            QSqlQuery insert(db);
            if (auto error = runSql(insert,
                                    u"INSERT INTO tokens ("_s % tokenColumns() % u") VALUES ("_s
                                        % marks.join(u", "_s) % u')',
                                    values))
                return fail(sqlFailure(u"creating a token", error->message));
            if (auto error = insertAudit(db, audit, token.id))
                return fail(*error);
            return loadToken(db, token.id);
        });
}

StoreResult<StoredToken> SqliteStore::findToken(const QString &id)
{
    return withConnection<StoredToken>(*m_connections,
                                       [&](QSqlDatabase &db) { return loadToken(db, id); });
}

StoreResult<TokenPageResult> SqliteStore::listTokens(const TokenQuery &query)
{
    QStringList where;
    QVariantList values;
    if (!query.cursor.isEmpty()) {
        const auto key = decodeCursor(query.cursor);
        if (!key)
            return fail(StoreError{StoreErrorCode::InvalidCursor, u"malformed cursor"_s});
        where.append(u"(created_at, id) < (?, ?)"_s);
        values << key->createdAtMs << key->id;
    }
    if (!query.text.isEmpty()) {
        // instr() rather than LIKE: no wildcards to escape in what admins type.
        const QString folded = foldForSearch(query.text);
        where.append(u"(instr(name_folded, ?) > 0 OR instr(lower(id), ?) > 0)"_s);
        values << folded << folded;
    }
    if (query.status) {
        const auto status = TokenStatuses::parse(*query.status);
        if (!status)
            return fail(StoreError{StoreErrorCode::Unavailable, u"unknown status filter"_s});
        const QDateTime now = query.now.isValid() ? query.now : QDateTime::currentDateTimeUtc();
        switch (status.value()) {
        case TokenStatus::Disabled:
            where.append(u"enabled = 0"_s);
            break;
        case TokenStatus::Expired:
            where.append(u"enabled <> 0 AND expires_at IS NOT NULL AND expires_at <= ?"_s);
            values << timeValue(now);
            break;
        case TokenStatus::Active:
            where.append(u"enabled <> 0 AND (expires_at IS NULL OR expires_at > ?)"_s);
            values << timeValue(now);
            break;
        }
    }
    if (query.accessLevel) {
        where.append(u"access_level = ?"_s);
        values << AccessLevels::wireId(*query.accessLevel);
    }
    const int limit = qBound(1, query.limit, 1000);
    values << limit + 1; // one more tells whether another page follows

    const QString sql = u"SELECT "_s % tokenColumns() % u" FROM tokens"_s
        % (where.isEmpty() ? QString() : u" WHERE "_s % where.join(u" AND "_s))
        % u" ORDER BY created_at DESC, id DESC LIMIT ?"_s;
    return withConnection<TokenPageResult>(
        *m_connections, [&](QSqlDatabase &db) -> StoreResult<TokenPageResult> {
            QSqlQuery rows(db);
            if (auto error = runSql(rows, sql, values))
                return fail(sqlFailure(u"listing tokens", error->message));
            TokenPageResult page;
            while (rows.next()) {
                auto token = readToken(rows);
                if (!token)
                    return fail(token.error());
                page.items.append(std::move(token).value());
            }
            if (page.items.size() > limit) {
                page.items.removeLast();
                page.nextCursor = encodeCursor(page.items.constLast());
            }
            return page;
        });
}

StoreResult<StoredToken> SqliteStore::updateToken(const QString &id, const TokenChanges &changes,
                                                  std::optional<qint64> expectedRevision,
                                                  const QDateTime &now, const AuditEvent &audit)
{
    return inWriteTransaction<StoredToken>(
        *m_connections, u"updating a token", [&](QSqlDatabase &db) -> StoreResult<StoredToken> {
            auto loaded = loadToken(db, id);
            if (!loaded)
                return loaded;
            StoredToken token = std::move(loaded).value();
            if (auto mismatch = revisionMismatch(token, expectedRevision))
                return fail(*mismatch);
            if (changes.name)
                token.name = *changes.name;
            if (changes.accessLevel)
                token.accessLevel = *changes.accessLevel;
            if (changes.allowedIpRanges)
                token.allowedIpRanges = *changes.allowedIpRanges;
            if (changes.expiresAt)
                token.expiresAt = *changes.expiresAt;
            if (changes.enabled)
                token.enabled = *changes.enabled;
            token.revision += 1;
            token.updatedAt = now;
            return saveToken(db, token, audit);
        });
}

StoreResult<StoredToken> SqliteStore::rotateSecret(const QString &id, const QByteArray &newHash,
                                                   const QByteArray &newEncryptedSecret,
                                                   std::optional<QDateTime> previousValidUntil,
                                                   std::optional<qint64> expectedRevision,
                                                   const QDateTime &now, const AuditEvent &audit)
{
    return inWriteTransaction<StoredToken>(
        *m_connections, u"rotating a token", [&](QSqlDatabase &db) -> StoreResult<StoredToken> {
            auto loaded = loadToken(db, id);
            if (!loaded)
                return loaded;
            StoredToken token = std::move(loaded).value();
            if (auto mismatch = revisionMismatch(token, expectedRevision))
                return fail(*mismatch);
            // Only the secret replaced now may stay valid; an older grace ends here.
            token.previousSecretHash = previousValidUntil ? token.secretHash : QByteArray();
            token.previousSecretValidUntil = previousValidUntil;
            token.secretHash = newHash;
            token.encryptedSecret = newEncryptedSecret;
            token.revision += 1;
            token.updatedAt = now;
            return saveToken(db, token, audit);
        });
}

StoreResult<Nothing> SqliteStore::deleteToken(const QString &id, const AuditEvent &audit)
{
    return inWriteTransaction<Nothing>(
        *m_connections, u"deleting a token", [&](QSqlDatabase &db) -> StoreResult<Nothing> {
            QSqlQuery query(db);
            if (auto error = runSql(query, u"DELETE FROM tokens WHERE id = ?"_s, {id}))
                return fail(sqlFailure(u"deleting a token", error->message));
            if (query.numRowsAffected() < 1)
                return fail(notFound(u"no token with id "_s % id));
            if (auto error = insertAudit(db, audit, id))
                return fail(*error);
            return Nothing{};
        });
}

StoreResult<Nothing> SqliteStore::recordUsage(const QList<UsageRecord> &usage)
{
    if (usage.isEmpty())
        return Nothing{};
    return inWriteTransaction<Nothing>(
        *m_connections, u"recording token usage", [&](QSqlDatabase &db) -> StoreResult<Nothing> {
            QSqlQuery query(db);
            // Never backwards: batches may arrive out of order. Deleted tokens are skipped.
            if (!query.prepare(u"UPDATE tokens SET last_used_at = ?, last_used_ip = ? "
                               u"WHERE id = ? AND (last_used_at IS NULL OR last_used_at <= ?)"_s))
                return fail(sqlFailure(u"recording token usage", query.lastError().text()));
            for (const UsageRecord &record : usage) {
                const QVariant at = timeValue(record.at);
                query.bindValue(0, at);
                query.bindValue(1,
                                record.address.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                         : QVariant(record.address));
                query.bindValue(2, record.tokenId);
                query.bindValue(3, at);
                if (!query.exec())
                    return fail(sqlFailure(u"recording token usage", query.lastError().text()));
            }
            return Nothing{};
        });
}

StoreResult<Nothing> SqliteStore::recordAudit(const AuditEvent &event)
{
    return inWriteTransaction<Nothing>(*m_connections, u"writing an audit event",
                                       [&](QSqlDatabase &db) -> StoreResult<Nothing> {
                                           if (auto error = insertAudit(db, event))
                                               return fail(*error);
                                           return Nothing{};
                                       });
}

StoreResult<QList<AuditEvent>> SqliteStore::auditEvents(int limit)
{
    return withConnection<QList<AuditEvent>>(
        *m_connections, [&](QSqlDatabase &db) -> StoreResult<QList<AuditEvent>> {
            QSqlQuery query(db);
            if (auto error = runSql(query,
                                    u"SELECT "_s % auditColumns()
                                        % u" FROM audit_events ORDER BY id DESC LIMIT ?"_s,
                                    {qMax(0, limit)}))
                return fail(sqlFailure(u"reading audit events", error->message));
            QList<AuditEvent> events;
            while (query.next()) {
                auto event = readAudit(query);
                if (!event)
                    return fail(event.error());
                events.append(std::move(event).value());
            }
            return events;
        });
}

} // namespace ApiAccess::Server
