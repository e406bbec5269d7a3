#pragma once

#include "common/Result.h"
#include "store/StoreTypes.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>

#include <optional>

// Mapping between the stores' structs and database rows (Schema.cpp).
namespace ApiAccess::Server::SqlRows {

// Times are stored as Unix milliseconds, UTC; an invalid time is NULL.
QVariant timeValue(const QDateTime &time);
QVariant timeValue(const std::optional<QDateTime> &time);
QDateTime timeFrom(const QVariant &value);
std::optional<QDateTime> optionalTimeFrom(const QVariant &value);

// For NOT NULL text columns: Qt binds a null QString as SQL NULL, an empty one as ''.
QVariant textValue(const QString &text);

// "id, name, name_folded, ..., revision": the order of tokenValues() and readToken().
QString tokenColumns();
QVariantList tokenValues(const StoredToken &token);
// "name = ?, ..., revision = ?" for every column but id; bind tokenValues() without the id, then
// the id.
QString tokenAssignments();
Result<StoredToken, StoreError> readToken(const QSqlQuery &query);
// What a listing shows: the columns of tokenColumns() up to last_used_ip,
// without the secret material, which a list never needs; read with
// readListedToken() (secret fields empty, revision 0).
QString listedTokenColumns();
Result<StoredToken, StoreError> readListedToken(const QSqlQuery &query);

// The folded form `q` is matched against (full Unicode case folding, which
// SQLite's LIKE and lower() lack).
QString foldForSearch(const QString &text);

// Keyset cursor: the sort key of the last row of a page.
struct CursorKey
{
    qint64 createdAtMs = 0;
    QString id;
};
// Opaque to clients: base64url of "<created_at ms>|<id>".
QString encodeCursor(const StoredToken &lastRow);
std::optional<CursorKey> decodeCursor(const QString &cursor);

// "at, actor, actor_address, action, token_id, detail"
QString auditColumns();
QVariantList auditValues(const AuditEvent &event);
Result<AuditEvent, StoreError> readAudit(const QSqlQuery &query);

} // namespace ApiAccess::Server::SqlRows
