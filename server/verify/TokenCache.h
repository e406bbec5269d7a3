#pragma once

#include "access/AccessLevel.h"
#include "iprange/IpAllowList.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace ApiAccess::Server {

struct StoredToken;

// What verification needs of a token, immutable once built so readers share
// it without locks beyond the shard's.
struct CachedToken
{
    QString id;
    // What a verify answer says about it, ready to send (X-Token-Id,
    // X-Access-Level): built once per load, not per request.
    std::string idText;
    std::string accessLevelText;
    AccessLevel accessLevel = AccessLevel::RestrictedReadOnly;
    IpAllowList allowList;
    bool enabled = false;
    std::optional<qint64> expiresAtMs; // UTC milliseconds; none = never
    QByteArray secretHash;
    QByteArray previousSecretHash; // empty: none
    qint64 previousValidUntilMs = 0;

    static std::shared_ptr<const CachedToken> fromStored(const StoredToken &token);
};

// The verification hot path reads from here so a hit never touches the
// database. Sharded by id so many cores do not contend on one lock.
//
// Every change to a token calls invalidate() after its transaction commits.
// A load racing with a change cannot resurrect stale data: loads remember the
// shard's generation before reading the database and are dropped on insert
// if an invalidation happened in between.
class TokenCache
{
public:
    struct Lookup
    {
        bool found = false; // an entry (positive or negative) exists
        std::shared_ptr<const CachedToken> token; // null for a known-unknown id
    };
    using Generation = std::uint64_t;

    Lookup find(const QString &id) const;
    Generation generation(const QString &id) const;
    // `token` null records that the id does not exist (negative entry).
    void insert(const QString &id, std::shared_ptr<const CachedToken> token, Generation loadedAt);
    void invalidate(const QString &id);
    void clear();

private:
    static constexpr std::size_t kShards = 64;
    static constexpr std::size_t kMaxNegativePerShard = 1024;
    struct Shard
    {
        mutable std::shared_mutex mutex;
        std::unordered_map<QString, std::shared_ptr<const CachedToken>> entries;
        std::size_t negativeEntries = 0;
        Generation generation = 0;
    };
    Shard &shardFor(const QString &id);
    const Shard &shardFor(const QString &id) const;

    std::array<Shard, kShards> m_shards;
};

} // namespace ApiAccess::Server
