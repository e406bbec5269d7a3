#include "wire/Token.h"

#include "wire/JsonReader.h"
#include "wire/Rfc3339.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonValue>

#include <array>

using namespace Qt::StringLiterals;

namespace ApiAccess {

namespace {

struct StatusInfo
{
    TokenStatus status;
    const char16_t *wireId;
    const char *displayName;
};

constexpr std::array<StatusInfo, 3> kStatuses{{
    {TokenStatus::Active, u"active", QT_TRANSLATE_NOOP("TokenStatus", "Active")},
    {TokenStatus::Disabled, u"disabled", QT_TRANSLATE_NOOP("TokenStatus", "Disabled")},
    {TokenStatus::Expired, u"expired", QT_TRANSLATE_NOOP("TokenStatus", "Expired")},
}};

const StatusInfo &info(TokenStatus status)
{
    for (const auto &entry : kStatuses) {
        if (entry.status == status)
            return entry;
    }
    Q_UNREACHABLE();
    return kStatuses.front();
}

QJsonValue nullable(const std::optional<QDateTime> &time)
{
    return time ? QJsonValue(formatRfc3339(*time)) : QJsonValue(QJsonValue::Null);
}

} // namespace

namespace TokenStatuses {

QList<TokenStatus> all()
{
    return {TokenStatus::Active, TokenStatus::Disabled, TokenStatus::Expired};
}

QString wireId(TokenStatus status)
{
    return QString::fromUtf16(info(status).wireId);
}

QString displayName(TokenStatus status)
{
    return QCoreApplication::translate("TokenStatus", info(status).displayName);
}

Result<TokenStatus, QString> parse(QStringView id)
{
    for (const auto &entry : kStatuses) {
        if (id == QStringView(entry.wireId))
            return entry.status;
    }
    QStringList valid;
    for (const auto &entry : kStatuses)
        valid.append(QString::fromUtf16(entry.wireId));
    return fail(QCoreApplication::translate("TokenStatus",
                                            "\"%1\" is not a token status; expected one of %2.")
                    .arg(id.left(64).toString(), valid.join(u", ")));
}

} // namespace TokenStatuses

QJsonObject Token::toJson() const
{
    return QJsonObject{
        {u"id"_s, id},
        {u"name"_s, name},
        {u"accessLevel"_s, AccessLevels::wireId(accessLevel)},
        {u"allowedIpRanges"_s, QJsonArray::fromStringList(allowedIpRanges)},
        {u"status"_s, TokenStatuses::wireId(status)},
        {u"createdAt"_s, formatRfc3339(createdAt)},
        {u"createdBy"_s, createdBy},
        {u"updatedAt"_s, formatRfc3339(updatedAt)},
        {u"expiresAt"_s, nullable(expiresAt)},
        {u"lastUsedAt"_s, nullable(lastUsedAt)},
        {u"lastUsedIp"_s,
         lastUsedIp.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(lastUsedIp)},
    };
}

Result<Token, QList<FieldError>> Token::fromJson(const QJsonObject &object)
{
    JsonReader in(object);
    Token token;
    token.id = in.string(u"id", JsonReader::Required).value_or(QString());
    token.name = in.string(u"name", JsonReader::Required).value_or(QString());
    if (const auto level = in.string(u"accessLevel", JsonReader::Required)) {
        const auto parsed = AccessLevels::parse(*level);
        if (parsed)
            token.accessLevel = *parsed;
        else
            in.addError(in.path(u"accessLevel"), parsed.error().message);
    }
    token.allowedIpRanges =
        in.stringArray(u"allowedIpRanges", JsonReader::Required).value_or(QStringList());
    if (const auto status = in.string(u"status", JsonReader::Required)) {
        const auto parsed = TokenStatuses::parse(*status);
        if (parsed)
            token.status = *parsed;
        else
            in.addError(in.path(u"status"), parsed.error());
    }
    token.createdAt = in.dateTime(u"createdAt", JsonReader::Required).value_or(QDateTime());
    token.createdBy = in.string(u"createdBy", JsonReader::Required).value_or(QString());
    token.updatedAt = in.dateTime(u"updatedAt", JsonReader::Required).value_or(QDateTime());
    token.expiresAt =
        in.nullableDateTime(u"expiresAt", JsonReader::Optional).value_or(std::nullopt);
    token.lastUsedAt =
        in.nullableDateTime(u"lastUsedAt", JsonReader::Optional).value_or(std::nullopt);
    token.lastUsedIp = in.nullableString(u"lastUsedIp", JsonReader::Optional)
                           .value_or(std::nullopt)
                           .value_or(QString());
    if (in.hasErrors())
        return fail(in.errors());
    return token;
}

QJsonObject toJsonWithSecret(const Token &token, QByteArrayView tokenString)
{
    QJsonObject object = token.toJson();
    object.insert(u"token"_s, QString::fromLatin1(tokenString));
    return object;
}

QByteArray tokenStringFromJson(const QJsonObject &object)
{
    const QJsonValue value = object.value(u"token"_s);
    return value.isString() ? value.toString().toLatin1() : QByteArray();
}

namespace {

QJsonArray tokensToJson(const QList<Token> &tokens)
{
    QJsonArray list;
    for (const Token &token : tokens)
        list.append(token.toJson());
    return list;
}

// The required array `key` of Token objects; errors inside an item carry
// its path, e.g. "items[3].status".
QList<Token> readTokens(JsonReader &in, QStringView key)
{
    QList<Token> tokens;
    const auto list = in.array(key, JsonReader::Required);
    if (!list)
        return tokens;
    tokens.reserve(list->size());
    for (qsizetype i = 0; i < list->size(); ++i) {
        const QJsonValue item = list->at(i);
        if (!item.isObject()) {
            in.addError(in.path(key, i), JsonReader::mustBeMessage(QJsonValue::Object));
            continue;
        }
        auto token = Token::fromJson(item.toObject());
        if (token)
            tokens.append(std::move(token).value());
        else
            in.addNestedErrors(in.path(key, i), token.error());
    }
    return tokens;
}

} // namespace

QJsonObject TokenPage::toJson() const
{
    QJsonObject object{
        {u"items"_s, tokensToJson(items)},
        {u"nextCursor"_s, nextCursor ? QJsonValue(*nextCursor) : QJsonValue(QJsonValue::Null)},
    };
    if (changesCursor)
        object.insert(u"changesCursor"_s, *changesCursor);
    return object;
}

Result<TokenPage, QList<FieldError>> TokenPage::fromJson(const QJsonObject &object)
{
    JsonReader in(object);
    TokenPage page;
    page.items = readTokens(in, u"items");
    page.nextCursor = in.nullableString(u"nextCursor", JsonReader::Optional).value_or(std::nullopt);
    page.changesCursor = in.string(u"changesCursor", JsonReader::Optional);
    if (in.hasErrors())
        return fail(in.errors());
    return page;
}

QJsonObject TokenChangeSet::toJson() const
{
    return QJsonObject{
        {u"changesCursor"_s, changesCursor},
        {u"deletedIds"_s, QJsonArray::fromStringList(deletedIds)},
        {u"items"_s, tokensToJson(items)},
    };
}

Result<TokenChangeSet, QList<FieldError>> TokenChangeSet::fromJson(const QJsonObject &object)
{
    JsonReader in(object);
    TokenChangeSet changes;
    changes.items = readTokens(in, u"items");
    changes.deletedIds =
        in.stringArray(u"deletedIds", JsonReader::Required).value_or(QStringList());
    changes.changesCursor = in.string(u"changesCursor", JsonReader::Required).value_or(QString());
    if (in.hasErrors())
        return fail(in.errors());
    return changes;
}

} // namespace ApiAccess
