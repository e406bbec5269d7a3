#pragma once

#include "access/AccessLevel.h"
#include "common/Result.h"
#include "wire/FieldError.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace ApiAccess {

// Whether a token works right now. The server derives Expired from
// expiresAt; an admin only ever switches between Active and Disabled.
enum class TokenStatus { Active, Disabled, Expired };

namespace TokenStatuses {
QList<TokenStatus> all();
// Stable, never translated: "active", "disabled", "expired".
QString wireId(TokenStatus status);
QString displayName(TokenStatus status);
// Exact, case-sensitive wire id; the error is a message naming the valid ids.
Result<TokenStatus, QString> parse(QStringView wireId);
} // namespace TokenStatuses

// A token's metadata as GET /api/v1/tokens/{id} returns it (PRODUCT.md §6).
// Never the secret: that travels only in create, rotate and /secret answers.
struct Token
{
    QString id;
    QString name;
    AccessLevel accessLevel = AccessLevels::defaultLevel();
    QStringList allowedIpRanges; // canonical strings; empty = any address
    TokenStatus status = TokenStatus::Active;
    QDateTime createdAt;
    QString createdBy;
    QDateTime updatedAt;
    std::optional<QDateTime> expiresAt; // nullopt = never expires
    std::optional<QDateTime> lastUsedAt;
    QString lastUsedIp; // empty = never used ("lastUsedIp": null)

    // Every member, absent values as JSON null, times as formatRfc3339().
    QJsonObject toJson() const;

    // For the client. Each required member is checked for presence and type
    // and every problem reported at its path. Members this version does not
    // know are ignored, so an older Studio keeps working with a newer
    // server (a create answer's "token" member among them). The nullable
    // members may also be absent, which reads as null.
    static Result<Token, QList<FieldError>> fromJson(const QJsonObject &object);

    friend bool operator==(const Token &, const Token &) = default;
};

// The create and rotate answers: the token plus the one "token" member the
// integration will use. `tokenString` is base64, so ASCII.
QJsonObject toJsonWithSecret(const Token &token, QByteArrayView tokenString);

// The "token" member of such an answer; empty if absent or not a string.
QByteArray tokenStringFromJson(const QJsonObject &object);

// One page of GET /api/v1/tokens. Items that fail to read are reported and
// left out.
struct TokenPage
{
    QList<Token> items;
    std::optional<QString> nextCursor; // nullopt = last page ("nextCursor": null)
    // On the first page of an unfiltered listing: where to follow the list's
    // changes from (GET /api/v1/tokens?changedSince=…; TokenChangeSet).
    std::optional<QString> changesCursor;

    QJsonObject toJson() const;
    // Errors inside an item carry its path, e.g. "items[3].status".
    static Result<TokenPage, QList<FieldError>> fromJson(const QJsonObject &object);

    friend bool operator==(const TokenPage &, const TokenPage &) = default;
};

// What changed in the list since a changes cursor (GET
// /api/v1/tokens?changedSince=…): the tokens created, changed, used or
// expired since (newest first), the ids of those deleted, and the cursor
// to ask with next time.
struct TokenChangeSet
{
    QList<Token> items;
    QStringList deletedIds;
    QString changesCursor;

    QJsonObject toJson() const;
    static Result<TokenChangeSet, QList<FieldError>> fromJson(const QJsonObject &object);

    friend bool operator==(const TokenChangeSet &, const TokenChangeSet &) = default;
};

} // namespace ApiAccess
