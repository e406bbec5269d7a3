// apiaccess-studio: parse the command line and wire the layers; nothing else.

#include "common/Version.h"
#include "keychain/SessionKeychain.h"
#include "mainwindow/MainWindow.h"
#include "profiles/ProfileStore.h"
#include "sandbox/SandboxLauncher.h"
#include "session/ProfileController.h"
#include "startup/StudioCommandLine.h"
#include "startup/StudioStartup.h"

#include <QApplication>
#include <QByteArrayView>
#include <QTextStream>
#include <QTimer>

#include <memory>

using namespace ApiAccess;
using namespace Qt::StringLiterals;

namespace {

// Longer than SandboxLauncher's SIGTERM grace, after which it kills the server.
constexpr int kQuitNetMs = 15'000;

// --help and --version work without a display, so they get a core application.
bool printsTextOnly(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "-h" || arg == "-?" || arg == "--help" || arg == "-v" || arg == "--version")
            return true;
    }
    return false;
}

void printError(const QString &message)
{
    QTextStream(stderr) << "apiaccess-studio: " << message << Qt::endl;
}

// Ends the Studio with `code` once the sandbox server, if one runs, has
// stopped: stop() sends SIGTERM and escalates to SIGKILL by itself, so the
// window never waits. The timer is a net should stopped() never come.
void quitAfterSandbox(SandboxLauncher &sandbox, int code)
{
    if (sandbox.state() == SandboxLauncher::State::Idle) {
        QCoreApplication::exit(code);
        return;
    }
    QObject::connect(&sandbox, &SandboxLauncher::stopped, &sandbox,
                     [code] { QCoreApplication::exit(code); });
    QTimer::singleShot(kQuitNetMs, &sandbox, [code] { QCoreApplication::exit(code); });
    sandbox.stop();
}

} // namespace

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> app = printsTextOnly(argc, argv)
        ? std::make_unique<QCoreApplication>(argc, argv)
        : std::make_unique<QApplication>(argc, argv);
    // Where QSettings (profiles) and the cache live: ~/.config/apiaccess/,
    // ~/.cache/apiaccess/apiaccess-studio/ on Linux.
    QCoreApplication::setOrganizationName(u"apiaccess"_s);
    QCoreApplication::setApplicationName(u"apiaccess-studio"_s);
    QCoreApplication::setApplicationVersion(version());

    const StudioCommandLine::Parsed parsed =
        StudioCommandLine::parse(QCoreApplication::arguments());
    switch (parsed.action) {
    case StudioCommandLine::Action::ShowHelp:
        QTextStream(stdout) << parsed.text;
        return 0;
    case StudioCommandLine::Action::ShowVersion:
        QTextStream(stdout) << productToken(u"apiaccess-studio"_s) << Qt::endl;
        return 0;
    case StudioCommandLine::Action::Fail:
        printError(parsed.text);
        return 2;
    case StudioCommandLine::Action::Run:
        break;
    }
    if (!qobject_cast<QApplication *>(app.get())) {
        printError(QCoreApplication::translate("main", "--help and --version go alone."));
        return 2;
    }
    QApplication::setApplicationDisplayName(
        QCoreApplication::translate("main", "API Access Studio"));

    // Declared before the window so that it outlives it. Closing the last
    // window stops the sandbox server first and quits when it has exited.
    SandboxLauncher sandbox;
    MainWindow window;
    QApplication::setQuitOnLastWindowClosed(false);
    QObject::connect(qApp, &QGuiApplication::lastWindowClosed, &sandbox,
                     [&sandbox] { quitAfterSandbox(sandbox, 0); });

    ProfileStore profiles;
    SessionKeychain keychain;
    ProfileController profileController(window, profiles, keychain);

    StudioStartup startup(window, sandbox, parsed.options);
    if (!parsed.options.sandbox)
        startup.setProfileController(&profileController);
    QObject::connect(&startup, &StudioStartup::problem, &printError);
    QObject::connect(&startup, &StudioStartup::screenshotSaved,
                     [](const QString &path) { QTextStream(stdout) << path << Qt::endl; });
    QObject::connect(&startup, &StudioStartup::exitRequested, &sandbox,
                     [&sandbox](int code) { quitAfterSandbox(sandbox, code); });

    window.show();
    startup.begin();
    return QApplication::exec();
}
