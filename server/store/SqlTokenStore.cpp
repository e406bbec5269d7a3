#include "store/SqlTokenStore.h"

#include "store/Database.h"
#include "store/SqlAuditStore.h"
#include "store/SqlRows.h"

#include <QSqlError>
#include <QStringBuilder>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ApiAccess::Server {

using namespace SqlRows;

namespace {

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

// `lock`: inside a write transaction, hold the row until commit.
StoreResult<StoredToken> loadToken(QSqlDatabase &db, const SqlDialect &dialect, const QString &id,
                                   bool lock)
{
    QSqlQuery query(db);
    if (auto error = runSql(query,
                            u"SELECT "_s % tokenColumns() % u" FROM tokens WHERE id = ?"_s
                                % (lock ? dialect.forUpdate() : QString()),
                            {id}))
        return fail(sqlFailure(u"reading a token", error->message));
    if (!query.next())
        return fail(notFound(u"no token with id "_s % id));
    return readToken(query);
}

// The change feed: a row every instance polls, and on PostgreSQL a
// notification delivered when the transaction commits.
std::optional<StoreError> announceChange(QSqlDatabase &db, const SqlDialect &dialect,
                                         const QString &id)
{
    QSqlQuery insert(db);
    if (auto error = runSql(insert, u"INSERT INTO token_changes (token_id, at) VALUES (?, ?)"_s,
                            {id, QDateTime::currentMSecsSinceEpoch()}))
        return sqlFailure(u"recording a token change", error->message);
    if (dialect.isPostgres()) {
        QSqlQuery notify(db);
        if (auto error = runSql(notify, u"SELECT pg_notify(?, ?)"_s,
                                {QString::fromLatin1(SqlTokenStore::kNotifyChannel), id}))
            return sqlFailure(u"notifying a token change", error->message);
    }
    return std::nullopt;
}

// Rewrites every column of an existing row (held by the caller's write
// transaction, so nothing changed it since it was read), audits and
// announces it.
StoreResult<StoredToken> saveToken(QSqlDatabase &db, const SqlDialect &dialect,
                                   const StoredToken &token, const AuditEvent &audit)
{
    QVariantList values = tokenValues(token);
    values.removeFirst();
    values.append(token.id);
    QSqlQuery query(db);
    if (auto error = runSql(
            query, u"UPDATE tokens SET "_s % tokenAssignments() % u" WHERE id = ?"_s, values))
        return fail(sqlFailure(u"updating a token", error->message));
    if (auto error = insertAuditEvent(db, audit, token.id))
        return fail(*error);
    if (auto error = announceChange(db, dialect, token.id))
        return fail(*error);
    return token;
}

} // namespace

SqlTokenStore::SqlTokenStore(Database &database)
    : m_database(database)
{ }

StoreResult<StoredToken> SqlTokenStore::createToken(const StoredToken &token,
                                                    const AuditEvent &audit)
{
    const SqlDialect &dialect = m_database.dialect();
    return inWriteTransaction<StoredToken>(
        m_database.connections(), u"creating a token",
        [&](QSqlDatabase &db) -> StoreResult<StoredToken> {
            const QVariantList values = tokenValues(token);
            QStringList marks(values.size(), u"?"_s);
            QSqlQuery insert(db);
            insert.setForwardOnly(true);
            // The key decides, whichever instance got there first; DO
            // NOTHING rather than an error, which would abort the whole
            // transaction on PostgreSQL.
            if (!insert.prepare(u"INSERT INTO tokens ("_s % tokenColumns() % u") VALUES ("_s
                                % marks.join(u", "_s) % u") ON CONFLICT (id) DO NOTHING"_s))
                return fail(sqlFailure(u"creating a token", sqlErrorText(insert.lastError())));
            for (const QVariant &value : values)
                insert.addBindValue(value);
            if (!insert.exec())
                return fail(sqlFailure(u"creating a token", sqlErrorText(insert.lastError())));
            if (insert.numRowsAffected() != 1)
                return fail(StoreError{StoreErrorCode::AlreadyExists,
                                       u"a token with id "_s % token.id % u" exists"_s});
            if (auto error = insertAuditEvent(db, audit, token.id))
                return fail(*error);
            if (auto error = announceChange(db, dialect, token.id))
                return fail(*error);
            return loadToken(db, dialect, token.id, false);
        });
}

StoreResult<StoredToken> SqlTokenStore::findToken(const QString &id)
{
    return withConnection<StoredToken>(m_database.connections(), [&](QSqlDatabase &db) {
        return loadToken(db, m_database.dialect(), id, false);
    });
}

StoreResult<TokenPageResult> SqlTokenStore::listTokens(const TokenQuery &query)
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
        // A plain substring test, not LIKE: no wildcards to escape in what admins type.
        const QString folded = foldForSearch(query.text);
        const SqlDialect &dialect = m_database.dialect();
        where.append(u"("_s % dialect.contains(u"name_folded"_s) % u" OR "_s
                     % dialect.contains(u"lower(id)"_s) % u")"_s);
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

    const QString sql = u"SELECT "_s % listedTokenColumns() % u" FROM tokens"_s
        % (where.isEmpty() ? QString() : u" WHERE "_s % where.join(u" AND "_s))
        % u" ORDER BY created_at DESC, id DESC LIMIT ?"_s;
    return withConnection<TokenPageResult>(
        m_database.connections(), [&](QSqlDatabase &db) -> StoreResult<TokenPageResult> {
            QSqlQuery rows(db);
            if (auto error = runSql(rows, sql, values))
                return fail(sqlFailure(u"listing tokens", error->message));
            TokenPageResult page;
            page.items.reserve(limit + 1);
            while (rows.next()) {
                auto token = readListedToken(rows);
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

StoreResult<StoredToken> SqlTokenStore::updateToken(const QString &id, const TokenChanges &changes,
                                                    std::optional<qint64> expectedRevision,
                                                    const QDateTime &now, const AuditEvent &audit)
{
    const SqlDialect &dialect = m_database.dialect();
    return inWriteTransaction<StoredToken>(m_database.connections(), u"updating a token",
                                           [&](QSqlDatabase &db) -> StoreResult<StoredToken> {
                                               auto loaded = loadToken(db, dialect, id, true);
                                               if (!loaded)
                                                   return loaded;
                                               StoredToken token = std::move(loaded).value();
                                               if (auto mismatch =
                                                       revisionMismatch(token, expectedRevision))
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
                                               return saveToken(db, dialect, token, audit);
                                           });
}

StoreResult<StoredToken> SqlTokenStore::rotateSecret(const QString &id, const QByteArray &newHash,
                                                     const QByteArray &newEncryptedSecret,
                                                     std::optional<QDateTime> previousValidUntil,
                                                     std::optional<qint64> expectedRevision,
                                                     const QDateTime &now, const AuditEvent &audit)
{
    const SqlDialect &dialect = m_database.dialect();
    return inWriteTransaction<StoredToken>(
        m_database.connections(), u"rotating a token",
        [&](QSqlDatabase &db) -> StoreResult<StoredToken> {
            auto loaded = loadToken(db, dialect, id, true);
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
            return saveToken(db, dialect, token, audit);
        });
}

StoreResult<Nothing> SqlTokenStore::deleteToken(const QString &id, const AuditEvent &audit)
{
    const SqlDialect &dialect = m_database.dialect();
    return inWriteTransaction<Nothing>(
        m_database.connections(), u"deleting a token",
        [&](QSqlDatabase &db) -> StoreResult<Nothing> {
            QSqlQuery query(db);
            if (auto error = runSql(query, u"DELETE FROM tokens WHERE id = ?"_s, {id}))
                return fail(sqlFailure(u"deleting a token", error->message));
            if (query.numRowsAffected() < 1)
                return fail(notFound(u"no token with id "_s % id));
            if (auto error = insertAuditEvent(db, audit, id))
                return fail(*error);
            if (auto error = announceChange(db, dialect, id))
                return fail(*error);
            return Nothing{};
        });
}

StoreResult<Nothing> SqlTokenStore::recordUsage(const QList<UsageRecord> &usage)
{
    if (usage.isEmpty())
        return Nothing{};
    // Rows in id order, so that two instances writing overlapping batches
    // lock them in the same order and never deadlock.
    QList<UsageRecord> sorted = usage;
    std::sort(sorted.begin(), sorted.end(),
              [](const UsageRecord &a, const UsageRecord &b) { return a.tokenId < b.tokenId; });
    return inWriteTransaction<Nothing>(
        m_database.connections(), u"recording token usage",
        [&](QSqlDatabase &db) -> StoreResult<Nothing> {
            QSqlQuery query(db);
            // Never backwards: batches of several instances arrive in any
            // order, the latest use wins. Deleted tokens are skipped.
            if (!query.prepare(u"UPDATE tokens SET last_used_at = ?, last_used_ip = ? "
                               u"WHERE id = ? AND (last_used_at IS NULL OR last_used_at <= ?)"_s))
                return fail(sqlFailure(u"recording token usage", sqlErrorText(query.lastError())));
            for (const UsageRecord &record : std::as_const(sorted)) {
                const QVariant at = timeValue(record.at);
                query.bindValue(0, at);
                query.bindValue(1,
                                record.address.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                         : QVariant(record.address));
                query.bindValue(2, record.tokenId);
                query.bindValue(3, at);
                if (!query.exec())
                    return fail(
                        sqlFailure(u"recording token usage", sqlErrorText(query.lastError())));
            }
            return Nothing{};
        });
}

StoreResult<TokenChangeBatch> SqlTokenStore::changesSince(qint64 generation, int limit)
{
    return withConnection<TokenChangeBatch>(
        m_database.connections(), [&](QSqlDatabase &db) -> StoreResult<TokenChangeBatch> {
            TokenChangeBatch batch;
            QSqlQuery query(db);
            if (auto error = runSql(query,
                                    u"SELECT generation, token_id FROM token_changes "
                                    u"WHERE generation > ? ORDER BY generation LIMIT ?"_s,
                                    {generation, qMax(1, limit)}))
                return fail(sqlFailure(u"reading token changes", error->message));
            while (query.next()) {
                TokenChange change{query.value(0).toLongLong(), query.value(1).toString()};
                batch.latestGeneration = change.generation;
                batch.changes.append(std::move(change));
            }
            if (batch.changes.isEmpty()) {
                // Nothing new: where the feed stands (0 for an empty table).
                QSqlQuery latest(db);
                if (auto error = runSql(latest, u"SELECT max(generation) FROM token_changes"_s))
                    return fail(sqlFailure(u"reading token changes", error->message));
                if (latest.next() && !latest.value(0).isNull())
                    batch.latestGeneration = latest.value(0).toLongLong();
            }
            return batch;
        });
}

StoreResult<QList<StoredToken>> SqlTokenStore::touchedTokens(const TouchedTokensQuery &query)
{
    // Each term has its index (the primary key, tokens_by_last_use,
    // tokens_by_expiry), so neither backend reads the whole table. No ORDER
    // BY: SQLite would then walk the whole list in that order rather than
    // use the three indexes; the few rows found are sorted here.
    QString where = u"last_used_at >= ? OR (expires_at > ? AND expires_at <= ?)"_s;
    QVariantList values{query.usedSinceMs, query.expiredAfterMs, query.nowMs};
    if (!query.ids.isEmpty()) {
        where.prepend(u"id IN ("_s % QStringList(query.ids.size(), u"?"_s).join(u", "_s)
                      % u") OR "_s);
        QVariantList ids(query.ids.cbegin(), query.ids.cend());
        values = ids + values;
    }
    const QString sql = u"SELECT "_s % listedTokenColumns() % u" FROM tokens WHERE "_s % where;
    return withConnection<QList<StoredToken>>(
        m_database.connections(), [&](QSqlDatabase &db) -> StoreResult<QList<StoredToken>> {
            QSqlQuery rows(db);
            if (auto error = runSql(rows, sql, values))
                return fail(sqlFailure(u"reading changed tokens", error->message));
            QList<StoredToken> tokens;
            while (rows.next()) {
                auto token = readListedToken(rows);
                if (!token)
                    return fail(token.error());
                tokens.append(std::move(token).value());
            }
            std::sort(tokens.begin(), tokens.end(), [](const StoredToken &a, const StoredToken &b) {
                return a.createdAt != b.createdAt ? a.createdAt > b.createdAt : a.id > b.id;
            });
            return tokens;
        });
}

StoreResult<Nothing> SqlTokenStore::pruneChanges(qint64 beforeMs)
{
    return inWriteTransaction<Nothing>(
        m_database.connections(), u"pruning token changes",
        [&](QSqlDatabase &db) -> StoreResult<Nothing> {
            QSqlQuery query(db);
            // The newest row stays: it says where the feed stands.
            if (auto error = runSql(query,
                                    u"DELETE FROM token_changes WHERE at < ? AND generation < "
                                    u"(SELECT max(generation) FROM token_changes)"_s,
                                    {beforeMs}))
                return fail(sqlFailure(u"pruning token changes", error->message));
            return Nothing{};
        });
}

} // namespace ApiAccess::Server
