#include "ProcessScan.h"

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

namespace ApiAccess::Testing {

QList<qint64> processesMentioning(const QString &needle)
{
    QList<qint64> pids;
    const auto entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile cmdline(u"/proc/"_s + entry + u"/cmdline"_s);
        if (!cmdline.open(QIODevice::ReadOnly))
            continue;
        QByteArray text = cmdline.readAll();
        text.replace('\0', ' ');
        if (QString::fromLocal8Bit(text).contains(needle))
            pids.append(pid);
    }
    return pids;
}

} // namespace ApiAccess::Testing
