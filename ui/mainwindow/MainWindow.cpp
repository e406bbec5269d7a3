// MainWindow: the frame (navigation, pages, status bar). Its session and its
// token work live in MainWindowSession.cpp and MainWindowTokens.cpp.

#include "mainwindow/MainWindow.h"

#include "commands/Command.h"
#include "mainwindow/ApiTokensPage.h"

#include <QAction>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolButton>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace ApiAccess {

namespace {

constexpr int kPageRole = Qt::UserRole + 1; // QWidget* of the page, on leaf items
constexpr int kTimesIntervalMs = 30'000;
constexpr int kStatusMessageMs = 5'000;
constexpr std::chrono::seconds kAutoRefreshInterval{60};

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
    connectPage();
    connect(&m_client, &ApiClient::busyChanged, this, &MainWindow::onBusyChanged);
    connect(&m_client, &ApiClient::sessionExpired, this, &MainWindow::sessionExpired);
    connect(&m_client, &ApiClient::sessionExpired, this, &MainWindow::onSessionExpired);
    connect(&m_clipboard, &SecretClipboard::statusTextChanged, m_clipboardLabel, &QLabel::setText);

    m_timesTimer.setInterval(kTimesIntervalMs);
    connect(&m_timesTimer, &QTimer::timeout, &m_model, &TokenTableModel::refreshTimes);
    connect(&m_timesTimer, &QTimer::timeout, this, &MainWindow::updateRefreshStatus);
    m_timesTimer.start();
    m_autoRefreshTimer.setInterval(kAutoRefreshInterval);
    connect(&m_autoRefreshTimer, &QTimer::timeout, this, &MainWindow::onAutoRefresh);
    m_autoRefreshTimer.start();

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

void MainWindow::connectPage()
{
    ApiTokensPage *page = m_tokensPage;
    connect(page, &ApiTokensPage::createRequested, this, &MainWindow::createToken);
    connect(page, &ApiTokensPage::copyRequested, this, &MainWindow::copyToken);
    connect(page, &ApiTokensPage::refreshRequested, this, &MainWindow::refresh);
    connect(page, &ApiTokensPage::editRequested, this, &MainWindow::editToken);
    connect(page, &ApiTokensPage::rotateRequested, this, &MainWindow::rotateToken);
    connect(page, &ApiTokensPage::setEnabledRequested, this,
            [this](const QStringList &ids, bool enabled) {
                if (enabled)
                    enableTokens(ids);
                else
                    disableTokens(ids);
            });
    connect(page, &ApiTokensPage::deleteRequested, this, &MainWindow::deleteTokens);
}

void MainWindow::buildStatusBar()
{
    auto label = [this](const QString &name) {
        auto *l = new QLabel(this);
        l->setObjectName(name);
        return l;
    };
    // The server is also the connection menu: profiles (ProfileController
    // fills in the top), Manage profiles…, Sign out.
    m_serverButton = new QToolButton(this);
    m_serverButton->setObjectName(u"serverStatus"_s);
    m_serverButton->setAutoRaise(true);
    m_serverButton->setPopupMode(QToolButton::InstantPopup);
    m_serverButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_serverButton->setAccessibleName(tr("Connection"));
    m_connectionMenu = new QMenu(m_serverButton);
    m_connectionMenu->setObjectName(u"connectionMenu"_s);
    m_serverButton->setMenu(m_connectionMenu);
    m_signOutAction = new QAction(tr("Sign out"), this);
    m_signOutAction->setObjectName(u"signOutAction"_s);
    connect(m_signOutAction, &QAction::triggered, this, &MainWindow::signOut);
    connect(m_connectionMenu, &QMenu::aboutToShow, this, [this] {
        m_connectionMenu->clear();
        Q_EMIT connectionMenuAboutToShow(m_connectionMenu);
        if (!m_connectionMenu->isEmpty())
            m_connectionMenu->addSeparator();
        m_connectionMenu->addAction(m_signOutAction);
    });
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
    statusBar()->addPermanentWidget(m_serverButton);
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

void MainWindow::onBusyChanged(bool busy)
{
    m_busy->setVisible(busy);
}

void MainWindow::updateServerStatus()
{
    const QUrl server = m_client.serverUrl();
    setWindowTitle(windowTitleFor(server));
    const QString where = hostPort(server);
    m_serverButton->setText(where.isEmpty() ? tr("Not connected") : tr("Server: %1").arg(where));
    const auto session = m_client.session();
    m_userLabel->setText(session ? tr("User: %1").arg(session->username) : QString());
    m_userLabel->setVisible(session.has_value());
    m_signOutAction->setEnabled(session.has_value() && !session->sandbox);
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
