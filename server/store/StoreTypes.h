#pragma once

#include "access/AccessLevel.h"
#include "wire/Token.h"

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ApiAccess::Server {

// Everything the server keeps about a token. The secret itself is not here:
// only its keyed hash (to verify) and an encrypted copy (to hand it out again).
struct StoredToken
{
    QString id;
    QString name;
    AccessLevel accessLevel = AccessLevel::RestrictedReadOnly;
    QStringList allowedIpRanges; // canonical
    bool enabled = true;
    QDateTime createdAt;
    QString createdBy;
    QDateTime updatedAt;
    std::optional<QDateTime> expiresAt;
    std::optional<QDateTime> lastUsedAt;
    QString lastUsedIp;

    QByteArray secretHash; // SecretVault::hash()
    QByteArray encryptedSecret; // SecretVault::encrypt(), bound to the id
    // The secret before the last rotation, still accepted until the instant below.
    QByteArray previousSecretHash;
    std::optional<QDateTime> previousSecretValidUntil;

    qint64 revision = 1; // grows with every change; the ETag is built from it

    // The wire form at `now` (status is derived: disabled, expired, active).
    Token toWire(const QDateTime &now) const;
};

// Who did something and from where, for the audit trail.
struct Actor
{
    QString name; // admin user name, or "token:<id>" for a token acting
    QHostAddress address; // client address as resolved (trusted proxies applied)
};

enum class AuditAction {
    TokenCreated,
    TokenChanged,
    TokenRotated,
    TokenDisabled,
    TokenEnabled,
    TokenDeleted,
    TokenSecretRetrieved,
    SignedIn,
    SignInFailed,
    SignedOut,
};
QString auditActionId(AuditAction action); // "token.created", ...

struct AuditEvent
{
    QDateTime at;
    Actor actor;
    AuditAction action;
    QString tokenId; // empty for sign-in events
    QString detail; // short, human readable; never a secret
};

// What a PATCH may change. Absent = unchanged.
struct TokenChanges
{
    std::optional<QString> name;
    std::optional<AccessLevel> accessLevel;
    std::optional<QStringList> allowedIpRanges;
    std::optional<std::optional<QDateTime>> expiresAt;
    std::optional<bool> enabled;
};

struct TokenQuery
{
    int limit = 100;
    QString cursor; // opaque; from the previous page's nextCursor
    QString text; // q: substring of name or id, case-insensitive
    std::optional<QString> status; // active | disabled | expired
    std::optional<AccessLevel> accessLevel;
    QDateTime now; // to evaluate "expired"
};

struct TouchedTokensQuery
{
    QStringList ids; // at most 1000
    qint64 usedSinceMs = 0;
    qint64 expiredAfterMs = 0;
    qint64 nowMs = 0;
};

struct TokenPageResult
{
    QList<StoredToken> items;
    QString nextCursor; // empty: no more
};

struct AdminAccount
{
    QString username;
    QString passwordHash; // Argon2id, libsodium's crypto_pwhash_str format
    QDateTime createdAt;
    QDateTime updatedAt;
};

struct SessionRecord
{
    QByteArray tokenHash; // keyed hash of the opaque session token
    QString username;
    QDateTime createdAt;
    QDateTime lastSeenAt;
    QDateTime expiresAt; // absolute
};

struct UsageRecord
{
    QString tokenId;
    QDateTime at;
    QString address;
};

// A token changed (created, edited, rotated, enabled, disabled, deleted) by
// some instance: the verify caches of the others drop it.
struct TokenChange
{
    qint64 generation = 0; // grows with every change, across instances
    QString tokenId;
};

struct TokenChangeBatch
{
    QList<TokenChange> changes; // oldest first
    qint64 latestGeneration = 0; // the newest generation read
};

// Failed sign-ins for one user name from one address (SignInThrottle).
struct ThrottleRecord
{
    int failures = 0;
    qint64 lastFailureMs = 0;
    qint64 lockedUntilMs = 0;
};

enum class StoreErrorCode {
    NotFound,
    AlreadyExists,
    RevisionMismatch, // If-Match did not match
    InvalidCursor,
    Unavailable, // the database failed; details in the server log only
};

struct StoreError
{
    StoreErrorCode code;
    QString message; // for the server log; never a secret
};

} // namespace ApiAccess::Server
