#pragma once

#include <QDateTime>

#include <chrono>
#include <functional>

namespace ApiAccess::Server {

class TokenStore;
class AccountStore;
class AuditStore;
class SecretVault;
class Verifier;
class Authenticator;
class SignInThrottle;
class UsageRecorder;
class Metrics;
class DatabaseHealth;

// What the handlers work with. Owned by ServerApp; handlers only borrow.
struct ApiContext
{
    TokenStore &tokens;
    AccountStore &accounts;
    AuditStore &audit;
    const SecretVault &vault;
    Verifier &verifier;
    Authenticator &authenticator;
    SignInThrottle &throttle;
    UsageRecorder &usage;
    Metrics &metrics;
    const DatabaseHealth &health;

    qint64 nowMs() const { return QDateTime::currentMSecsSinceEpoch(); }
    // Stored times are whole seconds (see formatRfc3339), so "now" is too:
    // what a client reads back is exactly what was stored.
    QDateTime now() const { return QDateTime::fromSecsSinceEpoch(nowMs() / 1000, Qt::UTC); }
};

} // namespace ApiAccess::Server
