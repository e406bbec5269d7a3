#include "commands/CreateTokenCommand.h"

#include "TokenTableModel.h"
#include "api/ApiClient.h"
#include "dialogs/TokenDialog.h"

#include <QLoggingCategory>

namespace ApiAccess {

namespace {
Q_LOGGING_CATEGORY(lcCreate, "apiaccess.ui.create")
}

CreateTokenCommand::CreateTokenCommand(ApiClient &client, TokenTableModel &model,
                                       QWidget *parentWindow)
    : Command(parentWindow)
    , m_client(client)
    , m_model(model)
    , m_parentWindow(parentWindow)
{ }

CreateTokenCommand::~CreateTokenCommand()
{
    // The dialog is the context of the request: deleting it drops the
    // callback, so nothing reaches a command that is gone.
    delete m_dialog.data();
}

TokenDialog *CreateTokenCommand::dialog() const
{
    return m_dialog;
}

void CreateTokenCommand::start()
{
    if (m_dialog)
        return;
    m_dialog = new TokenDialog(TokenDialog::Mode::Create, m_parentWindow);
    connect(m_dialog, &TokenDialog::submitRequested, this, &CreateTokenCommand::send);
    connect(m_dialog, &TokenDialog::retryRequested, this, [this] { send(m_dialog->value()); });
    connect(m_dialog, &TokenDialog::cancelRequested, this, &CreateTokenCommand::cancelRequest);
    connect(m_dialog, &QDialog::rejected, this, &CreateTokenCommand::onRejected);
    // Window-modal and asynchronous: never exec(), which would nest an event loop.
    m_dialog->open();
}

void CreateTokenCommand::send(const TokenCreateInput &input)
{
    if (!m_dialog || m_call)
        return;
    m_dialog->setBusy(true);
    Q_EMIT statusMessage(tr("Creating token…"));
    m_call = m_client.createToken(
        input, m_dialog, [this](Result<TokenWithTag, ApiError> result) { onAnswer(result); });
}

void CreateTokenCommand::cancelRequest()
{
    if (m_call) {
        m_call->abort(); // the callback runs at once with Canceled
        return;
    }
    if (m_dialog)
        m_dialog->setBusy(false);
}

void CreateTokenCommand::onAnswer(const Result<TokenWithTag, ApiError> &result)
{
    m_call = nullptr;
    if (!m_dialog)
        return;
    if (result.ok()) {
        const Token &token = result.value().token;
        m_model.upsertToken(token);
        Q_EMIT statusMessage(tr("Token “%1” created").arg(token.name));
        Q_EMIT created(token);
        m_dialog->accept();
        end(true);
        return;
    }
    const ApiError &error = result.error();
    qCDebug(lcCreate) << "create failed:" << ApiError::kindName(error.kind) << error.httpStatus;
    switch (error.kind) {
    case ApiError::Kind::Canceled:
        m_dialog->setBusy(false);
        Q_EMIT statusMessage(tr("Creating the token was canceled"));
        break;
    case ApiError::Kind::Validation:
        m_dialog->showFieldErrors(error.fieldErrors);
        break;
    case ApiError::Kind::Unauthorized:
        // ApiClient has emitted sessionExpired: the window's sign-in dialog
        // opens over this one and resumes this command once signed in.
        m_dialog->showError(
            tr("Your session has ended. Sign in again and the token will be created."), true);
        waitForSignIn();
        break;
    default:
        m_dialog->showError(error.message(), error.isRetryable());
        break;
    }
}

void CreateTokenCommand::resumeRequest()
{
    // What the dialog shows now, which is what the admin asked for; if it
    // was edited into something invalid meanwhile, the admin decides.
    if (!m_dialog || m_call || m_dialog->isBusy())
        return;
    if (!m_dialog->isInputValid()) {
        m_dialog->clearError();
        return;
    }
    m_dialog->clearError();
    send(m_dialog->value());
}

void CreateTokenCommand::abandonRequest()
{
    if (m_dialog && !m_call)
        m_dialog->showError(tr("The token was not created. Click Retry to try again."), true);
}

void CreateTokenCommand::onRejected()
{
    if (m_call)
        m_call->abort();
    end(false);
}

void CreateTokenCommand::aboutToEnd(bool)
{
    if (m_dialog)
        m_dialog->deleteLater();
}
} // namespace ApiAccess
