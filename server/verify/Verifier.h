#pragma once

#include "access/AccessLevel.h"
#include "verify/TokenCache.h"

#include <QHostAddress>
#include <QString>

#include <memory>
#include <optional>
#include <string_view>

namespace ApiAccess::Server {

class TokenStore;
class SecretVault;
class UsageRecorder;

enum class VerifyOutcome {
    Allowed,
    Unauthorized, // no, malformed, unknown, wrong, disabled, expired, deleted or rotated-away token
    ForbiddenAddress, // the client address is outside the token's allow-list
    ForbiddenLevel, // the token's level is below the required minimum
    Unavailable, // the database could not be read (a 503, not a client mistake)
};
QString verifyOutcomeId(VerifyOutcome outcome); // "allowed", "unauthorized", ...

struct VerifyResult
{
    VerifyOutcome outcome = VerifyOutcome::Unauthorized;
    std::shared_ptr<const CachedToken> token; // set unless Unauthorized/Unavailable
};

// Answers "may this token be used from this address?" (PRODUCT.md §6).
// Every 401 looks alike whatever the reason, so callers learn nothing about
// which ids exist; unknown ids cost a hash like known ones.
class Verifier
{
public:
    Verifier(TokenStore &tokens, const SecretVault &vault, UsageRecorder &usage);

    VerifyResult verify(std::string_view authorizationHeader, const QHostAddress &client,
                        std::optional<AccessLevel> minimum, qint64 nowMs);

    // Call after every committed change to a token (edit, rotate, enable,
    // disable, delete): the very next request sees the change.
    void invalidate(const QString &tokenId);
    // A new id: forget a negative entry should someone have probed it.
    void tokenCreated(const QString &tokenId) { invalidate(tokenId); }

private:
    struct Loaded
    {
        bool unavailable = false;
        std::shared_ptr<const CachedToken> token;
    };
    Loaded load(const QString &id);

    TokenStore &m_tokens;
    const SecretVault &m_vault;
    UsageRecorder &m_usage;
    TokenCache m_cache;
};

} // namespace ApiAccess::Server
