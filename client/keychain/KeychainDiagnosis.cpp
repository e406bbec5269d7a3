#include "keychain/KeychainDiagnosis.h"

#include <QLoggingCategory>

#if APIACCESS_KEYCHAIN_DBUS
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#endif

#include <cmath>

using namespace Qt::StringLiterals;

namespace ApiAccess {
Q_DECLARE_LOGGING_CATEGORY(lcKeychain)
}

namespace ApiAccess::KeychainDiagnosis {

namespace {

using Done = std::function<void(KeychainResult)>;

KeychainResult unavailable(const QString &message)
{
    return {KeychainStatus::Unavailable, message};
}

KeychainResult noKeychain()
{
#if APIACCESS_KEYCHAIN_DBUS
    return unavailable(SessionKeychain::tr("No keychain is available (Secret Service not "
                                           "running); you will have to sign in again next time."));
#else
    // Windows' Credential Manager and macOS's Keychain are always there;
    // say nothing about a Linux service there.
    return unavailable(SessionKeychain::tr("No keychain is available; you will have to sign in "
                                           "again next time."));
#endif
}

KeychainResult refused()
{
    return unavailable(SessionKeychain::tr("The keychain is locked or refused access; you will "
                                           "have to sign in again next time."));
}

#if APIACCESS_KEYCHAIN_DBUS
KeychainResult noSessionBus()
{
    return unavailable(SessionKeychain::tr("No keychain is available (no D-Bus session bus); you "
                                           "will have to sign in again next time."));
}

const QString kSecretService = u"org.freedesktop.secrets"_s;

// One asynchronous call on the session bus; `done` gets the reply.
void ask(QDBusMessage message, QObject *context, std::function<void(QDBusMessage)> done)
{
    message.setAutoStartService(false); // asking must not start a keyring
    auto *watcher =
        new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(message), context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context,
                     [done = std::move(done)](QDBusPendingCallWatcher *finished) {
                         finished->deleteLater();
                         done(finished->reply());
                     });
}

// After a failed job an activatable Secret Service has been started, so
// owning the name is the test.
void askWhyItFailed(QObject *context, Done done)
{
    if (!QDBusConnection::sessionBus().isConnected())
        return done(noSessionBus());
    QDBusMessage call =
        QDBusMessage::createMethodCall(u"org.freedesktop.DBus"_s, u"/org/freedesktop/DBus"_s,
                                       u"org.freedesktop.DBus"_s, u"NameHasOwner"_s);
    call << kSecretService;
    ask(call, context, [done = std::move(done)](const QDBusMessage &reply) {
        const bool owned =
            reply.type() == QDBusMessage::ReplyMessage && reply.arguments().value(0).toBool();
        done(owned ? refused() : noKeychain());
    });
}

// `result` unless the default collection is locked (then nothing could be
// found or deleted). No Secret Service to ask: `result`.
void unlessLocked(const KeychainResult &result, QObject *context, Done done)
{
    if (!QDBusConnection::sessionBus().isConnected())
        return done(result);
    QDBusMessage get = QDBusMessage::createMethodCall(
        kSecretService, u"/org/freedesktop/secrets/aliases/default"_s,
        u"org.freedesktop.DBus.Properties"_s, u"Get"_s);
    get << u"org.freedesktop.Secret.Collection"_s << u"Locked"_s;
    ask(get, context, [result, done = std::move(done)](const QDBusMessage &reply) {
        const bool locked = reply.type() == QDBusMessage::ReplyMessage
            && reply.arguments().value(0).value<QDBusVariant>().variant().toBool();
        done(locked ? refused() : result);
    });
}
#else
void unlessLocked(const KeychainResult &result, QObject *, Done done)
{
    done(result);
}
#endif

} // namespace

KeychainResult timedOut(std::chrono::milliseconds after)
{
    const int seconds = int(std::ceil(double(after.count()) / 1000.0));
    if (seconds <= 1)
        return unavailable(SessionKeychain::tr("The keychain did not answer within a second; you "
                                               "will have to sign in again next time."));
    return unavailable(SessionKeychain::tr("The keychain did not answer within %n seconds; you "
                                           "will have to sign in again next time.",
                                           nullptr, seconds));
}

void diagnose(QKeychain::Error error, const QString &detail, QObject *context, Done done)
{
    // QtKeychain's messages name the failure, never the data.
    if (error != QKeychain::NoError && error != QKeychain::EntryNotFound)
        qCInfo(lcKeychain) << "keychain job failed:" << int(error) << detail;
    switch (error) {
    case QKeychain::NoError:
        return unlessLocked({}, context, std::move(done));
    case QKeychain::EntryNotFound:
        return unlessLocked({KeychainStatus::NotFound,
                             SessionKeychain::tr("No session is saved for this connection.")},
                            context, std::move(done));
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return done(noKeychain());
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return done(refused());
    case QKeychain::CouldNotDeleteEntry:
        return done({KeychainStatus::Failed,
                     SessionKeychain::tr("The keychain could not delete the saved session (%1).")
                         .arg(detail)});
    case QKeychain::OtherError:
        break;
    }
#if APIACCESS_KEYCHAIN_DBUS
    askWhyItFailed(context, std::move(done));
#else
    done({KeychainStatus::Failed,
          SessionKeychain::tr("The keychain reported an error (%1).").arg(detail)});
#endif
}

} // namespace ApiAccess::KeychainDiagnosis
