#pragma once

#include <QPersistentModelIndex>
#include <QStyledItemDelegate>

namespace ApiAccess {

// Draws a token row of the API Tokens table without a widget per row, so a
// list of thousands of tokens scrolls as smoothly as a plain table:
// - the Token column's copy button: a click emits copyRequested() with the
//   row's TokenTableModel::TokenIdRole;
// - the Actions column's "⋯" button: a click emits actionsRequested(), and
//   the page opens the row's actions menu there;
// - a row with an operation in progress (TokenTableModel::OperationRole)
//   in italics, and a warning mark before the Status of a token that
//   expires soon (ExpiringSoonRole);
// - a disabled token's row in the palette's disabled text colour, with a
//   "disabled" mark before its Status, so it does not pass for an active one;
// - every row dimmed while the list is out of date (setStale()).
//
// Accessibility: the buttons are painted, so they have no accessible object
// of their own. Their cells carry the names (the model's AccessibleTextRole:
// "Copy token", "Actions for <name>"); the tooltips over the buttons say
// the same. Keyboard users have Ctrl+C and the Menu key or Shift+F10.
class TokenRowDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit TokenRowDelegate(int tokenColumn, int actionsColumn, int statusColumn,
                              QObject *parent = nullptr);

    // Where the buttons sit in their cells (viewport coordinates, like
    // QAbstractItemView::visualRect()).
    QRect copyButtonRect(const QRect &cellRect, const QWidget *widget) const;
    QRect actionsButtonRect(const QRect &cellRect, const QWidget *widget) const;
    static QString copyButtonName(); // "Copy token"
    static QString actionsButtonToolTip(); // "Actions"

    // The list failed to refresh: its rows may no longer be true.
    void setStale(bool stale) { m_stale = stale; }
    bool isStale() const { return m_stale; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

Q_SIGNALS:
    void copyRequested(const QString &tokenId);
    // The "⋯" of `index`'s row was clicked; `buttonRect` in viewport coordinates.
    void actionsRequested(const QModelIndex &index, const QRect &buttonRect);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    // The button of `index`'s cell, or an empty rect for a cell without one.
    QRect buttonRect(const QModelIndex &index, const QRect &cellRect, const QWidget *widget) const;
    void paintButton(QPainter *painter, const QStyleOptionViewItem &option, const QRect &rect,
                     const QString &text, bool sunken) const;

    int m_tokenColumn;
    int m_actionsColumn;
    int m_statusColumn;
    QPersistentModelIndex m_pressed; // the cell whose button is held down
    bool m_stale = false;
};

} // namespace ApiAccess
