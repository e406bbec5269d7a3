#include "api/ChangeCursor.h"

#include <QByteArray>
#include <QList>

namespace ApiAccess::Server {

namespace {

constexpr QByteArrayView kVersion = "1";
constexpr qsizetype kMaxEncodedLength = 2048;

std::optional<qint64> number(QByteArrayView text)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < 0 || text.startsWith('+'))
        return std::nullopt;
    return value;
}

} // namespace

QString ChangeCursor::encode() const
{
    // "1.<generation>.<issued ms>[.<gap>-<first missed ms>]…"
    QByteArray text = kVersion.toByteArray();
    text += '.' + QByteArray::number(position.generation()) + '.' + QByteArray::number(issuedAtMs);
    for (const auto &[generation, missedMs] : position.gaps())
        text += '.' + QByteArray::number(generation) + '-' + QByteArray::number(missedMs);
    return QString::fromLatin1(
        text.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<ChangeCursor> ChangeCursor::decode(QStringView text)
{
    if (text.isEmpty() || text.size() > kMaxEncodedLength)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(
        text.toLatin1(),
        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals
            | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QList<QByteArray> parts = decoded.decoded.split('.');
    if (parts.size() < 3 || parts.size() > 3 + qsizetype(kMaxGaps) || parts.at(0) != kVersion)
        return std::nullopt;
    const auto generation = number(parts.at(1));
    const auto issuedAt = number(parts.at(2));
    if (!generation || !issuedAt)
        return std::nullopt;
    ChangeCursor cursor{ChangePosition(*generation), *issuedAt};
    for (qsizetype i = 3; i < parts.size(); ++i) {
        const QList<QByteArray> gap = parts.at(i).split('-');
        const auto missing = gap.size() == 2 ? number(gap.at(0)) : std::nullopt;
        const auto missedMs = gap.size() == 2 ? number(gap.at(1)) : std::nullopt;
        if (!missing || !missedMs || *missing == 0 || *missing >= *generation)
            return std::nullopt;
        cursor.position.addGap(*missing, *missedMs);
    }
    return cursor;
}

} // namespace ApiAccess::Server
