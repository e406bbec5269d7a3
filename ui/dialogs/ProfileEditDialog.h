#pragma once

#include "profiles/ConnectionProfile.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QFileDialog;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ApiAccess {

// "Add connection profile" / "Edit connection profile" (issue 6): name,
// server URL, user name, an extra CA certificate file and "Keep me signed
// in". It only collects and validates (ConnectionProfile::validate(), live);
// its owner writes the result to the ProfileStore when it is accepted.
//
// A name left empty takes the server's host name, shown as the placeholder.
class ProfileEditDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { Add, Edit };

    ProfileEditDialog(Mode mode, const ConnectionProfile &profile, QWidget *parent);
    ~ProfileEditDialog() override;

    Mode mode() const { return m_mode; }
    // What the fields say; the id is the one given to the constructor.
    ConnectionProfile profile() const;
    // Why profile() cannot be stored, or empty.
    QString problem() const;

    QPushButton *acceptButton() const { return m_accept; } // objectName "acceptButton"
    // The "Browse…" file dialog while it is open (window-modal, never exec()).
    QFileDialog *caFileDialog() const;

    void accept() override;

private:
    void buildForm();
    void browseCaFile();
    void revalidate();

    Mode m_mode;
    QString m_id;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_caFile = nullptr;
    QPushButton *m_browse = nullptr;
    QCheckBox *m_keepSignedIn = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_accept = nullptr;
    QPointer<QFileDialog> m_fileDialog;
    // An empty Add form does not scold before the admin has typed anything.
    bool m_edited = false;
};

} // namespace ApiAccess
