#pragma once

#include <QDialog>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>

namespace ApiAccess {

namespace Ui {
class SignInDialog;
}

// What the admin typed to sign in. The password is a secret: whoever takes
// it wipes its copy (api/Wipe.h) when done.
struct SignInValue
{
    QUrl serverUrl;
    QString username;
    QString password;
    bool keepSignedIn = false; // the session (never the password) goes to the keychain
};

// "Sign in" (PRODUCT.md §7): server URL, user name, password, or "Start
// local sandbox". Like every dialog here it only collects and validates a
// value; the SignInCommand that owns it does the network call:
//
//   signInRequested()  -> setBusy(true), sign in with value()
//   sandboxRequested() -> setBusy(true), start the sandbox
//   cancelRequested()  -> abort what runs, setBusy(false); the dialog stays
//   failure            -> showError(message); nothing typed is lost
//   success            -> clearPassword(), accept()
//
// Plain http:// to a host other than loopback sends the password in clear
// text, so it needs the insecureConfirm box checked before Sign in enables.
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SignInDialog(QWidget *parent = nullptr);
    ~SignInDialog() override;

    // Prefill from a previous session; the focus goes to the first empty field.
    void setServerUrl(const QUrl &url);
    void setUsername(const QString &username);
    void setKeepSignedIn(bool keep);
    // Hides "Start local sandbox" where no sandbox can be started.
    void setSandboxAvailable(bool available);

    SignInValue value() const;
    bool isInputValid() const;
    bool isBusy() const { return m_busy; }

    // Locks the inputs and shows the busy indicator; while busy, Escape and
    // Cancel emit cancelRequested() instead of closing.
    void setBusy(bool busy);
    // Ends the busy state and shows `message` (for TLS errors it names the
    // certificate problems). The password stays so the admin can retry.
    // A failure under the fields; focus goes to the first empty field.
    void showError(const QString &message);
    // The server refused the user name or password: the error, the focus
    // in the password with it selected, and Sign in disabled until the user
    // name or the password changes.
    void showCredentialsRefused(const QString &message);
    // Why the dialog opened ("Your session has ended…"): a warning, not an error.
    void showWarning(const QString &message);
    void clearError();
    // After a successful sign-in only.
    void clearPassword();

    // Why `text` is not a server URL the Studio may use, or nullopt.
    static std::optional<QString> urlProblem(const QString &text);
    // localhost, 127.0.0.0/8 and ::1: traffic never leaves this computer.
    static bool isLoopbackHost(const QString &host);
    // http:// to anything but loopback: the password would travel unencrypted.
    static bool needsInsecureConfirmation(const QString &text);

    void reject() override;

Q_SIGNALS:
    void signInRequested();
    void sandboxRequested();
    void cancelRequested();

private:
    void onUrlEdited();
    void onCredentialsEdited();
    void updateButtons();
    void focusFirstEmpty();

    std::unique_ptr<Ui::SignInDialog> m_ui;
    bool m_busy = false;
    bool m_credentialsRefused = false;
    bool m_sandboxAvailable = true;
};

} // namespace ApiAccess
