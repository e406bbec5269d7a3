#include "api/HandlerSupport.h"
#include "api/Handlers.h"
#include "api/Problems.h"
#include "ops/Metrics.h"
#include "store/AccountStore.h"
#include "store/AuditStore.h"
#include "store/TokenStore.h"
#include "verify/Verifier.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace ApiAccess::Server::Handlers {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("VerifyHandlers", text);
}

HttpResponse forbiddenFor(const VerifyResult &result, const HttpRequest &request,
                          std::optional<AccessLevel> minimum)
{
    if (result.outcome == VerifyOutcome::ForbiddenAddress)
        return Problems::forbidden(
            tr("This API token may not be used from %1: the address is outside its allowed IP "
               "ranges.")
                .arg(IpRange::fromAddress(request.clientAddress).toString()));
    return Problems::forbidden(
        tr("This request needs the access level %1 or higher; the token has %2.")
            .arg(AccessLevels::displayName(minimum.value_or(AccessLevel::RestrictedReadOnly)),
                 AccessLevels::displayName(result.token->accessLevel)));
}

} // namespace

HttpResponse verify(ApiContext &context, HttpRequest &request)
{
    std::optional<AccessLevel> minimum;
    if (request.query.hasQueryItem(u"minLevel"_s)) {
        const auto level = AccessLevels::parse(request.query.queryItemValue(u"minLevel"_s));
        if (!level)
            return Problems::badRequest(tr("The minLevel parameter is not an access level."),
                                        {FieldError{u"minLevel"_s, level.error().message}});
        minimum = *level;
    }

    const VerifyResult result = context.verifier.verify(
        request.header("authorization"), request.clientAddress, minimum, context.nowMs());
    HttpResponse response;
    switch (result.outcome) {
    case VerifyOutcome::Allowed:
        response = HttpResponse::noContent();
        response.headers.reserve(3);
        response.setHeader("X-Token-Id", result.token->idText);
        response.setHeader("X-Access-Level", result.token->accessLevelText);
        break;
    case VerifyOutcome::Unauthorized:
        response = Problems::tokenRejected();
        break;
    case VerifyOutcome::ForbiddenAddress:
    case VerifyOutcome::ForbiddenLevel:
        response = forbiddenFor(result, request, minimum);
        break;
    case VerifyOutcome::Unavailable:
        response = Problems::serviceUnavailable();
        break;
    }
    if (result.token)
        response.logTokenId = result.token->idText;
    response.verifyOutcome = verifyOutcomeId(result.outcome);
    // A gateway must never reuse one answer for another client.
    response.setHeader("Cache-Control", "no-store");
    return response;
}

HttpResponse callingToken(ApiContext &context, HttpRequest &request)
{
    const VerifyResult result = context.verifier.verify(
        request.header("authorization"), request.clientAddress, std::nullopt, context.nowMs());
    HttpResponse response;
    switch (result.outcome) {
    case VerifyOutcome::Allowed: {
        const auto token = HandlerSupport::loadToken(context, result.token->id);
        if (!token) {
            // Deleted between the check and the read: as good as unknown.
            response = Problems::tokenRejected();
            break;
        }
        response = HandlerSupport::tokenResponse(context, 200, token.value());
        break;
    }
    case VerifyOutcome::Unauthorized:
        response = Problems::tokenRejected();
        break;
    case VerifyOutcome::ForbiddenAddress:
    case VerifyOutcome::ForbiddenLevel:
        response = forbiddenFor(result, request, std::nullopt);
        break;
    case VerifyOutcome::Unavailable:
        response = Problems::serviceUnavailable();
        break;
    }
    if (result.token)
        response.logTokenId = result.token->id.toStdString();
    response.verifyOutcome = verifyOutcomeId(result.outcome);
    return response;
}

} // namespace ApiAccess::Server::Handlers
