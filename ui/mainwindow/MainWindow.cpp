// MainWindow: the frame (navigation, pages, status bar). Its menus, its
// session and its token work live in MainWindowMenus.cpp,
// MainWindowSession.cpp and MainWindowTokens.cpp.

#include "mainwindow/MainWindow.h"

#include "accessibility/LiveRegion.h"
#include "commands/Command.h"
#include "mainwindow/ApiTokensPage.h"
#include "mainwindow/NavigationSidebar.h"
#include "widgets/StudioIcons.h"

#include <QAction>
#include <QGuiApplication>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace ApiAccess {

namespace {

constexpr int kTimesIntervalMs = 30'000;
constexpr int kStatusMessageMs = 8'000;
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

    m_navigation = new NavigationSidebar(tr("Settings"), this);
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(u"pageStack"_s);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({m_navigation->minimumSizeHint().width(), 1000});
    splitter->setChildrenCollapsible(false);
    setCentralWidget(splitter);

    m_tokensPage = new ApiTokensPage(m_model, m_pages);
    addPage(tr("API Access"), StudioIcons::icon(StudioIcons::Symbol::Key), m_tokensPage);

    buildActions();
    buildMenus();
    buildStatusBar();

    connect(m_navigation, &NavigationSidebar::currentPageChanged, m_pages,
            &QStackedWidget::setCurrentWidget);
    connectPage();
    connect(m_tokensPage, &ApiTokensPage::createAvailable, m_createAction, &QAction::setEnabled);
    connect(&m_client, &ApiClient::busyChanged, this, &MainWindow::onBusyChanged);
    connect(&m_client, &ApiClient::sessionExpired, this, &MainWindow::sessionExpired);
    connect(&m_client, &ApiClient::sessionExpired, this, &MainWindow::onSessionExpired);
    connect(&m_clipboard, &SecretClipboard::statusTextChanged, m_clipboardLabel, &QLabel::setText);
    // The countdown ticks silently; a copy and the clearing are said aloud.
    for (const auto signal : {&SecretClipboard::copied, &SecretClipboard::cleared}) {
        connect(&m_clipboard, signal, this, [this] {
            m_clipboardLabel->setText(m_clipboard.statusText());
            LiveRegion::announce(m_clipboardLabel);
        });
    }

    m_timesTimer.setInterval(kTimesIntervalMs);
    connect(&m_timesTimer, &QTimer::timeout, &m_model, &TokenTableModel::refreshTimes);
    connect(&m_timesTimer, &QTimer::timeout, this, &MainWindow::updateRefreshStatus);
    m_timesTimer.start();
    m_autoRefreshTimer.setInterval(kAutoRefreshInterval);
    connect(&m_autoRefreshTimer, &QTimer::timeout, this, &MainWindow::onAutoRefresh);
    m_autoRefreshTimer.start();

    // Room for every column and a readable Name; never larger than the screen.
    QSize size(1280, 760);
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableSize() * 9 / 10);
    resize(size);
    updateSessionState();
    m_tokensPage->createButton()->setFocus();
}

MainWindow::~MainWindow()
{
    // Commands and views refer to the client and the model: they go first.
    const auto commands = findChildren<Command *>(Qt::FindDirectChildrenOnly);
    qDeleteAll(commands);
    delete takeCentralWidget();
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
    connect(page, &ApiTokensPage::signInRequested, this, [this] { signIn(); });
}

void MainWindow::buildStatusBar()
{
    auto label = [this](const QString &name) {
        auto *l = new QLabel(this);
        l->setObjectName(name);
        return l;
    };
    // The latest status message, announced to screen readers, until it
    // times out or the next one comes.
    m_statusMessage = label(u"statusMessage"_s);
    m_statusMessage->setTextFormat(Qt::PlainText);
    LiveRegion::mark(m_statusMessage, LiveRegion::Urgency::Polite);
    m_statusMessageTimer.setSingleShot(true);
    connect(&m_statusMessageTimer, &QTimer::timeout, m_statusMessage, &QLabel::clear);
    // The server is also the connection menu: profiles (ProfileController
    // fills in the top), Manage profiles…, Sign in… or Sign out.
    m_serverButton = new QToolButton(this);
    m_serverButton->setObjectName(u"serverStatus"_s);
    m_serverButton->setAutoRaise(true);
    m_serverButton->setPopupMode(QToolButton::InstantPopup);
    m_serverButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_serverButton->setAccessibleName(tr("Connection"));
    m_connectionMenu = new QMenu(m_serverButton);
    m_connectionMenu->setObjectName(u"connectionMenu"_s);
    m_serverButton->setMenu(m_connectionMenu);
    connect(m_connectionMenu, &QMenu::aboutToShow, this, [this] {
        m_connectionMenu->clear();
        Q_EMIT connectionMenuAboutToShow(m_connectionMenu);
        if (!m_connectionMenu->isEmpty())
            m_connectionMenu->addSeparator();
        // The one that applies: a signed-out window offers to sign in.
        m_connectionMenu->addAction(m_client.session() ? m_signOutAction : m_signInAction);
    });
    m_userLabel = label(u"userStatus"_s);
    m_refreshLabel = label(u"refreshStatus"_s);
    m_clipboardLabel = label(u"clipboardStatus"_s);
    LiveRegion::mark(m_clipboardLabel, LiveRegion::Urgency::Polite);
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(u"busyIndicator"_s);
    m_busy->setRange(0, 0); // indeterminate
    m_busy->setMaximumWidth(80);
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Working"));
    m_busy->hide();

    statusBar()->addWidget(m_statusMessage, 1);
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

void MainWindow::addPage(const QString &title, const QIcon &icon, QWidget *page)
{
    m_pages->addWidget(page);
    m_navigation->addPage(title, icon, page);
}

void MainWindow::showPage(QWidget *page)
{
    m_navigation->setCurrentPage(page);
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
    updateSessionState();
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
    m_statusMessage->setText(text);
    m_statusMessage->setToolTip(text); // the label may be narrower than a long message
    m_statusMessageTimer.start(kStatusMessageMs);
    LiveRegion::announce(m_statusMessage);
}

QString MainWindow::statusMessage() const
{
    return m_statusMessage->text();
}

} // namespace ApiAccess
