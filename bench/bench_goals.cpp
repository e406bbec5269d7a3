#include "bench_goals.h"

#include <QFile>

namespace ApiAccess::Bench {

void recordGoal(const QString &figure, const QString &measured, const QString &goal, bool met)
{
    const QString path = qEnvironmentVariable("APIACCESS_BENCH_GOALS");
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
        return;
    const QString line = QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                             .arg(figure, measured, goal,
                                  met ? QStringLiteral("met") : QStringLiteral("**not met**"));
    file.write(line.toUtf8());
}

} // namespace ApiAccess::Bench
