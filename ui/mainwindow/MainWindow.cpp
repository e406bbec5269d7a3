#include "mainwindow/MainWindow.h"

#include "commands/CopyTokenCommand.h"
#include "commands/CreateTokenCommand.h"
#include "commands/SignInCommand.h"
#include "dialogs/TokenDialog.h"
#include "mainwindow/ApiTokensPage.h"
#include "sandbox/SandboxLauncher.h"

#include <QAction>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTreeWidget>

#include <utility>

using namespace Qt::StringLiterals;

namespace ApiAccess {

namespace {

constexpr int kPageRole = Qt::UserRole + 1; // QWidget* of the page, on leaf items
constexpr int kTimesIntervalMs = 30'000;
constexpr int kStatusMessageMs = 5'000;

QString hostPort(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return {};
    const int port = url.port(url.scheme() == u"https"_s ? 443 : 80);
    const QString host = url.host().contains(u':') ? u'[' + url.host() + u']' : url.host();
    return host + u':' + QString::number(port);
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("API Access"));

    m_navigation = new QTreeWidget(this);
    m_navigation->setObjectName(u"navigationTree"_s);
    m_navigation->setAccessibleName(tr("Navigation"));
    m_navigation->setHeaderHidden(true);
    m_navigation->setRootIsDecorated(false);
    m_navigation->setMinimumWidth(160);

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(u"pageStack"_s);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({180, 900});
    splitter->setChildrenCollapsible(false);
    setCentralWidget(splitter);

    m_tokensPage = new ApiTokensPage(m_model, m_pages);
    addPage(tr("Settings"), tr("API Access"), m_tokensPage);

    buildActions();
    buildStatusBar();

    connect(m_navigation, &QTreeWidget::currentItemChanged, this, &MainWindow::onNavigationChanged);
    connect(m_tokensPage, &ApiTokensPage::createRequested, this, &MainWindow::createToken);
    connect(m_tokensPage, &ApiTokensPage::copyRequested, this, &MainWindow::copyToken);
    connect(m_tokensPage, &ApiTokensPage::refreshRequested, this, &MainWindow::refresh);
    connect(&m_client, &ApiClient::busyChanged, this, &MainWindow::onBusyChanged);
    connect(&m_client, &ApiClient::sessionExpired, this, &MainWindow::sessionExpired);
    connect(&m_client, &ApiClient::sessionExpired, this, &MainWindow::onSessionExpired);
    connect(&m_clipboard, &SecretClipboard::statusTextChanged, m_clipboardLabel, &QLabel::setText);

    m_timesTimer.setInterval(kTimesIntervalMs);
    connect(&m_timesTimer, &QTimer::timeout, &m_model, &TokenTableModel::refreshTimes);
    connect(&m_timesTimer, &QTimer::timeout, this, &MainWindow::updateRefreshStatus);
    m_timesTimer.start();

    resize(1180, 700);
    m_tokensPage->createButton()->setFocus();
}

MainWindow::~MainWindow()
{
    // Commands and views refer to the client and the model: they go first.
    const auto commands = findChildren<Command *>(Qt::FindDirectChildrenOnly);
    qDeleteAll(commands);
    delete takeCentralWidget();
}

void MainWindow::buildActions()
{
    auto addAction = [this](const QString &name, const QString &text, const QKeySequence &keys) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WindowShortcut);
        QMainWindow::addAction(action);
        return action;
    };
    connect(addAction(u"createAction"_s, tr("Create API token"), QKeySequence::New),
            &QAction::triggered, this, &MainWindow::createToken);
    connect(addAction(u"findAction"_s, tr("Search tokens"), QKeySequence::Find),
            &QAction::triggered, this, &MainWindow::focusSearch);
    connect(addAction(u"refreshAction"_s, tr("Refresh"), QKeySequence(Qt::Key_F5)),
            &QAction::triggered, this, &MainWindow::refresh);
}

void MainWindow::buildStatusBar()
{
    auto label = [this](const QString &name) {
        auto *l = new QLabel(this);
        l->setObjectName(name);
        return l;
    };
    m_serverLabel = label(u"serverStatus"_s);
    m_userLabel = label(u"userStatus"_s);
    m_refreshLabel = label(u"refreshStatus"_s);
    m_clipboardLabel = label(u"clipboardStatus"_s);
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(u"busyIndicator"_s);
    m_busy->setRange(0, 0); // indeterminate
    m_busy->setMaximumWidth(80);
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Working"));
    m_busy->hide();

    statusBar()->addPermanentWidget(m_clipboardLabel);
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->addPermanentWidget(m_refreshLabel);
    statusBar()->addPermanentWidget(m_userLabel);
    statusBar()->addPermanentWidget(m_serverLabel);
    updateServerStatus();
    updateRefreshStatus();
}

QString MainWindow::windowTitleFor(const QUrl &server)
{
    const QString where = hostPort(server);
    return where.isEmpty() ? tr("API Access") : tr("API Access — %1").arg(where);
}

void MainWindow::setServerUrl(const QUrl &url)
{
    m_client.setServerUrl(url);
    updateServerStatus();
}

void MainWindow::setSession(const Session &session)
{
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
    setSession(session); // the list is refreshed in any case
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
    else
        command->resumeAfterSignIn();
}

QTreeWidgetItem *MainWindow::addPage(const QString &group, const QString &title, QWidget *page)
{
    QTreeWidgetItem *groupItem = nullptr;
    for (int i = 0; i < m_navigation->topLevelItemCount(); ++i) {
        if (m_navigation->topLevelItem(i)->text(0) == group)
            groupItem = m_navigation->topLevelItem(i);
    }
    if (!groupItem) {
        groupItem = new QTreeWidgetItem(m_navigation, {group});
        groupItem->setFlags(Qt::ItemIsEnabled); // a heading, not a page
        QFont bold = groupItem->font(0);
        bold.setBold(true);
        groupItem->setFont(0, bold);
    }
    auto *item = new QTreeWidgetItem(groupItem, {title});
    item->setData(0, kPageRole, QVariant::fromValue(static_cast<QObject *>(page)));
    groupItem->setExpanded(true);
    m_pages->addWidget(page);
    if (!m_navigation->currentItem())
        m_navigation->setCurrentItem(item);
    return item;
}

void MainWindow::onNavigationChanged(QTreeWidgetItem *current)
{
    auto *page =
        current ? qobject_cast<QWidget *>(current->data(0, kPageRole).value<QObject *>()) : nullptr;
    if (page)
        m_pages->setCurrentWidget(page);
}

void MainWindow::showPage(QWidget *page)
{
    QTreeWidgetItemIterator it(m_navigation);
    for (; *it; ++it) {
        if ((*it)->data(0, kPageRole).value<QObject *>() == page) {
            m_navigation->setCurrentItem(*it);
            return;
        }
    }
}

QWidget *MainWindow::currentPage() const
{
    return m_pages->currentWidget();
}

bool MainWindow::isRefreshing() const
{
    return m_listCall && m_listCall->isRunning();
}

void MainWindow::refresh()
{
    if (!m_client.session() || isRefreshing())
        return;
    const QString loading = tr("Loading tokens…");
    showStatus(loading);
    m_listCall =
        m_client.listAllTokens(this, [this, loading](Result<QList<Token>, ApiError> result) {
            if (!result) {
                const QString message = result.error().message();
                showStatus(tr("Could not load the tokens: %1").arg(message));
                Q_EMIT refreshFailed(message);
                return;
            }
            m_model.setTokens(result.value());
            m_lastRefresh = QDateTime::currentDateTime();
            updateRefreshStatus();
            if (statusBar()->currentMessage() == loading)
                statusBar()->clearMessage(); // and nothing said meanwhile
            Q_EMIT tokensLoaded();
        });
}

void MainWindow::track(Command *command)
{
    connect(command, &Command::statusMessage, this, &MainWindow::showStatus);
    connect(command, &Command::waitingForSignIn, this,
            [this, command] { onCommandWaitingForSignIn(command); });
}

void MainWindow::createToken()
{
    if (!m_client.session())
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
    // A search that hides the new row would make the create look lost.
    if (!m_tokensPage->selectToken(token.id)) {
        m_tokensPage->searchEdit()->clear();
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
    connect(command, &CopyTokenCommand::failed, this, [this](const ApiError &error) {
        showStatus(tr("Could not copy the token: %1").arg(error.message()));
    });
    command->start();
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

void MainWindow::onBusyChanged(bool busy)
{
    m_busy->setVisible(busy);
}

void MainWindow::updateServerStatus()
{
    const QUrl server = m_client.serverUrl();
    setWindowTitle(windowTitleFor(server));
    const QString where = hostPort(server);
    m_serverLabel->setText(where.isEmpty() ? tr("Not connected") : tr("Server: %1").arg(where));
    const auto session = m_client.session();
    m_userLabel->setText(session ? tr("User: %1").arg(session->username) : QString());
    m_userLabel->setVisible(session.has_value());
}

void MainWindow::updateRefreshStatus()
{
    m_refreshLabel->setText(
        m_lastRefresh.isValid()
            ? tr("Last refresh: %1")
                  .arg(QLocale().toString(m_lastRefresh.time(), QLocale::ShortFormat))
            : tr("Not refreshed yet"));
}

void MainWindow::showStatus(const QString &text)
{
    // The clipboard's countdown has its own permanent label.
    if (text == m_clipboardLabel->text())
        return;
    statusBar()->showMessage(text, kStatusMessageMs);
}

} // namespace ApiAccess
