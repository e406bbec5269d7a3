#include "commands/CopyTokenCommand.h"

#include "api/Wipe.h"
#include "clipboard/SecretClipboard.h"

#include <QLoggingCategory>

namespace ApiAccess {

namespace {
Q_LOGGING_CATEGORY(lcCopy, "apiaccess.ui.copy")
}

CopyTokenCommand::CopyTokenCommand(ApiClient &client, SecretClipboard &clipboard, QString tokenId,
                                   QObject *parent)
    : Command(parent)
    , m_client(client)
    , m_clipboard(clipboard)
    , m_tokenId(std::move(tokenId))
{ }

void CopyTokenCommand::start()
{
    if (m_started)
        return;
    m_started = true;
    fetch();
}

void CopyTokenCommand::fetch()
{
    Q_EMIT statusMessage(tr("Copying token…"));
    m_call = m_client.fetchSecret(
        m_tokenId, this, [this](Result<QByteArray, ApiError> result) { onAnswer(result); });
}

void CopyTokenCommand::resumeRequest()
{
    fetch();
}

void CopyTokenCommand::abandonRequest()
{
    Q_EMIT statusMessage(tr("The token was not copied"));
    end(false);
}

void CopyTokenCommand::cancel()
{
    if (m_call)
        m_call->abort(); // the callback runs at once with Canceled
    else
        end(false);
}

void CopyTokenCommand::onAnswer(Result<QByteArray, ApiError> &result)
{
    m_call = nullptr;
    if (result.ok()) {
        QByteArray secret = std::move(result.value());
        m_clipboard.copySecret(secret);
        wipe(secret);
        Q_EMIT statusMessage(m_clipboard.statusText());
        end(true);
        return;
    }
    const ApiError &error = result.error();
    // The kind and status only: an error never carries the secret, but the
    // log line stays minimal on principle.
    qCDebug(lcCopy) << "copy failed:" << ApiError::kindName(error.kind) << error.httpStatus;
    if (error.kind == ApiError::Kind::Unauthorized) {
        // The window's sign-in dialog is open (ApiClient::sessionExpired).
        Q_EMIT statusMessage(tr("Sign in again to copy the token"));
        waitForSignIn();
        return;
    }
    if (error.kind != ApiError::Kind::Canceled) {
        Q_EMIT statusMessage(error.message());
        Q_EMIT failed(error);
    }
    end(false);
}

} // namespace ApiAccess
