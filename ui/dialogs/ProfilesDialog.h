#pragma once

#include <QDialog>
#include <QString>

class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace ApiAccess {

class ProfileStore;

// "Connection profiles" (issue 6): the servers the admin works with, the
// current one marked, and Add…, Edit…, Remove… and Open. Add and Edit write
// through the ProfileStore; what a switch or a removal means for the session,
// the keychain and the offline copy is the owner's business (the signals).
//
// Every dialog it opens is window-modal with open(), never exec().
class ProfilesDialog : public QDialog
{
    Q_OBJECT

public:
    ProfilesDialog(ProfileStore &store, const QString &currentProfileId, QWidget *parent);
    ~ProfilesDialog() override;

    // The id of the selected profile, or empty.
    QString selectedId() const;

Q_SIGNALS:
    // "Open", a double-click or Enter: switch to it. The dialog closes.
    void openRequested(const QString &profileId);
    // Emitted after the store has forgotten it.
    void profileRemoved(const QString &profileId);
    // Added or edited, already in the store.
    void profileChanged(const QString &profileId);

private:
    void buildUi();
    void reload(const QString &selectId);
    void updateButtons();
    void addProfile();
    void editProfile();
    void removeProfile();
    void openProfile();
    void onItemDoubleClicked(QListWidgetItem *item);

    ProfileStore &m_store;
    QString m_currentId;
    QListWidget *m_list = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_open = nullptr;
};

} // namespace ApiAccess
