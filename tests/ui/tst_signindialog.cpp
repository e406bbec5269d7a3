// SignInDialog on its own: the fields and labels of PRODUCT.md §7, URL
// validation, the clear-text confirmation for http:// beyond loopback, and
// Escape while busy asking to cancel instead of closing.
#include "dialogs/SignInDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace ApiAccess;
using namespace Qt::StringLiterals;

namespace {
struct Form
{
    SignInDialog dialog;
    QLineEdit *url = dialog.findChild<QLineEdit *>(u"serverUrlEdit"_s);
    QLineEdit *user = dialog.findChild<QLineEdit *>(u"usernameEdit"_s);
    QLineEdit *password = dialog.findChild<QLineEdit *>(u"passwordEdit"_s);
    QCheckBox *insecure = dialog.findChild<QCheckBox *>(u"insecureConfirm"_s);
    QPushButton *signIn = dialog.findChild<QPushButton *>(u"signInButton"_s);
    QPushButton *sandbox = dialog.findChild<QPushButton *>(u"sandboxButton"_s);
    QLabel *error = dialog.findChild<QLabel *>(u"errorLabel"_s);
    QProgressBar *busy = dialog.findChild<QProgressBar *>(u"busyIndicator"_s);

    Form() { dialog.show(); }
    bool complete() const
    {
        return url && user && password && insecure && signIn && sandbox && error && busy;
    }
    void fill(const QString &serverUrl)
    {
        url->clear();
        QTest::keyClicks(url, serverUrl);
        if (user->text().isEmpty())
            QTest::keyClicks(user, u"alice"_s);
        if (password->text().isEmpty())
            QTest::keyClicks(password, u"correct horse"_s);
    }
};

QString labelFor(const QDialog &dialog, const QString &name)
{
    const auto *label = dialog.findChild<QLabel *>(name);
    return label ? label->text() : QString();
}
} // namespace

class TestSignInDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fieldsAndLabels()
    {
        Form f;
        QVERIFY(f.complete());
        QCOMPARE(labelFor(f.dialog, u"serverUrlLabel"_s), u"Server URL"_s);
        QCOMPARE(labelFor(f.dialog, u"usernameLabel"_s), u"User name"_s);
        QCOMPARE(labelFor(f.dialog, u"passwordLabel"_s), u"Password"_s);
        QCOMPARE(f.signIn->text(), u"Sign in"_s);
        QCOMPARE(f.sandbox->text(), u"Start local sandbox"_s);
        QCOMPARE(f.dialog.findChild<QPushButton *>(u"cancelButton"_s)->text(), u"Cancel"_s);
        QCOMPARE(f.password->echoMode(), QLineEdit::Password);
        QVERIFY(!f.signIn->isEnabled());
        QVERIFY(f.sandbox->isEnabled());
        QVERIFY(!f.insecure->isVisible());
        QVERIFY(!f.error->isVisible());
    }

    void loopbackHttpNeedsNoConfirmation_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("127.0.0.1") << u"http://127.0.0.1:8080"_s;
        QTest::newRow("127.1.2.3") << u"http://127.1.2.3"_s;
        QTest::newRow("localhost") << u"http://LocalHost:9000/"_s;
        QTest::newRow("::1") << u"http://[::1]:8080"_s;
        QTest::newRow("https remote") << u"https://tokens.example.com"_s;
    }
    void loopbackHttpNeedsNoConfirmation()
    {
        QFETCH(QString, url);
        Form f;
        f.fill(url);
        QVERIFY(!f.insecure->isVisible());
        QVERIFY(f.signIn->isEnabled());
        QCOMPARE(f.dialog.value().serverUrl, QUrl(url));
        QCOMPARE(f.dialog.value().username, u"alice"_s);
        QCOMPARE(f.dialog.value().password, u"correct horse"_s);
    }

    void remoteHttpNeedsConfirmation_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("name") << u"http://tokens.example.com"_s;
        QTest::newRow("lan address") << u"http://192.168.1.10:8080"_s;
        QTest::newRow("looks like loopback") << u"http://127.0.0.1.example.com"_s;
    }
    void remoteHttpNeedsConfirmation()
    {
        QFETCH(QString, url);
        Form f;
        f.fill(url);
        QVERIFY(f.insecure->isVisible());
        QCOMPARE(f.insecure->text(), u"Send the password without encryption to this server"_s);
        QVERIFY(!f.insecure->isChecked());
        QVERIFY(!f.signIn->isEnabled());
        f.insecure->click();
        QVERIFY(f.signIn->isEnabled());
        // Another address asks again.
        QTest::keyClick(f.url, Qt::Key_Backspace);
        QVERIFY(!f.insecure->isChecked());
        QVERIFY(!f.signIn->isEnabled());
        // Switching to https removes the question.
        f.fill(u"https://tokens.example.com"_s);
        QVERIFY(!f.insecure->isVisible());
        QVERIFY(f.signIn->isEnabled());
    }

    void invalidUrlsDisableSignIn_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("no scheme") << u"tokens.example.com"_s;
        QTest::newRow("ftp") << u"ftp://tokens.example.com"_s;
        QTest::newRow("no host") << u"https://"_s;
        QTest::newRow("file") << u"file:///etc/passwd"_s;
    }
    void invalidUrlsDisableSignIn()
    {
        QFETCH(QString, url);
        Form f;
        f.fill(url);
        QVERIFY(!f.signIn->isEnabled());
        QVERIFY(!f.insecure->isVisible());
        const auto *feedback = f.dialog.findChild<QLabel *>(u"serverUrlFeedback"_s);
        QVERIFY(feedback && feedback->isVisible() && !feedback->text().isEmpty());
    }

    void emptyUserOrPasswordDisablesSignIn()
    {
        Form f;
        QTest::keyClicks(f.url, u"https://tokens.example.com"_s);
        QTest::keyClicks(f.user, u"alice"_s);
        QVERIFY(!f.signIn->isEnabled());
        QTest::keyClicks(f.password, u"x"_s);
        QVERIFY(f.signIn->isEnabled());
        f.user->clear();
        QVERIFY(!f.signIn->isEnabled());
    }

    void busyLocksAndEscapeAsksToCancel()
    {
        Form f;
        f.fill(u"http://127.0.0.1:1"_s);
        QSignalSpy signIn(&f.dialog, &SignInDialog::signInRequested);
        QSignalSpy cancel(&f.dialog, &SignInDialog::cancelRequested);
        f.signIn->click();
        QCOMPARE(signIn.size(), 1);
        f.dialog.setBusy(true);
        QVERIFY(f.busy->isVisible());
        QVERIFY(!f.url->isEnabled() && !f.password->isEnabled());
        QVERIFY(!f.signIn->isEnabled() && !f.sandbox->isEnabled());
        QTest::keyClick(&f.dialog, Qt::Key_Escape);
        QCOMPARE(cancel.size(), 1);
        QVERIFY(f.dialog.isVisible());
        f.dialog.showError(u"Cannot reach the server."_s);
        QVERIFY(!f.busy->isVisible());
        QVERIFY(f.error->isVisible());
        QCOMPARE(f.error->text(), u"Cannot reach the server."_s);
        // A failure keeps everything typed, the password included.
        QCOMPARE(f.password->text(), u"correct horse"_s);
        QCOMPARE(f.user->text(), u"alice"_s);
        QVERIFY(f.signIn->isEnabled());
        QTest::keyClick(&f.dialog, Qt::Key_Escape);
        QVERIFY(!f.dialog.isVisible());
        QCOMPARE(cancel.size(), 1);
    }

    void prefillFocusesPassword()
    {
        Form f;
        f.dialog.setServerUrl(QUrl(u"https://tokens.example.com"_s));
        f.dialog.setUsername(u"bob"_s);
        QCOMPARE(f.url->text(), u"https://tokens.example.com"_s);
        QCOMPARE(f.user->text(), u"bob"_s);
        QTRY_COMPARE(QApplication::focusWidget(), f.password);
        f.dialog.setSandboxAvailable(false);
        QVERIFY(!f.sandbox->isVisible());
    }
};

QTEST_MAIN(TestSignInDialog)
#include "tst_signindialog.moc"
