#include "store/StoreTypes.h"

using namespace Qt::StringLiterals;

namespace ApiAccess::Server {

Token StoredToken::toWire(const QDateTime &now) const
{
    Token token;
    token.id = id;
    token.name = name;
    token.accessLevel = accessLevel;
    token.allowedIpRanges = allowedIpRanges;
    if (!enabled)
        token.status = TokenStatus::Disabled;
    else if (expiresAt && *expiresAt <= now)
        token.status = TokenStatus::Expired;
    else
        token.status = TokenStatus::Active;
    token.createdAt = createdAt;
    token.createdBy = createdBy;
    token.updatedAt = updatedAt;
    token.expiresAt = expiresAt;
    token.lastUsedAt = lastUsedAt;
    token.lastUsedIp = lastUsedIp;
    return token;
}

QString auditActionId(AuditAction action)
{
    // Stable ids: they are stored in the audit table and will be served by the audit API.
    switch (action) {
    case AuditAction::TokenCreated:
        return u"token.created"_s;
    case AuditAction::TokenChanged:
        return u"token.changed"_s;
    case AuditAction::TokenRotated:
        return u"token.rotated"_s;
    case AuditAction::TokenDisabled:
        return u"token.disabled"_s;
    case AuditAction::TokenEnabled:
        return u"token.enabled"_s;
    case AuditAction::TokenDeleted:
        return u"token.deleted"_s;
    case AuditAction::TokenSecretRetrieved:
        return u"token.secret_retrieved"_s;
    case AuditAction::SignedIn:
        return u"session.signed_in"_s;
    case AuditAction::SignInFailed:
        return u"session.sign_in_failed"_s;
    case AuditAction::SignedOut:
        return u"session.signed_out"_s;
    }
    Q_UNREACHABLE();
    return {};
}

} // namespace ApiAccess::Server
