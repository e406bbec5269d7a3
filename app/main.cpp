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
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>

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

// The Studio follows the system language: Qt's own texts (standard buttons,
// QCommandLineParser) from the Qt installation, if its translations are
// there, and the Studio's own embedded under :/i18n (resources/translations).
void installTranslators(QCoreApplication &app)
{
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale::system(), u"qtbase"_s, u"_"_s,
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *studio = new QTranslator(&app);
    if (studio->load(QLocale::system(), u"apiaccess"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(studio);
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
    installTranslators(*app);

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
    // The application id: names the desktop entry, the AppStream metainfo and
    // the icon (resources/); the theme's icon if installed, else the built-in one.
    QGuiApplication::setDesktopFileName(u"io.github.apiaccess.Studio"_s);
    QApplication::setWindowIcon(QIcon::fromTheme(
        u"io.github.apiaccess.Studio"_s, QIcon(u":/icons/io.github.apiaccess.Studio.png"_s)));

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
