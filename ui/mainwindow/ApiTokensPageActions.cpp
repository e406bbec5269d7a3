// ApiTokensPage's row actions: the QActions and their shortcuts, their
// enabled state following the selection, and the actions menu opened by a
// row's ⋯, a right-click, the Menu key or Shift+F10.

#include "TokenTableModel.h"
#include "mainwindow/ApiTokensPage.h"
#include "mainwindow/TokenRowDelegate.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QMenu>
#include <QPushButton>
#include <QStyle>
#include <QTableView>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ApiAccess {

void ApiTokensPage::buildActions()
{
    const auto add = [this](const QString &name, const QString &text, const QKeySequence &keys) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcut(keys);
        // In the page and its children only: the search field keeps its
        // own Ctrl+C and Del, and other pages are left alone.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        return action;
    };
    m_edit = add(u"editAction"_s, tr("Edit…"), QKeySequence(Qt::Key_F2));
    m_copy = add(u"copyAction"_s, tr("Copy token"), QKeySequence::Copy);
    m_rotate = add(u"rotateAction"_s, tr("Rotate…"), {});
    m_disable = add(u"disableAction"_s, tr("Disable…"), {});
    m_enable = add(u"enableAction"_s, tr("Enable…"), {});
    m_delete = add(u"deleteAction"_s, tr("Delete…"), QKeySequence::Delete);
    m_delete->setIcon(style()->standardIcon(QStyle::SP_TrashIcon, nullptr, this));

    m_menu = new QMenu(this);
    m_menu->setObjectName(u"actionsMenu"_s);
    m_menu->setAccessibleName(tr("Actions"));
    m_menu->addActions({m_edit, m_copy, m_rotate});
    m_menu->addSeparator();
    m_menu->addActions({m_disable, m_enable});
    m_menu->addSeparator();
    m_menu->addAction(m_delete);

    const auto single = [this](void (ApiTokensPage::*signal)(const QString &)) {
        return [this, signal] {
            const QStringList ids = selectedTokenIds();
            if (ids.size() == 1)
                Q_EMIT(this->*signal)(ids.constFirst());
        };
    };
    connect(m_edit, &QAction::triggered, this, single(&ApiTokensPage::editRequested));
    connect(m_copy, &QAction::triggered, this, single(&ApiTokensPage::copyRequested));
    connect(m_rotate, &QAction::triggered, this, single(&ApiTokensPage::rotateRequested));
    connect(m_disable, &QAction::triggered, this, [this] { onSetEnabled(false); });
    connect(m_enable, &QAction::triggered, this, [this] { onSetEnabled(true); });
    connect(m_delete, &QAction::triggered, this, [this] {
        const QStringList ids = selectedTokenIds();
        if (!ids.isEmpty())
            Q_EMIT deleteRequested(ids);
    });
}

void ApiTokensPage::updateActions()
{
    const QList<Token> tokens = selectedTokens();
    const bool one = tokens.size() == 1;
    const auto count = [&tokens](bool disabled) {
        return static_cast<int>(
            std::count_if(tokens.cbegin(), tokens.cend(), [disabled](const Token &token) {
                return (token.status == TokenStatus::Disabled) == disabled;
            }));
    };
    // Every action needs the server: not on an offline copy, not signed
    // out, and not on rows a failed refresh left (they may be wrong).
    const bool online = !m_readOnly && m_signedIn && !m_stale;
    // A row with an operation under way ("Disabling…") takes no second one.
    const bool idle = std::none_of(tokens.cbegin(), tokens.cend(), [this](const Token &token) {
        return !m_model.operation(token.id).isEmpty();
    });
    const bool act = online && idle;
    const int toDisable = count(false);
    const int toEnable = count(true);
    m_edit->setEnabled(act && one);
    m_copy->setEnabled(canCopy() && one);
    m_messageCopy->setEnabled(canCopy());
    m_rotate->setEnabled(act && one);
    m_disable->setEnabled(act && toDisable > 0);
    m_enable->setEnabled(act && toEnable > 0);
    m_delete->setEnabled(act && !tokens.isEmpty());
    // Acting on several tokens says how many, before the confirmation does.
    m_disable->setText(toDisable > 1 ? tr("Disable %n tokens…", nullptr, toDisable)
                                     : tr("Disable…"));
    m_enable->setText(toEnable > 1 ? tr("Enable %n tokens…", nullptr, toEnable) : tr("Enable…"));
    m_delete->setText(tokens.size() > 1
                          ? tr("Delete %n tokens…", nullptr, static_cast<int>(tokens.size()))
                          : tr("Delete…"));
    if (m_create->isEnabled() != canCreate()) {
        m_create->setEnabled(canCreate());
        Q_EMIT createAvailable(canCreate());
    }
}

void ApiTokensPage::onSetEnabled(bool enabled)
{
    QStringList ids;
    for (const Token &token : selectedTokens()) {
        // Disable… asks about the tokens that are not disabled, Enable…
        // about the disabled ones; the others are as wanted already.
        if ((token.status == TokenStatus::Disabled) == enabled)
            ids.append(token.id);
    }
    if (!ids.isEmpty())
        Q_EMIT setEnabledRequested(ids, enabled);
}

void ApiTokensPage::openMenuAt(const QModelIndex &index, const QPoint &globalPos)
{
    if (!index.isValid())
        return;
    // The menu acts on the selection: a row outside it becomes the selection.
    QItemSelectionModel *selection = m_view->selectionModel();
    if (!selection->isRowSelected(index.row(), index.parent())) {
        selection->setCurrentIndex(index,
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    } else {
        selection->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    }
    updateActions();
    m_menu->popup(globalPos);
}

void ApiTokensPage::openMenuForCurrent()
{
    QModelIndex index = m_view->selectionModel()->currentIndex();
    if (!index.isValid())
        return;
    index = index.siblingAtColumn(TokenTableModel::ActionsColumn);
    m_view->scrollTo(index);
    const QRect cell = m_view->visualRect(index);
    const QRect button = m_delegate->actionsButtonRect(cell, m_view->viewport());
    openMenuAt(index, m_view->viewport()->mapToGlobal(button.bottomLeft()));
}

bool ApiTokensPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const auto modifiers = key->modifiers() & ~Qt::KeypadModifier;
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && modifiers == Qt::NoModifier && m_edit->isEnabled()) {
            m_edit->trigger();
            return true;
        }
        if ((key->key() == Qt::Key_Menu && modifiers == Qt::NoModifier)
            || (key->key() == Qt::Key_F10 && modifiers == Qt::ShiftModifier)) {
            openMenuForCurrent();
            return true;
        }
    }
    if ((watched == m_view || watched == m_view->viewport())
        && event->type() == QEvent::ContextMenu) {
        const auto *menuEvent = static_cast<QContextMenuEvent *>(event);
        // Some platforms follow the Menu key's press with a keyboard
        // context menu event: the menu is open already.
        if (!m_menu->isVisible()) {
            if (menuEvent->reason() == QContextMenuEvent::Keyboard)
                openMenuForCurrent();
            else if (watched == m_view->viewport())
                openMenuAt(m_view->indexAt(menuEvent->pos()), menuEvent->globalPos());
        }
        return true;
    }
    return QWidget::eventFilter(watched, event);
}
} // namespace ApiAccess
