#include "store/SqlRows.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace ApiAccess::Server::SqlRows {

namespace {

constexpr auto kTokenColumnList = std::to_array<const char16_t *>({
    u"id",
    u"name",
    u"name_folded",
    u"access_level",
    u"allowed_ip_ranges",
    u"enabled",
    u"created_at",
    u"created_by",
    u"updated_at",
    u"expires_at",
    u"last_used_at",
    u"last_used_ip",
    u"secret_hash",
    u"encrypted_secret",
    u"previous_secret_hash",
    u"previous_secret_valid_until",
    u"revision",
});

constexpr auto kAuditActions = std::to_array<AuditAction>({
    AuditAction::TokenCreated,
    AuditAction::TokenChanged,
    AuditAction::TokenRotated,
    AuditAction::TokenDisabled,
    AuditAction::TokenEnabled,
    AuditAction::TokenDeleted,
    AuditAction::TokenSecretRetrieved,
    AuditAction::SignedIn,
    AuditAction::SignInFailed,
    AuditAction::SignedOut,
});

StoreError corrupt(const QString &what)
{
    return StoreError{StoreErrorCode::Unavailable, u"corrupt row in the database: "_s % what};
}

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QVariant nullable(const QByteArray &bytes)
{
    return bytes.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(bytes);
}

} // namespace

QVariant textValue(const QString &text)
{
    return text.isNull() ? QVariant(QStringLiteral("")) : QVariant(text);
}

QVariant timeValue(const QDateTime &time)
{
    if (!time.isValid())
        return QVariant(QMetaType::fromType<qint64>());
    return QVariant(time.toMSecsSinceEpoch());
}

QVariant timeValue(const std::optional<QDateTime> &time)
{
    return time ? timeValue(*time) : QVariant(QMetaType::fromType<qint64>());
}

QDateTime timeFrom(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

std::optional<QDateTime> optionalTimeFrom(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return timeFrom(value);
}

// The listed columns: id … last_used_ip.
constexpr std::size_t kListedColumnCount = 12;

QString columnNames(std::size_t count)
{
    QStringList names;
    for (std::size_t i = 0; i < count; ++i)
        names.append(QString::fromUtf16(kTokenColumnList[i]));
    return names.join(u", "_s);
}

QString tokenColumns()
{
    return columnNames(kTokenColumnList.size());
}

QString listedTokenColumns()
{
    return columnNames(kListedColumnCount);
}

QString tokenAssignments()
{
    QStringList assignments;
    for (size_t i = 1; i < kTokenColumnList.size(); ++i)
        assignments.append(QString::fromUtf16(kTokenColumnList[i]) % u" = ?"_s);
    return assignments.join(u", "_s);
}

QString foldForSearch(const QString &text)
{
    return text.toCaseFolded();
}

QVariantList tokenValues(const StoredToken &token)
{
    const QByteArray ranges = QJsonDocument(QJsonArray::fromStringList(token.allowedIpRanges))
                                  .toJson(QJsonDocument::Compact);
    return {
        textValue(token.id),
        textValue(token.name),
        foldForSearch(token.name),
        AccessLevels::wireId(token.accessLevel),
        QString::fromUtf8(ranges),
        token.enabled ? 1 : 0,
        timeValue(token.createdAt),
        textValue(token.createdBy),
        timeValue(token.updatedAt),
        timeValue(token.expiresAt),
        timeValue(token.lastUsedAt),
        nullable(token.lastUsedIp),
        token.secretHash,
        token.encryptedSecret,
        nullable(token.previousSecretHash),
        timeValue(token.previousSecretValidUntil),
        token.revision,
    };
}

namespace {

// allowed_ip_ranges as written by tokenValues(): a JSON array of canonical
// range strings, which never need an escape. Read without a JSON document
// (a listing reads 100,000 of them); anything else goes to Qt's parser.
std::optional<QStringList> readRanges(const QString &json)
{
    if (json == u"[]")
        return QStringList();
    if (json.size() >= 4 && json.startsWith(u"[\"") && json.endsWith(u"\"]")
        && !json.contains(u'\\')) {
        const QStringView inner = QStringView(json).mid(2, json.size() - 4);
        QStringList ranges;
        for (const QStringView range : inner.split(u"\",\""))
            ranges.append(range.toString());
        if (std::none_of(ranges.cbegin(), ranges.cend(),
                         [](const QString &range) { return range.contains(u'"'); }))
            return ranges;
    }
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8());
    if (!document.isArray())
        return std::nullopt;
    QStringList ranges;
    for (const QJsonValue &range : document.array()) {
        if (!range.isString())
            return std::nullopt;
        ranges.append(range.toString());
    }
    return ranges;
}

} // namespace

Result<StoredToken, StoreError> readListedToken(const QSqlQuery &query)
{
    StoredToken token;
    token.id = query.value(0).toString();
    token.name = query.value(1).toString();
    const auto level = AccessLevels::parse(query.value(3).toString());
    if (!level)
        return fail(corrupt(u"token "_s % token.id % u" has an unknown access level"_s));
    token.accessLevel = level.value();
    auto ranges = readRanges(query.value(4).toString());
    if (!ranges)
        return fail(corrupt(u"token "_s % token.id % u" has malformed allowed_ip_ranges"_s));
    token.allowedIpRanges = std::move(ranges).value();
    token.enabled = query.value(5).toLongLong() != 0;
    token.createdAt = timeFrom(query.value(6));
    token.createdBy = query.value(7).toString();
    token.updatedAt = timeFrom(query.value(8));
    token.expiresAt = optionalTimeFrom(query.value(9));
    token.lastUsedAt = optionalTimeFrom(query.value(10));
    token.lastUsedIp = query.value(11).toString();
    return token;
}

Result<StoredToken, StoreError> readToken(const QSqlQuery &query)
{
    auto token = readListedToken(query);
    if (!token)
        return token;
    token.value().secretHash = query.value(12).toByteArray();
    token.value().encryptedSecret = query.value(13).toByteArray();
    token.value().previousSecretHash = query.value(14).toByteArray();
    token.value().previousSecretValidUntil = optionalTimeFrom(query.value(15));
    token.value().revision = query.value(16).toLongLong();
    return token;
}

QString encodeCursor(const StoredToken &lastRow)
{
    const QByteArray key =
        QByteArray::number(lastRow.createdAt.toMSecsSinceEpoch()) + '|' + lastRow.id.toUtf8();
    return QString::fromLatin1(
        key.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<CursorKey> decodeCursor(const QString &cursor)
{
    if (cursor.isEmpty() || cursor.size() > 2048)
        return std::nullopt;
    for (const QChar c : cursor) {
        if (c.unicode() > 0x7f)
            return std::nullopt;
    }
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(),
        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals
            | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QByteArray &key = decoded.decoded;
    const qsizetype bar = key.indexOf('|');
    if (bar <= 0 || bar + 1 >= key.size())
        return std::nullopt;
    bool numeric = false;
    const qint64 ms = key.left(bar).toLongLong(&numeric);
    if (!numeric)
        return std::nullopt;
    const QString id = QString::fromUtf8(key.mid(bar + 1));
    if (id.toUtf8() != key.mid(bar + 1)) // not valid UTF-8
        return std::nullopt;
    return CursorKey{ms, id};
}

QString auditColumns()
{
    return u"at, actor, actor_address, action, token_id, detail"_s;
}

QVariantList auditValues(const AuditEvent &event)
{
    return {
        timeValue(event.at),
        textValue(event.actor.name),
        event.actor.address.isNull() ? QVariant(QMetaType::fromType<QString>())
                                     : QVariant(event.actor.address.toString()),
        auditActionId(event.action),
        nullable(event.tokenId),
        textValue(event.detail),
    };
}

Result<AuditEvent, StoreError> readAudit(const QSqlQuery &query)
{
    AuditEvent event;
    event.at = timeFrom(query.value(0));
    event.actor.name = query.value(1).toString();
    if (!query.value(2).isNull())
        event.actor.address = QHostAddress(query.value(2).toString());
    const QString action = query.value(3).toString();
    bool known = false;
    for (const AuditAction candidate : kAuditActions) {
        if (auditActionId(candidate) == action) {
            event.action = candidate;
            known = true;
        }
    }
    if (!known)
        return fail(corrupt(u"audit event with unknown action "_s % action));
    event.tokenId = query.value(4).toString();
    event.detail = query.value(5).toString();
    return event;
}

} // namespace ApiAccess::Server::SqlRows
