#pragma once

#include "store/StoreResult.h"

#include <QList>

namespace ApiAccess::Server {

// The audit trail's events that change nothing else (a secret retrieved, a
// sign-in); token changes write theirs through TokenStore, in their own
// transaction. Thread-safe.
class AuditStore
{
public:
    virtual ~AuditStore() = default;

    virtual StoreResult<Nothing> recordAudit(const AuditEvent &event) = 0;
    virtual StoreResult<QList<AuditEvent>> auditEvents(int limit) = 0; // newest first
};

} // namespace ApiAccess::Server
