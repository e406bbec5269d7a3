#pragma once

#include "api/ApiContext.h"
#include "http/HttpMessage.h"

namespace ApiAccess::Server::Handlers {

// One function per endpoint of PRODUCT.md §6; docs/api/openapi.yaml is
// their contract. ApiRoutes wires them to paths.

// Sessions (SessionHandlers.cpp)
HttpResponse signIn(ApiContext &context, HttpRequest &request);
HttpResponse signOut(ApiContext &context, HttpRequest &request);

// Reading tokens (TokenReadHandlers.cpp)
HttpResponse listTokens(ApiContext &context, HttpRequest &request);
HttpResponse getToken(ApiContext &context, HttpRequest &request);
HttpResponse getTokenSecret(ApiContext &context, HttpRequest &request);

// Changing tokens (TokenWriteHandlers.cpp)
HttpResponse createToken(ApiContext &context, HttpRequest &request);
HttpResponse updateToken(ApiContext &context, HttpRequest &request);
HttpResponse deleteToken(ApiContext &context, HttpRequest &request);
HttpResponse rotateToken(ApiContext &context, HttpRequest &request);

// Third-party checks (VerifyHandlers.cpp)
HttpResponse verify(ApiContext &context, HttpRequest &request);
HttpResponse callingToken(ApiContext &context, HttpRequest &request);

// Operations (OpsHandlers.cpp)
HttpResponse health(ApiContext &context, HttpRequest &request);
HttpResponse metrics(ApiContext &context, HttpRequest &request);

} // namespace ApiAccess::Server::Handlers
