#include "store/SqlAuditStore.h"

#include "store/Database.h"
#include "store/SqlRows.h"

#include <QStringBuilder>

using namespace Qt::StringLiterals;

namespace ApiAccess::Server {

using namespace SqlRows;

std::optional<StoreError> insertAuditEvent(QSqlDatabase &db, AuditEvent event,
                                           const QString &tokenId)
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

SqlAuditStore::SqlAuditStore(Database &database)
    : m_database(database)
{ }

StoreResult<Nothing> SqlAuditStore::recordAudit(const AuditEvent &event)
{
    return inWriteTransaction<Nothing>(m_database.connections(), u"writing an audit event",
                                       [&](QSqlDatabase &db) -> StoreResult<Nothing> {
                                           if (auto error = insertAuditEvent(db, event))
                                               return fail(*error);
                                           return Nothing{};
                                       });
}

StoreResult<QList<AuditEvent>> SqlAuditStore::auditEvents(int limit)
{
    return withConnection<QList<AuditEvent>>(
        m_database.connections(), [&](QSqlDatabase &db) -> StoreResult<QList<AuditEvent>> {
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
