#pragma once

#include "store/AuditStore.h"

#include <QSqlDatabase>

#include <optional>

namespace ApiAccess::Server {

class Database;

// AuditStore on the server's database (SQLite or PostgreSQL).
class SqlAuditStore final : public AuditStore
{
public:
    explicit SqlAuditStore(Database &database);

    StoreResult<Nothing> recordAudit(const AuditEvent &event) override;
    StoreResult<QList<AuditEvent>> auditEvents(int limit) override;

private:
    Database &m_database;
};

// Writes `event` (its token id, or `tokenId` when it has none) inside the
// caller's transaction: a token change and its audit row commit together.
std::optional<StoreError> insertAuditEvent(QSqlDatabase &db, AuditEvent event,
                                           const QString &tokenId = {});

} // namespace ApiAccess::Server
