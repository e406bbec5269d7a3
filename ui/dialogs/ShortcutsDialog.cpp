#include "dialogs/ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ApiAccess {

ShortcutsDialog::ShortcutsDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"shortcutsDialog"_s);
    setWindowTitle(tr("Keyboard shortcuts"));
    m_list = new QTreeWidget(this);
    m_list->setObjectName(u"shortcutsList"_s);
    m_list->setAccessibleName(tr("Keyboard shortcuts"));
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Action"), tr("Shortcut")});
    m_list->setRootIsDecorated(false);
    m_list->setItemsExpandable(false);
    m_list->setTextElideMode(Qt::ElideNone);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setObjectName(u"closeButton"_s);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
}

ShortcutsDialog::~ShortcutsDialog() = default;

void ShortcutsDialog::addGroup(const QString &group, const QList<QAction *> &actions)
{
    for (const QAction *action : actions) {
        const QString what = QString(action->text()).remove(u'&');
        for (const QKeySequence &keys : action->shortcuts())
            addRow(group, keys, what);
    }
    fitColumns();
}

void ShortcutsDialog::addKeys(const QString &group, const QList<QPair<QKeySequence, QString>> &keys)
{
    for (const auto &[sequence, what] : keys)
        addRow(group, sequence, what);
    fitColumns();
}

void ShortcutsDialog::addRow(const QString &group, const QKeySequence &keys, const QString &what)
{
    QTreeWidgetItem *heading = nullptr;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        if (m_list->topLevelItem(i)->text(0) == group)
            heading = m_list->topLevelItem(i);
    }
    if (!heading) {
        heading = new QTreeWidgetItem(m_list, {group});
        heading->setFirstColumnSpanned(true);
        heading->setFlags(Qt::ItemIsEnabled);
        QFont bold = heading->font(0);
        bold.setBold(true);
        heading->setFont(0, bold);
        heading->setExpanded(true);
    }
    const QString text = keys.toString(QKeySequence::NativeText);
    auto *row = new QTreeWidgetItem(heading, {what, text});
    // Read as "Create API token…, Ctrl+N" rather than two loose cells.
    row->setData(0, Qt::AccessibleTextRole, u"%1, %2"_s.arg(what, text));
}

void ShortcutsDialog::fitColumns()
{
    // Tall and wide enough for every row: the list never needs scrolling
    // for the few shortcuts there are, nor elides one.
    m_list->resizeColumnToContents(0);
    m_list->resizeColumnToContents(1);
    int rows = 0;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        rows += 1 + m_list->topLevelItem(i)->childCount();
    const int rowHeight =
        m_list->sizeHintForRow(0) > 0 ? m_list->sizeHintForRow(0) : fontMetrics().height() + 6;
    m_list->setMinimumHeight(m_list->header()->sizeHint().height() + rows * rowHeight
                             + 2 * m_list->frameWidth() + 4);
    m_list->setMinimumWidth(m_list->columnWidth(0) + m_list->columnWidth(1) + m_list->indentation()
                            + 2 * m_list->frameWidth() + 24);
}

} // namespace ApiAccess
