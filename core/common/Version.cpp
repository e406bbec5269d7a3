#include "common/Version.h"

#include "apiaccess_version.h"

namespace ApiAccess {

QString version()
{
    return QString::fromLatin1(kVersion);
}

QString productToken(const QString &program)
{
    return program + u'/' + version();
}

} // namespace ApiAccess
