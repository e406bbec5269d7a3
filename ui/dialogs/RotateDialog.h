#pragma once

#include <QDateTime>
#include <QDialog>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QPushButton;

namespace ApiAccess {

// "Rotate API token": confirms a rotation (new secret, same id and
// permissions) and asks how long the previous secret stays valid, so that
// integrations can move to the new token without downtime (PRODUCT.md §4).
// Like every dialog here it only collects the answer; the RotateTokenCommand
// that owns it does the request.
class RotateDialog : public QDialog
{
    Q_OBJECT

public:
    // Window-modal to `parent`; deletes itself when closed. Call open().
    RotateDialog(const QString &tokenName, QWidget *parent);
    ~RotateDialog() override;

    // nullopt = the previous secret stops working at once.
    std::optional<int> previousSecretValidForSeconds() const;
    QPushButton *confirmButton() const; // objectName "confirmButton", text "Rotate"
    QPushButton *cancelButton() const; // objectName "cancelButton"

    // Where "now" comes from for the "until …" line; UTC.
    void setClock(std::function<QDateTime()> clock);

    // The grace periods offered; the server accepts 0..2592000 seconds.
    static constexpr int kOneHour = 3600;
    static constexpr int kOneDay = 86400;
    static constexpr int kOneWeek = 604800;

Q_SIGNALS:
    // Rotate was clicked, just before the dialog closes.
    void confirmed(std::optional<int> previousSecretValidForSeconds);

private:
    void onConfirm();
    void refreshGraceExplanation();

    QComboBox *m_grace = nullptr;
    QLabel *m_graceExplanation = nullptr;
    QPushButton *m_confirm = nullptr;
    QPushButton *m_cancel = nullptr;
    std::function<QDateTime()> m_clock;
};

} // namespace ApiAccess
