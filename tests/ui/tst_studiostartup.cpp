// apiaccess-studio's start-up: the command line (every option, every
// refusal), and `--server URL --user NAME` against a real apiaccess-server,
// which opens the sign-in dialog prefilled and lands on the token list.

#include "ServerProcess.h"
#include "dialogs/SignInDialog.h"
#include "mainwindow/MainWindow.h"
#include "sandbox/SandboxLauncher.h"
#include "startup/ColorScheme.h"
#include "startup/StudioCommandLine.h"
#include "startup/StudioStartup.h"
#include "widgets/PaletteColors.h"

#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace ApiAccess;
using namespace ApiAccess::Testing;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(StudioCommandLine::Action)

namespace {

constexpr int kWaitMs = 15'000;

template<typename T>
T *child(QWidget *parent, const QString &name)
{
    return parent ? parent->findChild<T *>(name) : nullptr;
}

} // namespace

class tst_StudioStartup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesTheCommandLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<StudioCommandLine::Action>("action");
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("user");
        QTest::addColumn<bool>("sandbox");
        QTest::addColumn<QString>("textContains"); // help text or the reason

        using A = StudioCommandLine::Action;
        QTest::newRow("nothing") << QStringList{} << A::Run << QString() << QString() << false
                                 << QString();
        QTest::newRow("server and user")
            << QStringList{u"--server"_s, u"https://tokens.example.com"_s, u"--user"_s, u"alice"_s}
            << A::Run << u"https://tokens.example.com"_s << u"alice"_s << false << QString();
        QTest::newRow("host only means https")
            << QStringList{u"--server"_s, u"tokens.example.com:8443"_s} << A::Run
            << u"https://tokens.example.com:8443"_s << QString() << false << QString();
        QTest::newRow("sandbox") << QStringList{u"--sandbox"_s} << A::Run << QString() << QString()
                                 << true << QString();
        QTest::newRow("sandbox screenshot")
            << QStringList{u"--sandbox"_s, u"--screenshot"_s, u"out.png"_s} << A::Run << QString()
            << QString() << true << QString();
        QTest::newRow("help") << QStringList{u"--help"_s} << A::ShowHelp << QString() << QString()
                              << false << u"--server <URL>"_s;
        QTest::newRow("version") << QStringList{u"-v"_s} << A::ShowVersion << QString() << QString()
                                 << false << QString();
        QTest::newRow("not a web URL")
            << QStringList{u"--server"_s, u"ftp://files.example.com"_s} << A::Fail << QString()
            << QString() << false << u"Not a server URL: ftp://files.example.com"_s;
        QTest::newRow("empty server") << QStringList{u"--server"_s, u" "_s} << A::Fail << QString()
                                      << QString() << false << u"Not a server URL"_s;
        QTest::newRow("screenshot without sandbox")
            << QStringList{u"--screenshot"_s, u"out.png"_s} << A::Fail << QString() << QString()
            << false << u"--screenshot needs --sandbox."_s;
        QTest::newRow("sandbox with server")
            << QStringList{u"--sandbox"_s, u"--server"_s, u"https://tokens.example.com"_s}
            << A::Fail << QString() << QString() << false << u"does not go with --server"_s;
        QTest::newRow("unknown option") << QStringList{u"--frobnicate"_s} << A::Fail << QString()
                                        << QString() << false << u"frobnicate"_s;
        QTest::newRow("stray argument") << QStringList{u"extra"_s} << A::Fail << QString()
                                        << QString() << false << u"Unexpected arguments: extra"_s;
        QTest::newRow("missing value") << QStringList{u"--server"_s} << A::Fail << QString()
                                       << QString() << false << u"server"_s;
        QTest::newRow("dark colours") << QStringList{u"--color-scheme"_s, u"dark"_s} << A::Run
                                      << QString() << QString() << false << QString();
        QTest::newRow("unknown colours")
            << QStringList{u"--color-scheme"_s, u"purple"_s} << A::Fail << QString() << QString()
            << false << u"--color-scheme takes system, light or dark, not purple."_s;
    }

    void colorSchemes()
    {
        const auto scheme = [](const QString &name) {
            return StudioCommandLine::parse({u"apiaccess-studio"_s, u"--color-scheme"_s, name})
                .options.colorScheme;
        };
        QCOMPARE(StudioCommandLine::parse({u"apiaccess-studio"_s}).options.colorScheme,
                 ColorScheme::Scheme::System);
        QCOMPARE(scheme(u"dark"_s), ColorScheme::Scheme::Dark);
        QCOMPARE(scheme(u"light"_s), ColorScheme::Scheme::Light);
        QCOMPARE(scheme(u"system"_s), ColorScheme::Scheme::System);
        // The dark scheme keeps every text readable (WCAG AA, 4.5:1 and more).
        const QPalette dark = ColorScheme::darkPalette();
        for (const auto &[text, background] :
             {std::pair{QPalette::WindowText, QPalette::Window},
              std::pair{QPalette::Text, QPalette::Base},
              std::pair{QPalette::Text, QPalette::AlternateBase},
              std::pair{QPalette::ButtonText, QPalette::Button},
              std::pair{QPalette::HighlightedText, QPalette::Highlight}}) {
            QVERIFY2(PaletteColors::contrastRatio(dark.color(text), dark.color(background)) >= 4.5,
                     qPrintable(u"role %1 on %2"_s.arg(int(text)).arg(int(background))));
        }
        QVERIFY(PaletteColors::contrastRatio(dark.color(QPalette::Disabled, QPalette::Text),
                                             dark.color(QPalette::Base))
                >= 3.0);
    }

    void parsesTheCommandLine()
    {
        QFETCH(QStringList, arguments);
        QFETCH(StudioCommandLine::Action, action);
        arguments.prepend(u"apiaccess-studio"_s);
        const auto parsed = StudioCommandLine::parse(arguments);
        QCOMPARE(parsed.action, action);
        QFETCH(QString, textContains);
        if (!textContains.isEmpty())
            QVERIFY2(parsed.text.contains(textContains), qPrintable(parsed.text));
        if (action != StudioCommandLine::Action::Run)
            return;
        QFETCH(QString, server);
        QFETCH(QString, user);
        QFETCH(bool, sandbox);
        QCOMPARE(parsed.options.serverUrl.toString(), server);
        QCOMPARE(parsed.options.username, user);
        QCOMPARE(parsed.options.sandbox, sandbox);
    }

    void serverAndUserOpenAPrefilledSignIn()
    {
        ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QVERIFY(server.addAdmin(u"alice"_s, u"a long enough password"_s));

        const auto parsed =
            StudioCommandLine::parse({u"apiaccess-studio"_s, u"--server"_s,
                                      server.baseUrl().toString(), u"--user"_s, u"alice"_s});
        QCOMPARE(parsed.action, StudioCommandLine::Action::Run);
        SandboxLauncher sandbox;
        MainWindow window;
        StudioStartup startup(window, sandbox, parsed.options);
        QSignalSpy exits(&startup, &StudioStartup::exitRequested);
        window.show();
        startup.begin();
        QCOMPARE(window.windowTitle(), u"API Access — 127.0.0.1:%1"_s.arg(server.baseUrl().port()));

        SignInDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<SignInDialog *>()) && dialog->isVisible());
        QCOMPARE(child<QLineEdit>(dialog, u"serverUrlEdit"_s)->text(), server.baseUrl().toString());
        QCOMPARE(child<QLineEdit>(dialog, u"usernameEdit"_s)->text(), u"alice"_s);
        auto *password = child<QLineEdit>(dialog, u"passwordEdit"_s);
        QVERIFY(password->text().isEmpty());
        QTest::keyClicks(password, u"a long enough password"_s);
        child<QPushButton>(dialog, u"signInButton"_s)->click();

        QTRY_VERIFY_WITH_TIMEOUT(window.lastRefresh().isValid(), kWaitMs);
        QCOMPARE(window.client().session()->username, u"alice"_s);
        QTRY_VERIFY(!window.findChild<SignInDialog *>());
        QCOMPARE(exits.size(), 0); // an interactive start never asks to quit
        QCOMPARE(sandbox.state(), SandboxLauncher::State::Idle); // and starts no sandbox
    }

    void aSandboxThatCannotStartLeavesTheSignInDialog()
    {
        StudioOptions options;
        options.sandbox = true;
        SandboxLauncher sandbox;
        sandbox.setServerBinary(u"/nonexistent/apiaccess-server"_s);
        MainWindow window;
        StudioStartup startup(window, sandbox, options);
        QSignalSpy problems(&startup, &StudioStartup::problem);
        QSignalSpy exits(&startup, &StudioStartup::exitRequested);
        window.show();
        startup.begin();

        SignInDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (dialog = window.findChild<SignInDialog *>()) && dialog->isVisible(), kWaitMs);
        QCOMPARE(problems.size(), 1);
        QVERIFY(
            problems.first().first().toString().startsWith(u"The local sandbox did not start: "_s));
        QCOMPARE(exits.size(), 0);
    }

    void aScreenshotRunEndsWhenTheSandboxCannotStart()
    {
        StudioOptions options;
        options.sandbox = true;
        options.screenshotFile = u"never-written.png"_s;
        SandboxLauncher sandbox;
        sandbox.setServerBinary(u"/nonexistent/apiaccess-server"_s);
        MainWindow window;
        StudioStartup startup(window, sandbox, options);
        QSignalSpy exits(&startup, &StudioStartup::exitRequested);
        window.show();
        startup.begin();
        QTRY_COMPARE_WITH_TIMEOUT(exits.size(), 1, kWaitMs);
        QCOMPARE(exits.first().first().toInt(), 1);
        QVERIFY(!QFile::exists(u"never-written.png"_s));
        QVERIFY(!window.findChild<SignInDialog *>()); // nobody is there to answer it
    }
};

QTEST_MAIN(tst_StudioStartup)
#include "tst_studiostartup.moc"
