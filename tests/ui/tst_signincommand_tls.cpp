// SignInCommand against the real apiaccess-server over HTTPS with a
// self-signed certificate: the dialog names the certificate problem, stays
// open with everything the admin typed, and nobody is signed in. The
// ApiClient side of the same refusal is tests/client/tst_apiclient_tls.cpp.
#include "ServerProcess.h"
#include "TestCertificates.h"
#include "api/ApiClient.h"
#include "commands/SignInCommand.h"
#include "dialogs/SignInDialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ApiAccess;
using namespace ApiAccess::Testing;
using namespace Qt::StringLiterals;

namespace {
const QString kAdmin = u"alice"_s;
// Distinctive, so that finding it on screen cannot be a coincidence.
const QString kPassword = u"tls-dialog-password-Hk4v"_s;
constexpr int kWaitMs = 15'000;

// What the server logs for every request it answers (ops/RequestLog.h).
constexpr QByteArrayView kSignInRequestLine = "route=/api/v1/sessions";

template<typename T>
T *child(QWidget *parent, const QString &name)
{
    return parent ? parent->findChild<T *>(name) : nullptr;
}
} // namespace

class TestSignInCommandTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString certFile = m_dir.filePath(u"cert.pem"_s);
        const QString keyFile = m_dir.filePath(u"key.pem"_s);
        const QString problem = makeSelfSignedCertificate(certFile, keyFile);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY2(m_server.start({u"--tls-cert"_s, certFile, u"--tls-key"_s, keyFile}),
                 qPrintable(m_server.errorString()));
        QCOMPARE(m_server.baseUrl().scheme(), u"https"_s);
        QVERIFY(m_server.addAdmin(kAdmin, kPassword));
    }

    void theDialogNamesTheCertificateProblemAndKeepsWhatWasTyped()
    {
        ApiClient client;
        QPointer<SignInCommand> command = new SignInCommand(client, nullptr, nullptr);
        QSignalSpy finished(command.data(), &Command::finished);
        QSignalSpy canceled(command.data(), &Command::canceled);
        QSignalSpy signedIn(command.data(), &SignInCommand::signedIn);
        command->start();
        QPointer<SignInDialog> dialog = command->dialog();
        QVERIFY(dialog && dialog->isVisible());
        auto *url = child<QLineEdit>(dialog, u"serverUrlEdit"_s);
        auto *user = child<QLineEdit>(dialog, u"usernameEdit"_s);
        auto *password = child<QLineEdit>(dialog, u"passwordEdit"_s);
        auto *signIn = child<QPushButton>(dialog, u"signInButton"_s);
        auto *error = child<QLabel>(dialog, u"errorLabel"_s);
        QVERIFY(url && user && password && signIn && error);

        const QString serverText = m_server.baseUrl().toString();
        QTest::keyClicks(url, serverText);
        QTest::keyClicks(user, kAdmin);
        QTest::keyClicks(password, kPassword);
        QVERIFY(signIn->isEnabled()); // https: nothing to confirm
        signIn->click();
        QVERIFY(dialog->isBusy());

        // The refusal, in the dialog: what is wrong with the certificate and
        // for which server, never the password.
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), kWaitMs);
        const QString shown = error->text();
        QVERIFY2(shown.contains(u"certificate is not trusted"_s), qPrintable(shown));
        QVERIFY2(shown.contains(u"self-signed"_s, Qt::CaseInsensitive), qPrintable(shown));
        QVERIFY2(shown.contains(u"127.0.0.1:%1"_s.arg(m_server.baseUrl().port())),
                 qPrintable(shown));
        QVERIFY2(!shown.contains(kPassword), "the password is on screen");

        // Still open, usable again, and nothing the admin typed is lost.
        QVERIFY(dialog->isVisible());
        QVERIFY(!dialog->isBusy());
        QCOMPARE(url->text(), serverText);
        QCOMPARE(user->text(), kAdmin);
        QCOMPARE(password->text(), kPassword);
        QVERIFY(url->isEnabled() && user->isEnabled() && password->isEnabled());
        QVERIFY(signIn->isEnabled());

        // Nobody signed in, here or on the server.
        QCOMPARE(signedIn.size(), 0);
        QCOMPARE(finished.size() + canceled.size(), 0);
        QVERIFY(!client.session());
        QVERIFY2(!m_server.log().contains(kSignInRequestLine), m_server.log().constData());

        // Trying again does not wear the refusal down.
        signIn->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy() && error->isVisible(), kWaitMs);
        QVERIFY2(error->text().contains(u"certificate is not trusted"_s),
                 qPrintable(error->text()));
        QCOMPARE(signedIn.size(), 0);
        QVERIFY(!client.session());

        // Giving up ends the command as canceled, still without a session.
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_COMPARE(canceled.size(), 1);
        QCOMPARE(finished.size(), 0);
        QCOMPARE(signedIn.size(), 0);
        QTRY_VERIFY(!command);
        QVERIFY2(!m_server.log().contains(kSignInRequestLine), m_server.log().constData());
    }

private:
    QTemporaryDir m_dir;
    ServerProcess m_server;
};

QTEST_MAIN(TestSignInCommandTls)
#include "tst_signincommand_tls.moc"
