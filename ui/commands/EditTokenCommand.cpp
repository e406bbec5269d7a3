#include "commands/EditTokenCommand.h"

#include "TokenTableModel.h"
#include "dialogs/ConflictDialog.h"
#include "dialogs/TokenDialog.h"

#include <QLoggingCategory>

#include <utility>

namespace ApiAccess {

namespace {
Q_LOGGING_CATEGORY(lcEdit, "apiaccess.ui.edit")
}

EditTokenCommand::EditTokenCommand(ApiClient &client, TokenTableModel &model, QString tokenId,
                                   QWidget *parentWindow)
    : Command(parentWindow)
    , m_client(client)
    , m_model(model)
    , m_tokenId(std::move(tokenId))
    , m_parentWindow(parentWindow)
{ }

EditTokenCommand::~EditTokenCommand()
{
    // The dialogs are the contexts of the requests: deleting them drops
    // the callbacks, so nothing reaches a command that is gone.
    delete m_conflict.data();
    delete m_dialog.data();
}

TokenDialog *EditTokenCommand::dialog() const
{
    return m_dialog;
}

ConflictDialog *EditTokenCommand::conflictDialog() const
{
    return m_conflict;
}

void EditTokenCommand::start()
{
    if (m_pending != Pending::Nothing || m_dialog)
        return;
    // The list has no ETags and may be a minute old: edit what the server has now.
    m_pending = Pending::Load;
    Q_EMIT statusMessage(tr("Loading the token…"));
    m_call = m_client.getToken(m_tokenId, this,
                               [this](Result<TokenWithTag, ApiError> result) { onLoaded(result); });
}

void EditTokenCommand::onLoaded(const Result<TokenWithTag, ApiError> &result)
{
    m_call = nullptr;
    m_pending = Pending::Nothing;
    if (result.ok()) {
        m_model.upsertToken(result.value().token);
        openDialog(result.value());
        return;
    }
    const ApiError &error = result.error();
    if (error.kind == ApiError::Kind::Unauthorized) {
        m_pending = Pending::Load;
        waitForSignIn();
        return;
    }
    if (error.kind == ApiError::Kind::NotFound)
        m_model.removeToken(m_tokenId);
    Q_EMIT statusMessage(tr("Could not open the token: %1").arg(error.message()));
    Q_EMIT failed(error);
    end(false);
}

void EditTokenCommand::openDialog(const TokenWithTag &loaded)
{
    m_original = loaded.token;
    m_etag = loaded.etag;
    m_dialog = new TokenDialog(TokenDialog::Mode::Edit, m_parentWindow);
    m_dialog->setToken(loaded.token);
    connect(m_dialog, &TokenDialog::submitRequested, this, [this] { save(m_dialog->changes()); });
    // Retry sends what the dialog shows now: the admin may have edited
    // after the failure.
    connect(m_dialog, &TokenDialog::retryRequested, this, [this] { save(currentInput()); });
    connect(m_dialog, &TokenDialog::cancelRequested, this, &EditTokenCommand::cancelRequest);
    connect(m_dialog, &QDialog::rejected, this, [this] {
        if (m_call)
            m_call->abort();
        end(false);
    });
    Q_EMIT statusMessage(QString());
    m_dialog->open(); // window-modal; never exec()
}

TokenUpdateInput EditTokenCommand::currentInput() const
{
    return m_overwriting ? m_dialog->fullUpdate() : m_dialog->changes();
}

void EditTokenCommand::save(const TokenUpdateInput &input)
{
    if (!m_dialog || m_call)
        return;
    m_dialog->setBusy(true);
    m_model.setOperation(m_tokenId, tr("Saving…"));
    m_marked = true;
    Q_EMIT statusMessage(tr("Saving the token…"));
    m_call =
        m_client.updateToken(m_tokenId, input, m_etag, m_dialog,
                             [this](Result<TokenWithTag, ApiError> result) { onSaved(result); });
}

void EditTokenCommand::onSaved(const Result<TokenWithTag, ApiError> &result)
{
    m_call = nullptr;
    unmark();
    if (!m_dialog)
        return;
    if (result.ok()) {
        const Token &token = result.value().token;
        m_model.upsertToken(token);
        Q_EMIT statusMessage(tr("Token “%1” saved").arg(token.name));
        Q_EMIT saved(token);
        m_dialog->accept();
        end(true);
        return;
    }
    const ApiError &error = result.error();
    qCDebug(lcEdit) << "save failed:" << ApiError::kindName(error.kind) << error.httpStatus;
    switch (error.kind) {
    case ApiError::Kind::Canceled:
        m_dialog->setBusy(false);
        Q_EMIT statusMessage(tr("Saving the token was canceled"));
        break;
    case ApiError::Kind::Conflict:
        onConflict();
        break;
    case ApiError::Kind::Validation:
        m_dialog->showFieldErrors(error.fieldErrors);
        break;
    case ApiError::Kind::NotFound:
        m_model.removeToken(m_tokenId);
        m_dialog->showError(tr("This token no longer exists: someone deleted it."), false);
        break;
    case ApiError::Kind::Unauthorized:
        m_dialog->showError(
            tr("Your session has ended. Sign in again and your changes will be saved."), true);
        m_pending = Pending::Save;
        waitForSignIn();
        break;
    default:
        m_dialog->showError(error.message(), error.isRetryable());
        break;
    }
}

void EditTokenCommand::onConflict()
{
    // What is on the server now, to show the admin what changed.
    m_dialog->setBusy(true);
    Q_EMIT statusMessage(tr("Someone else changed the token; loading their version…"));
    m_call = m_client.getToken(m_tokenId, m_dialog, [this](Result<TokenWithTag, ApiError> result) {
        m_call = nullptr;
        if (!m_dialog)
            return;
        if (!result) {
            if (result.error().kind == ApiError::Kind::NotFound) {
                m_model.removeToken(m_tokenId);
                m_dialog->showError(tr("This token no longer exists: someone deleted it."), false);
                return;
            }
            m_dialog->showError(result.error().message(), result.error().isRetryable());
            return;
        }
        m_dialog->setBusy(false);
        m_model.upsertToken(result.value().token);
        showConflict(result.value());
    });
}

void EditTokenCommand::showConflict(const TokenWithTag &theirs)
{
    if (!m_original)
        return;
    delete m_conflict.data();
    m_conflict = new ConflictDialog(*m_original, theirs.token, m_dialog->changes(), m_dialog);
    connect(m_conflict, &ConflictDialog::reloadRequested, this, [this, theirs] {
        m_overwriting = false;
        m_original = theirs.token;
        m_etag = theirs.etag;
        m_dialog->reloadToken(theirs.token);
        Q_EMIT statusMessage(tr("Showing the current version of “%1”").arg(theirs.token.name));
    });
    connect(m_conflict, &ConflictDialog::overwriteRequested, this, [this, theirs] {
        // The admin's version as a whole, against the version they have now seen.
        m_original = theirs.token;
        m_etag = theirs.etag;
        m_overwriting = true;
        save(m_dialog->fullUpdate());
    });
    m_conflict->open();
}

void EditTokenCommand::resumeRequest()
{
    const Pending pending = std::exchange(m_pending, Pending::Nothing);
    if (pending == Pending::Load) {
        start();
    } else if (pending == Pending::Save && m_dialog) {
        m_dialog->clearError();
        save(currentInput());
    }
}

void EditTokenCommand::abandonRequest()
{
    const Pending pending = std::exchange(m_pending, Pending::Nothing);
    if (pending == Pending::Load || !m_dialog) {
        Q_EMIT statusMessage(tr("The token was not opened"));
        end(false);
        return;
    }
    m_dialog->showError(tr("Your changes were not saved. Click Retry to try again."), true);
}

void EditTokenCommand::cancelRequest()
{
    if (m_call) {
        m_call->abort(); // the callback runs at once with Canceled
        return;
    }
    if (m_dialog)
        m_dialog->setBusy(false);
}

void EditTokenCommand::unmark()
{
    if (std::exchange(m_marked, false))
        m_model.clearOperation(m_tokenId);
}

void EditTokenCommand::aboutToEnd(bool)
{
    unmark(); // only its own mark: another command may be at work on the row
    if (m_dialog)
        m_dialog->deleteLater();
}
} // namespace ApiAccess
