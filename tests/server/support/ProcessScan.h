#pragma once

#include <QList>
#include <QString>

namespace ApiAccess::Testing {

// Processes whose command line mentions `needle` (a sandbox's private data
// dir: the server and its admin helpers). Linux only (/proc), as is CI.
QList<qint64> processesMentioning(const QString &needle);

} // namespace ApiAccess::Testing
