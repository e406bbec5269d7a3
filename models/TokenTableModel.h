#pragma once

#include "TokenStatusText.h"
#include "wire/Token.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

namespace ApiAccess {

// The API Tokens table (PRODUCT.md §7): one row per token's metadata.
// The secret is never here: copying fetches it just in time (issue 4), so
// nothing a view, a screenshot or the accessibility tree can reach holds it.
//
// Row order is the order tokens arrived in (new ones are appended); sorting
// and searching belong to TokenFilterProxyModel. Updates are incremental
// (inserts, removals, dataChanged) so selection and scroll position in the
// view survive a refresh.
class TokenTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    // Exact labels and order of PRODUCT.md §7.
    enum Column : int {
        NameColumn,
        TokenColumn, // masked id; the ui's delegate draws the copy button here
        AccessLevelColumn,
        AllowedIpRangesColumn,
        StatusColumn,
        CreatedColumn,
        LastUsedColumn,
        ActionsColumn, // empty text; the ui puts the ⋯ button here
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role : int {
        // Raw value with the column's meaning: case-folded name, id, access
        // level rank (higher = more powerful), status severity, times as
        // UTC msecs since the epoch (kNeverSortKey when absent), the ranges
        // text. Invalid for the Actions column.
        SortRole = Qt::UserRole + 1,
        TokenIdRole, // QString, every column
        TokenRole, // ApiAccess::Token (QVariant::fromValue), every column
        // bool, every column: active and expiring within kExpiringSoonDays
        // of now. The Status text says so too; the ui adds a warning mark.
        ExpiringSoonRole,
        // QString, every column: what is being done to the token right now
        // ("Disabling…"), empty when nothing is. See setOperation().
        OperationRole,
        // int (TokenStatus), every column: the status the token has now
        // (an expiry that passed makes it Expired).
        StatusRole,
    };
    Q_ENUM(Role)

    // SortRole of a time that is absent (never used). The maximum sorts it
    // after every real time in ascending order with any proxy;
    // TokenFilterProxyModel keeps it last in descending order too.
    static constexpr qint64 kNeverSortKey = std::numeric_limits<qint64>::max();
    static constexpr int kExpiringSoonDays = TokenStatusText::kExpiringSoonDays;
    // How many characters of the id the Token column shows: "tok_" and
    // four more, enough to tell tokens apart at a glance.
    static constexpr qsizetype kMaskedIdLength = 8;

    using Clock = std::function<QDateTime()>;

    explicit TokenTableModel(QObject *parent = nullptr);
    ~TokenTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // Makes the rows equal `tokens` as a set, by id, with the fewest
    // signals: rows whose id is gone are removed (one rowsRemoved per
    // contiguous run), changed tokens emit dataChanged for their row, new
    // ids are appended in the given order. Never a model reset. A repeated
    // id in `tokens` counts once (the last occurrence wins).
    void setTokens(const QList<Token> &tokens);
    // A change set of the server's change feed: `changed` replace their rows
    // or are appended (in the given order), `deletedIds` leave (ids no row
    // has are ignored). Not a local change (see localChanges()).
    void applyChanges(const QList<Token> &changed, const QStringList &deletedIds);
    // Replaces the token with the same id in place, or appends it.
    void upsertToken(const Token &token);
    // False if no row has that id.
    bool removeToken(const QString &id);
    // Counts upsertToken()/removeToken() calls: a list requested before a
    // command changed a row must not undo that change when it arrives
    // (compare before and after, and ask again).
    quint64 localChanges() const { return m_localChanges; }
    // Grows whenever a token is added, changed or removed, whatever did it:
    // whoever keeps a copy of tokens() (the offline cache) knows whether it
    // is still current.
    quint64 revision() const { return m_revision; }

    // Marks the token's row while a request about it is on its way: the
    // Status cell shows `text` ("Disabling…") and OperationRole holds it on
    // every column (the ui shows the row in italics). One dataChanged for
    // that row only. The marker survives setTokens() and upsertToken(), and
    // goes with the token when it leaves the model. Ignored for an id no
    // row has; an empty `text` clears.
    void setOperation(const QString &tokenId, const QString &text);
    void clearOperation(const QString &tokenId);
    QString operation(const QString &tokenId) const { return m_operations.value(tokenId); }

    std::optional<Token> token(int row) const;
    const QList<Token> &tokens() const { return m_tokens; }
    // For TokenFilterProxyModel, which sorts and filters 100,000 rows: the
    // row's token and keys without a QVariant or a copy. `row` must be valid.
    const Token &tokenAt(int row) const { return m_tokens.at(row); }
    // The name case-folded (the Name column's sort key).
    const QString &foldedName(int row) const;
    // The ranges joined by spaces (the Allowed IP Ranges column's sort key).
    const QString &rangesSortKey(int row) const;
    // The name, id, access level's display name and wire id, and the
    // ranges ("Any address" when none), case-folded, one per line: what
    // search terms are looked for in.
    const QString &searchText(int row) const;
    // -1 if absent. Constant time.
    int rowForId(const QString &id) const;

    // The current time for relative texts ("3 minutes ago") and expiry.
    // Tests pin it; the ui may call refreshTimes() on a timer so relative
    // texts stay true.
    void setClock(Clock clock);
    void setNow(const QDateTime &now); // a clock that always answers `now`
    QDateTime now() const;
    // Re-announces the time-dependent columns (Status, Created, Last used).
    void refreshTimes();

    // "tok_ab12…••••": the id's first kMaskedIdLength characters and a mask.
    static QString maskedId(const QString &id);
    // "Any address", "10.0.0.0/8", "10.0.0.0/8 +2".
    static QString rangesSummary(const QStringList &ranges);
    // Ascending sort order of statuses: working first, then expired (it
    // stopped on its own and may need a new expiry), then disabled (an
    // admin turned it off on purpose).
    static int statusSeverity(TokenStatus status);

private:
    QVariant displayData(const Token &token, int column) const;
    QVariant toolTipData(const Token &token, int column) const;
    QVariant accessibleData(const Token &token, int column) const;
    QVariant accessibleDescription(const Token &token, int column) const;
    QVariant sortData(int row, int column) const;
    void forgetOperations(qsizetype fromRow, qsizetype toRow);
    void replaceRow(int row, const Token &token);
    void appendTokens(const QList<Token> &tokens);
    bool removeRow(const QString &id);
    void rebuildIndex(int fromRow);

    // Derived from a row's token when first asked for; empty again when the
    // token changes. Parallel to m_tokens.
    struct RowKeys
    {
        QString foldedName;
        QString ranges;
        QString search;
    };
    static constexpr qint64 kNowReuseMs = 1000;

    RowKeys &rowKeys(int row) const;

    QList<Token> m_tokens;
    // Parallel to m_tokens; a row's keys exist once asked for (a pointer per
    // row until then, not three empty strings).
    mutable std::vector<std::unique_ptr<RowKeys>> m_keys;
    QHash<QString, int> m_rowById;
    QHash<QString, QString> m_operations; // token id → "Disabling…"
    Clock m_clock;
    mutable QDateTime m_now; // m_clock's answer, read at most once a second
    mutable QElapsedTimer m_nowRead;
    quint64 m_localChanges = 0;
    quint64 m_revision = 0;
};

} // namespace ApiAccess
