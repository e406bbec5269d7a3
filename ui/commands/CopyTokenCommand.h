#pragma once

#include "api/ApiClient.h"
#include "commands/Command.h"

#include <QPointer>
#include <QString>

namespace ApiAccess {

class SecretClipboard;

// Copy token: fetches the secret just in time (GET /api/v1/tokens/{id}/secret),
// hands it to the SecretClipboard, and wipes its own copy. Never keeps it.
// Ends with finished(), or with failed(error) and then canceled(). After a
// 401 it waits for the window to sign in again (waitingForSignIn()), then
// copies (resumeAfterSignIn()) or ends with canceled() (abandonAfterSignIn()).
class CopyTokenCommand : public Command
{
    Q_OBJECT

public:
    CopyTokenCommand(ApiClient &client, SecretClipboard &clipboard, QString tokenId,
                     QObject *parent = nullptr);
    void start() override;
    // Stops the request; ends with canceled() (no failed()).
    void cancel();

Q_SIGNALS:
    void failed(const ApiAccess::ApiError &error);

private:
    void resumeRequest() override;
    void abandonRequest() override;
    void fetch();
    void onAnswer(Result<QByteArray, ApiError> &result);

    ApiClient &m_client;
    SecretClipboard &m_clipboard;
    QString m_tokenId;
    QPointer<ApiCall> m_call;
    bool m_started = false;
};

} // namespace ApiAccess
