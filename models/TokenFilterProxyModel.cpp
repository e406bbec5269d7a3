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

template<typename T>
int threeWay(T left, T right)
{
    return left < right ? -1 : (right < left ? 1 : 0);
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

void TokenFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    if (sourceModel())
        disconnect(sourceModel(), nullptr, this, nullptr);
    m_tokens = qobject_cast<TokenTableModel *>(model);
    m_accepted.clear();
    QSortFilterProxyModel::setSourceModel(model);
    if (!m_tokens)
        return;
    // Any change of the rows makes the remembered answers stale.
    const auto forget = [this] {
        m_accepted.clear();
    };
    connect(m_tokens, &QAbstractItemModel::rowsInserted, this, forget);
    connect(m_tokens, &QAbstractItemModel::rowsRemoved, this, forget);
    connect(m_tokens, &QAbstractItemModel::rowsMoved, this, forget);
    connect(m_tokens, &QAbstractItemModel::modelReset, this, forget);
    connect(m_tokens, &QAbstractItemModel::layoutChanged, this, forget);
    connect(m_tokens, &QAbstractItemModel::dataChanged, this,
            [this, forget](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                if (roles.isEmpty() || roles.contains(TokenTableModel::TokenRole))
                    forget();
            });
}

void TokenFilterProxyModel::setSearchText(const QString &text)
{
    if (text == m_searchText)
        return;
    m_searchText = text;
    static const QRegularExpression whiteSpace(QStringLiteral("\\s+"));
    m_terms = text.split(whiteSpace, Qt::SkipEmptyParts);
    QStringList folded;
    for (const QString &term : std::as_const(m_terms))
        folded.append(term.toCaseFolded());
    // Typing on narrows the search: each earlier term lies within a new
    // one, so only the rows that matched before can match now.
    const bool narrower =
        std::all_of(m_foldedTerms.cbegin(), m_foldedTerms.cend(), [&folded](const QString &before) {
            return std::any_of(folded.cbegin(), folded.cend(),
                               [&before](const QString &now) { return now.contains(before); });
        });
    m_foldedTerms = folded;
    if (folded.isEmpty())
        m_accepted.clear(); // every row passes without being asked
    m_onlyRecheckAccepted = narrower;
    refilter();
    m_onlyRecheckAccepted = false;
}

void TokenFilterProxyModel::setStatusFilter(std::optional<TokenStatus> status)
{
    if (status == m_status)
        return;
    m_status = status;
    m_accepted.clear();
    refilter();
}

void TokenFilterProxyModel::setAccessLevelFilter(std::optional<AccessLevel> level)
{
    if (level == m_accessLevel)
        return;
    m_accessLevel = level;
    m_accepted.clear();
    refilter();
}

void TokenFilterProxyModel::refilter()
{
    // The proxy can tell the view of a filter change in two ways: a
    // rowsRemoved or rowsInserted for each run of rows that leaves or
    // comes, the order kept; or one layout change, after sorting what stays
    // afresh. Over 100,000 rows the first costs the table's vertical header
    // work in proportion to all rows for every run (the first search key
    // made thousands: seconds), the second a sort of every row that stays
    // (12,500 rows: 20 ms). Which is cheaper is known once the new answers
    // are: a few runs (a key that changes little), the first, else the
    // second.
    if (!m_tokens) {
        invalidate();
        return;
    }
    const int rows = m_tokens->rowCount();
    const bool filtering = !m_terms.isEmpty() || m_status || m_accessLevel;
    std::vector<bool> next(std::size_t(rows), true);
    if (filtering) {
        for (int row = 0; row < rows; ++row)
            next[std::size_t(row)] = acceptsTableRow(row);
    }
    int runs = 0;
    bool leaving = false;
    for (int row = 0; row < rowCount() && runs <= kMaxSignalledRuns; ++row) {
        const bool leaves = !next[std::size_t(mapToSource(index(row, 0)).row())];
        if (leaves && !leaving)
            ++runs;
        leaving = leaves;
    }
    for (int row = 0; row < rows && runs <= kMaxSignalledRuns; ++row) {
        if (next[std::size_t(row)] && !mapFromSource(m_tokens->index(row, 0)).isValid())
            ++runs; // comes: at worst a run of its own
    }
    // The answers just given, exactly, for the proxy's own pass.
    m_accepted = std::move(next);
    m_answersKnown = filtering;
    if (runs <= kMaxSignalledRuns)
        invalidateRowsFilter();
    else
        invalidate();
    m_answersKnown = false;
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
    if (m_tokens)
        return acceptsTableRow(sourceRow);
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const QVariant value = index.data(TokenTableModel::TokenRole);
    if (!value.canConvert<Token>())
        return false;
    const Token token = value.value<Token>();
    if (m_status && token.status != *m_status)
        return false;
    if (m_accessLevel && token.accessLevel != *m_accessLevel)
        return false;
    return matchesSearch(token, m_terms);
}

bool TokenFilterProxyModel::acceptsTableRow(int row) const
{
    const auto at = std::size_t(row);
    if (m_answersKnown)
        return m_accepted[at];
    // While the search narrows, a row that did not match before cannot now.
    const bool remembered = m_accepted.size() == std::size_t(m_tokens->rowCount());
    if (m_onlyRecheckAccepted && remembered && !m_accepted[at])
        return false;
    const bool accepted = evaluateTableRow(row);
    if (!remembered) // true: not known to fail, so asked again
        m_accepted.assign(std::size_t(m_tokens->rowCount()), true);
    m_accepted[at] = accepted;
    return accepted;
}

bool TokenFilterProxyModel::evaluateTableRow(int row) const
{
    const Token &token = m_tokens->tokenAt(row);
    // The status the row shows: an active token past its expiry reads
    // "Expired", so it is found under Expired, not under Active.
    if (m_status && TokenStatusText::effectiveStatus(token, m_tokens->now()) != *m_status)
        return false;
    if (m_accessLevel && token.accessLevel != *m_accessLevel)
        return false;
    if (m_foldedTerms.isEmpty())
        return true;
    // The same fields as matchesSearch(), folded once per row; the terms
    // hold no white space, so none matches across two fields.
    const QString &text = m_tokens->searchText(row);
    return std::all_of(m_foldedTerms.cbegin(), m_foldedTerms.cend(),
                       [&text](const QString &term) { return text.contains(term); });
}

bool TokenFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_tokens)
        return tableRowLessThan(left.row(), right.row(), left.column());
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

bool TokenFilterProxyModel::tableRowLessThan(int left, int right, int column) const
{
    // The order of the generic path above, from the model's rows directly:
    // sorting 100,000 rows compares about two million pairs.
    const Token &a = m_tokens->tokenAt(left);
    const Token &b = m_tokens->tokenAt(right);
    if (column == TokenTableModel::LastUsedColumn) {
        const bool leftNever = !a.lastUsedAt.has_value();
        const bool rightNever = !b.lastUsedAt.has_value();
        if (leftNever != rightNever)
            return sortOrder() == Qt::AscendingOrder ? rightNever : leftNever;
    }
    int order = 0;
    switch (column) {
    case TokenTableModel::NameColumn:
        order = QString::compare(m_tokens->foldedName(left), m_tokens->foldedName(right));
        break;
    case TokenTableModel::TokenColumn:
        order = QString::compare(a.id, b.id);
        break;
    case TokenTableModel::AccessLevelColumn:
        order = threeWay(AccessLevels::rank(a.accessLevel), AccessLevels::rank(b.accessLevel));
        break;
    case TokenTableModel::AllowedIpRangesColumn:
        order = QString::compare(m_tokens->rangesSortKey(left), m_tokens->rangesSortKey(right));
        break;
    case TokenTableModel::StatusColumn:
        order = threeWay(TokenTableModel::statusSeverity(a.status),
                         TokenTableModel::statusSeverity(b.status));
        break;
    case TokenTableModel::CreatedColumn:
        order = threeWay(a.createdAt.toMSecsSinceEpoch(), b.createdAt.toMSecsSinceEpoch());
        break;
    case TokenTableModel::LastUsedColumn:
        if (a.lastUsedAt && b.lastUsedAt)
            order = threeWay(a.lastUsedAt->toMSecsSinceEpoch(), b.lastUsedAt->toMSecsSinceEpoch());
        break;
    default:
        break;
    }
    if (order != 0)
        return order < 0;
    order = QString::compare(m_tokens->foldedName(left), m_tokens->foldedName(right));
    if (order == 0)
        order = QString::compare(a.id, b.id);
    return sortOrder() == Qt::AscendingOrder ? order < 0 : order > 0;
}

} // namespace ApiAccess
