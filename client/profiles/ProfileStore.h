#pragma once

#include "profiles/ConnectionProfile.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

class QSettings;

namespace ApiAccess {

// The connection profiles, kept with QSettings (the platform's place for
// settings: ~/.config on Linux, the registry on Windows, plists on macOS),
// and which one was used last. Synchronous and small: a handful of keys.
class ProfileStore
{
public:
    // The application's settings (QSettings() with the organisation and
    // application names set by main()).
    ProfileStore();
    // Tests: an INI file of their own.
    explicit ProfileStore(const QString &iniFile);
    ~ProfileStore();

    // In the order the admin sees them: by display name, case-insensitive.
    QList<ConnectionProfile> profiles() const;
    std::optional<ConnectionProfile> profile(const QString &id) const;
    // Stores `profile` under a new id (returned with it); its own id is ignored.
    ConnectionProfile add(ConnectionProfile profile);
    // False if no profile has that id.
    bool update(const ConnectionProfile &profile);
    bool remove(const QString &id);

    // The profile the Studio opens on; empty if none or removed.
    QString lastUsedId() const;
    void setLastUsedId(const QString &id);

    // A profile for this server and user, if one exists (the sign-in dialog
    // reuses it rather than adding a twin).
    std::optional<ConnectionProfile> find(const QUrl &server, const QString &username) const;

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace ApiAccess
