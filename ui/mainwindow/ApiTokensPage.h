#pragma once

#include <QString>
#include <QWidget>

class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace ApiAccess {

class CopyButtonDelegate;
class TokenFilterProxyModel;
class TokenTableModel;

// The "API Tokens" page (PRODUCT.md §7): title, one line of explanation,
// the primary "Create API token" button, the search field and the table.
// A thin view: it asks for actions with signals and the main window runs
// the commands.
class ApiTokensPage : public QWidget
{
    Q_OBJECT

public:
    explicit ApiTokensPage(TokenTableModel &model, QWidget *parent = nullptr);
    ~ApiTokensPage() override;

    QTableView *tokensView() const { return m_view; }
    QLineEdit *searchEdit() const { return m_search; }
    QPushButton *createButton() const { return m_create; }
    TokenFilterProxyModel *proxyModel() const { return m_proxy; }
    CopyButtonDelegate *copyDelegate() const { return m_delegate; }

    // The token of the current row, or empty.
    QString selectedTokenId() const;
    // Selects the row of that token and scrolls to it; false if not shown
    // (filtered out, or not in the model).
    bool selectToken(const QString &id);
    void focusSearch();

    // The message bar after a successful create: "Copy token" emits
    // copyRequested(id).
    void showCreatedMessage(const QString &name, const QString &id);
    void hideMessage();
    QFrame *messageBar() const { return m_messageBar; }

Q_SIGNALS:
    void createRequested();
    void copyRequested(const QString &tokenId);
    void refreshRequested();

private:
    void buildMessageBar();
    void onCopyFromMessage();

    TokenTableModel &m_model;
    TokenFilterProxyModel *m_proxy = nullptr;
    CopyButtonDelegate *m_delegate = nullptr;
    QPushButton *m_create = nullptr;
    QLineEdit *m_search = nullptr;
    QTableView *m_view = nullptr;
    QFrame *m_messageBar = nullptr;
    QLabel *m_messageText = nullptr;
    QString m_messageTokenId;
};

} // namespace ApiAccess
