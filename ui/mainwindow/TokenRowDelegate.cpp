#include "mainwindow/TokenRowDelegate.h"

#include "TokenTableModel.h"
#include "widgets/PaletteColors.h"
#include "widgets/StudioIcons.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionToolButton>
#include <QToolTip>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ApiAccess {

namespace {

constexpr int kMargin = 2;
constexpr int kPadding = 6;

QStyle *styleOf(const QWidget *widget)
{
    return widget ? widget->style() : QApplication::style();
}

QFontMetrics metricsOf(const QWidget *widget)
{
    return widget ? widget->fontMetrics() : QFontMetrics(QApplication::font());
}

QString copyText()
{
    return TokenRowDelegate::tr("Copy");
}

QString actionsText()
{
    return u"⋯"_s;
}

} // namespace

TokenRowDelegate::TokenRowDelegate(int tokenColumn, int actionsColumn, int statusColumn,
                                   QObject *parent)
    : QStyledItemDelegate(parent)
    , m_tokenColumn(tokenColumn)
    , m_actionsColumn(actionsColumn)
    , m_statusColumn(statusColumn)
{ }

QString TokenRowDelegate::copyButtonName()
{
    return tr("Copy token");
}

QString TokenRowDelegate::actionsButtonToolTip()
{
    return tr("Actions");
}

QRect TokenRowDelegate::copyButtonRect(const QRect &cellRect, const QWidget *widget) const
{
    const int width = metricsOf(widget).horizontalAdvance(copyText()) + 2 * kPadding;
    const int height = std::max(0, cellRect.height() - 2 * kMargin);
    return {cellRect.right() - kMargin - width + 1, cellRect.top() + kMargin, width, height};
}

QRect TokenRowDelegate::actionsButtonRect(const QRect &cellRect, const QWidget *widget) const
{
    const int height = std::max(0, cellRect.height() - 2 * kMargin);
    const int width =
        std::max(height, metricsOf(widget).horizontalAdvance(actionsText()) + 2 * kPadding);
    QRect rect(0, cellRect.top() + kMargin, width, height);
    rect.moveLeft(cellRect.left() + (cellRect.width() - width) / 2);
    return rect;
}

QRect TokenRowDelegate::buttonRect(const QModelIndex &index, const QRect &cellRect,
                                   const QWidget *widget) const
{
    if (index.column() == m_tokenColumn)
        return copyButtonRect(cellRect, widget);
    if (index.column() == m_actionsColumn)
        return actionsButtonRect(cellRect, widget);
    return {};
}

void TokenRowDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    // The whole row says that something is under way ("Disabling…" in
    // the Status cell says what).
    if (!index.data(TokenTableModel::OperationRole).toString().isEmpty())
        option->font.setItalic(true);
    const bool disabled =
        index.data(TokenTableModel::StatusRole).toInt() == static_cast<int>(TokenStatus::Disabled);
    if (disabled || m_stale) {
        // Faded, but still readable: these rows are content to read and act
        // on, not disabled controls (the palette's disabled grey is 1.9:1 on
        // white in Fusion). A selected row keeps its highlight colours.
        const QPalette &palette = option->palette;
        option->palette.setColor(
            QPalette::Text,
            PaletteColors::fadedText(
                palette.color(QPalette::Text),
                {palette.color(QPalette::Base), palette.color(QPalette::AlternateBase)}));
    }
    if (index.column() != m_statusColumn)
        return;
    QIcon mark;
    if (disabled)
        mark = StudioIcons::icon(StudioIcons::Symbol::Disabled);
    else if (index.data(TokenTableModel::ExpiringSoonRole).toBool())
        mark = styleOf(option->widget)
                   ->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, option->widget);
    if (!mark.isNull()) {
        option->icon = mark;
        option->features |= QStyleOptionViewItem::HasDecoration;
        const int side = option->fontMetrics.height();
        option->decorationSize = QSize(side, side);
    }
}

void TokenRowDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    if (index.column() == m_actionsColumn) {
        QStyleOptionViewItem cell = option;
        initStyleOption(&cell, index);
        cell.text.clear(); // the background and selection only
        styleOf(option.widget)->drawControl(QStyle::CE_ItemViewItem, &cell, painter, option.widget);
    } else {
        QStyledItemDelegate::paint(painter, option, index);
    }
    const QRect button = buttonRect(index, option.rect, option.widget);
    if (button.isEmpty())
        return;
    const QString text = index.column() == m_tokenColumn ? copyText() : actionsText();
    paintButton(painter, option, button, text, m_pressed.isValid() && m_pressed == index);
}

void TokenRowDelegate::paintButton(QPainter *painter, const QStyleOptionViewItem &option,
                                   const QRect &rect, const QString &text, bool sunken) const
{
    QStyleOptionToolButton tool;
    tool.initFrom(option.widget);
    tool.rect = rect;
    tool.text = text;
    tool.toolButtonStyle = Qt::ToolButtonTextOnly;
    tool.state = QStyle::State_Enabled | QStyle::State_Raised;
    tool.subControls = QStyle::SC_ToolButton;
    tool.activeSubControls = QStyle::SC_None;
    tool.features = QStyleOptionToolButton::None;
    if (sunken) {
        tool.state |= QStyle::State_Sunken;
        tool.activeSubControls = QStyle::SC_ToolButton;
    }
    // A solid background so the masked id never shows through the button.
    painter->save();
    painter->fillRect(rect, option.palette.button());
    styleOf(option.widget)
        ->drawComplexControl(QStyle::CC_ToolButton, &tool, painter, option.widget);
    painter->restore();
}

QSize TokenRowDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QFontMetrics &metrics = option.fontMetrics;
    if (index.column() == m_tokenColumn) {
        size.rwidth() += metrics.horizontalAdvance(copyText()) + 2 * (kPadding + kMargin) + 8;
        size.setHeight(std::max(size.height(), metrics.height() + 4 * kMargin + 2));
    } else if (index.column() == m_actionsColumn) {
        const int side = metrics.height() + 4 * kMargin + 2;
        size.setWidth(std::max(size.width(), side + 2 * kMargin));
        size.setHeight(std::max(size.height(), side));
    }
    return size;
}

bool TokenRowDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
                                   const QStyleOptionViewItem &option, const QModelIndex &index)
{
    const QRect button = buttonRect(index, option.rect, option.widget);
    const auto type = event->type();
    if (button.isEmpty()
        || (type != QEvent::MouseButtonPress && type != QEvent::MouseButtonRelease
            && type != QEvent::MouseButtonDblClick))
        return QStyledItemDelegate::editorEvent(event, model, option, index);

    const auto *mouse = static_cast<QMouseEvent *>(event);
    const bool onButton =
        mouse->button() == Qt::LeftButton && button.contains(mouse->position().toPoint());
    if (type == QEvent::MouseButtonRelease) {
        const bool wasPressed = m_pressed.isValid() && m_pressed == index;
        m_pressed = QPersistentModelIndex();
        if (wasPressed && onButton) {
            if (index.column() == m_actionsColumn) {
                Q_EMIT actionsRequested(index, button);
            } else {
                const QString id = index.data(TokenTableModel::TokenIdRole).toString();
                if (!id.isEmpty())
                    Q_EMIT copyRequested(id);
            }
        }
        return wasPressed;
    }
    if (!onButton)
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    // Press and double click on a button are the button's, not the row's:
    // the selection stays as it is (the page decides what ⋯ selects).
    m_pressed = index;
    return true;
}

bool TokenRowDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                 const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event && view && event->type() == QEvent::ToolTip
        && buttonRect(index, option.rect, option.widget).contains(event->pos())) {
        const QString tip =
            index.column() == m_tokenColumn ? copyButtonName() : actionsButtonToolTip();
        QToolTip::showText(event->globalPos(), tip, view->viewport());
        return true;
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace ApiAccess
