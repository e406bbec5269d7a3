// MainWindow's session: signing in, and after a 401 resuming the commands
// that were refused once the admin has signed in again (Command.h).

#include "commands/Command.h"
#include "commands/SignInCommand.h"
#include "mainwindow/ApiTokensPage.h"
#include "mainwindow/MainWindow.h"
#include "sandbox/SandboxLauncher.h"

#include <utility>

namespace ApiAccess {

void MainWindow::setSession(const Session &session)
{
    // A list still coming for the previous session (another server, maybe)
    // must not land under this one.
    if (m_listCall)
        m_listCall->abort();
    m_changesCursor.clear();
    m_client.setSession(session);
    updateServerStatus();
    refresh();
}

void MainWindow::setSandbox(SandboxLauncher *sandbox)
{
    m_sandbox = sandbox;
}

void MainWindow::signIn(const QString &username, const QString &reason)
{
    if (m_signInCommand)
        return;
    auto *command = new SignInCommand(m_client, m_sandbox.data(), this);
    command->setParent(this);
    m_signInCommand = command;
    track(command);
    if (!reason.isEmpty())
        command->setReason(reason);
    const auto session = m_client.session();
    command->setPrefill(m_client.serverUrl(), session ? session->username : username);
    command->setKeepSignedIn(m_keepSignedInDefault);
    connect(command, &SignInCommand::signedIn, this, &MainWindow::onSignedIn);
    connect(command, &Command::canceled, this, &MainWindow::onSignInCanceled);
    command->start();
}

void MainWindow::onSessionExpired()
{
    if (!m_expiredAccount) {
        if (const auto session = m_client.session())
            m_expiredAccount = Account{session->serverUrl, session->username};
    }
    signIn({}, tr("Your session has ended. Sign in again to continue."));
}

void MainWindow::onSignedIn(const Session &session)
{
    const auto sameServer = [](const QUrl &a, const QUrl &b) {
        return a.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments)
            == b.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
    };
    // Repeating a refused action is only what the admin asked for when it
    // goes to the same server as the same user.
    const bool resume = m_expiredAccount && sameServer(m_expiredAccount->server, session.serverUrl)
        && m_expiredAccount->username == session.username;
    m_expiredAccount.reset();
    m_lastSignInKeptAccount = resume;
    const bool keep = m_signInCommand && m_signInCommand->keepSignedIn();
    // The command ends with deleteLater(): from now on a 401 opens a new one.
    m_signInCommand = nullptr;
    setSession(session); // the list is refreshed in any case
    Q_EMIT signedIn(session, keep);
    const QList<QPointer<Command>> waiting = std::exchange(m_waitingForSignIn, {});
    for (const QPointer<Command> &command : waiting) {
        if (!command)
            continue;
        if (resume)
            command->resumeAfterSignIn();
        else
            command->abandonAfterSignIn();
    }
    if (!resume && !waiting.isEmpty())
        showStatus(tr("Signed in as %1 on another server or as another user: the actions that "
                      "failed were not repeated")
                       .arg(session.username));
}

void MainWindow::onSignInCanceled()
{
    m_signInCommand = nullptr;
    // The server ended the session and the admin chose not to sign in
    // again: it is over here too, and the window says so.
    if (std::exchange(m_expiredAccount, std::nullopt))
        closeSession();
    updateSessionState();
    const QList<QPointer<Command>> waiting = std::exchange(m_waitingForSignIn, {});
    for (const QPointer<Command> &command : waiting) {
        if (command)
            command->abandonAfterSignIn();
    }
}

void MainWindow::onCommandWaitingForSignIn(Command *command)
{
    // The 401 opened the sign-in dialog before the command heard of it. No
    // dialog means the admin signed in again while the request was on its
    // way (a 401 for the replaced session): the command can go on at once.
    if (m_signInCommand)
        m_waitingForSignIn.append(command);
    else if (m_lastSignInKeptAccount)
        command->resumeAfterSignIn();
    else
        command->abandonAfterSignIn(); // signed in elsewhere meanwhile
}

void MainWindow::track(Command *command)
{
    connect(command, &Command::statusMessage, this, &MainWindow::showStatus);
    connect(command, &Command::waitingForSignIn, this,
            [this, command] { onCommandWaitingForSignIn(command); });
}
void MainWindow::signOut()
{
    const std::optional<Session> session = m_client.session();
    if (!session)
        return;
    // The local session ends at once whatever the server says (ApiClient).
    m_client.signOut(this, [this](Result<bool, ApiError> result) {
        if (!result)
            showStatus(tr("Signed out here; the server could not be told: %1")
                           .arg(result.error().message()));
    });
    closeSession();
    Q_EMIT signedOut(*session);
    showStatus(tr("Signed out"));
    signIn(session->username);
}

void MainWindow::closeSession()
{
    if (m_listCall)
        m_listCall->abort();
    m_client.clearSession();
    m_changesCursor.clear();
    m_model.setTokens({});
    m_lastRefresh = QDateTime();
    m_cachedCopyFrom = QDateTime();
    m_tokensPage->setReadOnly(false);
    m_tokensPage->clearRefreshFailure();
    m_tokensPage->hideMessage();
    // Another profile is another list: a filter that hid nothing there
    // would hide everything here without a word.
    m_tokensPage->resetFilters();
    updateServerStatus();
    updateRefreshStatus();
}

} // namespace ApiAccess
