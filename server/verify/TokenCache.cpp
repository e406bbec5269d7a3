#include "verify/TokenCache.h"

#include "store/StoreTypes.h"

namespace ApiAccess::Server {

std::shared_ptr<const CachedToken> CachedToken::fromStored(const StoredToken &token)
{
    auto cached = std::make_shared<CachedToken>();
    cached->id = token.id;
    cached->idText = token.id.toStdString();
    cached->accessLevel = token.accessLevel;
    cached->accessLevelText = AccessLevels::wireId(token.accessLevel).toStdString();
    const auto parsed = IpAllowList::fromEntries(token.allowedIpRanges);
    cached->allowList = parsed.list;
    // Stored ranges are canonical; should one ever be unreadable, fail closed
    // rather than let a shorter list allow more.
    cached->enabled = token.enabled && parsed.ok();
    if (token.expiresAt)
        cached->expiresAtMs = token.expiresAt->toMSecsSinceEpoch();
    cached->secretHash = token.secretHash;
    cached->previousSecretHash = token.previousSecretHash;
    if (token.previousSecretValidUntil)
        cached->previousValidUntilMs = token.previousSecretValidUntil->toMSecsSinceEpoch();
    return cached;
}

TokenCache::Shard &TokenCache::shardFor(const QString &id)
{
    return m_shards[qHash(id) % kShards];
}

const TokenCache::Shard &TokenCache::shardFor(const QString &id) const
{
    return m_shards[qHash(id) % kShards];
}

TokenCache::Lookup TokenCache::find(const QString &id) const
{
    const Shard &shard = shardFor(id);
    std::shared_lock lock(shard.mutex);
    const auto it = shard.entries.find(id);
    if (it == shard.entries.end())
        return {};
    return {true, it->second};
}

TokenCache::Generation TokenCache::generation(const QString &id) const
{
    const Shard &shard = shardFor(id);
    std::shared_lock lock(shard.mutex);
    return shard.generation;
}

void TokenCache::insert(const QString &id, std::shared_ptr<const CachedToken> token,
                        Generation loadedAt)
{
    Shard &shard = shardFor(id);
    std::unique_lock lock(shard.mutex);
    if (shard.generation != loadedAt)
        return; // changed while we were loading: the next request loads again
    if (!token) {
        // Unknown ids are attacker-chosen: bound how many we remember.
        if (shard.negativeEntries >= kMaxNegativePerShard) {
            for (auto it = shard.entries.begin(); it != shard.entries.end();) {
                if (!it->second) {
                    it = shard.entries.erase(it);
                } else {
                    ++it;
                }
            }
            shard.negativeEntries = 0;
        }
        if (shard.entries.emplace(id, nullptr).second)
            ++shard.negativeEntries;
        return;
    }
    auto [it, inserted] = shard.entries.try_emplace(id, token);
    if (!inserted) {
        if (!it->second && shard.negativeEntries > 0)
            --shard.negativeEntries;
        it->second = std::move(token);
    }
}

void TokenCache::invalidate(const QString &id)
{
    Shard &shard = shardFor(id);
    std::unique_lock lock(shard.mutex);
    ++shard.generation;
    const auto it = shard.entries.find(id);
    if (it != shard.entries.end()) {
        if (!it->second && shard.negativeEntries > 0)
            --shard.negativeEntries;
        shard.entries.erase(it);
    }
}

void TokenCache::clear()
{
    for (Shard &shard : m_shards) {
        std::unique_lock lock(shard.mutex);
        ++shard.generation;
        shard.entries.clear();
        shard.negativeEntries = 0;
    }
}

} // namespace ApiAccess::Server
