#pragma once

#include <QDialog>
#include <QKeySequence>
#include <QList>
#include <QPair>

class QAction;
class QTreeWidget;

namespace ApiAccess {

// Help > Keyboard shortcuts: every shortcut of the window, grouped, read
// from the actions themselves (so the list cannot drift from what the keys
// do) and written the platform's way (Ctrl+N here, ⌘N on macOS).
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(QWidget *parent = nullptr);
    ~ShortcutsDialog() override;

    // One row per shortcut of each action (actions without one are left out).
    void addGroup(const QString &group, const QList<QAction *> &actions);
    // Keys that are not an action's (Return on the table, the Menu key).
    void addKeys(const QString &group, const QList<QPair<QKeySequence, QString>> &keys);

    QTreeWidget *list() const { return m_list; }

private:
    void addRow(const QString &group, const QKeySequence &keys, const QString &what);
    void fitColumns();

    QTreeWidget *m_list = nullptr;
};

} // namespace ApiAccess
