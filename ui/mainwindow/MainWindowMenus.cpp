// MainWindow's menu bar and the actions behind it: File (Sign in…, Sign
// out, Quit), Tokens (Create, the selected tokens' actions, Search,
// Refresh) and Help (Keyboard shortcuts, About). On macOS Qt moves Quit
// and About into the application menu by their roles.

#include "dialogs/AboutDialog.h"
#include "dialogs/ShortcutsDialog.h"
#include "mainwindow/ApiTokensPage.h"
#include "mainwindow/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>

using namespace Qt::StringLiterals;

namespace ApiAccess {

namespace {

// QKeySequence::Quit is empty on Windows, where Alt+F4 closes the window;
// Ctrl+Q is what the admin will try there too.
QKeySequence quitKeys()
{
    const QKeySequence platform(QKeySequence::Quit);
    return platform.isEmpty() ? QKeySequence(Qt::CTRL | Qt::Key_Q) : platform;
}

} // namespace

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
    m_createAction = addAction(u"createAction"_s, tr("Create API token…"), QKeySequence::New);
    m_findAction = addAction(u"findAction"_s, tr("Search tokens"), QKeySequence::Find);
    m_refreshAction = addAction(u"refreshAction"_s, tr("Refresh"), QKeySequence(Qt::Key_F5));
    m_signInAction = addAction(u"signInAction"_s, tr("Sign in…"), {});
    m_signOutAction = addAction(u"signOutAction"_s, tr("Sign out"), {});
    m_quitAction = addAction(u"quitAction"_s, tr("Quit"), quitKeys());
    m_quitAction->setMenuRole(QAction::QuitRole);
    m_shortcutsAction =
        addAction(u"shortcutsAction"_s, tr("Keyboard shortcuts"), QKeySequence::HelpContents);
    m_aboutAction = addAction(u"aboutAction"_s, tr("About API Access Studio"), {});
    m_aboutAction->setMenuRole(QAction::AboutRole);
    m_aboutQtAction = addAction(u"aboutQtAction"_s, tr("About Qt"), {});
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);

    connect(m_createAction, &QAction::triggered, this, &MainWindow::createToken);
    connect(m_findAction, &QAction::triggered, this, &MainWindow::focusSearch);
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refresh);
    connect(m_signInAction, &QAction::triggered, this, [this] { signIn(); });
    connect(m_signOutAction, &QAction::triggered, this, &MainWindow::signOut);
    // Closing the windows is the one way out: app/ stops the sandbox first.
    connect(m_quitAction, &QAction::triggered, this, [] { QApplication::closeAllWindows(); });
    connect(m_shortcutsAction, &QAction::triggered, this, &MainWindow::showShortcuts);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::buildMenus()
{
    QMenuBar *bar = menuBar();
    m_fileMenu = bar->addMenu(tr("&File"));
    m_fileMenu->setObjectName(u"fileMenu"_s);
    connect(m_fileMenu, &QMenu::aboutToShow, this, [this] {
        m_fileMenu->clear();
        m_fileMenu->addAction(m_client.session() ? m_signOutAction : m_signInAction);
        Q_EMIT fileMenuAboutToShow(m_fileMenu);
        m_fileMenu->addSeparator();
        m_fileMenu->addAction(m_quitAction);
    });
    // Filled once so that the menu bar knows its roles (macOS) before the
    // menu is first opened.
    m_fileMenu->addActions({m_signInAction, m_signOutAction});
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);

    QMenu *tokens = bar->addMenu(tr("&Tokens"));
    tokens->setObjectName(u"tokensMenu"_s);
    tokens->addAction(m_createAction);
    tokens->addSeparator();
    ApiTokensPage *page = m_tokensPage;
    tokens->addActions({page->editAction(), page->copyAction(), page->rotateAction()});
    tokens->addSeparator();
    tokens->addActions({page->disableAction(), page->enableAction()});
    tokens->addSeparator();
    tokens->addAction(page->deleteAction());
    tokens->addSeparator();
    tokens->addActions({m_findAction, m_refreshAction});

    QMenu *help = bar->addMenu(tr("&Help"));
    help->setObjectName(u"helpMenu"_s);
    help->addAction(m_shortcutsAction);
    help->addSeparator();
    help->addActions({m_aboutAction, m_aboutQtAction});
}

void MainWindow::updateSessionState()
{
    const auto session = m_client.session();
    const bool signedIn = session.has_value();
    m_signInAction->setEnabled(!signedIn);
    m_signInAction->setVisible(!signedIn);
    // The sandbox's session ends with the sandbox.
    m_signOutAction->setEnabled(signedIn && !session->sandbox);
    m_signOutAction->setVisible(signedIn);
    m_createAction->setEnabled(m_tokensPage->canCreate());
    m_refreshAction->setEnabled(signedIn);
    m_tokensPage->setSignedIn(signedIn);
}

void MainWindow::showShortcuts()
{
    auto *dialog = new ShortcutsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->addGroup(
        tr("Window"),
        {m_createAction, m_findAction, m_refreshAction, m_shortcutsAction, m_quitAction});
    // Fixed names for the page's actions: their texts count the selection
    // ("Delete 3 tokens…").
    const ApiTokensPage *page = m_tokensPage;
    const auto keysOf = [](const QAction *action) {
        return action->shortcut();
    };
    dialog->addKeys(tr("Selected tokens"),
                    {{keysOf(page->editAction()), tr("Edit…")},
                     {QKeySequence(Qt::Key_Return), tr("Edit…")},
                     {keysOf(page->copyAction()), tr("Copy token")},
                     {keysOf(page->deleteAction()), tr("Delete…")},
                     {QKeySequence(Qt::Key_Menu), tr("Open the actions menu")},
                     {QKeySequence(Qt::SHIFT | Qt::Key_F10), tr("Open the actions menu")}});
    dialog->open();
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace ApiAccess
