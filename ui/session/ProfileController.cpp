#include "session/ProfileController.h"

#include "TokenTableModel.h"
#include "dialogs/ProfilesDialog.h"
#include "keychain/SessionKeychain.h"
#include "mainwindow/ApiTokensPage.h"
#include "mainwindow/MainWindow.h"
#include "profiles/ProfileStore.h"

#include <QActionGroup>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMenu>
#include <QScopeGuard>
#include <QSslCertificate>
#include <QTimer>

#include <utility>

using namespace Qt::StringLiterals;

namespace ApiAccess {

namespace {
Q_LOGGING_CATEGORY(lcProfiles, "apiaccess.ui.profiles")
}

ProfileController::ProfileController(MainWindow &window, ProfileStore &profiles,
                                     SessionKeychain &keychain, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_profiles(profiles)
    , m_keychain(keychain)
{
    connect(&m_window, &MainWindow::signedIn, this, &ProfileController::onSignedIn);
    connect(&m_window, &MainWindow::signedOut, this, &ProfileController::onSignedOut);
    connect(&m_window, &MainWindow::tokensLoaded, this, &ProfileController::onTokensLoaded);
    connect(&m_keychain, &SessionKeychain::unavailable, this,
            &ProfileController::onKeychainUnavailable);
    connect(&m_window, &MainWindow::connectionMenuAboutToShow, this,
            &ProfileController::fillConnectionMenu);
    connect(&m_cache, &BackgroundTokenCache::opened, this, &ProfileController::onCacheOpened);
    connect(&m_cache, &BackgroundTokenCache::saved, this,
            [](const QString &, bool ok, const QString &error) {
                if (!ok)
                    qCWarning(lcProfiles).noquote() << "offline cache not saved:" << error;
            });
}

void ProfileController::fillConnectionMenu(QMenu *menu)
{
    const auto profiles = m_profiles.profiles();
    // One profile is open at a time: radio items, not check boxes. The menu
    // is filled anew each time it opens; so is the group.
    delete m_profileGroup;
    auto *group = new QActionGroup(this);
    m_profileGroup = group;
    group->setExclusive(true);
    for (const ConnectionProfile &profile : profiles) {
        QAction *action = menu->addAction(profile.label());
        action->setObjectName(u"profile:"_s + profile.id);
        action->setCheckable(true);
        action->setActionGroup(group);
        action->setChecked(m_profile && m_profile->id == profile.id);
        connect(action, &QAction::triggered, this, [this, id = profile.id] { switchTo(id); });
    }
    if (!profiles.isEmpty())
        menu->addSeparator();
    QAction *manage = menu->addAction(tr("Manage profiles…"));
    manage->setObjectName(u"manageProfilesAction"_s);
    connect(manage, &QAction::triggered, this, &ProfileController::manageProfiles);
}

void ProfileController::switchTo(const QString &profileId)
{
    if (m_profile && m_profile->id == profileId)
        return;
    const auto profile = m_profiles.profile(profileId);
    if (!profile)
        return;
    // The current session stays valid on its server (and in the keychain if
    // kept); this window just leaves it.
    m_window.closeSession();
    m_profiles.setLastUsedId(profile->id);
    openProfile(*profile);
}

void ProfileController::manageProfiles()
{
    auto *dialog = new ProfilesDialog(m_profiles, m_profile ? m_profile->id : QString(), &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ProfilesDialog::openRequested, this, &ProfileController::switchTo);
    connect(dialog, &ProfilesDialog::profileRemoved, this, &ProfileController::forgetProfile);
    connect(dialog, &ProfilesDialog::profileChanged, this, [this](const QString &id) {
        if (m_profile && m_profile->id == id) {
            if (const auto changed = m_profiles.profile(id)) {
                m_profile = changed;
                applyTls(*changed);
                m_window.setKeepSignedInDefault(changed->keepSignedIn);
            }
        }
    });
    dialog->open();
}

void ProfileController::forgetProfile(const QString &profileId)
{
    // Its kept session and its offline copy go with it.
    m_keychain.remove(profileId, this, [](KeychainResult) {});
    if (m_profile && m_profile->id == profileId) {
        m_cachePath.clear();
        m_profile.reset();
    }
    m_cache.erase(cachePath(profileId));
}

void ProfileController::applyTls(const ConnectionProfile &profile)
{
    QList<QSslCertificate> certificates;
    if (!profile.caCertificateFile.isEmpty()) {
        certificates = QSslCertificate::fromPath(profile.caCertificateFile, QSsl::Pem);
        if (certificates.isEmpty())
            qCWarning(lcProfiles).noquote() << "no CA certificate in" << profile.caCertificateFile;
    }
    m_window.client().setExtraCaCertificates(certificates);
}

ProfileController::~ProfileController() = default;

void ProfileController::setCacheDirectory(const QString &directory)
{
    m_cacheDirectory = directory;
}

QString ProfileController::cachePath(const QString &profileId) const
{
    if (m_cacheDirectory.isEmpty())
        return TokenListCache::defaultPath(profileId);
    return QDir(m_cacheDirectory)
        .filePath(QFileInfo(TokenListCache::defaultPath(profileId)).fileName());
}

void ProfileController::start(const QUrl &server, const QString &username)
{
    std::optional<ConnectionProfile> profile;
    if (server.isValid())
        profile = m_profiles.find(server, username);
    else
        profile = m_profiles.profile(m_profiles.lastUsedId());
    if (profile) {
        openProfile(*profile);
        return;
    }
    m_window.client().setExtraCaCertificates({});
    if (server.isValid())
        m_window.setServerUrl(server);
    // Once the window is up, so that the dialog has a parent on screen.
    QTimer::singleShot(0, &m_window, [this, username] { m_window.signIn(username); });
}

void ProfileController::openProfile(const ConnectionProfile &profile)
{
    m_profile = profile;
    applyTls(profile);
    m_window.setServerUrl(profile.serverUrl);
    m_window.setKeepSignedInDefault(profile.keepSignedIn);
    openCache(profile.id, true);
    if (!profile.keepSignedIn) {
        QTimer::singleShot(0, &m_window,
                           [this, user = profile.username] { m_window.signIn(user); });
        return;
    }
    m_keychain.load(
        profile.id, this,
        [this, profile](std::optional<StoredSession> stored, KeychainResult result) {
            if (result.status != KeychainStatus::Ok && result.status != KeychainStatus::NotFound)
                qCInfo(lcProfiles).noquote() << "no kept session:" << result.message;
            // The copy goes on screen before the list is asked
            // for, so that an answer never lands under it.
            whenCacheRead([this, profile, stored] { onKeychainLoaded(profile, stored); });
        });
}

void ProfileController::openCache(const QString &profileId, bool showWhenRead)
{
    m_cachePath = cachePath(profileId);
    m_showCacheWhenRead = showWhenRead;
    m_afterCacheRead = {}; // what waited was for the profile before
    m_savedRevision.reset();
    m_cache.open(m_cachePath);
}

void ProfileController::whenCacheRead(std::function<void()> next)
{
    if (m_showCacheWhenRead)
        m_afterCacheRead = std::move(next);
    else
        next();
}

void ProfileController::onCacheOpened(const BackgroundTokenCache::Opened &result)
{
    if (result.path != m_cachePath)
        return; // another profile was opened meanwhile
    // Whatever happens below, what waited for the copy goes on after it.
    const auto next = qScopeGuard([this] {
        m_showCacheWhenRead = false;
        if (auto after = std::exchange(m_afterCacheRead, {}))
            after();
    });
    if (!result.available) {
        // The Studio works without it; the next start simply shows nothing first.
        qCWarning(lcProfiles).noquote() << "offline cache unavailable:" << result.error;
        m_cachePath.clear();
        return;
    }
    if (result.outcome == TokenListCache::OpenOutcome::Recovered)
        qCWarning(lcProfiles).noquote() << "offline cache rebuilt:" << result.reason;
    const bool show = m_showCacheWhenRead;
    const TokenListCache::Snapshot &snapshot = result.snapshot;
    // Only while the window has no list of its own yet: a list from the
    // server that came first is newer than any copy.
    if (show && m_profile && snapshot.savedAt.isValid()
        && snapshot.serverUrl == m_profile->serverUrl && !m_window.lastRefresh().isValid()) {
        m_window.showCachedTokens(snapshot.tokens, snapshot.savedAt);
        Q_EMIT cachedListShown(int(snapshot.tokens.size()));
    }
}

void ProfileController::onKeychainLoaded(const ConnectionProfile &profile,
                                         const std::optional<StoredSession> &stored)
{
    if (!m_profile || m_profile->id != profile.id)
        return; // another profile was opened meanwhile
    const bool usable = stored && !stored->sessionToken.isEmpty()
        && stored->username == profile.username && stored->serverUrl == profile.serverUrl
        && (!stored->expiresAt.isValid() || stored->expiresAt > QDateTime::currentDateTimeUtc());
    if (!usable) {
        if (stored) // expired or for another account: of no use any more
            m_keychain.remove(profile.id, this, [](KeychainResult) {});
        m_window.signIn(profile.username);
        return;
    }
    // A session the server ended meanwhile answers 401: the window then asks
    // for the password itself.
    m_window.setSession(
        Session{stored->serverUrl, stored->username, stored->sessionToken, stored->expiresAt});
}

void ProfileController::onSignedIn(const Session &session, bool keepSignedIn)
{
    if (session.sandbox) {
        m_profile.reset();
        m_cachePath.clear();
        m_cache.close();
        return;
    }
    ConnectionProfile profile;
    if (auto existing = m_profiles.find(session.serverUrl, session.username)) {
        profile = *existing;
        profile.keepSignedIn = keepSignedIn;
        m_profiles.update(profile);
    } else {
        profile.displayName = session.serverUrl.host();
        profile.serverUrl = session.serverUrl;
        profile.username = session.username;
        profile.keepSignedIn = keepSignedIn;
        profile = m_profiles.add(profile);
    }
    m_profiles.setLastUsedId(profile.id);
    if (!m_profile || m_profile->id != profile.id || m_cachePath.isEmpty())
        openCache(profile.id, false);
    m_profile = profile;
    m_window.setKeepSignedInDefault(keepSignedIn);

    if (keepSignedIn) {
        m_keychain.store(profile.id,
                         StoredSession{session.serverUrl, session.username, session.sessionToken,
                                       session.expiresAt},
                         this, [](KeychainResult result) {
                             if (result.status == KeychainStatus::Failed)
                                 qCWarning(lcProfiles).noquote()
                                     << "session not kept:" << result.message;
                         });
    } else {
        m_keychain.remove(profile.id, this, [](KeychainResult) {});
    }
}

void ProfileController::onSignedOut(const Session &session)
{
    if (session.sandbox || !m_profile)
        return;
    m_keychain.remove(m_profile->id, this, [](KeychainResult result) {
        if (result.status != KeychainStatus::Ok)
            qCWarning(lcProfiles).noquote() << "kept session not removed:" << result.message;
    });
}

void ProfileController::onTokensLoaded()
{
    const auto session = m_window.client().session();
    if (m_cachePath.isEmpty() || !m_profile || !session || session->sandbox)
        return;
    // Written on the cache's thread; the window goes on at once.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const quint64 revision = m_window.tokenModel().revision();
    if (m_savedRevision == revision) {
        m_cache.touch(now); // unchanged: only the time it was known to be current
        return;
    }
    TokenListCache::Snapshot snapshot;
    snapshot.tokens = m_window.tokenModel().tokens();
    snapshot.savedAt = now;
    snapshot.serverUrl = m_profile->serverUrl;
    snapshot.username = session->username;
    m_cache.save(std::move(snapshot));
    m_savedRevision = revision;
}

void ProfileController::onKeychainUnavailable(const QString &message)
{
    // Once (SessionKeychain signals it once), where the admin looks.
    m_window.tokensPage()->showMessage(MessageBar::Severity::Warning, message);
}

} // namespace ApiAccess
