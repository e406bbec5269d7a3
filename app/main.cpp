// apiaccess-studio: parse the command line and wire the layers; nothing else.

#include "common/Version.h"
#include "keychain/SessionKeychain.h"
#include "mainwindow/MainWindow.h"
#include "profiles/ProfileStore.h"
#include "sandbox/SandboxLauncher.h"
#include "session/ProfileController.h"
#include "startup/ColorScheme.h"
#include "startup/StudioCommandLine.h"
#include "startup/StudioStartup.h"
#include "widgets/MotionPreference.h"

#include <QApplication>
#include <QByteArrayView>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>

#include <memory>

#ifdef Q_OS_WIN
#ifndef NOMINMAX
#define NOMINMAX
#endif
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <cstdio>
#include <windows.h>
#endif

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

#ifdef Q_OS_WIN
// A GUI-subsystem program starts without standard streams: --help, --version,
// errors and the --screenshot path go to the console it was started from, if
// any. A stream redirected to a file or pipe is left as it is.
void attachParentConsole()
{
    const bool needOut = GetStdHandle(STD_OUTPUT_HANDLE) == nullptr;
    const bool needErr = GetStdHandle(STD_ERROR_HANDLE) == nullptr;
    if ((!needOut && !needErr) || !AttachConsole(ATTACH_PARENT_PROCESS))
        return;
    FILE *stream = nullptr;
    if (needOut)
        (void)freopen_s(&stream, "CONOUT$", "w", stdout);
    if (needErr)
        (void)freopen_s(&stream, "CONOUT$", "w", stderr);
}
#endif

// The Studio follows the system language: Qt's own texts (standard buttons,
// QCommandLineParser) from the Qt installation, if its translations are
// there, and the Studio's own embedded under :/i18n (resources/translations).
// Linux distributions ship qtbase_<lang>.qm; the Windows and macOS installers
// carry the one merged qt_<lang>.qm Qt's deploy API writes (packaging/).
void installTranslators(QCoreApplication &app)
{
    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale::system(), u"qtbase"_s, u"_"_s, qtDir)
        || qt->load(QLocale::system(), u"qt"_s, u"_"_s, qtDir))
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
#ifdef Q_OS_WIN
    attachParentConsole();
#endif
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

    ColorScheme::apply(parsed.options.colorScheme);
    MotionPreference::readDesktopSettings(qApp);

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
