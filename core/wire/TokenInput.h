#pragma once

#include "access/AccessLevel.h"
#include "common/Result.h"
#include "iprange/IpAllowList.h"
#include "wire/FieldError.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace ApiAccess {

namespace TokenNames {

// Counted in Unicode code points, not UTF-16 units, so that an emoji or a
// CJK extension character counts as the one character the admin sees.
inline constexpr int kMaxLength = 100;

// The name as stored: trimmed, 1..kMaxLength code points, no control
// characters (a line break would break every list and log that shows it),
// no lone surrogates. The error is the message for the "name" field.
// The Studio's dialog uses this too, so it refuses what the server would.
Result<QString, QString> normalize(QStringView name);

} // namespace TokenNames

// The body of POST /api/v1/tokens.
struct TokenCreateInput
{
    QString name;
    AccessLevel accessLevel = AccessLevels::defaultLevel();
    IpAllowList allowedIpRanges; // empty = any address
    std::optional<QDateTime> expiresAt; // nullopt = never expires

    // Strict, for the server: "name" and "accessLevel" are required,
    // "allowedIpRanges" (array of strings) and "expiresAt" (RFC 3339 or
    // null) optional; any other member is an error. Every problem is
    // reported, each at its path ("allowedIpRanges[2]"), in this order:
    // unknown fields, then name, accessLevel, allowedIpRanges, expiresAt.
    static Result<TokenCreateInput, QList<FieldError>> fromJson(const QJsonObject &object);
    // What the Studio sends: ranges in canonical form, "expiresAt" only
    // when set.
    QJsonObject toJson() const;

    friend bool operator==(const TokenCreateInput &, const TokenCreateInput &) = default;
};

// The body of PATCH /api/v1/tokens/{id}: only what changes.
struct TokenUpdateInput
{
    std::optional<QString> name;
    std::optional<AccessLevel> accessLevel;
    std::optional<IpAllowList> allowedIpRanges; // an empty list = any address
    // Outer nullopt: unchanged. Inner nullopt: "expiresAt": null, never expires.
    std::optional<std::optional<QDateTime>> expiresAt;
    std::optional<bool> enabled;

    // True for {}: the server answers it like a GET, which keeps PATCH
    // idempotent and lets a client refresh its ETag.
    bool isEmpty() const;

    // Strict like TokenCreateInput::fromJson, every member optional. null is
    // accepted only for "expiresAt"; for the others it is a type error,
    // because "no name" or "no access level" has no meaning.
    static Result<TokenUpdateInput, QList<FieldError>> fromJson(const QJsonObject &object);
    // Only the members that are set; "expiresAt": null when cleared.
    QJsonObject toJson() const;

    friend bool operator==(const TokenUpdateInput &, const TokenUpdateInput &) = default;
};

} // namespace ApiAccess
