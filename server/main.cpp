#include "app/ServerApp.h"
#include "cli/AdminCommands.h"
#include "cli/MigrateCommand.h"
#include "cli/ServerCommandLine.h"
#include "common/Version.h"

#include <QCoreApplication>
#include <QFile>
#include <QLoggingCategory>
#include <QTextStream>

#include <cstdio>

using namespace ApiAccess;
using namespace ApiAccess::Server;

int main(int argc, char *argv[])
{
    // Qt Sql loads its SQLite driver as a plugin, which needs the application object.
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("apiaccess-server"));
    QCoreApplication::setApplicationVersion(version());
    // A server logs from info up; QT_LOGGING_RULES still overrides this,
    // e.g. QT_LOGGING_RULES="apiaccess.*.debug=true" when investigating.
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false"));
    qSetMessagePattern(QStringLiteral(
        "%{time yyyy-MM-ddThh:mm:ss.zzz} %{if-warning}warning %{endif}%{if-critical}error "
        "%{endif}%{category}: %{message}"));

    const ServerCommand command = parseServerCommandLine(QCoreApplication::arguments().mid(1));

    if (const auto *text = std::get_if<ShowText>(&command)) {
        std::FILE *stream = text->exitCode == 0 ? stdout : stderr;
        std::fputs(text->text.toLocal8Bit().constData(), stream);
        return text->exitCode;
    }
    if (const auto *admin = std::get_if<AdminInvocation>(&command)) {
        QTextStream out(stdout);
        QTextStream err(stderr);
        QFile input;
        if (!input.open(stdin, QIODevice::ReadOnly)) {
            err << "apiaccess-server: cannot read standard input\n";
            return 1;
        }
        return runAdminCommand(admin->arguments, admin->database, out, err, input);
    }
    if (const auto *migrate = std::get_if<MigrateInvocation>(&command)) {
        QTextStream out(stdout);
        QTextStream err(stderr);
        return runMigrate(*migrate, out, err);
    }
    return runServe(std::get<ServeOptions>(command));
}
