#pragma once

#include "access/AccessLevel.h"
#include "wire/Token.h"

#include <QSortFilterProxyModel>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace ApiAccess {

class TokenTableModel;

// Sorting and searching for the API Tokens table. Sorts by
// TokenTableModel::SortRole, so every column sorts by meaning (access level
// by rank, status by severity, times chronologically with "Never" last in
// either direction); ties fall back to the name, then the id, so the order
// is stable across refreshes. Works over any source that provides
// TokenTableModel's roles.
class TokenFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit TokenFilterProxyModel(QObject *parent = nullptr);
    ~TokenFilterProxyModel() override;

    // Over a TokenTableModel, filtering and sorting read its rows directly
    // (no QVariant per row and comparison); any other source goes through
    // the roles.
    void setSourceModel(QAbstractItemModel *model) override;

    // Case-insensitive substring search over the name, the id, the access
    // level's display name and wire id, and each allowed range ("Any
    // address" when there is none, as the column says). White space
    // separates terms that must all match (in any of those fields), so
    // "rss read-only" finds the RSS reader with read-only access.
    QString searchText() const { return m_searchText; }
    void setSearchText(const QString &text);

    // nullopt: every status / access level. The status is the one the row
    // shows (TokenStatusText::effectiveStatus) when the source is a
    // TokenTableModel, the token's own otherwise.
    std::optional<TokenStatus> statusFilter() const { return m_status; }
    void setStatusFilter(std::optional<TokenStatus> status);
    std::optional<AccessLevel> accessLevelFilter() const { return m_accessLevel; }
    void setAccessLevelFilter(std::optional<AccessLevel> level);

    // Whether `token` matches every term of `terms` (see setSearchText).
    static bool matchesSearch(const Token &token, const QStringList &terms);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();
    bool acceptsTableRow(int row) const;
    bool evaluateTableRow(int row) const;
    bool tableRowLessThan(int left, int right, int column) const;

    TokenTableModel *m_tokens = nullptr; // the source, when it is one
    QString m_searchText;
    QStringList m_terms;
    QStringList m_foldedTerms;
    // Per source row, whether it passed the filter last time it was asked
    // (true when not known to fail); empty when unknown. Lets a narrowing
    // search ask only the rows that passed.
    mutable std::vector<bool> m_accepted;
    bool m_onlyRecheckAccepted = false;
    bool m_answersKnown = false; // m_accepted is exact: refilter() just asked every row
    // Up to this many runs of rows leaving or coming, a filter change is
    // told run by run (the order kept); more, and it is one layout change.
    static constexpr int kMaxSignalledRuns = 64;
    std::optional<TokenStatus> m_status;
    std::optional<AccessLevel> m_accessLevel;
};

} // namespace ApiAccess
