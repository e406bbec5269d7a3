#pragma once

#include "dialogs/ExpiryFeedback.h"
#include "dialogs/IpRangesFeedback.h"
#include "wire/FieldError.h"
#include "wire/Token.h"
#include "wire/TokenInput.h"

#include <QDateTime>
#include <QDialog>
#include <QList>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QLabel;
class QPushButton;

namespace ApiAccess {

class ContentFit;

namespace Ui {
class TokenDialog;
}

// "Create API token" and "Edit API token" (PRODUCT.md §7). The dialog only
// collects a TokenCreateInput and validates it with the server's own rules
// (TokenNames, IpAllowList); the command object that owns it does the
// network call. The flow, from the owner's side:
//
//   submitRequested(input) -> setBusy(true), send the request
//   cancelRequested()      -> abort the request, setBusy(false); dialog stays
//   success                -> accept()
//   422                    -> showFieldErrors(errors)
//   other failure          -> showError(message, retryable)
//   retryRequested()       -> setBusy(true), send value() again
//
// The dialog never closes itself on Create and never clears what was typed.
class TokenDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { Create, Edit };

    explicit TokenDialog(QWidget *parent = nullptr);
    explicit TokenDialog(Mode mode, QWidget *parent = nullptr);
    ~TokenDialog() override;

    Mode mode() const { return m_mode; }

    // Prefills every field from an existing token (for Edit); the Advanced
    // section opens if the token has ranges or an expiry, so nothing set is
    // hidden. An expiry shows as "On a date…" with its local date.
    void setToken(const Token &token);
    // After a conflict, "Reload": `token` replaces the fields and becomes
    // what changes() compares with; the admin's edits and every error go.
    void reloadToken(const Token &token);

    // Where "now" comes from (UTC); QDateTime::currentDateTimeUtc by
    // default. Re-checks the expiry against the new time, but leaves the
    // date picker's minimum alone: it never moves the admin's date.
    void setClock(std::function<QDateTime()> clock);

    // What the admin entered: the name normalized as the server will store
    // it, the chosen level, the ranges in canonical form, the expiry in UTC
    // (nullopt = never; "In N days" counts from now to the second, a date
    // ends at 23:59:59 local time; in Edit an untouched expiry is the
    // token's own). Meaningful when isInputValid(); otherwise the name is
    // just trimmed and the invalid ranges are left out.
    TokenCreateInput value() const;
    // For Edit: only what differs from the token given to setToken()
    // ("expiresAt": null when the admin chose Never for a token that had
    // an expiry). Empty while nothing changed, and Save is disabled then.
    TokenUpdateInput changes() const;
    // For "Overwrite" after a conflict: every field as the dialog shows it,
    // whatever the server has now. The one exception is an untouched
    // expiry that has already passed: the server refuses a past expiresAt,
    // so it is left out rather than make the save fail.
    TokenUpdateInput fullUpdate() const;
    bool isInputValid() const;

    bool isBusy() const { return m_busy; }
    // Locks every input and the Create button and shows the busy indicator;
    // while busy, Escape, Cancel and closing the window emit
    // cancelRequested() instead of closing. Focus returns where it was.
    void setBusy(bool busy);

    // A 422's errors, each under its field: "name", "accessLevel",
    // "expiresAt", "allowedIpRanges" and "allowedIpRanges[i]" (i counts the ranges sent,
    // reported on the line where the admin typed that range). Anything
    // else goes to the error bar. Ends the busy state; an error stays until
    // its field is edited.
    void showFieldErrors(const QList<FieldError> &errors);
    // A failure that is not about one field (network, server). Ends the busy
    // state; with `retryable` the bar offers Retry.
    void showError(const QString &message, bool retryable);
    void clearError();

    void reject() override;

Q_SIGNALS:
    void submitRequested(const ApiAccess::TokenCreateInput &input);
    void retryRequested();
    void cancelRequested();

private:
    void populateAccessLevels();
    void onNameEdited();
    void onAccessLevelChanged();
    void onRangesEdited();
    void populateExpiryChoices();
    void onExpiryEdited();
    void showExpiry(const std::optional<QDateTime> &expiresAt);
    ExpiryFeedback::Choice expiryChoice() const;
    void refreshExpiryFeedback();
    QDateTime now() const;
    void onSubmit();
    void onRetry();
    void refreshNameFeedback();
    void refreshRangesFeedback();
    bool canSubmit() const;
    void updateButtons();
    QPushButton *createButton() const;
    // Shows `text` under `field` (hidden when empty) and makes it the
    // field's accessible description, so a screen reader reads the
    // feedback whenever the field has focus.
    static void setFeedback(QLabel *label, QWidget *field, const QString &text);

    std::unique_ptr<Ui::TokenDialog> m_ui;
    Mode m_mode;
    IpRangesFeedback m_ranges;
    ExpiryFeedback m_expiry;
    std::function<QDateTime()> m_clock;
    bool m_expiryDatePicked = false; // the date edit holds a date worth keeping
    std::optional<Token> m_original;
    QString m_nameServerError;
    bool m_nameTouched = false;
    bool m_fillingIn = false; // setToken() writes the name, the admin did not
    ContentFit *m_fit = nullptr;
    QPushButton *m_retryButton = nullptr; // in the error bar
    bool m_busy = false;
    QPointer<QWidget> m_focusBeforeBusy;
};

} // namespace ApiAccess
