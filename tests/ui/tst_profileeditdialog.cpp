// ProfileEditDialog on its own (issue 6): the fields, Add and Edit, live
// validation with ConnectionProfile::validate(), the host suggested as the
// name, and "Browse…" opening a window-modal file dialog.
#include "dialogs/ProfileEditDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
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
using namespace Qt::StringLiterals;

namespace {

struct Form
{
    ProfileEditDialog dialog;
    QLineEdit *name = dialog.findChild<QLineEdit *>(u"displayNameEdit"_s);
    QLineEdit *url = dialog.findChild<QLineEdit *>(u"serverUrlEdit"_s);
    QLineEdit *user = dialog.findChild<QLineEdit *>(u"usernameEdit"_s);
    QLineEdit *caFile = dialog.findChild<QLineEdit *>(u"caFileEdit"_s);
    QPushButton *browse = dialog.findChild<QPushButton *>(u"caBrowseButton"_s);
    QCheckBox *keep = dialog.findChild<QCheckBox *>(u"keepSignedInCheck"_s);
    QLabel *error = dialog.findChild<QLabel *>(u"errorLabel"_s);
    QPushButton *accept = dialog.findChild<QPushButton *>(u"acceptButton"_s);

    explicit Form(ProfileEditDialog::Mode mode = ProfileEditDialog::Mode::Add,
                  const ConnectionProfile &profile = {})
        : dialog(mode, profile, nullptr)
    {
        dialog.show();
    }
    bool complete() const
    {
        return name && url && user && caFile && browse && keep && error && accept;
    }
};

QString labelText(const QDialog &dialog, const QString &name)
{
    const auto *label = dialog.findChild<QLabel *>(name);
    return label ? label->text() : QString();
}

} // namespace

class TestProfileEditDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_pem; // a CA certificate made by the openssl tool
    QString m_notPem;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
        QVERIFY2(!openssl.isEmpty(), "the openssl command line tool is missing (Debian: openssl)");
        m_pem = m_dir.filePath(u"company-ca.pem"_s);
        QProcess generate;
        generate.start(openssl,
                       {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                        u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s, u"-days"_s, u"1"_s,
                        u"-subj"_s, u"/CN=Company CA"_s, u"-keyout"_s, m_dir.filePath(u"ca.key"_s),
                        u"-out"_s, m_pem});
        QVERIFY(generate.waitForFinished(30'000));
        QCOMPARE(generate.exitCode(), 0);
        m_notPem = m_dir.filePath(u"notes.pem"_s);
        QFile notPem(m_notPem);
        QVERIFY(notPem.open(QIODevice::WriteOnly));
        notPem.write("not a certificate\n");
    }

    void addFormIsEmptyAndQuiet()
    {
        Form f;
        QVERIFY(f.complete());
        QCOMPARE(f.dialog.windowTitle(), u"Add connection profile"_s);
        QCOMPARE(f.accept->text(), u"Add"_s);
        QCOMPARE(f.dialog.findChild<QPushButton *>(u"cancelButton"_s)->text(), u"Cancel"_s);
        QCOMPARE(labelText(f.dialog, u"displayNameLabel"_s), u"Name"_s);
        QCOMPARE(labelText(f.dialog, u"serverUrlLabel"_s), u"Server URL"_s);
        QCOMPARE(labelText(f.dialog, u"usernameLabel"_s), u"User name"_s);
        QCOMPARE(labelText(f.dialog, u"caFileLabel"_s), u"Extra CA certificate"_s);
        QCOMPARE(f.browse->text(), u"Browse…"_s);
        QCOMPARE(f.keep->text(), u"Keep me signed in"_s);
        QCOMPARE(f.url->placeholderText(), u"https://tokens.example.com"_s);
        QCOMPARE(f.name->accessibleName(), u"Name"_s);
        QCOMPARE(f.url->accessibleName(), u"Server URL"_s);
        QCOMPARE(f.user->accessibleName(), u"User name"_s);
        QCOMPARE(f.caFile->accessibleName(), u"Extra CA certificate"_s);
        QVERIFY(!f.browse->accessibleName().isEmpty());
        QCOMPARE(f.error->textFormat(), Qt::PlainText);
        // Nothing typed yet: the button waits, nothing scolds.
        QVERIFY(!f.accept->isEnabled());
        QVERIFY(!f.error->isVisible());
        QTRY_COMPARE(QApplication::focusWidget(), f.name);
    }

    void editFormIsPrefilled()
    {
        ConnectionProfile p{u"prod-1"_s, u"Production"_s, QUrl(u"https://tokens.example.com"_s),
                            u"alice"_s,  m_pem,           true};
        Form f(ProfileEditDialog::Mode::Edit, p);
        QCOMPARE(f.dialog.windowTitle(), u"Edit connection profile"_s);
        QCOMPARE(f.accept->text(), u"Save"_s);
        QCOMPARE(f.name->text(), u"Production"_s);
        QCOMPARE(f.url->text(), u"https://tokens.example.com"_s);
        QCOMPARE(f.user->text(), u"alice"_s);
        QCOMPARE(f.caFile->text(), QDir::toNativeSeparators(m_pem));
        QVERIFY(f.keep->isChecked());
        QVERIFY(f.accept->isEnabled());
        QCOMPARE(f.dialog.profile(), p);

        f.name->clear();
        QTest::keyClicks(f.name, u"Prod EU"_s);
        f.keep->click();
        const ConnectionProfile edited = f.dialog.profile();
        QCOMPARE(edited.id, u"prod-1"_s);
        QCOMPARE(edited.displayName, u"Prod EU"_s);
        QVERIFY(!edited.keepSignedIn);
    }

    void editShowsWhatIsWrongAtOnce()
    {
        ConnectionProfile p{u"prod-1"_s,
                            u"Production"_s,
                            QUrl(u"https://tokens.example.com"_s),
                            u"alice"_s,
                            m_dir.filePath(u"gone.pem"_s),
                            false};
        Form f(ProfileEditDialog::Mode::Edit, p);
        QVERIFY(f.error->isVisible());
        QVERIFY(f.error->text().contains(u"cannot be read"_s));
        QVERIFY(!f.accept->isEnabled());
    }

    void invalidInputDisablesTheButton_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("caFile");
        QTest::addColumn<QString>("message");
        QTest::newRow("no scheme")
            << u"Prod"_s << u"tokens.example.com"_s << QString()
            << u"The server address must start with https:// (or http://)."_s;
        QTest::newRow("ftp") << u"Prod"_s << u"ftp://tokens.example.com"_s << QString()
                             << u"The server address must start with https:// (or http://)."_s;
        // The address is what is wrong, and then there is no host to name it after.
        QTest::newRow("no name, no host to suggest")
            << QString() << u"ftp://tokens.example.com"_s << QString()
            << u"The server address must start with https:// (or http://)."_s;
        QTest::newRow("blank name, no host")
            << u"   "_s << u"https://"_s << QString()
            << u"The server address needs a host name, as in https://tokens.example.com."_s;
        QTest::newRow("unreadable CA file")
            << u"Prod"_s << u"https://tokens.example.com"_s << u"/nonexistent/ca.pem"_s
            << u"The CA certificate file cannot be read: /nonexistent/ca.pem"_s;
        QTest::newRow("CA file without PEM")
            << u"Prod"_s << u"https://tokens.example.com"_s << u"NOT_PEM"_s
            << u"The CA certificate file holds no PEM certificate: "_s;
    }
    void invalidInputDisablesTheButton()
    {
        QFETCH(QString, name);
        QFETCH(QString, url);
        QFETCH(QString, caFile);
        QFETCH(QString, message);
        if (caFile == u"NOT_PEM"_s) {
            caFile = QDir::toNativeSeparators(m_notPem);
            message += QDir::fromNativeSeparators(m_notPem);
        }
        Form f;
        QSignalSpy accepted(&f.dialog, &QDialog::accepted);
        QTest::keyClicks(f.name, name);
        QTest::keyClicks(f.url, url);
        QTest::keyClicks(f.caFile, caFile);
        QVERIFY(f.error->isVisible());
        QCOMPARE(f.error->text(), message);
        QVERIFY(!f.accept->isEnabled());
        // Enter does not go past the disabled button.
        QTest::keyClick(f.url, Qt::Key_Return);
        f.dialog.accept();
        QCOMPARE(accepted.size(), 0);
        QVERIFY(f.dialog.isVisible());
    }

    void validPemIsAccepted()
    {
        Form f;
        QSignalSpy accepted(&f.dialog, &QDialog::accepted);
        QTest::keyClicks(f.name, u"Production"_s);
        QTest::keyClicks(f.url, u"https://tokens.example.com"_s);
        QTest::keyClicks(f.user, u"alice"_s);
        QTest::keyClicks(f.caFile, QDir::toNativeSeparators(m_pem));
        f.keep->click();
        QVERIFY(f.accept->isEnabled());
        QVERIFY(!f.error->isVisible());
        QVERIFY(f.error->text().isEmpty());
        QTest::mouseClick(f.accept, Qt::LeftButton);
        QCOMPARE(accepted.size(), 1);
        QCOMPARE(f.dialog.result(), int(QDialog::Accepted));
        const ConnectionProfile p = f.dialog.profile();
        QCOMPARE(p.displayName, u"Production"_s);
        QCOMPARE(p.serverUrl, QUrl(u"https://tokens.example.com"_s));
        QCOMPARE(p.username, u"alice"_s);
        QCOMPARE(p.caCertificateFile, m_pem);
        QVERIFY(p.keepSignedIn);
        QVERIFY(p.id.isEmpty());
    }

    void hostIsSuggestedAsTheName()
    {
        Form f;
        QTest::keyClicks(f.url, u"https://tokens.example.com:8443"_s);
        QCOMPARE(f.name->placeholderText(), u"tokens.example.com"_s);
        QVERIFY(f.name->accessibleDescription().contains(u"tokens.example.com"_s));
        QVERIFY(f.accept->isEnabled());
        QCOMPARE(f.dialog.profile().displayName, u"tokens.example.com"_s);
        // A typed name wins over the suggestion.
        QTest::keyClicks(f.name, u"Production"_s);
        QCOMPARE(f.dialog.profile().displayName, u"Production"_s);
        // No usable address, no suggestion.
        f.name->clear();
        f.url->clear();
        QTest::keyClicks(f.url, u"tokens.example.com"_s);
        QVERIFY(f.name->placeholderText().isEmpty());
        QVERIFY(!f.accept->isEnabled());
    }

    void escapeCancels()
    {
        Form f;
        QTest::keyClicks(f.url, u"https://tokens.example.com"_s);
        QSignalSpy rejected(&f.dialog, &QDialog::rejected);
        QTest::keyClick(f.url, Qt::Key_Escape);
        QCOMPARE(rejected.size(), 1);
        QVERIFY(!f.dialog.isVisible());
        QCOMPARE(f.dialog.result(), int(QDialog::Rejected));
    }

    void browseOpensAWindowModalFileDialog()
    {
        Form f;
        QTest::keyClicks(f.url, u"https://tokens.example.com"_s);
        f.browse->click();
        // open(), not exec(): the test goes on while the file dialog is up.
        QPointer<QFileDialog> files = f.dialog.findChild<QFileDialog *>();
        QVERIFY(files);
        QCOMPARE(f.dialog.caFileDialog(), files.data());
        QTRY_VERIFY(files->isVisible());
        QCOMPARE(files->windowModality(), Qt::WindowModal);
        QCOMPARE(files->fileMode(), QFileDialog::ExistingFile);
        QVERIFY(files->nameFilters().value(0).contains(u"*.pem"_s));
        // A second click does not stack another one.
        f.browse->click();
        QCOMPARE(f.dialog.findChildren<QFileDialog *>().size(), 1);

        files->selectFile(m_pem);
        static_cast<QDialog *>(files.data())->accept(); // QFileDialog::accept() is protected
        QCOMPARE(f.caFile->text(), QDir::toNativeSeparators(m_pem));
        QTRY_VERIFY(!files);
        QVERIFY(f.accept->isEnabled());
        QCOMPARE(f.dialog.profile().caCertificateFile, m_pem);
    }
};

QTEST_MAIN(TestProfileEditDialog)
#include "tst_profileeditdialog.moc"
