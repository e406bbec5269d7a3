#pragma once

#include "access/AccessLevel.h"
#include "verify/TokenCache.h"

#include <QHostAddress>
#include <QString>

#include <memory>
#include <optional>
#include <string_view>

namespace ApiAccess::Server {

class DatabaseHealth;
class TokenStore;
class SecretVault;
class UsageRecorder;

enum class VerifyOutcome {
    Allowed,
    Unauthorized, // no, malformed, unknown, wrong, disabled, expired, deleted or rotated-away token
    ForbiddenAddress, // the client address is outside the token's allow-list
    ForbiddenLevel, // the token's level is below the required minimum
    // The database could not be read, or has been out of reach for longer
    // than the cache grace (a 503, not a client mistake).
    Unavailable,
};
// "allowed", "unauthorized", ... (Metrics::kVerifyOutcomes); static text.
std::string_view verifyOutcomeId(VerifyOutcome outcome);

struct VerifyResult
{
    VerifyOutcome outcome = VerifyOutcome::Unauthorized;
    std::shared_ptr<const CachedToken> token; // set unless Unauthorized/Unavailable
};

// Answers "may this token be used from this address?" (PRODUCT.md §6).
// Every 401 looks alike whatever the reason, so callers learn nothing about
// which ids exist; unknown ids cost a hash like known ones.
//
// Answers come from the cache while the database is in reach (`health`)
// and for its cache grace after contact was lost; then every answer that
// needs the database is Unavailable. A malformed credential is Unauthorized
// all the same: a client mistake never becomes a 503.
class Verifier
{
public:
    Verifier(TokenStore &tokens, const SecretVault &vault, UsageRecorder &usage,
             const DatabaseHealth &health);

    VerifyResult verify(std::string_view authorizationHeader, const QHostAddress &client,
                        std::optional<AccessLevel> minimum, qint64 nowMs);

    // Call after every committed change to a token (edit, rotate, enable,
    // disable, delete): the very next request sees the change.
    void invalidate(const QString &tokenId);
    // A new id: forget a negative entry should someone have probed it.
    void tokenCreated(const QString &tokenId) { invalidate(tokenId); }
    // Forget everything (TokenChangeFeed, after it may have missed changes).
    void invalidateAll();

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
    const DatabaseHealth &m_health;
    TokenCache m_cache;
};

} // namespace ApiAccess::Server
