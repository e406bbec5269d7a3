// SignInCommand against the real apiaccess-server: a wrong password keeps
// the dialog and what was typed, the right one ends with a session; and the
// "Start local sandbox" path with the real binary, which leaves no process
// behind once the launcher is gone.
#include "ApiTestClient.h"
#include "ServerProcess.h"
#include "api/ApiClient.h"
#include "commands/SignInCommand.h"
#include "dialogs/SignInDialog.h"
#include "sandbox/SandboxLauncher.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <sys/types.h>

using namespace ApiAccess;
using namespace ApiAccess::Testing;
using namespace Qt::StringLiterals;

namespace {
constexpr int kWaitMs = 15'000;
constexpr int kSandboxMs = 60'000;

template<typename T>
T *child(QWidget *parent, const QString &name)
{
    return parent ? parent->findChild<T *>(name) : nullptr;
}
} // namespace

class TestSignInCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wrongPasswordThenRightOne()
    {
        ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QVERIFY(server.addAdmin(u"alice"_s, u"right-password"_s));

        ApiClient client;
        QPointer<SignInCommand> command = new SignInCommand(client, nullptr, nullptr);
        QSignalSpy finished(command.data(), &Command::finished);
        QSignalSpy canceled(command.data(), &Command::canceled);
        QSignalSpy signedIn(command.data(), &SignInCommand::signedIn);
        QSignalSpy statusMessages(command.data(), &Command::statusMessage);
        command->start();
        QPointer<SignInDialog> dialog = command->dialog();
        QVERIFY(dialog && dialog->isVisible());
        auto *url = child<QLineEdit>(dialog, u"serverUrlEdit"_s);
        auto *user = child<QLineEdit>(dialog, u"usernameEdit"_s);
        auto *password = child<QLineEdit>(dialog, u"passwordEdit"_s);
        auto *signIn = child<QPushButton>(dialog, u"signInButton"_s);
        auto *error = child<QLabel>(dialog, u"errorLabel"_s);
        QVERIFY(url && user && password && signIn && error);
        QVERIFY(!child<QPushButton>(dialog, u"sandboxButton"_s)->isVisible());

        QTest::keyClicks(url, server.baseUrl().toString());
        QTest::keyClicks(user, u"alice"_s);
        QTest::keyClicks(password, u"wrong-password"_s);
        QVERIFY(signIn->isEnabled()); // loopback http: no confirmation needed
        signIn->click();
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), kWaitMs);
        QVERIFY(!error->text().isEmpty());
        QVERIFY(!dialog->isBusy());
        QVERIFY(dialog->isVisible());
        QCOMPARE(user->text(), u"alice"_s);
        QCOMPARE(password->text(), u"wrong-password"_s); // never cleared on failure
        QVERIFY(!client.session());
        QCOMPARE(finished.size() + canceled.size(), 0);
        // Typing goes on where it helps: in the password, which is selected
        // so that what is typed replaces it.
        QCOMPARE(dialog->focusWidget(), password);
        QCOMPARE(password->selectedText(), u"wrong-password"_s);
        // Return must not spend another attempt on the same credentials.
        QVERIFY(!signIn->isEnabled());
        // The error is under the fields: what the admin types in does not move.
        QVERIFY(error->mapTo(dialog, QPoint(0, 0)).y() > password->mapTo(dialog, QPoint(0, 0)).y());
        QCOMPARE(statusMessages.constLast().first().toString(), u"Sign-in failed"_s);

        // A second failure does not grow the dialog again.
        const int heightAfterFirst = dialog->height();
        QTest::keyClicks(password, u"still-wrong"_s); // replaces the selection
        QCOMPARE(password->text(), u"still-wrong"_s);
        QVERIFY(signIn->isEnabled());
        const qsizetype failuresBefore = statusMessages.count(QVariantList{u"Sign-in failed"_s});
        signIn->click();
        QTRY_COMPARE_WITH_TIMEOUT(statusMessages.count(QVariantList{u"Sign-in failed"_s}),
                                  failuresBefore + 1, kWaitMs);
        QTRY_VERIFY(!dialog->isBusy());
        QCOMPARE(dialog->height(), heightAfterFirst);

        QString passwordAtSuccess = u"unset"_s;
        connect(command.data(), &SignInCommand::signedIn, this,
                [&passwordAtSuccess, password] { passwordAtSuccess = password->text(); });
        password->clear();
        QTest::keyClicks(password, u"right-password"_s);
        signIn->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
        QCOMPARE(canceled.size(), 0);
        QCOMPARE(signedIn.size(), 1);
        const auto session = signedIn.first().first().value<Session>();
        QCOMPARE(session.username, u"alice"_s);
        QVERIFY(!session.sessionToken.isEmpty());
        QVERIFY(client.session());
        QCOMPARE(client.session()->sessionToken, session.sessionToken);
        // The signal comes after the field was cleared.
        QCOMPARE(passwordAtSuccess, QString());
        QTRY_VERIFY(!dialog);
        QTRY_VERIFY(!command);

        ApiTestClient api(server.baseUrl());
        api.setBearer(session.sessionToken);
        QCOMPARE(api.get(u"/api/v1/tokens"_s).status, 200);
    }

    void prefillsFromPreviousSessionAndCancels()
    {
        ApiClient client;
        client.setSession(Session{QUrl(u"https://tokens.example.com"_s), u"bob"_s, "expired",
                                  QDateTime::currentDateTimeUtc()});
        QPointer<SignInCommand> command = new SignInCommand(client, nullptr, nullptr);
        QSignalSpy canceled(command.data(), &Command::canceled);
        command->setReason(u"Your session has ended."_s);
        command->start();
        QPointer<SignInDialog> dialog = command->dialog();
        QCOMPARE(child<QLineEdit>(dialog, u"serverUrlEdit"_s)->text(),
                 u"https://tokens.example.com"_s);
        QCOMPARE(child<QLineEdit>(dialog, u"usernameEdit"_s)->text(), u"bob"_s);
        QVERIFY(child<QLineEdit>(dialog, u"passwordEdit"_s)->text().isEmpty());
        QCOMPARE(child<QLabel>(dialog, u"errorLabel"_s)->text(), u"Your session has ended."_s);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_COMPARE(canceled.size(), 1);
        QTRY_VERIFY(!command);
    }

    void aFailedSignInElsewhereLeavesTheClientOnItsServer()
    {
        // Session on A; the admin tries B (nothing listens there), then cancels.
        ApiClient client;
        const QUrl serverA(u"https://tokens.example.com"_s);
        client.setSession(
            Session{serverA, u"bob"_s, "still-valid", QDateTime::currentDateTimeUtc()});
        QPointer<SignInCommand> command = new SignInCommand(client, nullptr, nullptr);
        command->start();
        SignInDialog *dialog = command->dialog();
        auto *url = child<QLineEdit>(dialog, u"serverUrlEdit"_s);
        url->clear();
        QTest::keyClicks(url, u"http://127.0.0.1:9"_s); // discard port: refused
        QTest::keyClicks(child<QLineEdit>(dialog, u"passwordEdit"_s), u"whatever"_s);
        child<QPushButton>(dialog, u"signInButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), kWaitMs);
        QVERIFY(child<QLabel>(dialog, u"errorLabel"_s)->isVisible());
        // Requests made meanwhile by the rest of the Studio still go to A.
        QCOMPARE(client.serverUrl(), serverA);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!command);
        QCOMPARE(client.serverUrl(), serverA);
        QCOMPARE(client.session()->sessionToken, QByteArray("still-valid"));
    }

    // The Studio package only recommends the server, and the Windows build
    // has none: without the program there is no sandbox button to fail.
    void sandboxIsOfferedOnlyWhenTheServerProgramIsInstalled()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString notExecutable = dir.filePath(u"apiaccess-server"_s);
        QFile file(notExecutable);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));

        ApiClient client;
        SandboxLauncher launcher;
        const QString rows[] = {dir.filePath(u"missing/apiaccess-server"_s), notExecutable,
                                ServerProcess::binaryPath()};
        for (const QString &binary : rows) {
            launcher.setServerBinary(binary);
            QPointer<SignInCommand> command = new SignInCommand(client, &launcher, nullptr);
            command->start();
            auto *sandbox = child<QPushButton>(command->dialog(), u"sandboxButton"_s);
            QVERIFY(sandbox);
            const bool expected = binary == ServerProcess::binaryPath();
            QVERIFY2(sandbox->isVisible() == expected, qPrintable(binary));
            QCOMPARE(launcher.isServerInstalled(), expected);
            QTest::keyClick(command->dialog(), Qt::Key_Escape);
            QTRY_VERIFY(!command);
        }
    }

    void sandboxEndsWithSessionAndLeavesNoProcess()
    {
        QTemporaryDir dataDir;
        QVERIFY(dataDir.isValid());
        auto launcher = std::make_unique<SandboxLauncher>();
        launcher->setServerBinary(ServerProcess::binaryPath());
        launcher->setDataDir(dataDir.path());

        ApiClient client;
        QPointer<SignInCommand> command = new SignInCommand(client, launcher.get(), nullptr);
        QSignalSpy finished(command.data(), &Command::finished);
        QSignalSpy signedIn(command.data(), &SignInCommand::signedIn);
        command->start();
        auto *sandbox = child<QPushButton>(command->dialog(), u"sandboxButton"_s);
        QVERIFY(sandbox && sandbox->isVisible() && sandbox->isEnabled());
        sandbox->click();
        QVERIFY(command->dialog()->isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kSandboxMs);
        QCOMPARE(signedIn.size(), 1);
        const auto session = signedIn.first().first().value<Session>();
        QVERIFY(client.session());
        QCOMPARE(client.session()->sessionToken, session.sessionToken);
        QCOMPARE(session.serverUrl.host(), u"127.0.0.1"_s);

        ApiTestClient api(session.serverUrl);
        api.setBearer(session.sessionToken);
        QCOMPARE(api.get(u"/api/v1/tokens"_s).status, 200);

        const qint64 pid = launcher->serverProcessId();
        QVERIFY(pid > 0);
        QCOMPARE(::kill(pid_t(pid), 0), 0);
        launcher.reset();
        QVERIFY(::kill(pid_t(pid), 0) == -1 && errno == ESRCH);
    }
};

QTEST_MAIN(TestSignInCommand)
#include "tst_signincommand.moc"
