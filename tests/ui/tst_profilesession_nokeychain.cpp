// "Keep me signed in" on a desktop without a keychain (a session bus on
// which no Secret Service runs, set up by tests/support/with-keyring
// --no-secret-service): the Studio says so once, clearly, keeps the session
// in memory, and works; nothing is written in plain text instead.

#include "ServerProcess.h"
#include "StudioTestSupport.h"
#include "TokenTableModel.h"
#include "dialogs/SignInDialog.h"
#include "keychain/SessionKeychain.h"
#include "mainwindow/ApiTokensPage.h"
#include "mainwindow/MainWindow.h"
#include "profiles/ProfileStore.h"
#include "session/ProfileController.h"

#include <QCheckBox>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace ApiAccess;
using namespace ApiAccess::Testing;
using namespace Qt::StringLiterals;

class tst_ProfileSessionNoKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void withoutAKeychainTheSessionStaysInMemoryAndTheAdminIsToldOnce()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QVERIFY(server.addAdmin(u"admin"_s, u"a long enough password"_s));

        MainWindow window;
        ProfileStore profiles(dir.filePath(u"studio.ini"_s));
        SessionKeychain keychain;
        keychain.setTimeout(std::chrono::seconds(5));
        ProfileController controller(window, profiles, keychain);
        controller.setCacheDirectory(dir.filePath(u"cache"_s));
        QSignalSpy unavailable(&keychain, &SessionKeychain::unavailable);
        window.show();
        controller.start(server.baseUrl(), u"admin"_s);

        auto *dialog = waitForVisible<SignInDialog>(&window);
        QVERIFY(dialog);
        dialog->findChild<QCheckBox *>(u"keepSignedInCheck"_s)->setChecked(true);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"passwordEdit"_s),
                         u"a long enough password"_s);
        dialog->findChild<QPushButton *>(u"signInButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(window.lastRefresh().isValid(), kGuiWaitMs);

        // Said once, in the message bar, and the Studio works on.
        QTRY_COMPARE_WITH_TIMEOUT(unavailable.size(), 1, 2 * kGuiWaitMs);
        auto *text = window.tokensPage()->messageBar()->findChild<QLabel *>(u"messageText"_s);
        QTRY_VERIFY(window.tokensPage()->messageBar()->isVisible());
        QVERIFY2(text->text().contains(u"keychain"_s, Qt::CaseInsensitive),
                 qPrintable(text->text()));
        QVERIFY(window.client().session().has_value());
        window.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!window.isRefreshing(), kGuiWaitMs);
        QCOMPARE(unavailable.size(), 1);

        // No plain-text fallback anywhere in HOME (the wrapper's private one).
        const QByteArray token = window.client().session()->sessionToken;
        QDirIterator it(QDir::homePath(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly))
                QVERIFY2(!file.readAll().contains(token), qPrintable(file.fileName()));
        }
    }
};

QTEST_MAIN(tst_ProfileSessionNoKeychain)
#include "tst_profilesession_nokeychain.moc"
