#pragma once

// Finds text the Studio shows cut off: every visible label, button, combo
// box, check box, header section and table cell under a widget, each
// compared with the room its font needs for its text. A cell may be elided
// on purpose only where its tooltip carries the whole text (long token
// names). Used by tst_layoutfit at 100 % and 200 % and with doubled text.

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStringList>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QToolButton>
#include <QTreeWidget>

namespace ApiAccess::Testing {

class ClippingCheck
{
public:
    // What is clipped under `root`, one line each ("QLabel explanationLabel:
    // needs 412 × 36, has 380 × 18 'A new secret…'"); empty when nothing is.
    static QStringList problems(const QWidget *root)
    {
        // What the admin sees: the layout after the changes just made.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QStringList found;
        check(root, found);
        for (const QWidget *child : root->findChildren<QWidget *>())
            check(child, found);
        return found;
    }

private:
    static bool shown(const QWidget *widget)
    {
        return widget->isVisible() && widget->width() > 0 && widget->height() > 0;
    }

    static QString name(const QWidget *widget)
    {
        return QString::fromLatin1(widget->metaObject()->className()) + u' '
            + (widget->objectName().isEmpty() ? QStringLiteral("(unnamed)") : widget->objectName());
    }

    static void report(QStringList &found, const QWidget *widget, QSize needed, QSize has,
                       const QString &text)
    {
        found.append(QStringLiteral("%1: needs %2 × %3, has %4 × %5: “%6”")
                         .arg(name(widget))
                         .arg(needed.width())
                         .arg(needed.height())
                         .arg(has.width())
                         .arg(has.height())
                         .arg(text.left(60)));
    }

    // Inside a scrolling area a widget may be partly out of view on purpose.
    static bool scrolls(const QWidget *widget)
    {
        for (const QWidget *w = widget->parentWidget(); w; w = w->parentWidget()) {
            if (const auto *area = qobject_cast<const QAbstractScrollArea *>(w);
                area && area->viewport()->isAncestorOf(widget))
                return true;
        }
        return false;
    }

    static void check(const QWidget *widget, QStringList &found)
    {
        if (!shown(widget))
            return;
        // Its own size may be right and the window still too small for it,
        // or a neighbour on top of it.
        const bool textual = qobject_cast<const QLabel *>(widget)
            || qobject_cast<const QAbstractButton *>(widget)
            || qobject_cast<const QComboBox *>(widget);
        if (textual && !widget->isWindow() && !scrolls(widget)
            && widget->visibleRegion().boundingRect() != widget->rect()) {
            found.append(QStringLiteral("%1: only %2 of %3 × %4 is in view")
                             .arg(name(widget))
                             .arg(QStringLiteral("%1 × %2")
                                      .arg(widget->visibleRegion().boundingRect().width())
                                      .arg(widget->visibleRegion().boundingRect().height()))
                             .arg(widget->width())
                             .arg(widget->height()));
        }
        if (const auto *label = qobject_cast<const QLabel *>(widget)) {
            checkLabel(label, found);
        } else if (const auto *combo = qobject_cast<const QComboBox *>(widget)) {
            // As wide as its longest item needs (what the popup shows too).
            if (combo->sizeHint().width() > combo->width()
                || combo->minimumSizeHint().height() > combo->height())
                report(found, combo, combo->sizeHint(), combo->size(), combo->currentText());
        } else if (const auto *button = qobject_cast<const QAbstractButton *>(widget)) {
            checkButton(button, found);
        } else if (const auto *header = qobject_cast<const QHeaderView *>(widget)) {
            checkHeader(header, found);
        } else if (const auto *view = qobject_cast<const QAbstractItemView *>(widget)) {
            checkCells(view, found);
        }
    }

    static void checkLabel(const QLabel *label, QStringList &found)
    {
        if (label->text().isEmpty() || !label->pixmap().isNull())
            return;
        const QRect room = label->contentsRect();
        if (label->wordWrap()) {
            const int needed = label->heightForWidth(label->width());
            // The longest word must fit on a line, too.
            if (needed > label->height() || label->minimumSizeHint().width() > label->width())
                report(found, label, QSize(label->minimumSizeHint().width(), needed), label->size(),
                       label->text());
            return;
        }
        const QSize needed = label->sizeHint();
        if (needed.width() > label->width() || label->fontMetrics().height() > room.height())
            report(found, label, needed, label->size(), label->text());
    }

    static void checkButton(const QAbstractButton *button, QStringList &found)
    {
        // Qt's own helper buttons (a line edit's clear icon, the message bar's
        // close cross) carry no text, or a name they do not draw.
        if (button->text().isEmpty())
            return;
        if (const auto *tool = qobject_cast<const QToolButton *>(button);
            tool && tool->toolButtonStyle() == Qt::ToolButtonIconOnly && !tool->icon().isNull())
            return;
        const QSize needed = button->sizeHint();
        if (needed.width() > button->width() || button->fontMetrics().height() > button->height())
            report(found, button, needed, button->size(), button->text());
    }

    static void checkHeader(const QHeaderView *header, QStringList &found)
    {
        for (int section = 0; section < header->count(); ++section) {
            if (header->isSectionHidden(section))
                continue;
            const int needed = header->sectionSizeHint(section);
            if (needed > header->sectionSize(section))
                report(found, header, QSize(needed, header->height()),
                       QSize(header->sectionSize(section), header->height()),
                       header->model()->headerData(section, header->orientation()).toString());
        }
    }

    // Every cell in view: the delegate's own size hint within the cell, or
    // elided with the whole text in its tooltip.
    static void checkCells(const QAbstractItemView *view, QStringList &found)
    {
        const QAbstractItemModel *model = view->model();
        if (!model)
            return;
        const auto *table = qobject_cast<const QTableView *>(view);
        const QRect viewport = view->viewport()->rect();
        for (int row = 0; row < model->rowCount(); ++row) {
            for (int column = 0; column < model->columnCount(); ++column) {
                if (table && table->isColumnHidden(column))
                    continue;
                const QModelIndex index = model->index(row, column);
                const QRect cell = view->visualRect(index);
                if (!cell.isValid() || !viewport.intersects(cell))
                    continue;
                const QString text = index.data().toString();
                if (text.isEmpty())
                    continue;
                QStyleOptionViewItem option;
                option.initFrom(view);
                option.rect = cell;
                option.font = view->font();
                option.fontMetrics = view->fontMetrics();
                option.features |= QStyleOptionViewItem::HasDisplay;
                const QSize needed = view->itemDelegateForIndex(index)->sizeHint(option, index);
                // A tree's cell starts after its indentation.
                const int width = std::min(cell.width(), viewport.right() - cell.left() + 1);
                if (needed.width() <= width)
                    continue;
                if (index.data(Qt::ToolTipRole).toString() == text)
                    continue; // elided on purpose (a name), the whole text a hover away
                report(found, view, needed, QSize(width, cell.height()), text);
            }
        }
    }
};

} // namespace ApiAccess::Testing
