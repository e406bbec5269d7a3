#include "TokenTableModel.h"

#include "RelativeTime.h"

#include <utility>

using namespace Qt::StringLiterals;

namespace ApiAccess {

namespace {

int toRow(qsizetype row)
{
    return static_cast<int>(row);
}

qint64 sortKey(const QDateTime &time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : TokenTableModel::kNeverSortKey;
}

} // namespace

TokenTableModel::TokenTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock([] { return QDateTime::currentDateTime(); })
{ }

TokenTableModel::~TokenTableModel() = default;

int TokenTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : toRow(m_tokens.size());
}

int TokenTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags TokenTableModel::flags(const QModelIndex &index) const
{
    // Views legitimately ask about the invalid index; only a foreign or
    // stale one is a bug.
    if (!index.isValid())
        return Qt::NoItemFlags;
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant TokenTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TokenColumn:
        return tr("Token");
    case AccessLevelColumn:
        return tr("Access level");
    case AllowedIpRangesColumn:
        return tr("Allowed IP Ranges");
    case StatusColumn:
        return tr("Status");
    case CreatedColumn:
        return tr("Created");
    case LastUsedColumn:
        return tr("Last used");
    case ActionsColumn:
        return tr("Actions");
    default:
        return {};
    }
}

QVariant TokenTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Token &token = m_tokens.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(token, index.column());
    case Qt::ToolTipRole:
        return toolTipData(token, index.column());
    case Qt::AccessibleTextRole:
        return accessibleData(token, index.column());
    case Qt::AccessibleDescriptionRole:
        return accessibleDescription(token, index.column());
    case SortRole:
        return sortData(index.row(), index.column());
    case TokenIdRole:
        return token.id;
    case TokenRole:
        return QVariant::fromValue(token);
    case ExpiringSoonRole:
        return TokenStatusText::isExpiringSoon(token, now());
    case OperationRole:
        return m_operations.value(token.id);
    case StatusRole:
        return static_cast<int>(TokenStatusText::effectiveStatus(token, now()));
    default:
        return {};
    }
}

QVariant TokenTableModel::sortData(int row, int column) const
{
    const Token &token = m_tokens.at(row);
    switch (column) {
    case NameColumn:
        return foldedName(row);
    case TokenColumn:
        return token.id;
    case AccessLevelColumn:
        return AccessLevels::rank(token.accessLevel);
    case AllowedIpRangesColumn:
        return rangesSortKey(row);
    case StatusColumn:
        return statusSeverity(token.status);
    case CreatedColumn:
        return sortKey(token.createdAt);
    case LastUsedColumn:
        return token.lastUsedAt ? sortKey(*token.lastUsedAt) : kNeverSortKey;
    default:
        return {};
    }
}

int TokenTableModel::statusSeverity(TokenStatus status)
{
    switch (status) {
    case TokenStatus::Active:
        return 0;
    case TokenStatus::Expired:
        return 1;
    case TokenStatus::Disabled:
        return 2;
    }
    return 3;
}

void TokenTableModel::setTokens(const QList<Token> &tokens)
{
    // Where each wanted id sits in `tokens`; the last occurrence wins.
    QHash<QString, qsizetype> wanted;
    wanted.reserve(tokens.size());
    for (qsizetype i = 0; i < tokens.size(); ++i)
        wanted.insert(tokens.at(i).id, i);

    // Removals from the back, one signal per contiguous run, so the rows
    // still to be visited keep their numbers.
    for (qsizetype row = m_tokens.size() - 1; row >= 0; --row) {
        if (wanted.contains(m_tokens.at(row).id))
            continue;
        const qsizetype last = row;
        while (row > 0 && !wanted.contains(m_tokens.at(row - 1).id))
            --row;
        ++m_revision;
        beginRemoveRows({}, toRow(row), toRow(last));
        forgetOperations(row, last);
        for (qsizetype r = row; r <= last; ++r)
            m_rowById.remove(m_tokens.at(r).id);
        m_tokens.remove(row, last - row + 1);
        m_keys.erase(m_keys.begin() + row, m_keys.begin() + last + 1);
        rebuildIndex(toRow(row));
        endRemoveRows();
    }

    // Changes in place, one dataChanged per contiguous run of changed rows.
    qsizetype runStart = -1;
    const auto flush = [this, &runStart](qsizetype end) {
        if (runStart < 0)
            return;
        Q_EMIT dataChanged(index(toRow(runStart), 0), index(toRow(end - 1), ColumnCount - 1));
        runStart = -1;
    };
    for (qsizetype row = 0; row < m_tokens.size(); ++row) {
        const Token &incoming = tokens.at(wanted.value(m_tokens.at(row).id));
        if (incoming == m_tokens.at(row)) {
            flush(row);
            continue;
        }
        m_tokens[row] = incoming;
        m_keys[std::size_t(row)].reset();
        ++m_revision;
        if (runStart < 0)
            runStart = row;
    }
    flush(m_tokens.size());

    // The first list (no row yet, no id twice): taken as it is, shared
    // rather than copied token by token.
    if (m_tokens.isEmpty() && wanted.size() == tokens.size()) {
        if (tokens.isEmpty())
            return;
        ++m_revision;
        beginInsertRows({}, 0, toRow(tokens.size()) - 1);
        m_tokens = tokens;
        m_keys.resize(std::size_t(m_tokens.size()));
        rebuildIndex(0);
        endInsertRows();
        return;
    }

    // New ids, appended in the order given.
    QList<qsizetype> added;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const QString &id = tokens.at(i).id;
        if (!m_rowById.contains(id) && wanted.value(id) == i)
            added.append(i);
    }
    if (added.isEmpty())
        return;
    ++m_revision;
    const int first = toRow(m_tokens.size());
    beginInsertRows({}, first, first + toRow(added.size()) - 1);
    m_tokens.reserve(m_tokens.size() + added.size());
    for (const qsizetype i : std::as_const(added))
        m_tokens.append(tokens.at(i));
    m_keys.resize(std::size_t(m_tokens.size()));
    rebuildIndex(first);
    endInsertRows();
}

void TokenTableModel::applyChanges(const QList<Token> &changed, const QStringList &deletedIds)
{
    for (const QString &id : deletedIds)
        removeRow(id);
    QList<Token> added;
    for (const Token &token : changed) {
        const int row = rowForId(token.id);
        if (row < 0)
            added.append(token);
        else
            replaceRow(row, token);
    }
    appendTokens(added);
}

void TokenTableModel::upsertToken(const Token &token)
{
    ++m_localChanges;
    const int row = rowForId(token.id);
    if (row >= 0)
        replaceRow(row, token);
    else
        appendTokens({token});
}

bool TokenTableModel::removeToken(const QString &id)
{
    ++m_localChanges;
    return removeRow(id);
}

void TokenTableModel::appendTokens(const QList<Token> &tokens)
{
    if (tokens.isEmpty())
        return;
    ++m_revision;
    const int first = toRow(m_tokens.size());
    beginInsertRows({}, first, first + toRow(tokens.size()) - 1);
    m_tokens.append(tokens);
    m_keys.resize(std::size_t(m_tokens.size()));
    rebuildIndex(first);
    endInsertRows();
}

bool TokenTableModel::removeRow(const QString &id)
{
    const int row = rowForId(id);
    if (row < 0)
        return false;
    ++m_revision;
    beginRemoveRows({}, row, row);
    forgetOperations(row, row);
    m_rowById.remove(id);
    m_tokens.removeAt(row);
    m_keys.erase(m_keys.begin() + row);
    rebuildIndex(row);
    endRemoveRows();
    return true;
}

void TokenTableModel::setOperation(const QString &tokenId, const QString &text)
{
    if (text.isEmpty()) {
        clearOperation(tokenId);
        return;
    }
    const int row = rowForId(tokenId);
    if (row < 0 || m_operations.value(tokenId) == text)
        return;
    m_operations.insert(tokenId, text);
    // Neither the sort key nor the token changes: a proxy keeps its order
    // and its rows.
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1),
                       {Qt::DisplayRole, OperationRole});
}

void TokenTableModel::clearOperation(const QString &tokenId)
{
    const int row = rowForId(tokenId);
    if (row < 0 || !m_operations.remove(tokenId))
        return;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1),
                       {Qt::DisplayRole, OperationRole});
}

void TokenTableModel::forgetOperations(qsizetype fromRow, qsizetype toRow)
{
    if (m_operations.isEmpty())
        return;
    for (qsizetype row = fromRow; row <= toRow; ++row)
        m_operations.remove(m_tokens.at(row).id);
}

std::optional<Token> TokenTableModel::token(int row) const
{
    if (row < 0 || row >= m_tokens.size())
        return std::nullopt;
    return m_tokens.at(row);
}

int TokenTableModel::rowForId(const QString &id) const
{
    return m_rowById.value(id, -1);
}

void TokenTableModel::setClock(Clock clock)
{
    m_nowRead.invalidate();
    m_clock = clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTime(); });
    refreshTimes();
}

void TokenTableModel::setNow(const QDateTime &now)
{
    setClock([now] { return now; });
}

QDateTime TokenTableModel::now() const
{
    // Every cell, filter and sort comparison asks; the local clock costs a
    // look at the time zone each time. A second's staleness shows nowhere:
    // the texts move on with refreshTimes(), which reads it afresh.
    if (!m_nowRead.isValid() || m_nowRead.hasExpired(kNowReuseMs)) {
        m_now = m_clock();
        m_nowRead.start();
    }
    return m_now;
}

TokenTableModel::RowKeys &TokenTableModel::rowKeys(int row) const
{
    std::unique_ptr<RowKeys> &keys = m_keys[std::size_t(row)];
    if (!keys)
        keys = std::make_unique<RowKeys>();
    return *keys;
}

const QString &TokenTableModel::foldedName(int row) const
{
    RowKeys &keys = rowKeys(row);
    if (keys.foldedName.isNull())
        keys.foldedName = m_tokens.at(row).name.toCaseFolded();
    return keys.foldedName;
}

const QString &TokenTableModel::rangesSortKey(int row) const
{
    RowKeys &keys = rowKeys(row);
    if (keys.ranges.isNull()) // "Any address" (empty) first, then by the canonical text
        keys.ranges = m_tokens.at(row).allowedIpRanges.join(u' ');
    return keys.ranges;
}

const QString &TokenTableModel::searchText(int row) const
{
    RowKeys &keys = rowKeys(row);
    if (keys.search.isNull()) {
        const Token &token = m_tokens.at(row);
        QStringList fields{token.name, token.id, AccessLevels::displayName(token.accessLevel),
                           AccessLevels::wireId(token.accessLevel)};
        if (token.allowedIpRanges.isEmpty())
            fields.append(rangesSummary({}));
        else
            fields.append(token.allowedIpRanges);
        keys.search = fields.join(u'\n').toCaseFolded();
    }
    return keys.search;
}

void TokenTableModel::refreshTimes()
{
    m_nowRead.invalidate();
    if (m_tokens.isEmpty())
        return;
    // Whole rows: ExpiringSoonRole is on every column. The roles are listed
    // so a proxy does not re-sort or re-filter for a change of wording.
    Q_EMIT dataChanged(
        index(0, 0), index(rowCount() - 1, ColumnCount - 1),
        {Qt::DisplayRole, Qt::ToolTipRole, Qt::AccessibleTextRole, ExpiringSoonRole});
}

void TokenTableModel::replaceRow(int row, const Token &token)
{
    if (m_tokens.at(row) == token)
        return;
    ++m_revision;
    m_tokens[row] = token;
    m_keys[std::size_t(row)].reset();
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void TokenTableModel::rebuildIndex(int fromRow)
{
    for (qsizetype row = fromRow; row < m_tokens.size(); ++row)
        m_rowById.insert(m_tokens.at(row).id, toRow(row));
}

} // namespace ApiAccess
