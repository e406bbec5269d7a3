#pragma once

#include <QPersistentModelIndex>
#include <QStyledItemDelegate>

namespace ApiAccess {

// Draws the Token column's copy button (and, until the actions menu arrives
// in issue 5, the Actions column's "⋯") without a widget per row, so a list of
// thousands of tokens scrolls as smoothly as a plain table. A click on the
// button emits copyRequested() with the row's TokenTableModel::TokenIdRole.
//
// Accessibility: the button is painted, so it has no accessible object of its
// own. Its name "Copy token" is the tooltip over the button (helpEvent) and
// accessibleName(); screen-reader and keyboard users copy the selected row
// with Ctrl+C, which the main window announces under the same name.
class CopyButtonDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit CopyButtonDelegate(int tokenColumn, int actionsColumn, QObject *parent = nullptr);

    // Where the button sits in a cell of the Token column (view coordinates
    // of the viewport, like QAbstractItemView::visualRect()).
    QRect buttonRect(const QRect &cellRect, const QWidget *widget) const;
    static QString accessibleName();

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

Q_SIGNALS:
    void copyRequested(const QString &tokenId);

private:
    QString buttonText() const;

    int m_tokenColumn;
    int m_actionsColumn;
    QPersistentModelIndex m_pressed; // the cell whose button is held down
};

} // namespace ApiAccess
