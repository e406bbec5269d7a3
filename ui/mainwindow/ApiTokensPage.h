#pragma once

#include "widgets/MessageBar.h"
#include "wire/Token.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace ApiAccess {

class StatePlaceholder;
class TokenColumnSizer;
class TokenFilterProxyModel;
class TokenRowDelegate;
class TokenTableModel;

// The "API Tokens" page (PRODUCT.md §7): title, one line of explanation,
// the primary "Create API token" button, the search field with the status
// and access level filters, and the table. A thin view: it asks for actions
// with signals and the main window runs the commands.
//
// The row actions (Edit…, Copy token, Rotate…, Disable…, Enable…, Delete…)
// are QActions of the page with shortcuts in the page and its children
// (Ctrl+C in the search field still copies its text). Their enabled state
// follows the selection, and the ones that act on several tokens say how
// many ("Delete 3 tokens…"). The same actions make the actions menu, opened
// by a row's "⋯", a right-click, the Menu key or Shift+F10.
//
// The table is never a blank area without a word (ApiTokensPageStates.cpp):
// signed out, loading, failed, no tokens yet and no match each have a
// placeholder that says so and offers what to do; a line under the search
// says when a search or filter hides tokens; rows that a failed refresh
// left behind are dimmed and marked out of date.
class ApiTokensPage : public QWidget
{
    Q_OBJECT

public:
    explicit ApiTokensPage(TokenTableModel &model, QWidget *parent = nullptr);
    ~ApiTokensPage() override;

    QTableView *tokensView() const { return m_view; }
    QLineEdit *searchEdit() const { return m_search; }
    QComboBox *statusFilter() const { return m_statusFilter; }
    QComboBox *accessLevelFilter() const { return m_levelFilter; }
    QPushButton *createButton() const { return m_create; }
    TokenFilterProxyModel *proxyModel() const { return m_proxy; }
    TokenRowDelegate *rowDelegate() const { return m_delegate; }
    TokenColumnSizer *columnSizer() const { return m_sizer; }
    StatePlaceholder *placeholder() const { return m_placeholder; }
    // "Showing 3 of 11 tokens" while a search or filter hides some.
    QLabel *filterSummary() const { return m_filterSummary; }
    QPushButton *clearFiltersButton() const { return m_clearFilters; }

    // Exactly one token selected: Edit… (F2, Enter), Copy token (Ctrl+C),
    // Rotate…. At least one selected token that is not disabled: Disable….
    // At least one disabled: Enable…. At least one: Delete… (Del).
    QAction *editAction() const { return m_edit; }
    QAction *copyAction() const { return m_copy; }
    QAction *rotateAction() const { return m_rotate; }
    QAction *disableAction() const { return m_disable; }
    QAction *enableAction() const { return m_enable; }
    QAction *deleteAction() const { return m_delete; }
    // The row actions menu. Opened with popup(), never exec(): it is
    // visible (QApplication::activePopupWidget()) while it is open.
    QMenu *actionsMenu() const { return m_menu; }

    // The token of the current row if it is selected, else the first
    // selected one in view order, else empty.
    QString selectedTokenId() const;
    // The selected tokens' ids in view order.
    QStringList selectedTokenIds() const;
    // Selects only the row of that token, makes it current and scrolls to
    // it; false if not shown (filtered out, or not in the model).
    bool selectToken(const QString &id);
    // Selects the rows of those of `ids` that are shown (and only those),
    // makes the first of them current and scrolls to it.
    void selectTokens(const QStringList &ids);
    void focusSearch();

    // The message bar above the table: `text` with `severity`, and a "Copy
    // token" button that emits copyRequested(copyTokenId) when that is not
    // empty.
    void showMessage(MessageBar::Severity severity, const QString &text,
                     const QString &copyTokenId = {});
    // The list could not be loaded: `text` and "Retry", which emits
    // refreshRequested(). Rows already shown stay, dimmed and marked out of
    // date, and every action that needs the server waits for a refresh.
    void showRefreshFailure(const QString &text);
    // A refresh succeeded: the list is the server's, the failure and the
    // out-of-date mark go.
    void listLoaded();
    void clearRefreshFailure();
    bool isStale() const { return m_stale; }
    // An offline copy: every action that needs the server is disabled
    // (Create too); searching, sorting and filtering still work.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }
    // Create API token: signed in, on the server's own list (not an offline
    // copy, not rows a failed refresh left behind). createAvailable() says
    // when this changes.
    bool canCreate() const { return m_signedIn && !m_readOnly && !m_stale; }
    // Copy token, by any of its ways (Ctrl+C, the row's button, the menu,
    // the message bar): one rule for all of them.
    bool canCopy() const;
    // Without a session there is nothing to load or act on: Create and
    // Refresh are disabled and an empty list says "You are signed out".
    void setSignedIn(bool signedIn);
    // A list request is on its way (an empty list says "Loading tokens…").
    void setLoading(bool loading);
    // The search and both filters back to "everything" (a new profile).
    void resetFilters();
    bool hasActiveFilters() const;
    // "Token “name” created. Copy it now…" with "Copy token".
    void showCreatedMessage(const QString &name, const QString &id);
    void hideMessage();
    MessageBar *messageBar() const { return m_messageBar; }

Q_SIGNALS:
    void createRequested();
    void copyRequested(const QString &tokenId);
    void refreshRequested();
    void editRequested(const QString &tokenId);
    void rotateRequested(const QString &tokenId);
    // Disable…: the selected tokens that are not disabled, `enabled` false.
    // Enable…: the selected disabled tokens, `enabled` true.
    void setEnabledRequested(const QStringList &tokenIds, bool enabled);
    void deleteRequested(const QStringList &tokenIds);
    void signInRequested();
    void createAvailable(bool available);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildToolbar();
    void buildView();
    void buildActions();
    void buildMessageBar();
    QList<Token> selectedTokens() const;
    void updateActions();
    void onSetEnabled(bool enabled);
    void onFiltersChanged();
    void onCopyFromMessage();
    void onPlaceholderButton();
    // ApiTokensPageStates.cpp: which of the table and the placeholders
    // shows, and the filter line.
    void updateListState();
    void updateFilterSummary();
    QString filterDescription() const;
    void openMenuAt(const QModelIndex &index, const QPoint &globalPos);
    void openMenuForCurrent();
    void noteTopRow();
    void rememberTopRow();
    void restoreTopRow();

    TokenTableModel &m_model;
    TokenFilterProxyModel *m_proxy = nullptr;
    TokenRowDelegate *m_delegate = nullptr;
    TokenColumnSizer *m_sizer = nullptr;
    QPushButton *m_create = nullptr;
    QToolButton *m_refresh = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QComboBox *m_levelFilter = nullptr;
    QTableView *m_view = nullptr;
    QStackedWidget *m_listStack = nullptr; // the table or the placeholder
    StatePlaceholder *m_placeholder = nullptr;
    QLabel *m_filterSummary = nullptr;
    QPushButton *m_clearFilters = nullptr;
    QWidget *m_filterLine = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_copy = nullptr;
    QAction *m_rotate = nullptr;
    QAction *m_disable = nullptr;
    QAction *m_enable = nullptr;
    QAction *m_delete = nullptr;
    MessageBar *m_messageBar = nullptr;
    QPushButton *m_messageCopy = nullptr;
    QPushButton *m_messageRetry = nullptr;
    bool m_readOnly = false;
    bool m_signedIn = false;
    bool m_loading = false;
    bool m_stale = false;
    bool m_everLoaded = false; // a list (or the offline copy) was shown
    QString m_failure; // the last refresh failure, while it stands
    enum class PlaceholderAction { None, SignIn, Create, ClearFilters, Retry };
    PlaceholderAction m_placeholderAction = PlaceholderAction::None;
    QString m_messageTokenId;
    // The token at the top of the viewport while rows come and go, so a
    // refresh does not move what the admin is looking at.
    QString m_topTokenId;
    bool m_atTop = false;
};

} // namespace ApiAccess
