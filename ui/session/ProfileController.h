#pragma once

#include "api/ApiClient.h"
#include "cache/BackgroundTokenCache.h"
#include "keychain/SessionKeychain.h"
#include "profiles/ConnectionProfile.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QActionGroup;
class QMenu;

namespace ApiAccess {

class MainWindow;
class ProfileStore;

// Ties the window to the admin's connection profiles (issue 6):
//
// - Start-up opens the last used profile (or the one for --server/--user):
//   its offline cache, read on the cache's thread, fills the table as soon
//   as it is read (before any server answer in practice), marked as a copy
//   with its time; then the session kept by "Keep me signed in" is taken from the
//   keychain and the list refreshes, or the sign-in dialog opens prefilled.
// - Signing in stores or updates the profile for that server and user,
//   makes it the last used one, and keeps the session in the keychain (or
//   removes it) as the admin chose. Sign out removes it.
// - Every successful refresh is written to the profile's cache (metadata
//   only, never a secret or a session token) on the cache's own thread; a
//   refresh that changed nothing only moves the copy's time.
// - A keychain that does not answer is reported once in the page's message
//   bar; the session then lives in memory only.
//
// Sandbox sessions are never kept: they have no profile and no cache.
class ProfileController : public QObject
{
    Q_OBJECT

public:
    ProfileController(MainWindow &window, ProfileStore &profiles, SessionKeychain &keychain,
                      QObject *parent = nullptr);
    ~ProfileController() override;

    // Where the cache files go (default: TokenListCache::defaultPath's folder).
    void setCacheDirectory(const QString &directory);

    // Start-up without --sandbox. With `server` (and `username`): the profile
    // for them, if there is one, else a sign-in to that server. Without: the
    // last used profile, else an empty sign-in dialog.
    void start(const QUrl &server = {}, const QString &username = {});

    std::optional<ConnectionProfile> currentProfile() const { return m_profile; }

Q_SIGNALS:
    // The profile's cached list is on screen (before any network reply).
    void cachedListShown(int rows);

public Q_SLOTS:
    // Leaves the current profile's session (it stays valid) and opens that one.
    void switchTo(const QString &profileId);
    // The Connection profiles dialog: add, edit, remove, open.
    void manageProfiles();

private:
    void fillConnectionMenu(QMenu *menu);
    void forgetProfile(const QString &profileId);
    void applyTls(const ConnectionProfile &profile);
    void openProfile(const ConnectionProfile &profile);
    // `showWhenRead`: the copy goes on screen once read (start-up and
    // switching profiles), unless a list from the server came first.
    void openCache(const QString &profileId, bool showWhenRead);
    void onCacheOpened(const BackgroundTokenCache::Opened &result);
    // Runs `next` once the copy being read is on screen (at once if none is).
    void whenCacheRead(std::function<void()> next);
    void onKeychainLoaded(const ConnectionProfile &profile,
                          const std::optional<StoredSession> &stored);
    void onSignedIn(const Session &session, bool keepSignedIn);
    void onSignedOut(const Session &session);
    void onTokensLoaded();
    void onKeychainUnavailable(const QString &message);
    QString cachePath(const QString &profileId) const;

    MainWindow &m_window;
    ProfileStore &m_profiles;
    SessionKeychain &m_keychain;
    QString m_cacheDirectory;
    std::optional<ConnectionProfile> m_profile;
    BackgroundTokenCache m_cache; // one file at a time: the current profile's
    QString m_cachePath; // empty: no usable cache (none open, or it failed)
    bool m_showCacheWhenRead = false;
    std::function<void()> m_afterCacheRead;
    std::optional<quint64> m_savedRevision; // the model's revision last saved
    QPointer<QActionGroup> m_profileGroup; // the connection menu's profiles
};

} // namespace ApiAccess
