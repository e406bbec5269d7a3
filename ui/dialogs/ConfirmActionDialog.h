#pragma once

#include <QMessageBox>
#include <QPointer>
#include <QStringList>

class QPushButton;

namespace ApiAccess {

// The state changes an admin confirms before they happen (PRODUCT.md §2).
enum class TokenAction { Disable, Enable, Delete };

// "Disable “RSS reader”?": the confirmation in front of Disable, Enable and
// Delete. It names the tokens, says what happens to the integrations using
// them, and its button repeats the verb. For Delete, which cannot be undone,
// Cancel is the default so that Enter alone never deletes.
//
// The owner connects confirmed() and calls open(); never exec(), which
// would block the window behind it.
class ConfirmActionDialog : public QMessageBox
{
    Q_OBJECT

public:
    // `names`: the display names of the tokens concerned (1 or more).
    // Window-modal to `parent`, deletes itself when closed.
    static ConfirmActionDialog *create(TokenAction action, const QStringList &names,
                                       QWidget *parent);
    ~ConfirmActionDialog() override;

    TokenAction action() const { return m_action; }
    QPushButton *confirmButton() const; // objectName "confirmButton"
    QPushButton *cancelButton() const; // objectName "cancelButton"

    // How many names the text lists before "and N more".
    static constexpr int kMaxNamesListed = 10;

Q_SIGNALS:
    // The verb button was clicked; never on Cancel, Escape or closing.
    void confirmed();

private:
    ConfirmActionDialog(TokenAction action, const QStringList &names, QWidget *parent);
    static QString verb(TokenAction action);
    static QString title(TokenAction action, qsizetype count);
    static QString question(TokenAction action, const QStringList &names);
    static QString consequence(TokenAction action, qsizetype count);
    void onButtonClicked(QAbstractButton *button);

    TokenAction m_action;
    QPointer<QPushButton> m_confirm;
    QPointer<QPushButton> m_cancel;
};

} // namespace ApiAccess
