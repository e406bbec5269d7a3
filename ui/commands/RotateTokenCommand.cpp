#include "commands/RotateTokenCommand.h"

#include "TokenTableModel.h"
#include "api/ProblemMapping.h"
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
        if (loaded.value().etag.isEmpty()) {
            // Without it a retry could rotate a second time.
            onAnswer(fail(ProblemMapping::protocolError(tr("the token came without an ETag"))));
            return;
        }
        m_etag = loaded.value().etag;
        m_before = loaded.value().token;
        m_model.upsertToken(m_before);
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

bool RotateTokenCommand::sameSettings(const Token &a, const Token &b)
{
    return a.name == b.name && a.accessLevel == b.accessLevel
        && a.allowedIpRanges == b.allowedIpRanges && a.expiresAt == b.expiresAt
        && (a.status == TokenStatus::Disabled) == (b.status == TokenStatus::Disabled);
}

void RotateTokenCommand::onConflict(const Result<TokenWithTag, ApiError> &conflict)
{
    // The token is no longer the version m_etag names: someone changed it,
    // or an attempt of ours whose answer was lost rotated it.
    if (!m_outcomeUnknown) {
        m_etag.clear(); // someone else: a Retry loads the token afresh
        onAnswer(conflict);
        return;
    }
    // A rotation changes no setting. Until the token has been looked at,
    // m_etag stays: a Retry (or a resume after signing in) asks again with
    // the same If-Match and can never rotate a second time, which would end
    // the grace period of a secret nobody has seen.
    m_call =
        m_client.getToken(m_tokenId, this, [this, conflict](Result<TokenWithTag, ApiError> now) {
            m_call = nullptr;
            if (!now) {
                onAnswer(now);
                return;
            }
            m_outcomeUnknown = false;
            m_etag.clear();
            if (!sameSettings(now.value().token, m_before)) {
                m_model.upsertToken(now.value().token);
                onAnswer(conflict); // someone else changed it: the admin decides
                return;
            }
            onAnswer(now); // our earlier attempt did it
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
    // rotation, for the same version of the token; after an answer that
    // did not come (or could not be read) it is the way to find out.
    const QString what = m_outcomeUnknown ? tr("“%1” may not have been rotated.").arg(m_name)
                                          : tr("“%1” was not rotated.").arg(m_name);
    const bool retryable = error.isRetryable() || m_outcomeUnknown
        || error.kind == ApiError::Kind::Conflict; // Retry loads the token afresh
    showActionFailure(
        m_parentWindow, tr("Rotate API token"), what, error.message(), retryable,
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
