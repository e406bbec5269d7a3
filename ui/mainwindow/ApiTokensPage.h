#pragma once

#include "wire/Token.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

class QAction;
class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QTableView;

namespace ApiAccess {

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
// follows the selection. The same actions make the actions menu, opened by
// a row's "⋯", a right-click, the Menu key or Shift+F10.
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

    // The message bar above the table: `text`, a "Copy token" button that
    // emits copyRequested(copyTokenId) when that is not empty, and a close
    // button.
    void showMessage(const QString &text, const QString &copyTokenId = {});
    // The list could not be loaded: `text` and "Retry", which emits
    // refreshRequested().
    void showRefreshFailure(const QString &text);
    // An offline copy: every action that needs the server is disabled
    // (Create too); searching, sorting and filtering still work.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }
    // Hides the message bar if it shows a refresh failure (not otherwise).
    void clearRefreshFailure();
    // "Token “name” created. Copy it now…" with "Copy token".
    void showCreatedMessage(const QString &name, const QString &id);
    void hideMessage();
    QFrame *messageBar() const { return m_messageBar; }

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
    void openMenuAt(const QModelIndex &index, const QPoint &globalPos);
    void openMenuForCurrent();
    void noteTopRow();
    void rememberTopRow();
    void restoreTopRow();

    TokenTableModel &m_model;
    TokenFilterProxyModel *m_proxy = nullptr;
    TokenRowDelegate *m_delegate = nullptr;
    QPushButton *m_create = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QComboBox *m_levelFilter = nullptr;
    QTableView *m_view = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_copy = nullptr;
    QAction *m_rotate = nullptr;
    QAction *m_disable = nullptr;
    QAction *m_enable = nullptr;
    QAction *m_delete = nullptr;
    QFrame *m_messageBar = nullptr;
    QLabel *m_messageText = nullptr;
    QPushButton *m_messageCopy = nullptr;
    QPushButton *m_messageRetry = nullptr;
    bool m_readOnly = false;
    QString m_messageTokenId;
    // The token at the top of the viewport while rows come and go, so a
    // refresh does not move what the admin is looking at.
    QString m_topTokenId;
    bool m_atTop = false;
};

} // namespace ApiAccess
