#include "cache/TokenCacheRows.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace ApiAccess::TokenCacheRows {

namespace {

enum Column {
    Id,
    Name,
    Level,
    Ranges,
    Status,
    CreatedAt,
    CreatedBy,
    UpdatedAt,
    ExpiresAt,
    LastUsedAt,
    LastUsedIp,
};

constexpr auto kTokenColumns = u"id, name, access_level, allowed_ip_ranges, status, created_at, "
                               u"created_by, updated_at, expires_at, last_used_at, last_used_ip";

QString rangesToText(const QStringList &ranges)
{
    if (ranges.isEmpty())
        return u"[]"_s;
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(ranges)).toJson(QJsonDocument::Compact));
}

std::optional<QStringList> rangesFromText(const QString &text)
{
    if (text == u"[]"_s)
        return QStringList();
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    if (!document.isArray())
        return std::nullopt;
    QStringList ranges;
    for (const QJsonValue value : document.array()) {
        if (!value.isString())
            return std::nullopt;
        ranges.append(value.toString());
    }
    return ranges;
}

std::optional<QDateTime> optionalTime(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return fromMsecs(value);
}

} // namespace

QString selectSnapshotSql()
{
    return u"SELECT saved_at, server_url, username, (SELECT count(*) FROM tokens) FROM snapshot "
           u"WHERE id = 1"_s;
}

QString selectTokensSql()
{
    return u"SELECT "_s % QStringView(kTokenColumns) % u" FROM tokens ORDER BY position"_s;
}

QString insertSnapshotSql()
{
    return u"INSERT INTO snapshot (id, saved_at, server_url, username) VALUES (1, ?, ?, ?)"_s;
}

QString insertTokenSql()
{
    return u"INSERT INTO tokens (position, "_s % QStringView(kTokenColumns)
        % u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s;
}

void bindToken(QSqlQuery &query, qsizetype position, const Token &token)
{
    query.bindValue(0, qint64(position));
    query.bindValue(1 + Id, token.id);
    query.bindValue(1 + Name, token.name);
    query.bindValue(1 + Level, AccessLevels::wireId(token.accessLevel));
    query.bindValue(1 + Ranges, rangesToText(token.allowedIpRanges));
    query.bindValue(1 + Status, TokenStatuses::wireId(token.status));
    query.bindValue(1 + CreatedAt, toMsecs(token.createdAt));
    query.bindValue(1 + CreatedBy, token.createdBy);
    query.bindValue(1 + UpdatedAt, toMsecs(token.updatedAt));
    query.bindValue(1 + ExpiresAt, token.expiresAt ? toMsecs(*token.expiresAt) : QVariant());
    query.bindValue(1 + LastUsedAt, token.lastUsedAt ? toMsecs(*token.lastUsedAt) : QVariant());
    query.bindValue(1 + LastUsedIp, token.lastUsedIp.isEmpty() ? QVariant() : token.lastUsedIp);
}

std::optional<Token> readToken(const QSqlQuery &query, QString *problem)
{
    Token token;
    token.id = query.value(Id).toString();
    token.name = query.value(Name).toString();
    const auto level = AccessLevels::parse(query.value(Level).toString());
    const auto status = TokenStatuses::parse(query.value(Status).toString());
    auto ranges = rangesFromText(query.value(Ranges).toString());
    if (!level || !status || !ranges) {
        *problem = !level ? level.error().message
                          : (!status ? status.error() : u"allowed_ip_ranges is not a list"_s);
        return std::nullopt;
    }
    token.accessLevel = *level;
    token.status = *status;
    token.allowedIpRanges = std::move(*ranges);
    token.createdAt = fromMsecs(query.value(CreatedAt));
    token.createdBy = query.value(CreatedBy).toString();
    token.updatedAt = fromMsecs(query.value(UpdatedAt));
    token.expiresAt = optionalTime(query.value(ExpiresAt));
    token.lastUsedAt = optionalTime(query.value(LastUsedAt));
    token.lastUsedIp = query.value(LastUsedIp).toString();
    return token;
}

QVariant toMsecs(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}

QDateTime fromMsecs(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QString storableUrl(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment)
        .toString(QUrl::FullyEncoded);
}

} // namespace ApiAccess::TokenCacheRows
