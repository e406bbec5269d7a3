#include "TokenFilterProxyModel.h"

#include "TokenTableModel.h"

#include <QPartialOrdering>
#include <QRegularExpression>

#include <algorithm>

namespace ApiAccess {

namespace {

bool contains(QStringView field, QStringView term)
{
    return field.contains(term, Qt::CaseInsensitive);
}

bool isNever(const QVariant &key)
{
    return key.typeId() == QMetaType::LongLong
        && key.toLongLong() == TokenTableModel::kNeverSortKey;
}

// -1, 0 or 1; values that cannot be compared count as equal so the
// tie-breaks decide.
int compareKeys(const QVariant &left, const QVariant &right)
{
    if (left.typeId() == QMetaType::QString && right.typeId() == QMetaType::QString)
        return QString::compare(left.toString(), right.toString(), Qt::CaseSensitive);
    const QPartialOrdering order = QVariant::compare(left, right);
    if (order == QPartialOrdering::Less)
        return -1;
    if (order == QPartialOrdering::Greater)
        return 1;
    return 0;
}

} // namespace

TokenFilterProxyModel::TokenFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(TokenTableModel::SortRole);
    // Filtering reads the whole token; naming that role lets the proxy skip
    // re-filtering when only wording changes (TokenTableModel::refreshTimes).
    setFilterRole(TokenTableModel::TokenRole);
    setDynamicSortFilter(true);
}

TokenFilterProxyModel::~TokenFilterProxyModel() = default;

void TokenFilterProxyModel::setSearchText(const QString &text)
{
    if (text == m_searchText)
        return;
    m_searchText = text;
    static const QRegularExpression whiteSpace(QStringLiteral("\\s+"));
    m_terms = text.split(whiteSpace, Qt::SkipEmptyParts);
    invalidateRowsFilter();
}

void TokenFilterProxyModel::setStatusFilter(std::optional<TokenStatus> status)
{
    if (status == m_status)
        return;
    m_status = status;
    invalidateRowsFilter();
}

void TokenFilterProxyModel::setAccessLevelFilter(std::optional<AccessLevel> level)
{
    if (level == m_accessLevel)
        return;
    m_accessLevel = level;
    invalidateRowsFilter();
}

bool TokenFilterProxyModel::matchesSearch(const Token &token, const QStringList &terms)
{
    const QString levelName = AccessLevels::displayName(token.accessLevel);
    const QString levelId = AccessLevels::wireId(token.accessLevel);
    for (const QString &term : terms) {
        const bool found = contains(token.name, term) || contains(token.id, term)
            || contains(levelName, term) || contains(levelId, term)
            || std::any_of(token.allowedIpRanges.cbegin(), token.allowedIpRanges.cend(),
                           [&term](const QString &range) { return contains(range, term); })
            // What the Allowed IP Ranges column shows for an empty list.
            || (token.allowedIpRanges.isEmpty()
                && contains(TokenTableModel::rangesSummary({}), term));
        if (!found)
            return false;
    }
    return true;
}

bool TokenFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_terms.isEmpty() && !m_status && !m_accessLevel)
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const QVariant value = index.data(TokenTableModel::TokenRole);
    if (!value.canConvert<Token>())
        return false;
    const Token token = value.value<Token>();
    // The status the row shows: an active token past its expiry reads
    // "Expired", so it is found under Expired, not under Active.
    const auto *tokens = qobject_cast<const TokenTableModel *>(sourceModel());
    const TokenStatus status =
        tokens ? TokenStatusText::effectiveStatus(token, tokens->now()) : token.status;
    if (m_status && status != *m_status)
        return false;
    if (m_accessLevel && token.accessLevel != *m_accessLevel)
        return false;
    return matchesSearch(token, m_terms);
}

bool TokenFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant leftKey = left.data(sortRole());
    const QVariant rightKey = right.data(sortRole());

    // A token never used belongs at the bottom whichever way times are
    // sorted. Descending order asks lessThan(right, left), so the answer
    // flips with the order to keep "Never" last.
    const bool leftNever = isNever(leftKey);
    const bool rightNever = isNever(rightKey);
    if (leftNever != rightNever)
        return sortOrder() == Qt::AscendingOrder ? rightNever : leftNever;

    if (const int order = compareKeys(leftKey, rightKey); order != 0)
        return order < 0;

    // Ties read A to Z by name, then by id, whichever way the column is
    // sorted: "all disabled tokens, alphabetically" is what people scan for.
    const QModelIndex leftName = left.siblingAtColumn(TokenTableModel::NameColumn);
    const QModelIndex rightName = right.siblingAtColumn(TokenTableModel::NameColumn);
    int order = compareKeys(leftName.data(TokenTableModel::SortRole),
                            rightName.data(TokenTableModel::SortRole));
    if (order == 0) {
        order = QString::compare(left.data(TokenTableModel::TokenIdRole).toString(),
                                 right.data(TokenTableModel::TokenIdRole).toString());
    }
    return sortOrder() == Qt::AscendingOrder ? order < 0 : order > 0;
}

} // namespace ApiAccess
