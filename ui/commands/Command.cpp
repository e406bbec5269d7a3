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

} // namespace ApiAccess
