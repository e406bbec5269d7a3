// apiaccess-studio: parse the command line and wire the layers; nothing else.

#include "common/Version.h"
#include "mainwindow/MainWindow.h"
#include "sandbox/SandboxLauncher.h"

#include <QApplication>
#include <QByteArrayView>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QImage>
#include <QTextStream>
#include <QTimer>

#include <memory>

using namespace ApiAccess;
using namespace Qt::StringLiterals;

namespace {

constexpr int kScreenshotTimeoutMs = 60'000;
// Longer than SandboxLauncher's SIGTERM grace, after which it kills the server.
constexpr int kQuitNetMs = 15'000;

// --help and --version work without a display, so they get a core application.
bool printsTextOnly(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "-h" || arg == "-?" || arg == "--help" || arg == "--help-all" || arg == "-v"
            || arg == "--version")
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
    QCoreApplication::setApplicationName(u"apiaccess-studio"_s);
    QCoreApplication::setApplicationVersion(version());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Manage the API tokens of an apiaccess-server."));
    parser.addHelpOption();
    const QCommandLineOption versionOption(
        {u"v"_s, u"version"_s}, QApplication::translate("main", "Print the version and exit."));
    const QCommandLineOption serverOption(
        u"server"_s, QApplication::translate("main", "The server to sign in to."), u"URL"_s);
    const QCommandLineOption userOption(
        u"user"_s, QApplication::translate("main", "The user name to sign in with."), u"NAME"_s);
    const QCommandLineOption sandboxOption(
        u"sandbox"_s,
        QApplication::translate("main", "Start a private local server to try things out."));
    const QCommandLineOption screenshotOption(
        u"screenshot"_s,
        QApplication::translate("main",
                                "Save the main window as PNG once the tokens have loaded, then "
                                "exit."),
        u"FILE"_s);
    parser.addOptions({versionOption, serverOption, userOption, sandboxOption, screenshotOption});
    parser.process(*app);

    if (parser.isSet(versionOption)) {
        QTextStream(stdout) << productToken(u"apiaccess-studio"_s) << Qt::endl;
        return 0;
    }
    if (!qobject_cast<QApplication *>(app.get())) {
        printError(QApplication::translate("main", "Unexpected arguments: %1")
                       .arg(QCoreApplication::arguments().join(u' ')));
        return 2;
    }
    QApplication::setApplicationDisplayName(QApplication::translate("main", "API Access Studio"));
    QUrl serverUrl;
    if (parser.isSet(serverOption)) {
        serverUrl = QUrl::fromUserInput(parser.value(serverOption));
        if (!serverUrl.isValid() || serverUrl.host().isEmpty()) {
            printError(QApplication::translate("main", "Not a server URL: %1")
                           .arg(parser.value(serverOption)));
            return 2;
        }
    }
    const QString screenshot = parser.value(screenshotOption);
    if (parser.isSet(screenshotOption) && !parser.isSet(sandboxOption)) {
        printError(QApplication::translate("main", "--screenshot needs --sandbox."));
        return 2;
    }

    // Declared before the window so that it outlives it. Closing the last
    // window stops the sandbox server first and quits when it has exited.
    SandboxLauncher sandbox;
    MainWindow window;
    window.setSandbox(&sandbox);
    QApplication::setQuitOnLastWindowClosed(false);
    QObject::connect(qApp, &QGuiApplication::lastWindowClosed, &sandbox,
                     [&sandbox] { quitAfterSandbox(sandbox, 0); });

    if (!screenshot.isEmpty()) {
        QObject::connect(
            &window, &MainWindow::tokensLoaded, &window, [&window, &sandbox, &screenshot] {
                // Once the rows are laid out and painted.
                QTimer::singleShot(0, &window, [&window, &sandbox, &screenshot] {
                    const QImage image = window.grab().toImage();
                    if (image.isNull() || !image.save(screenshot, "PNG")) {
                        printError(
                            QApplication::translate("main", "Could not write %1").arg(screenshot));
                        quitAfterSandbox(sandbox, 1);
                        return;
                    }
                    QTextStream(stdout) << QFileInfo(screenshot).absoluteFilePath() << Qt::endl;
                    quitAfterSandbox(sandbox, 0);
                });
            });
        QObject::connect(&window, &MainWindow::refreshFailed, &window,
                         [&sandbox](const QString &message) {
                             printError(message);
                             quitAfterSandbox(sandbox, 1);
                         });
        auto *timeout = new QTimer(&window);
        timeout->setSingleShot(true);
        QObject::connect(timeout, &QTimer::timeout, &window, [&sandbox] {
            printError(QApplication::translate("main", "Timed out waiting for the token list."));
            quitAfterSandbox(sandbox, 3);
        });
        timeout->start(kScreenshotTimeoutMs);
    }

    if (parser.isSet(sandboxOption)) {
        QObject::connect(&sandbox, &SandboxLauncher::ready, &window, &MainWindow::setSession);
        const bool interactive = screenshot.isEmpty();
        QObject::connect(&sandbox, &SandboxLauncher::failed, &window,
                         [&window, interactive](const QString &message) {
                             const QString text = QApplication::translate(
                                                      "main", "The local sandbox did not start: %1")
                                                      .arg(message);
                             printError(text);
                             if (interactive)
                                 window.signIn({}, text);
                             else
                                 QCoreApplication::exit(1); // nothing runs: start failed
                         });
        sandbox.start();
    } else {
        if (serverUrl.isValid())
            window.setServerUrl(serverUrl);
        // Once the window is up, so the dialog has a parent on screen.
        QTimer::singleShot(0, &window,
                           [&window, user = parser.value(userOption)] { window.signIn(user); });
    }

    window.show();
    return QApplication::exec();
}
