#pragma once

#include "TokenTableModel.h"
#include "api/ApiClient.h"
#include "clipboard/SecretClipboard.h"

#include <QDateTime>
#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <optional>

class QAction;
class QLabel;
class QMenu;
class QToolButton;
class QProgressBar;
class QStackedWidget;

namespace ApiAccess {

class ApiTokensPage;
class Command;
class NavigationSidebar;
class SandboxLauncher;
class SignInCommand;
class CreateTokenCommand;

// The Studio's window (PRODUCT.md §7): a menu bar (File, Tokens, Help; on
// macOS Quit and About go to the application menu), the "Settings" sidebar
// on the left (API Access; later pages such as an audit log join with
// addPage()), the page on the right, and a status bar with the last status
// message, server, user, last refresh, a busy indicator and the clipboard
// countdown. Status messages are announced to assistive technology.
//
// It owns the API client, the secret clipboard and the token model, and
// turns the page's requests into command objects (STYLE.md, Kleopatra).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    ApiClient &client() { return m_client; }
    SecretClipboard &secretClipboard() { return m_clipboard; }
    TokenTableModel &tokenModel() { return m_model; }
    ApiTokensPage *tokensPage() const { return m_tokensPage; }
    NavigationSidebar *navigation() const { return m_navigation; }
    QMenu *connectionMenu() const { return m_connectionMenu; }
    QAction *signInAction() const { return m_signInAction; }
    QAction *signOutAction() const { return m_signOutAction; }
    QAction *createAction() const { return m_createAction; }
    QAction *refreshAction() const { return m_refreshAction; }
    QAction *quitAction() const { return m_quitAction; }
    QAction *shortcutsAction() const { return m_shortcutsAction; }
    QAction *aboutAction() const { return m_aboutAction; }
    // The text of the status bar's message (empty once it timed out).
    QString statusMessage() const;

    // The server the window talks to (title and status bar) before a session exists.
    void setServerUrl(const QUrl &url);
    // Uses `session` for every call from now on and loads the token list.
    void setSession(const Session &session);
    // The application's sandbox, offered by the sign-in dialog (may be null).
    void setSandbox(SandboxLauncher *sandbox);
    // Opens the sign-in dialog (SignInCommand), prefilled with `username`
    // and the current server; `reason` is shown above the fields.
    void signIn(const QString &username = {}, const QString &reason = {});

    // Adds `page` to the sidebar's list under "Settings".
    void addPage(const QString &title, const QIcon &icon, QWidget *page);
    void showPage(QWidget *page);
    QWidget *currentPage() const;

    QDateTime lastRefresh() const { return m_lastRefresh; }
    bool isRefreshing() const;

    // "API Access — host:port"
    static QString windowTitleFor(const QUrl &server);

    // Whether the sign-in dialog's "Keep me signed in" starts checked.
    void setKeepSignedInDefault(bool keep) { m_keepSignedInDefault = keep; }

    // Shows `tokens` from the offline cache at once, as a read-only copy
    // saved at `savedAt`, until a refresh succeeds; if it fails, the copy
    // stays with a banner and Retry.
    void showCachedTokens(const QList<Token> &tokens, const QDateTime &savedAt);
    bool isShowingCachedCopy() const { return m_cachedCopyFrom.isValid(); }

    // The automatic refresh runs while the window is active (default 60 s).
    void setAutoRefreshInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds autoRefreshInterval() const;

public Q_SLOTS:
    void refresh();
    void showShortcuts();
    void showAbout();
    void createToken();
    void copyToken(const QString &tokenId);
    void copySelectedToken();
    void focusSearch();
    void editToken(const QString &tokenId);
    void rotateToken(const QString &tokenId);
    void disableTokens(const QStringList &tokenIds);
    void enableTokens(const QStringList &tokenIds);
    void deleteTokens(const QStringList &tokenIds);
    // Ends the session on the server and here; the list is cleared and the
    // sign-in dialog opens.
    void signOut();
    // Forgets the session here only (switching profiles: a kept session
    // stays valid) and clears the list.
    void closeSession();

Q_SIGNALS:
    // A refresh finished and the model holds the server's list.
    void tokensLoaded();
    void refreshFailed(const QString &message);
    // The server answered 401; the window opens the sign-in dialog itself.
    void sessionExpired();
    // The admin signed in through the sign-in dialog (not the sandbox).
    void signedIn(const ApiAccess::Session &session, bool keepSignedIn);
    // Sign out ended the session (on the server when it could be reached).
    void signedOut(const ApiAccess::Session &session);
    // The status bar's connection menu opens: add the profiles to `menu`
    // (Sign out follows at the end).
    void connectionMenuAboutToShow(QMenu *menu);
    // The File menu opens: ProfileController adds "Manage profiles…".
    void fileMenuAboutToShow(QMenu *menu);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildActions();
    void buildMenus();
    void connectPage();
    void onAutoRefresh();
    // `asked`: by the admin (F5, Retry, a new session), which is announced.
    void startRefresh(bool asked);
    void startFullList(bool asked);
    void startChangesRefresh(bool asked);
    void onRefreshFailed(const ApiError &error);
    void onListCurrent(bool asked);
    void changeTokens(int action, const QStringList &tokenIds);
    void buildStatusBar();
    void onBusyChanged(bool busy);
    void onTokenCreated(const Token &token);
    void updateServerStatus();
    // What needs a session follows it: Create, Refresh, Sign in/out, the page.
    void updateSessionState();
    void updateRefreshStatus();
    void showStatus(const QString &text);
    void track(Command *command);
    void onSessionExpired();
    void onSignedIn(const Session &session);
    void onSignInCanceled();
    void onCommandWaitingForSignIn(Command *command);

    ApiClient m_client;
    SecretClipboard m_clipboard;
    TokenTableModel m_model;

    NavigationSidebar *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    ApiTokensPage *m_tokensPage = nullptr;

    QAction *m_createAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_signInAction = nullptr;
    QAction *m_signOutAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
    QMenu *m_fileMenu = nullptr;

    QLabel *m_statusMessage = nullptr;
    QTimer m_statusMessageTimer;
    QToolButton *m_serverButton = nullptr;
    QMenu *m_connectionMenu = nullptr;
    QLabel *m_userLabel = nullptr;
    QLabel *m_refreshLabel = nullptr;
    QLabel *m_clipboardLabel = nullptr;
    QProgressBar *m_busy = nullptr;

    QPointer<ApiCall> m_listCall;
    QDateTime m_lastRefresh;
    // Where the server's change feed stands for the list on screen; empty
    // until a full list of this session arrived (then a refresh asks only
    // for what changed).
    QString m_changesCursor;
    QTimer m_timesTimer; // keeps "3 minutes ago" true
    QTimer m_autoRefreshTimer;
    QHash<QString, QPointer<Command>> m_editCommands; // one Edit per token
    QPointer<CreateTokenCommand> m_createCommand;
    QPointer<SignInCommand> m_signInCommand;
    QPointer<SandboxLauncher> m_sandbox;

    // After a 401: who was signed in, and the commands that wait to be
    // resumed once the admin has signed in again as that user on that server.
    struct Account
    {
        QUrl server;
        QString username;
    };
    std::optional<Account> m_expiredAccount;
    QList<QPointer<Command>> m_waitingForSignIn;
    bool m_keepSignedInDefault = false;
    bool m_lastSignInKeptAccount = true; // the last sign-in was as the same user, same server
    QDateTime m_cachedCopyFrom; // valid while the list is the offline copy
};

} // namespace ApiAccess
