#include "commands/SignInCommand.h"

#include "api/Wipe.h"
#include "dialogs/SignInDialog.h"
#include "sandbox/SandboxLauncher.h"

#include <QLoggingCategory>

namespace ApiAccess {

namespace {
Q_LOGGING_CATEGORY(lcSignIn, "apiaccess.ui.signin")
}

SignInCommand::SignInCommand(ApiClient &client, SandboxLauncher *sandbox, QWidget *parentWindow)
    : Command(parentWindow)
    , m_client(client)
    , m_sandbox(sandbox)
    , m_parentWindow(parentWindow)
{
    if (const std::optional<Session> session = client.session()) {
        m_prefillUrl = session->serverUrl;
        m_prefillUser = session->username;
    } else {
        m_prefillUrl = client.serverUrl();
    }
}

SignInCommand::~SignInCommand()
{
    // The dialog is the context of the sign-in request: deleting it drops
    // the callback.
    delete m_dialog.data();
}

void SignInCommand::setReason(const QString &message)
{
    m_reason = message;
}

void SignInCommand::setPrefill(const QUrl &serverUrl, const QString &username)
{
    m_prefillUrl = serverUrl;
    m_prefillUser = username;
}

SignInDialog *SignInCommand::dialog() const
{
    return m_dialog;
}

void SignInCommand::start()
{
    if (m_dialog)
        return;
    m_dialog = new SignInDialog(m_parentWindow);
    m_dialog->setSandboxAvailable(m_sandbox && m_sandbox->isServerInstalled());
    if (!m_prefillUrl.isEmpty())
        m_dialog->setServerUrl(m_prefillUrl);
    if (!m_prefillUser.isEmpty())
        m_dialog->setUsername(m_prefillUser);
    m_dialog->setKeepSignedIn(m_keepSignedIn);
    if (!m_reason.isEmpty())
        m_dialog->showWarning(m_reason);
    connect(m_dialog, &SignInDialog::signInRequested, this, &SignInCommand::signIn);
    connect(m_dialog, &SignInDialog::sandboxRequested, this, &SignInCommand::startSandbox);
    connect(m_dialog, &SignInDialog::cancelRequested, this, &SignInCommand::cancelRequest);
    connect(m_dialog, &QDialog::rejected, this, [this] { end(false); });
    if (m_sandbox) {
        connect(m_sandbox, &SandboxLauncher::ready, this, &SignInCommand::onSandboxReady);
        connect(m_sandbox, &SandboxLauncher::failed, this, &SignInCommand::onSandboxFailed);
        connect(m_sandbox, &SandboxLauncher::progress, this, &Command::statusMessage);
    }
    m_dialog->open(); // window-modal; never exec()
}

void SignInCommand::signIn()
{
    if (!m_dialog || m_call || m_waitingForSandbox || !m_dialog->isInputValid())
        return;
    SignInValue value = m_dialog->value();
    m_keepSignedIn = value.keepSignedIn;
    m_dialog->setBusy(true);
    Q_EMIT statusMessage(tr("Signing in to %1…").arg(value.serverUrl.host()));
    // Until the sign-in succeeds, the rest of the Studio keeps its server.
    if (!m_urlBeforeSignIn)
        m_urlBeforeSignIn = m_client.serverUrl();
    m_client.setServerUrl(value.serverUrl);
    m_call = m_client.signIn(value.username, value.password, m_dialog,
                             [this](Result<Session, ApiError> result) { onSignInAnswer(result); });
    wipe(value.password);
}

void SignInCommand::startSandbox()
{
    if (!m_dialog || !m_sandbox || m_call || m_waitingForSandbox)
        return;
    if (m_sandbox->state() != SandboxLauncher::State::Idle) {
        m_dialog->showError(tr("The local sandbox is already running or stopping. Try again "
                               "in a moment."));
        return;
    }
    m_dialog->setBusy(true);
    m_keepSignedIn = false; // a sandbox ends with the Studio
    m_waitingForSandbox = true;
    Q_EMIT statusMessage(tr("Starting the local sandbox…"));
    m_sandbox->start();
}

void SignInCommand::cancelRequest()
{
    if (m_call) {
        m_call->abort(); // the callback runs at once with Canceled
        return;
    }
    if (m_waitingForSandbox && m_sandbox) {
        m_waitingForSandbox = false;
        m_sandbox->stop(); // abandons the start: no ready() or failed() follows
    }
    if (m_dialog)
        m_dialog->setBusy(false);
}

void SignInCommand::onSignInAnswer(const Result<Session, ApiError> &result)
{
    m_call = nullptr;
    if (!m_dialog)
        return;
    if (result.ok()) {
        succeed(result.value()); // the client holds the session already
        return;
    }
    const ApiError &error = result.error();
    qCDebug(lcSignIn) << "sign-in failed:" << ApiError::kindName(error.kind) << error.httpStatus;
    restoreServerUrl();
    switch (error.kind) {
    case ApiError::Kind::Canceled:
        m_dialog->setBusy(false);
        break;
    case ApiError::Kind::Unauthorized:
        m_dialog->showCredentialsRefused(tr("The user name or password is wrong."));
        Q_EMIT statusMessage(tr("Sign-in failed"));
        break;
    default:
        // Tls: message() names the certificate problems; they are never ignored.
        m_dialog->showError(error.message());
        Q_EMIT statusMessage(tr("Sign-in failed"));
        break;
    }
}

void SignInCommand::onSandboxReady(const Session &session)
{
    if (!m_waitingForSandbox)
        return;
    m_waitingForSandbox = false;
    m_client.setSession(session);
    succeed(session);
}

void SignInCommand::onSandboxFailed(const QString &message)
{
    if (!m_waitingForSandbox)
        return;
    m_waitingForSandbox = false;
    if (m_dialog)
        m_dialog->showError(tr("The local sandbox could not start: %1").arg(message));
}

void SignInCommand::succeed(const Session &session)
{
    if (!m_dialog)
        return;
    m_dialog->clearPassword();
    Q_EMIT statusMessage(tr("Signed in as %1").arg(session.username));
    Q_EMIT signedIn(session);
    m_dialog->accept();
    end(true);
}

void SignInCommand::restoreServerUrl()
{
    if (m_urlBeforeSignIn)
        m_client.setServerUrl(*std::exchange(m_urlBeforeSignIn, std::nullopt));
}

void SignInCommand::aboutToEnd(bool success)
{
    if (success)
        m_urlBeforeSignIn.reset(); // the new server is the server now
    else
        restoreServerUrl();
    if (m_sandbox)
        disconnect(m_sandbox, nullptr, this, nullptr);
    if (m_dialog)
        m_dialog->deleteLater();
}
} // namespace ApiAccess
