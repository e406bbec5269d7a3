#pragma once

#include "api/ApiContext.h"
#include "auth/Authenticator.h"
#include "common/Result.h"
#include "http/HttpMessage.h"
#include "store/StoreTypes.h"

#include <QJsonObject>
#include <QString>

#include <initializer_list>
#include <string_view>

namespace ApiAccess::Server {

// Small pieces every handler needs, so each handler reads as the steps of
// its endpoint.
namespace HandlerSupport {

// The JSON body of a POST/PATCH: checks Content-Type (application/json, or
// one of `alsoAccepted`), then parses. An empty body is `{}` when
// `emptyIsObject`, as for rotate, whose body is optional.
Result<QJsonObject, HttpResponse>
jsonBody(const HttpRequest &request, bool emptyIsObject = false,
         std::initializer_list<std::string_view> alsoAccepted = {});

// The {id} path parameter if it has the shape of a token id; otherwise the
// 404 to send (an id that cannot exist is simply not found).
Result<QString, HttpResponse> tokenIdParameter(const HttpRequest &request);

// The prologue of every /api/v1/tokens/{id} endpoint: the admin calling
// (or the 401/403 to send) and the id they name (or the 404).
struct TokenTarget
{
    Principal principal;
    QString id;
};
Result<TokenTarget, HttpResponse> adminAndTokenId(ApiContext &context, const HttpRequest &request);

// Loads a token or returns 404 / 503.
Result<StoredToken, HttpResponse> loadToken(ApiContext &context, const QString &id);
// Loads a token whose current version the request's If-Match admits (an
// absent header admits any), or returns 404 / 503 / 412 naming its ETag.
Result<StoredToken, HttpResponse> loadIfMatching(ApiContext &context, const HttpRequest &request,
                                                 const QString &id);

// Strong entity tag of a token's current revision: "r7" with the quotes.
std::string entityTag(const StoredToken &token);
// Whether an If-Match header (absent = yes, "*", or a list) admits `token`.
bool ifMatchAllows(std::string_view ifMatch, const StoredToken &token);

// A response carrying a token: 200/201 with its JSON and ETag.
HttpResponse tokenResponse(ApiContext &context, int status, const StoredToken &token);

Actor actorFor(const Principal &principal, const HttpRequest &request);
AuditEvent auditEvent(ApiContext &context, const Principal &principal, const HttpRequest &request,
                      AuditAction action, const QString &tokenId, const QString &detail = {});

// Maps a store failure to its answer (404, 412, 400 for a bad cursor, 503).
HttpResponse storeFailure(const StoreError &error, const QString &what);

// Answers that carry a secret must never be cached by anyone on the way.
void markNoStore(HttpResponse &response);

} // namespace HandlerSupport
} // namespace ApiAccess::Server
