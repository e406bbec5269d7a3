#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace QKeychain {
class Job;
}

namespace ApiAccess {

// What "Keep me signed in" keeps: the session, never the password (there is
// no field for one).
struct StoredSession
{
    QUrl serverUrl;
    QString username;
    QByteArray sessionToken;
    QDateTime expiresAt;
};

enum class KeychainStatus {
    Ok,
    NotFound,
    Unavailable, // no backend, no D-Bus, locked & refused, timed out
    Failed, // anything else: an unreadable entry, a failed delete
};

struct KeychainResult
{
    KeychainStatus status = KeychainStatus::Ok;
    QString message; // one sentence for the admin, never the secret
};

// The session tokens of "Keep me signed in", in the operating system's
// keychain through QtKeychain: one entry per connection profile.
//
// The entry: QtKeychain key "profile/<profileId>" under the service name
// (default "io.github.apiaccess.Studio"), value the session as compact JSON
// (SessionEntry.h). With libsecret that is an item of schema
// "org.qt.keychain" with the attributes user = "profile/<profileId>",
// server = <service> and type = "base64", in the default collection.
//
// QtKeychain's insecure fallback (a plain-text QSettings file) is switched
// off on every job. When no keychain answers, the result is Unavailable and
// the caller keeps the session in memory only.
//
// Use from one thread (the GUI thread). Destroying the SessionKeychain drops
// the callbacks of jobs still running.
class SessionKeychain : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds kDefaultTimeout{10'000};

    // service: the keychain "service" name; default the app id "io.github.apiaccess.Studio".
    explicit SessionKeychain(QObject *parent = nullptr);
    explicit SessionKeychain(const QString &service, QObject *parent = nullptr);
    ~SessionKeychain() override;

    QString service() const { return m_service; }
    // The QtKeychain key of a profile's entry: "profile/<profileId>".
    static QString entryKey(const QString &profileId);

    // Asynchronous: each returns at once and later calls `done` exactly once,
    // on the caller's (this object's) thread, and only if `context` still
    // exists. Never blocks, never nests an event loop. An empty profileId is
    // Failed.
    //
    // store() replaces the profile's entry; an incomplete session (no
    // token, user name, valid URL or expiry) is Failed and not stored.
    void store(const QString &profileId, const StoredSession &session, QObject *context,
               std::function<void(KeychainResult)> done);
    // A session whose expiresAt has passed is returned all the same: the
    // caller decides (and removes it). An entry that is not ours is Failed.
    void load(const QString &profileId, QObject *context,
              std::function<void(std::optional<StoredSession>, KeychainResult)> done);
    // Ok also when there was no entry: signing out twice is not an error.
    // A locked keyring (unlock prompt refused) is Unavailable, for load too:
    // the entry may be there, unreadable.
    void remove(const QString &profileId, QObject *context,
                std::function<void(KeychainResult)> done);

    // How long a job may take before it counts as Unavailable (a D-Bus call
    // to a missing service can take ~25 s); default 10 s. QtKeychain runs one
    // job at a time, so a job queued behind a stuck one times out as well.
    void setTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds timeout() const { return m_timeout; }

Q_SIGNALS:
    // The first time (per SessionKeychain) a job finds no usable backend: the
    // UI says it once. Emitted just before that job's callback.
    void unavailable(const QString &message);

private:
    struct Call; // one store, load or remove until its callback
    using Deliver = std::function<void(const KeychainResult &, QKeychain::Job *answered)>;
    void run(QKeychain::Job *job, const QString &profileId, QObject *context, Deliver deliver);
    // Failed without a job, and yet later, as promised.
    void reject(const QString &message, QObject *context, Deliver deliver);
    void settle(const std::shared_ptr<Call> &call, const KeychainResult &result,
                QKeychain::Job *answered);

    QString m_service;
    std::chrono::milliseconds m_timeout = kDefaultTimeout;
    bool m_announcedUnavailable = false;
};

} // namespace ApiAccess
