#include "api/ApiRoutes.h"

#include "api/Handlers.h"
#include "http/Router.h"

namespace ApiAccess::Server {

void addApiRoutes(Router &router, ApiContext &context)
{
    using HandlerFunction = HttpResponse (*)(ApiContext &, HttpRequest &);
    const auto add = [&router, &context](std::string method, std::string_view pattern,
                                         HandlerFunction handler) {
        router.add(std::move(method), pattern,
                   [&context, handler](HttpRequest &request) { return handler(context, request); });
    };

    add("POST", "/api/v1/sessions", &Handlers::signIn);
    add("DELETE", "/api/v1/sessions/current", &Handlers::signOut);

    add("GET", "/api/v1/tokens", &Handlers::listTokens);
    add("POST", "/api/v1/tokens", &Handlers::createToken);
    add("GET", "/api/v1/tokens/{id}", &Handlers::getToken);
    add("PATCH", "/api/v1/tokens/{id}", &Handlers::updateToken);
    add("DELETE", "/api/v1/tokens/{id}", &Handlers::deleteToken);
    add("GET", "/api/v1/tokens/{id}/secret", &Handlers::getTokenSecret);
    add("POST", "/api/v1/tokens/{id}/rotate", &Handlers::rotateToken);

    add("GET", "/api/v1/token", &Handlers::callingToken);
    add("GET", "/api/v1/verify", &Handlers::verify);

    add("GET", "/healthz", &Handlers::health);
    add("GET", "/metrics", &Handlers::metrics);
}

} // namespace ApiAccess::Server
