#pragma once

#include "common/Result.h"
#include "http/HttpMessage.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <chrono>

namespace ApiAccess::Server {

class AccountStore;
class SecretVault;
class Verifier;

// Who is calling an admin endpoint.
struct Principal
{
    QString name; // admin user name, or "token:<id>"
    QString tokenId; // set when authenticated with an Administrative API token
    QByteArray sessionHash; // set when authenticated with a session
};

struct IssuedSession
{
    QByteArray token; // "ses_" + 43 base64url characters; shown once, stored only hashed
    QDateTime expiresAt;
};

// Admin endpoints accept `Authorization: Bearer <sessionToken>` or
// `Authorization: Basic <token>` of an Administrative token whose own
// allow-list admits the caller (PRODUCT.md §6).
class Authenticator
{
public:
    // A session ends after this long without use, and in any case after kAbsolute.
    static constexpr std::chrono::hours kIdleTimeout{24};
    static constexpr std::chrono::hours kAbsoluteTimeout{24 * 14};

    Authenticator(AccountStore &accounts, const SecretVault &vault, Verifier &verifier);

    // The principal, or the 401/403/503 answer to send.
    Result<Principal, HttpResponse> admin(const HttpRequest &request, qint64 nowMs);
    // Bearer sessions only (signing out needs a session to end).
    Result<Principal, HttpResponse> session(const HttpRequest &request, qint64 nowMs);

    Result<IssuedSession, QString> issueSession(const QString &username, qint64 nowMs);

private:
    AccountStore &m_accounts;
    const SecretVault &m_vault;
    Verifier &m_verifier;
};

} // namespace ApiAccess::Server
