// What each cell of the API Tokens table says: the texts, tooltips and
// accessible names and descriptions TokenTableModel::data() answers.

#include "RelativeTime.h"
#include "TokenTableModel.h"

using namespace Qt::StringLiterals;

namespace ApiAccess {

QVariant TokenTableModel::displayData(const Token &token, int column) const
{
    switch (column) {
    case NameColumn:
        return token.name;
    case TokenColumn:
        return maskedId(token.id);
    case AccessLevelColumn:
        return AccessLevels::displayName(token.accessLevel);
    case AllowedIpRangesColumn:
        return rangesSummary(token.allowedIpRanges);
    case StatusColumn:
        if (const QString operation = m_operations.value(token.id); !operation.isEmpty())
            return operation;
        return TokenStatusText::text(token, now());
    case CreatedColumn:
        return RelativeTime::format(token.createdAt, now());
    case LastUsedColumn:
        return token.lastUsedAt ? RelativeTime::format(*token.lastUsedAt, now()) : tr("Never");
    case ActionsColumn:
        return QString();
    default:
        return {};
    }
}

QVariant TokenTableModel::toolTipData(const Token &token, int column) const
{
    const QDateTime current = now();
    switch (column) {
    case NameColumn:
        return token.name; // the view elides long names
    case TokenColumn:
        // The id is public (it is the Basic user name); the secret is not
        // here at all, so the tooltip can name the id in full.
        return tr("Token ID: %1\nUse the copy button or Ctrl+C to copy the token.").arg(token.id);
    case AccessLevelColumn:
        return AccessLevels::description(token.accessLevel);
    case AllowedIpRangesColumn:
        return token.allowedIpRanges.isEmpty() ? tr("Any address can use this token")
                                               : token.allowedIpRanges.join(u'\n');
    case StatusColumn:
        return TokenStatusText::toolTip(token, current);
    case CreatedColumn: {
        const QString when = RelativeTime::exact(token.createdAt, current);
        return token.createdBy.isEmpty() ? when : tr("%1\nby %2").arg(when, token.createdBy);
    }
    case LastUsedColumn: {
        if (!token.lastUsedAt)
            return tr("This token has not been used yet");
        const QString when = RelativeTime::exact(*token.lastUsedAt, current);
        return token.lastUsedIp.isEmpty() ? when : tr("%1\nfrom %2").arg(when, token.lastUsedIp);
    }
    default:
        return {};
    }
}

QVariant TokenTableModel::accessibleData(const Token &token, int column) const
{
    // Only where the display text reads badly aloud or says nothing; the
    // view falls back to the display text elsewhere.
    switch (column) {
    case TokenColumn:
        // The cell is the copy button the delegate draws: it is named for
        // what it does, and its description says which token.
        return tr("Copy token");
    case AllowedIpRangesColumn:
        return token.allowedIpRanges.isEmpty() ? tr("Any address")
                                               : token.allowedIpRanges.join(u", "_s);
    case LastUsedColumn:
        if (token.lastUsedAt && !token.lastUsedIp.isEmpty()) {
            return tr("%1 from %2")
                .arg(RelativeTime::format(*token.lastUsedAt, now()), token.lastUsedIp);
        }
        return {};
    case ActionsColumn:
        return tr("Actions for %1").arg(token.name);
    default:
        return {};
    }
}

QVariant TokenTableModel::accessibleDescription(const Token &token, int column) const
{
    if (column != TokenColumn)
        return {};
    return tr("Token %1 of %2; the secret stays hidden. Press Ctrl+C to copy the token.")
        .arg(token.id.left(kMaskedIdLength), token.name);
}

QString TokenTableModel::maskedId(const QString &id)
{
    if (id.isEmpty())
        return {};
    return id.left(kMaskedIdLength) + u"…••••"_s;
}

QString TokenTableModel::rangesSummary(const QStringList &ranges)
{
    if (ranges.isEmpty())
        return tr("Any address");
    if (ranges.size() == 1)
        return ranges.front();
    return tr("%1 +%2").arg(ranges.front()).arg(ranges.size() - 1);
}

} // namespace ApiAccess
