#pragma once

#include <QString>

#include <functional>

class QMessageBox;
class QWidget;

namespace ApiAccess {

struct ApiError;

// Explains an action that failed (rotate, disable, delete…) in a
// window-modal message box: what was tried, the server's or the network's
// reason, and Retry when trying again can help. Never exec(): the box is
// opened and deletes itself. Exactly one of the callbacks runs: `retry`
// when the admin clicks Retry, `dismissed` when the box closes otherwise.
// objectName "actionFailureBox"; the Retry button's is "retryButton".
QMessageBox *showActionFailure(QWidget *parent, const QString &title, const QString &what,
                               const ApiError &error, std::function<void()> retry,
                               std::function<void()> dismissed);
// The same for several failures: `reasons` is shown as the box's text under
// `what`; Retry is offered when `retryable`.
QMessageBox *showActionFailure(QWidget *parent, const QString &title, const QString &what,
                               const QString &reasons, bool retryable, std::function<void()> retry,
                               std::function<void()> dismissed);

} // namespace ApiAccess
