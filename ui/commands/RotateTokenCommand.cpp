#include "commands/RotateTokenCommand.h"

#include "TokenTableModel.h"
#include "commands/ActionFailure.h"
#include "dialogs/RotateDialog.h"

#include <utility>

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
    if (!m_etag.isEmpty()) {
        rotate();
        return;
    }
    // The token's ETag first: the rotation then applies to this version
    // only, and so does any retry of it (If-Match).
    m_call = m_client.getToken(m_tokenId, this, [this](Result<TokenWithTag, ApiError> loaded) {
        m_call = nullptr;
        if (!loaded) {
            onAnswer(loaded);
            return;
        }
        m_etag = loaded.value().etag;
        m_model.upsertToken(loaded.value().token);
        rotate();
    });
}

void RotateTokenCommand::rotate()
{
    m_call = m_client.rotateToken(
        m_tokenId, m_grace, m_etag, this, [this](Result<TokenWithTag, ApiError> result) {
            m_call = nullptr;
            if (!result && result.error().kind == ApiError::Kind::Conflict) {
                onConflict(result);
                return;
            }
            // No answer, or one we cannot trust: the server may have
            // rotated all the same. A retry's 412 will then say so.
            if (!result && mayHaveHappened(result.error()))
                m_outcomeUnknown = true;
            onAnswer(result);
        });
}

bool RotateTokenCommand::mayHaveHappened(const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Server:
    case ApiError::Kind::Protocol:
        return true;
    default:
        return false;
    }
}

void RotateTokenCommand::onConflict(const Result<TokenWithTag, ApiError> &conflict)
{
    // The token is no longer the version m_etag names. After an attempt
    // whose answer was lost, that attempt did it: show the token as it is
    // now, rotated, and never rotate it a second time (that would end the
    // grace period of a secret nobody has seen). Otherwise someone else
    // changed it: the admin decides, and a Retry loads it afresh.
    const bool ourEarlierAttempt = std::exchange(m_outcomeUnknown, false);
    m_etag.clear();
    if (!ourEarlierAttempt) {
        onAnswer(conflict);
        return;
    }
    m_call = m_client.getToken(m_tokenId, this, [this](Result<TokenWithTag, ApiError> result) {
        m_call = nullptr;
        onAnswer(result);
    });
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
    // The command waits for the admin's answer: Retry sends the same
    // rotation, for the same version of the token.
    showActionFailure(
        m_parentWindow, tr("Rotate API token"), tr("“%1” was not rotated.").arg(m_name), error,
        [self = QPointer(this)] {
            if (self)
                self->send();
        },
        [self = QPointer(this)] {
            if (self)
                self->end(false);
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
