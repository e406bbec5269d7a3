// Profiles, "Keep me signed in" and the offline cache through the real
// parts: a real apiaccess-server, the real Secret Service (gnome-keyring on
// a private bus, set up by tests/support/with-keyring, checked with
// secret-tool), and real SQLite cache files.
//
// Closing and reopening the Studio with Keep me signed in brings the admin
// straight back to the token list; sign out removes the kept session;
// an offline start shows the last known tokens, read-only, at once.

#include "ApiTestClient.h"
#include "FakeHttpServer.h"
#include "ServerProcess.h"
#include "StudioTestSupport.h"
#include "TokenTableModel.h"
#include "cache/TokenListCache.h"
#include "dialogs/SignInDialog.h"
#include "keychain/SessionKeychain.h"
#include "mainwindow/ApiTokensPage.h"
#include "mainwindow/MainWindow.h"
#include "profiles/ProfileStore.h"
#include "session/ProfileController.h"

#include <QAction>
#include <QActionGroup>
#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUuid>

#include <memory>

using namespace ApiAccess;
using namespace ApiAccess::Testing;
using namespace Qt::StringLiterals;

namespace {

const QString kAdmin = u"admin"_s;
const QString kPassword = u"correct horse battery staple"_s;

// The Studio as main() puts it together, on the test's own settings file,
// keychain service and cache folder.
struct Studio
{
    Studio(const QString &ini, const QString &service, const QString &cacheDir)
        : profiles(ini)
        , keychain(service)
        , controller(window, profiles, keychain)
    {
        controller.setCacheDirectory(cacheDir);
        window.show();
    }
    MainWindow window; // first: the controller refers to it
    ProfileStore profiles;
    SessionKeychain keychain;
    ProfileController controller;
};

int secretToolLookup(const QString &service, const QString &profileId, QByteArray *secret)
{
    QProcess tool;
    tool.start(
        u"secret-tool"_s,
        {u"lookup"_s, u"server"_s, service, u"user"_s, SessionKeychain::entryKey(profileId)});
    if (!tool.waitForFinished(kGuiWaitMs))
        return -1;
    if (secret)
        *secret = tool.readAllStandardOutput();
    return tool.exitCode();
}

} // namespace

class tst_ProfileSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!QStandardPaths::findExecutable(u"secret-tool"_s).isEmpty(),
                 "secret-tool is missing: run this test through tests/support/with-keyring");
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        QVERIFY(m_server.addAdmin(kAdmin, kPassword));
        ApiTestClient api(m_server.baseUrl());
        QVERIFY(api.signIn(kAdmin, kPassword));
        for (const QString &name : {u"Kept one"_s, u"Kept two"_s})
            QCOMPARE(api.createToken(name, u"read_only"_s).status, 201);
        m_service = u"io.github.apiaccess.Studio.test-"_s
            + QUuid::createUuid().toString(QUuid::WithoutBraces);
    }

    void keepSignedInBringsTheAdminStraightBack()
    {
        QString profileId;
        QByteArray sessionToken;
        {
            auto studio = newStudio();
            studio->controller.start(m_server.baseUrl(), kAdmin);
            auto *dialog = waitForVisible<SignInDialog>(&studio->window);
            QVERIFY(dialog);
            auto *keep = dialog->findChild<QCheckBox *>(u"keepSignedInCheck"_s);
            QVERIFY(keep);
            QCOMPARE(keep->text(), u"Keep me signed in"_s);
            QVERIFY(!keep->isChecked()); // opt-in
            keep->setChecked(true);
            QTest::keyClicks(dialog->findChild<QLineEdit *>(u"passwordEdit"_s), kPassword);
            dialog->findChild<QPushButton *>(u"signInButton"_s)->click();
            QTRY_VERIFY_WITH_TIMEOUT(studio->window.lastRefresh().isValid(), kGuiWaitMs);
            QCOMPARE(studio->window.tokenModel().rowCount(), 2);

            const auto profile = studio->controller.currentProfile();
            QVERIFY(profile);
            QCOMPARE(profile->serverUrl, m_server.baseUrl());
            QVERIFY(profile->keepSignedIn);
            profileId = profile->id;
            sessionToken = studio->window.client().session()->sessionToken;
            // In the keychain: the session, never the password.
            QByteArray secret;
            QTRY_COMPARE_WITH_TIMEOUT(secretToolLookup(m_service, profileId, &secret), 0,
                                      kGuiWaitMs);
            // QtKeychain keeps binary data base64-encoded in the Secret Service.
            const QByteArray entry = QByteArray::fromBase64(secret.trimmed());
            QVERIFY2(entry.contains(sessionToken.toBase64()) || entry.contains(sessionToken),
                     entry.constData());
            QVERIFY(!entry.contains(kPassword.toUtf8()));
            QVERIFY(!secret.contains(kPassword.toUtf8()));
            // The offline copy on disk (written on the cache's thread):
            // token metadata, no secret of any kind.
            const auto cacheBytes = [&] {
                QFile cache(cacheFile(profileId));
                return cache.open(QIODevice::ReadOnly) ? cache.readAll() : QByteArray();
            };
            QTRY_VERIFY_WITH_TIMEOUT(cacheBytes().contains("Kept one"), kGuiWaitMs);
            const QByteArray bytes = cacheBytes();
            QVERIFY(!bytes.contains(sessionToken));
            QVERIFY(!bytes.contains(sessionToken.toBase64()));
            QVERIFY(!bytes.contains("aas_"));
            QVERIFY(!bytes.contains(kPassword.toUtf8()));
        } // the Studio is closed

        auto reopened = newStudio();
        reopened->controller.start();
        // Straight back to the list: no sign-in dialog, the kept session.
        QTRY_VERIFY_WITH_TIMEOUT(reopened->window.client().session().has_value(), kGuiWaitMs);
        QCOMPARE(reopened->window.client().session()->sessionToken, sessionToken);
        QTRY_VERIFY_WITH_TIMEOUT(!reopened->window.isShowingCachedCopy(), kGuiWaitMs);
        QCOMPARE(reopened->window.tokenModel().rowCount(), 2);
        QVERIFY(!reopened->window.findChild<SignInDialog *>());
        QCOMPARE(reopened->controller.currentProfile()->id, profileId);
    }

    void signOutRemovesTheKeptSession()
    {
        auto studio = newStudio();
        studio->controller.start();
        QTRY_VERIFY_WITH_TIMEOUT(studio->window.lastRefresh().isValid(), kGuiWaitMs);
        const QString profileId = studio->controller.currentProfile()->id;
        QCOMPARE(secretToolLookup(m_service, profileId, nullptr), 0);

        QVERIFY(studio->window.signOutAction()->isEnabled());
        studio->window.signOutAction()->trigger(); // the connection menu's Sign out
        QTRY_VERIFY_WITH_TIMEOUT(secretToolLookup(m_service, profileId, nullptr) != 0, kGuiWaitMs);
        QVERIFY(!studio->window.client().session());
        QCOMPARE(studio->window.tokenModel().rowCount(), 0);
        QVERIFY(waitForVisible<SignInDialog>(&studio->window)); // asks again
    }

    void theConnectionMenuSwitchesProfiles()
    {
        ServerProcess other;
        QVERIFY2(other.start(), qPrintable(other.errorString()));
        QString otherId;
        {
            ProfileStore store(ini());
            ConnectionProfile staging;
            staging.displayName = u"Staging"_s;
            staging.serverUrl = other.baseUrl();
            staging.username = u"bob"_s;
            otherId = store.add(staging).id;
        }
        auto studio = newStudio();
        studio->controller.start(); // the last used profile: the first server
        const QString firstId = studio->controller.currentProfile()->id;
        auto *first = waitForVisible<SignInDialog>(&studio->window); // nothing kept any more
        QVERIFY(first);
        QTest::keyClick(first, Qt::Key_Escape);
        QTRY_VERIFY(!studio->window.findChild<SignInDialog *>());

        QMenu *menu = studio->window.connectionMenu();
        QMetaObject::invokeMethod(menu, "aboutToShow"); // what opening it does
        QAction *mine = menu->findChild<QAction *>(u"profile:"_s + firstId);
        QAction *staging = menu->findChild<QAction *>(u"profile:"_s + otherId);
        QVERIFY(mine && staging);
        QVERIFY(mine->isChecked());
        QVERIFY(!staging->isChecked());
        // One profile is open at a time: radio items in one exclusive group.
        QVERIFY(mine->actionGroup() && mine->actionGroup() == staging->actionGroup());
        QVERIFY(mine->actionGroup()->isExclusive());
        // The port tells two servers on one host apart.
        QCOMPARE(staging->text(), u"Staging (127.0.0.1:%1)"_s.arg(other.baseUrl().port()));
        QVERIFY(menu->findChild<QAction *>(u"manageProfilesAction"_s));
        // Not signed in: the menu offers to sign in, not a greyed Sign out.
        QVERIFY(menu->actions().contains(studio->window.signInAction()));
        QVERIFY(studio->window.signInAction()->isEnabled());
        QVERIFY(!menu->actions().contains(studio->window.signOutAction()));

        // A search left over from the first server must not hide the second's tokens.
        studio->window.tokensPage()->searchEdit()->setText(u"only on the first server"_s);
        staging->trigger();
        QCOMPARE(studio->controller.currentProfile()->id, otherId);
        QCOMPARE(studio->window.tokensPage()->searchEdit()->text(), QString());
        QCOMPARE(studio->window.client().serverUrl(), other.baseUrl());
        auto *dialog = waitForVisible<SignInDialog>(&studio->window);
        QVERIFY(dialog);
        QCOMPARE(dialog->findChild<QLineEdit *>(u"usernameEdit"_s)->text(), u"bob"_s);
        QCOMPARE(dialog->findChild<QLineEdit *>(u"serverUrlEdit"_s)->text(),
                 other.baseUrl().toString());
        QCOMPARE(ProfileStore(ini()).lastUsedId(), otherId);
        // Back to the first one for the tests that follow.
        QTest::keyClick(dialog, Qt::Key_Escape);
        studio->controller.switchTo(firstId);
        QCOMPARE(ProfileStore(ini()).lastUsedId(), firstId);
    }

    void anOfflineStartShowsTheLastKnownTokensReadOnly()
    {
        // The cache holds the list of the last refresh (the tests above), and
        // a session is kept; then the server goes away.
        auto studio = newStudio();
        const QString profileId = ProfileStore(ini()).lastUsedId();
        bool kept = false;
        studio->keychain.store(
            profileId,
            StoredSession{m_server.baseUrl(), kAdmin, "kept-session",
                          QDateTime::currentDateTimeUtc().addDays(1)},
            this, [&kept](KeychainResult result) { kept = result.status == KeychainStatus::Ok; });
        QTRY_VERIFY_WITH_TIMEOUT(kept, kGuiWaitMs);
        m_server.stop();
        QSignalSpy shown(&studio->controller, &ProfileController::cachedListShown);
        studio->controller.start();
        // Read on the cache's thread, shown before the list is asked for.
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, kGuiWaitMs);
        QCOMPARE(studio->window.tokenModel().rowCount(), 2);
        QVERIFY(studio->window.isShowingCachedCopy());
        ApiTokensPage *page = studio->window.tokensPage();
        QVERIFY(page->isReadOnly());
        QVERIFY(!page->createButton()->isEnabled());
        QVERIFY(visibleText(page->messageBar()).contains(u"Offline copy from"_s));

        // The refresh with the kept session cannot reach the server: the copy
        // stays, read-only, with a banner that says so and Retry.
        auto *retry = waitForVisible<QPushButton>(page->messageBar(), u"messageRetryButton"_s);
        QVERIFY(retry);
        QVERIFY2(visibleText(page->messageBar()).contains(u"cannot be reached"_s),
                 qPrintable(visibleText(page->messageBar())));
        QCOMPARE(studio->window.tokenModel().rowCount(), 2);
        QVERIFY(page->isReadOnly());
        retry->click(); // tries again, fails again, keeps the copy
        QTRY_VERIFY_WITH_TIMEOUT(retry->isVisible(), kGuiWaitMs);
        QCOMPARE(studio->window.tokenModel().rowCount(), 2);
    }

    void anUnreadableCacheIsSetAsideAndTheStudioStarts()
    {
        const QString profileId = ProfileStore(ini()).lastUsedId();
        QFile cache(cacheFile(profileId));
        QVERIFY(cache.open(QIODevice::WriteOnly | QIODevice::Truncate));
        cache.write(QByteArray(4096, 'x')); // not SQLite any more
        cache.close();

        auto studio = newStudio();
        studio->controller.start();
        QVERIFY(studio->window.isVisible());
        // Set aside on the cache's thread, and nothing shown from it.
        const auto setAside = [&] {
            return QDir(m_dir.filePath(u"cache"_s))
                .entryList({QFileInfo(cacheFile(profileId)).fileName() + u".unreadable-*"_s})
                .size();
        };
        QTRY_COMPARE_WITH_TIMEOUT(setAside(), 1, kGuiWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(cacheFile(profileId)), kGuiWaitMs); // a fresh one
        QVERIFY(!studio->window.isShowingCachedCopy());
        QCOMPARE(studio->window.tokenModel().rowCount(), 0);
    }

    void aThousandCachedTokensShowBeforeAnyNetworkReply()
    {
        // A server that accepts and never answers: no reply can arrive.
        FakeHttpServer silent;
        ConnectionProfile profile;
        profile.displayName = u"Silent"_s;
        profile.serverUrl = silent.url();
        profile.username = kAdmin;
        ProfileStore store(ini());
        profile = store.add(profile);
        store.setLastUsedId(profile.id);
        TokenListCache cache(
            QDir(m_dir.filePath(u"cache"_s))
                .filePath(QFileInfo(TokenListCache::defaultPath(profile.id)).fileName()));
        QVERIFY(cache.open());
        TokenListCache::Snapshot snapshot;
        snapshot.serverUrl = profile.serverUrl;
        snapshot.username = kAdmin;
        snapshot.savedAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
        for (int i = 0; i < 1000; ++i) {
            Token token;
            token.id = u"tok_"_s + u"%1"_s.arg(i, 20, 10, QLatin1Char('a')).right(20);
            token.name = u"Cached %1"_s.arg(i);
            token.createdBy = kAdmin;
            token.createdAt = snapshot.savedAt.addDays(-1);
            token.updatedAt = token.createdAt;
            snapshot.tokens.append(token);
        }
        QVERIFY2(cache.save(snapshot), qPrintable(cache.errorString()));

        auto studio = newStudio();
        QSignalSpy shown(&studio->controller, &ProfileController::cachedListShown);
        studio->controller.start();
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, kGuiWaitMs);
        QCOMPARE(shown.first().first().toInt(), 1000);
        QCOMPARE(studio->window.tokenModel().rowCount(), 1000);
        QCOMPARE(silent.requestCount(), 0); // nothing could have answered yet
    }

private:
    QString ini() const { return m_dir.filePath(u"studio.ini"_s); }
    QString cacheFile(const QString &profileId) const
    {
        return QDir(m_dir.filePath(u"cache"_s))
            .filePath(QFileInfo(TokenListCache::defaultPath(profileId)).fileName());
    }
    std::unique_ptr<Studio> newStudio()
    {
        return std::make_unique<Studio>(ini(), m_service, m_dir.filePath(u"cache"_s));
    }

    QTemporaryDir m_dir;
    ServerProcess m_server;
    QString m_service;
};

QTEST_MAIN(tst_ProfileSession)
#include "tst_profilesession.moc"
