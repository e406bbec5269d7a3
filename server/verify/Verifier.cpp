#include "verify/Verifier.h"

#include "crypto/SecretVault.h"
#include "store/DatabaseHealth.h"
#include "store/TokenStore.h"
#include "token/TokenFormat.h"
#include "verify/UsageRecorder.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace ApiAccess::Server {

Q_LOGGING_CATEGORY(lcVerify, "apiaccess.verify")

std::string_view verifyOutcomeId(VerifyOutcome outcome)
{
    switch (outcome) {
    case VerifyOutcome::Allowed:
        return "allowed";
    case VerifyOutcome::Unauthorized:
        return "unauthorized";
    case VerifyOutcome::ForbiddenAddress:
        return "forbidden_address";
    case VerifyOutcome::ForbiddenLevel:
        return "forbidden_level";
    case VerifyOutcome::Unavailable:
        return "unavailable";
    }
    return "unknown";
}

Verifier::Verifier(TokenStore &tokens, const SecretVault &vault, UsageRecorder &usage,
                   const DatabaseHealth &health)
    : m_tokens(tokens)
    , m_vault(vault)
    , m_usage(usage)
    , m_health(health)
{ }

void Verifier::invalidate(const QString &tokenId)
{
    m_cache.invalidate(tokenId);
}

void Verifier::invalidateAll()
{
    m_cache.clear();
}

Verifier::Loaded Verifier::load(const QString &id)
{
    const auto lookup = m_cache.find(id);
    if (lookup.found)
        return {false, lookup.token};
    // Out of contact: fail fast rather than have every miss wait for a
    // connection that the change feed already knows to be gone.
    if (!m_health.isReachable())
        return {true, nullptr};

    const TokenCache::Generation generation = m_cache.generation(id);
    const auto stored = m_tokens.findToken(id);
    if (stored) {
        auto token = CachedToken::fromStored(stored.value());
        m_cache.insert(id, token, generation);
        return {false, std::move(token)};
    }
    if (stored.error().code == StoreErrorCode::NotFound) {
        m_cache.insert(id, nullptr, generation);
        return {};
    }
    qCWarning(lcVerify) << "token lookup failed:" << stored.error().message;
    return {true, nullptr};
}

VerifyResult Verifier::verify(std::string_view authorizationHeader, const QHostAddress &client,
                              std::optional<AccessLevel> minimum, qint64 nowMs)
{
    // Shape and checksum first: a mistyped or random token costs no lookup.
    const auto credentials = TokenFormat::decodeAuthorizationHeader(
        QByteArrayView(authorizationHeader.data(), qsizetype(authorizationHeader.size())));
    if (!credentials)
        return {VerifyOutcome::Unauthorized, nullptr};
    // Past the grace, even a cached answer may be stale: a revocation made
    // through another instance would not have reached us.
    if (!m_health.cacheUsable(nowMs))
        return {VerifyOutcome::Unavailable, nullptr};

    const Loaded loaded = load(credentials->id);
    if (loaded.unavailable)
        return {VerifyOutcome::Unavailable, nullptr};

    const CachedToken *token = loaded.token.get();
    bool secretMatches = false;
    if (!token) {
        // Spend the same work as for a known id: no timing oracle for ids.
        (void)m_vault.hashSecret(credentials->secret);
    } else if (m_vault.verifySecret(credentials->secret, token->secretHash)) {
        secretMatches = true;
    } else if (!token->previousSecretHash.isEmpty() && nowMs < token->previousValidUntilMs
               && m_vault.verifySecret(credentials->secret, token->previousSecretHash)) {
        secretMatches = true; // the rotated-away secret, still inside its grace period
    }

    if (!secretMatches || !token->enabled || (token->expiresAtMs && nowMs >= *token->expiresAtMs))
        return {VerifyOutcome::Unauthorized, nullptr};

    if (!token->allowList.allows(client))
        return {VerifyOutcome::ForbiddenAddress, loaded.token};
    if (minimum && !AccessLevels::satisfies(token->accessLevel, *minimum))
        return {VerifyOutcome::ForbiddenLevel, loaded.token};

    m_usage.record(token->id, nowMs, IpRange::fromAddress(client).toString());
    return {VerifyOutcome::Allowed, loaded.token};
}

} // namespace ApiAccess::Server
