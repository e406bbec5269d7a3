#include "api/ApiClient.h"

#include <QNetworkReply>

namespace ApiAccess {

ApiCall::ApiCall(QNetworkReply *reply, QObject *parent)
    : QObject(parent)
{
    setReply(reply);
}

void ApiCall::setReply(QNetworkReply *reply)
{
    m_reply = reply;
    m_tlsErrors.clear();
#if QT_CONFIG(ssl)
    if (reply) {
        // Record what was wrong and never call ignoreSslErrors(): the
        // handshake then fails and the admin sees why (issue 4).
        connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
            for (const QSslError &error : errors)
                m_tlsErrors.append(error.errorString());
        });
    }
#endif
}

void ApiCall::abort()
{
    if (m_waitingForTrust) {
        m_aborted = true;
        // Never sent: the callback runs here, once, with Canceled.
        if (auto *client = qobject_cast<ApiClient *>(parent()))
            client->abortWaiting(this);
        return;
    }
    if (!m_reply || m_aborted || m_reply->isFinished())
        return;
    m_aborted = true;
    // Emits finished() right here; the callback runs once with Canceled.
    m_reply->abort();
}

bool ApiCall::isRunning() const
{
    return m_waitingForTrust || (m_reply && m_reply->isRunning());
}

} // namespace ApiAccess
