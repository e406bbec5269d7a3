// MainWindow's token work: loading and refreshing the list (F5, and every
// minute while the window is active), and turning the page's requests into
// command objects (create, copy, edit, rotate, disable/enable, delete).

#include "commands/ActionFailure.h"
#include "commands/CopyTokenCommand.h"
#include "commands/CreateTokenCommand.h"
#include "commands/EditTokenCommand.h"
#include "commands/RotateTokenCommand.h"
#include "commands/TokenStateCommand.h"
#include "dialogs/TokenDialog.h"
#include "mainwindow/ApiTokensPage.h"
#include "mainwindow/MainWindow.h"

#include <QApplication>
#include <QEvent>
#include <QLineEdit>
#include <QLocale>
#include <QTimer>

namespace ApiAccess {

bool MainWindow::isRefreshing() const
{
    return m_listCall && m_listCall->isRunning();
}

void MainWindow::refresh()
{
    startRefresh(true);
}

void MainWindow::startRefresh(bool asked)
{
    if (!m_client.session() || isRefreshing())
        return;
    // A refresh the admin asked for says it is loading and what came; the
    // one every minute speaks only when it fails, or a screen reader would
    // hear "Loading tokens…" and "12 tokens loaded" all day long.
    if (asked)
        showStatus(tr("Loading tokens…"));
    m_tokensPage->setLoading(true);
    if (m_changesCursor.isEmpty())
        startFullList(asked);
    else
        startChangesRefresh(asked);
}

void MainWindow::startFullList(bool asked)
{
    const quint64 changesBefore = m_model.localChanges();
    m_listCall = m_client.listAllTokens(
        this, [this, changesBefore, asked](Result<TokenList, ApiError> result) {
            if (!result)
                return onRefreshFailed(result.error());
            if (m_model.localChanges() != changesBefore) {
                // A command changed a row while this list was on its way:
                // the list may predate that change. Ask again.
                QTimer::singleShot(0, this, [this, asked] { startFullList(asked); });
                return;
            }
            m_model.setTokens(result.value().tokens);
            m_changesCursor = result.value().changesCursor;
            onListCurrent(asked);
        });
}

void MainWindow::startChangesRefresh(bool asked)
{
    const quint64 changesBefore = m_model.localChanges();
    m_listCall = m_client.listTokenChanges(
        m_changesCursor, this,
        [this, changesBefore, asked](Result<std::optional<TokenChangeSet>, ApiError> result) {
            if (!result)
                return onRefreshFailed(result.error());
            if (!result.value()) {
                // The server can no longer tell what changed (the cursor is
                // too old, or too much changed): the whole list, then.
                m_changesCursor.clear();
                QTimer::singleShot(0, this, [this, asked] { startFullList(asked); });
                return;
            }
            if (m_model.localChanges() != changesBefore) {
                // As for the full list; the cursor is stateless, so the
                // same question again answers these changes and newer ones.
                QTimer::singleShot(0, this, [this, asked] { startChangesRefresh(asked); });
                return;
            }
            const TokenChangeSet &changes = *result.value();
            m_model.applyChanges(changes.items, changes.deletedIds);
            m_changesCursor = changes.changesCursor;
            onListCurrent(asked);
        });
}

void MainWindow::onRefreshFailed(const ApiError &error)
{
    m_tokensPage->setLoading(false);
    if (error.kind == ApiError::Kind::Canceled)
        return; // replaced by a newer request (a new session)
    const QString message = error.message();
    showStatus(tr("Could not load the tokens: %1").arg(message));
    // A 401 opens the sign-in dialog, which refreshes afterwards.
    if (error.kind != ApiError::Kind::Unauthorized) {
        m_tokensPage->showRefreshFailure(
            m_cachedCopyFrom.isValid()
                ? tr("Offline copy from %1 (read-only). The server cannot be reached: %2")
                      .arg(QLocale().toString(m_cachedCopyFrom, QLocale::ShortFormat), message)
                : tr("Could not load the tokens: %1").arg(message));
        updateSessionState();
    }
    Q_EMIT refreshFailed(message);
}

void MainWindow::onListCurrent(bool asked)
{
    m_tokensPage->setLoading(false);
    m_tokensPage->listLoaded();
    if (m_cachedCopyFrom.isValid()) {
        m_cachedCopyFrom = QDateTime();
        m_tokensPage->setReadOnly(false);
        m_tokensPage->hideMessage();
    }
    updateSessionState();
    m_lastRefresh = QDateTime::currentDateTime();
    updateRefreshStatus();
    if (asked && statusMessage() == tr("Loading tokens…")) // and nothing said meanwhile
        showStatus(tr("%n tokens loaded", nullptr, m_model.rowCount()));
    Q_EMIT tokensLoaded();
}

void MainWindow::showCachedTokens(const QList<Token> &tokens, const QDateTime &savedAt)
{
    m_model.setTokens(tokens);
    m_cachedCopyFrom = savedAt.toLocalTime();
    m_tokensPage->setReadOnly(true);
    m_tokensPage->showMessage(MessageBar::Severity::Warning,
                              tr("Offline copy from %1 (read-only); loading the current list…")
                                  .arg(QLocale().toString(m_cachedCopyFrom, QLocale::ShortFormat)));
    updateSessionState();
}

void MainWindow::createToken()
{
    if (!m_client.session() || !m_tokensPage->canCreate())
        return;
    if (m_createCommand) {
        if (TokenDialog *dialog = m_createCommand->dialog()) {
            dialog->raise();
            dialog->activateWindow();
        }
        return;
    }
    showPage(m_tokensPage);
    auto *command = new CreateTokenCommand(m_client, m_model, this);
    command->setParent(this);
    m_createCommand = command;
    track(command);
    connect(command, &CreateTokenCommand::created, this, &MainWindow::onTokenCreated);
    command->start();
}

void MainWindow::onTokenCreated(const Token &token)
{
    m_tokensPage->hideMessage();
    // A search or filter that hides the new row would make it look lost.
    if (!m_tokensPage->selectToken(token.id)) {
        m_tokensPage->resetFilters();
        m_tokensPage->selectToken(token.id);
    }
    m_tokensPage->showCreatedMessage(token.name, token.id);
}

void MainWindow::copyToken(const QString &tokenId)
{
    if (tokenId.isEmpty() || !m_client.session())
        return;
    auto *command = new CopyTokenCommand(m_client, m_clipboard, tokenId, this);
    track(command);
    connect(command, &CopyTokenCommand::failed, this, [this, tokenId](const ApiError &error) {
        const auto token = m_model.token(m_model.rowForId(tokenId));
        showActionFailure(this, tr("Copy token"),
                          tr("“%1” was not copied.").arg(token ? token->name : tokenId), error,
                          [self = QPointer(this), tokenId] {
                              if (self)
                                  self->copyToken(tokenId);
                          },
                          {});
    });
    command->start();
}

void MainWindow::editToken(const QString &tokenId)
{
    if (tokenId.isEmpty() || !m_client.session())
        return;
    if (auto *running = qobject_cast<EditTokenCommand *>(m_editCommands.value(tokenId).data())) {
        if (TokenDialog *dialog = running->dialog()) {
            dialog->raise();
            dialog->activateWindow();
        }
        return;
    }
    showPage(m_tokensPage);
    auto *command = new EditTokenCommand(m_client, m_model, tokenId, this);
    m_editCommands.insert(tokenId, command);
    track(command);
    connect(command, &QObject::destroyed, this, [this, tokenId] {
        if (!m_editCommands.value(tokenId))
            m_editCommands.remove(tokenId);
    });
    connect(command, &EditTokenCommand::failed, this, [this](const ApiError &error) {
        showStatus(tr("Could not open the token: %1").arg(error.message()));
    });
    command->start();
}

void MainWindow::rotateToken(const QString &tokenId)
{
    if (tokenId.isEmpty() || !m_client.session())
        return;
    auto *command = new RotateTokenCommand(m_client, m_model, tokenId, this);
    track(command);
    connect(command, &RotateTokenCommand::rotated, this, [this](const Token &token) {
        m_tokensPage->selectToken(token.id);
        m_tokensPage->showMessage(MessageBar::Severity::Success,
                                  tr("“%1” was rotated. Copy the new token now and update the "
                                     "integrations that use it.")
                                      .arg(token.name),
                                  token.id);
    });
    command->start();
}

void MainWindow::disableTokens(const QStringList &tokenIds)
{
    changeTokens(int(TokenAction::Disable), tokenIds);
}

void MainWindow::enableTokens(const QStringList &tokenIds)
{
    changeTokens(int(TokenAction::Enable), tokenIds);
}

void MainWindow::deleteTokens(const QStringList &tokenIds)
{
    changeTokens(int(TokenAction::Delete), tokenIds);
}

void MainWindow::changeTokens(int action, const QStringList &tokenIds)
{
    if (tokenIds.isEmpty() || !m_client.session())
        return;
    auto *command = new TokenStateCommand(m_client, m_model, TokenAction(action), tokenIds, this);
    track(command);
    connect(command, &TokenStateCommand::done, this,
            [this](const QStringList &, const QStringList &failedIds) {
                // The ones that failed stay selected, ready for another try.
                if (!failedIds.isEmpty())
                    m_tokensPage->selectTokens(failedIds);
            });
    command->start();
}

void MainWindow::setAutoRefreshInterval(std::chrono::milliseconds interval)
{
    m_autoRefreshTimer.setInterval(interval);
}

std::chrono::milliseconds MainWindow::autoRefreshInterval() const
{
    return m_autoRefreshTimer.intervalAsDuration();
}

void MainWindow::onAutoRefresh()
{
    // Only while the admin looks at the window: no traffic from a window in
    // the background, and nothing moves under a dialog being filled in.
    if (isActiveWindow() && !QApplication::activeModalWidget())
        startRefresh(false);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    // Coming back to a list older than the interval refreshes it at once.
    if (event->type() == QEvent::ActivationChange && isActiveWindow() && m_lastRefresh.isValid()
        && m_lastRefresh.msecsTo(QDateTime::currentDateTime())
            >= m_autoRefreshTimer.intervalAsDuration().count()
        && !QApplication::activeModalWidget())
        startRefresh(false);
}

void MainWindow::copySelectedToken()
{
    copyToken(m_tokensPage->selectedTokenId());
}

void MainWindow::focusSearch()
{
    showPage(m_tokensPage);
    m_tokensPage->focusSearch();
}
} // namespace ApiAccess
