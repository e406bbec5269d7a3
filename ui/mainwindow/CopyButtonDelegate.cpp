#include "mainwindow/CopyButtonDelegate.h"

#include "TokenTableModel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QIcon>
#include <QMouseEvent>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionToolButton>
#include <QToolTip>

using namespace Qt::StringLiterals;

namespace ApiAccess {

namespace {

constexpr int kMargin = 2;
constexpr int kPadding = 6;

QStyle *styleOf(const QWidget *widget)
{
    return widget ? widget->style() : QApplication::style();
}

} // namespace

CopyButtonDelegate::CopyButtonDelegate(int tokenColumn, int actionsColumn, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_tokenColumn(tokenColumn)
    , m_actionsColumn(actionsColumn)
{ }

QString CopyButtonDelegate::accessibleName()
{
    return tr("Copy token");
}

QString CopyButtonDelegate::buttonText() const
{
    return tr("Copy");
}

QRect CopyButtonDelegate::buttonRect(const QRect &cellRect, const QWidget *widget) const
{
    const QFontMetrics metrics =
        widget ? widget->fontMetrics() : QFontMetrics(QApplication::font());
    const int width = metrics.horizontalAdvance(buttonText()) + 2 * kPadding;
    const int height = std::max(0, cellRect.height() - 2 * kMargin);
    return {cellRect.right() - kMargin - width + 1, cellRect.top() + kMargin, width, height};
}

void CopyButtonDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    if (index.column() == m_actionsColumn) {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text = u"⋯"_s;
        opt.displayAlignment = Qt::AlignCenter;
        styleOf(option.widget)->drawControl(QStyle::CE_ItemViewItem, &opt, painter, option.widget);
        return;
    }
    if (index.column() != m_tokenColumn) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }

    const QRect button = buttonRect(option.rect, option.widget);
    QStyleOptionViewItem textOption = option;
    QStyledItemDelegate::paint(painter, textOption, index);

    QStyleOptionToolButton tool;
    tool.initFrom(option.widget);
    tool.rect = button;
    tool.text = buttonText();
    tool.toolButtonStyle = Qt::ToolButtonTextOnly;
    tool.state = QStyle::State_Enabled | QStyle::State_Raised;
    tool.subControls = QStyle::SC_ToolButton;
    tool.activeSubControls = QStyle::SC_None;
    tool.features = QStyleOptionToolButton::None;
    if (m_pressed.isValid() && m_pressed == index) {
        tool.state |= QStyle::State_Sunken;
        tool.activeSubControls = QStyle::SC_ToolButton;
    }
    // A solid background so the masked id never shows through the button.
    painter->save();
    painter->fillRect(button, option.palette.button());
    styleOf(option.widget)
        ->drawComplexControl(QStyle::CC_ToolButton, &tool, painter, option.widget);
    painter->restore();
}

QSize CopyButtonDelegate::sizeHint(const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() == m_tokenColumn) {
        const QFontMetrics &metrics = option.fontMetrics;
        size.rwidth() += metrics.horizontalAdvance(buttonText()) + 2 * (kPadding + kMargin) + 8;
        size.setHeight(std::max(size.height(), metrics.height() + 4 * kMargin + 2));
    }
    return size;
}

bool CopyButtonDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
                                     const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (index.column() != m_tokenColumn)
        return QStyledItemDelegate::editorEvent(event, model, option, index);

    const auto type = event->type();
    if (type != QEvent::MouseButtonPress && type != QEvent::MouseButtonRelease
        && type != QEvent::MouseButtonDblClick)
        return QStyledItemDelegate::editorEvent(event, model, option, index);

    const auto *mouse = static_cast<QMouseEvent *>(event);
    const bool onButton = mouse->button() == Qt::LeftButton
        && buttonRect(option.rect, option.widget).contains(mouse->position().toPoint());
    if (type == QEvent::MouseButtonRelease) {
        const bool wasPressed = m_pressed.isValid() && m_pressed == index;
        m_pressed = QPersistentModelIndex();
        if (wasPressed && onButton) {
            const QString id = index.data(TokenTableModel::TokenIdRole).toString();
            if (!id.isEmpty())
                Q_EMIT copyRequested(id);
        }
        return wasPressed;
    }
    if (!onButton)
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    // Press and double click on the button: the button's, not the row's.
    m_pressed = index;
    return true;
}

bool CopyButtonDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                   const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event && view && index.column() == m_tokenColumn
        && buttonRect(option.rect, option.widget).contains(event->pos())) {
        QToolTip::showText(event->globalPos(), accessibleName(), view->viewport());
        return true;
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace ApiAccess
