#include "api/ApiRoutes.h"

#include "api/Handlers.h"
#include "http/Router.h"

namespace ApiAccess::Server {

void addApiRoutes(Router &router, ApiContext &context)
{
    using HandlerFunction = HttpResponse (*)(ApiContext &, HttpRequest &);
    constexpr auto Blocking = HandlerExecution::Blocking; // the database
    constexpr auto Heavy = HandlerExecution::Heavy; // password hashing
    constexpr auto Inline = HandlerExecution::Inline; // from memory: caches and counters
    const auto add = [&router, &context](std::string method, std::string_view pattern,
                                         HandlerFunction handler, HandlerExecution execution) {
        router.add(
            std::move(method), pattern,
            [&context, handler](HttpRequest &request) { return handler(context, request); },
            execution);
    };

    add("POST", "/api/v1/sessions", &Handlers::signIn, Heavy);
    add("DELETE", "/api/v1/sessions/current", &Handlers::signOut, Blocking);

    add("GET", "/api/v1/tokens", &Handlers::listTokens, Blocking);
    add("POST", "/api/v1/tokens", &Handlers::createToken, Blocking);
    add("GET", "/api/v1/tokens/{id}", &Handlers::getToken, Blocking);
    add("PATCH", "/api/v1/tokens/{id}", &Handlers::updateToken, Blocking);
    add("DELETE", "/api/v1/tokens/{id}", &Handlers::deleteToken, Blocking);
    add("GET", "/api/v1/tokens/{id}/secret", &Handlers::getTokenSecret, Blocking);
    add("POST", "/api/v1/tokens/{id}/rotate", &Handlers::rotateToken, Blocking);

    add("GET", "/api/v1/token", &Handlers::callingToken, Blocking);
    add("GET", "/api/v1/verify", &Handlers::verify, Inline);

    add("GET", "/healthz", &Handlers::health, Inline);
    add("GET", "/metrics", &Handlers::metrics, Inline);
}

} // namespace ApiAccess::Server
