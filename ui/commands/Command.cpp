#include "commands/Command.h"

namespace ApiAccess {

void Command::end(bool success)
{
    if (m_ended)
        return;
    m_ended = true;
    aboutToEnd(success);
    if (success)
        Q_EMIT finished();
    else
        Q_EMIT canceled();
    deleteLater();
}

void Command::waitForSignIn()
{
    m_waitingForSignIn = true;
    Q_EMIT waitingForSignIn();
}

void Command::resumeAfterSignIn()
{
    if (!m_waitingForSignIn || m_ended)
        return;
    m_waitingForSignIn = false;
    resumeRequest();
}

void Command::abandonAfterSignIn()
{
    if (!m_waitingForSignIn || m_ended)
        return;
    m_waitingForSignIn = false;
    abandonRequest();
}

} // namespace ApiAccess
