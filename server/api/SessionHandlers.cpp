#include "api/HandlerSupport.h"
#include "api/Handlers.h"
#include "api/Problems.h"
#include "auth/Authenticator.h"
#include "auth/SignInThrottle.h"
#include "crypto/PasswordHash.h"
#include "iprange/IpRange.h"
#include "store/AccountStore.h"
#include "store/AuditStore.h"
#include "store/TokenStore.h"
#include "wire/JsonReader.h"
#include "wire/Rfc3339.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace ApiAccess::Server::Handlers {

Q_LOGGING_CATEGORY(lcSessions, "apiaccess.sessions")

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("SessionHandlers", text);
}
} // namespace

HttpResponse signIn(ApiContext &context, HttpRequest &request)
{
    auto body = HandlerSupport::jsonBody(request);
    if (!body)
        return std::move(body).error();
    JsonReader in(body.value());
    in.rejectUnknownFields({u"username", u"password"});
    const auto username = in.string(u"username", JsonReader::Required);
    const auto password = in.string(u"password", JsonReader::Required);
    if (in.hasErrors())
        return Problems::validation(in.errors());

    const qint64 nowMs = context.nowMs();
    const QString address = IpRange::fromAddress(request.clientAddress).toString();
    const auto wait = context.throttle.retryAfter(*username, address, nowMs);
    if (!wait)
        return HandlerSupport::storeFailure(wait.error(), QString());
    if (wait.value())
        return Problems::tooManyRequests(*wait.value());

    const QByteArray passwordBytes = password->toUtf8();
    const auto account = context.accounts.findAdmin(*username);
    bool accepted = false;
    if (account) {
        accepted = PasswordHash::verify(account->passwordHash, passwordBytes);
    } else if (account.error().code == StoreErrorCode::NotFound) {
        PasswordHash::burnVerificationTime(passwordBytes); // same time as a wrong password
    } else {
        return HandlerSupport::storeFailure(account.error(), QString());
    }

    const Principal principal{accepted ? account->username : *username, QString(), QByteArray()};
    if (!accepted) {
        if (const auto counted = context.throttle.recordFailure(*username, address, nowMs);
            !counted)
            return HandlerSupport::storeFailure(counted.error(), QString());
        (void)context.audit.recordAudit(HandlerSupport::auditEvent(
            context, principal, request, AuditAction::SignInFailed, QString()));
        return Problems::unauthorized(tr("The user name or password is wrong."));
    }

    if (const auto cleared = context.throttle.recordSuccess(*username, address); !cleared)
        return HandlerSupport::storeFailure(cleared.error(), QString());
    const auto session = context.authenticator.issueSession(account->username, nowMs);
    if (!session) {
        qCWarning(lcSessions) << "could not store a session:" << session.error();
        return Problems::serviceUnavailable();
    }
    (void)context.audit.recordAudit(
        HandlerSupport::auditEvent(context, principal, request, AuditAction::SignedIn, QString()));

    HttpResponse response =
        HttpResponse::json(201,
                           QJsonObject{{u"sessionToken"_s, QString::fromLatin1(session->token)},
                                       {u"expiresAt"_s, formatRfc3339(session->expiresAt)},
                                       {u"username"_s, account->username}});
    HandlerSupport::markNoStore(response);
    return response;
}

HttpResponse signOut(ApiContext &context, HttpRequest &request)
{
    const auto principal = context.authenticator.session(request, context.nowMs());
    if (!principal)
        return principal.error();
    const auto deleted = context.accounts.deleteSession(principal->sessionHash);
    if (!deleted && deleted.error().code != StoreErrorCode::NotFound)
        return HandlerSupport::storeFailure(deleted.error(), QString());
    (void)context.audit.recordAudit(HandlerSupport::auditEvent(context, principal.value(), request,
                                                               AuditAction::SignedOut, QString()));
    return HttpResponse::noContent();
}

} // namespace ApiAccess::Server::Handlers
