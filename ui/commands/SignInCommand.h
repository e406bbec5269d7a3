#pragma once

#include "api/ApiClient.h"
#include "commands/Command.h"

#include <QPointer>
#include <QString>
#include <QUrl>

#include <optional>

class QWidget;

namespace ApiAccess {

class SandboxLauncher;
class SignInDialog;

// Sign in: at start-up, and whenever ApiClient::sessionExpired fires. Opens
// the SignInDialog (window-modal, never exec()), signs in with the ApiClient
// or starts the local sandbox, and ends with signedIn(session) then
// finished() once the client holds the new session; the window then retries
// the action that failed. Canceling the dialog ends with canceled().
//
// The SandboxLauncher belongs to the application, not to the command: the
// sandbox server has to outlive this dialog and stop only when the Studio
// quits. Without one, the dialog does not offer "Start local sandbox".
class SignInCommand : public Command
{
    Q_OBJECT

public:
    SignInCommand(ApiClient &client, SandboxLauncher *sandbox, QWidget *parentWindow);
    ~SignInCommand() override;

    // Shown above the fields when the dialog opens ("Your session has ended").
    void setReason(const QString &message);
    // Prefills the dialog; by default from the client's session or server URL.
    void setPrefill(const QUrl &serverUrl, const QString &username);
    void start() override;

    SignInDialog *dialog() const; // for tests and the main window
    // Whether the admin asked to stay signed in (false for the sandbox).
    bool keepSignedIn() const { return m_keepSignedIn; }
    // Prefills the "Keep me signed in" box.
    void setKeepSignedIn(bool keep) { m_keepSignedIn = keep; }

Q_SIGNALS:
    void signedIn(const ApiAccess::Session &session);

private:
    void signIn();
    void startSandbox();
    void cancelRequest();
    void onSignInAnswer(const Result<Session, ApiError> &result);
    void onSandboxReady(const Session &session);
    void onSandboxFailed(const QString &message);
    void succeed(const Session &session);
    void aboutToEnd(bool success) override;
    void restoreServerUrl();

    ApiClient &m_client;
    QPointer<SandboxLauncher> m_sandbox;
    QPointer<QWidget> m_parentWindow;
    QPointer<SignInDialog> m_dialog;
    QPointer<ApiCall> m_call;
    QUrl m_prefillUrl;
    QString m_prefillUser;
    QString m_reason;
    bool m_waitingForSandbox = false;
    bool m_keepSignedIn = false;
    std::optional<QUrl> m_urlBeforeSignIn; // while a sign-in is on its way
};

} // namespace ApiAccess
