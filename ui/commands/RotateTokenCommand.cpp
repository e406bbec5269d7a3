#include "commands/RotateTokenCommand.h"

#include "TokenTableModel.h"
#include "commands/ActionFailure.h"
#include "dialogs/RotateDialog.h"

namespace ApiAccess {

RotateTokenCommand::RotateTokenCommand(ApiClient &client, TokenTableModel &model, QString tokenId,
                                       QWidget *parentWindow)
    : Command(parentWindow)
    , m_client(client)
    , m_model(model)
    , m_tokenId(std::move(tokenId))
    , m_parentWindow(parentWindow)
{
    if (const auto token = m_model.token(m_model.rowForId(m_tokenId))) {
        m_name = token->name;
        m_updatedAtBefore = token->updatedAt;
    }
}

RotateTokenCommand::~RotateTokenCommand()
{
    delete m_dialog.data();
}

RotateDialog *RotateTokenCommand::dialog() const
{
    return m_dialog;
}

void RotateTokenCommand::start()
{
    if (m_dialog || m_name.isEmpty()) {
        if (m_name.isEmpty())
            end(false); // not in the list (any more)
        return;
    }
    m_dialog = new RotateDialog(m_name, m_parentWindow);
    connect(m_dialog, &RotateDialog::confirmed, this, [this](std::optional<int> grace) {
        m_grace = grace;
        send();
    });
    connect(m_dialog, &QDialog::rejected, this, [this] { end(false); });
    m_dialog->open();
}

void RotateTokenCommand::send()
{
    if (m_call)
        return;
    m_model.setOperation(m_tokenId, tr("Rotating…"));
    Q_EMIT statusMessage(tr("Rotating “%1”…").arg(m_name));
    m_call =
        m_client.rotateToken(m_tokenId, m_grace, this,
                             [this](Result<TokenWithTag, ApiError> result) { onAnswer(result); });
}

void RotateTokenCommand::onAnswer(const Result<TokenWithTag, ApiError> &result)
{
    m_call = nullptr;
    m_model.clearOperation(m_tokenId);
    if (result.ok()) {
        const Token &token = result.value().token;
        m_model.upsertToken(token);
        Q_EMIT statusMessage(tr("Token “%1” rotated").arg(token.name));
        Q_EMIT rotated(token);
        end(true);
        return;
    }
    const ApiError &error = result.error();
    if (error.kind == ApiError::Kind::Unauthorized) {
        Q_EMIT statusMessage(tr("Sign in again to rotate the token"));
        waitForSignIn();
        return;
    }
    if (error.kind == ApiError::Kind::NotFound)
        m_model.removeToken(m_tokenId);
    if (error.kind == ApiError::Kind::Canceled) {
        end(false);
        return;
    }
    // The command waits for the admin's answer: Retry sends the same rotation.
    showActionFailure(
        m_parentWindow, tr("Rotate API token"), tr("“%1” was not rotated.").arg(m_name), error,
        [self = QPointer(this)] {
            if (self)
                self->retry();
        },
        [self = QPointer(this)] {
            if (self)
                self->end(false);
        });
}

void RotateTokenCommand::retry()
{
    // A rotation whose answer was lost may have happened: rotating again
    // would replace the previous secret kept for the grace period with one
    // nobody ever saw. Look first.
    m_model.setOperation(m_tokenId, tr("Rotating…"));
    m_call = m_client.getToken(m_tokenId, this, [this](Result<TokenWithTag, ApiError> result) {
        m_call = nullptr;
        if (result && result.value().token.updatedAt == m_updatedAtBefore) {
            send();
            return;
        }
        onAnswer(result); // it went through (same as a rotate answer), or a failure
    });
}

void RotateTokenCommand::resumeRequest()
{
    send();
}

void RotateTokenCommand::abandonRequest()
{
    Q_EMIT statusMessage(tr("The token was not rotated"));
    end(false);
}

} // namespace ApiAccess
