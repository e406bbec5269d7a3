#pragma once

#include <QHostAddress>
#include <QJsonObject>
#include <QUrlQuery>

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ApiAccess {
struct Problem;
}

namespace ApiAccess::Server {

// Where the front runs a request's handler.
enum class HandlerExecution {
    // Answered from memory (caches, counters): on the thread that serves
    // the connection, at once.
    Inline,
    // May wait on the database. On the front's blocking pool, so that
    // Inline requests never queue behind it.
    Blocking,
    // Costs much CPU and memory (Argon2id password hashing): on a small
    // pool of its own at the lowest priority, so that a burst of sign-ins
    // takes neither the threads database work needs nor every core.
    Heavy,
};

// A request as the handlers see it: independent of Boost.Beast, so handlers
// are plain functions that unit tests can call and the front can change.
struct HttpRequest
{
    std::string method; // as sent, e.g. "GET"
    std::string target; // raw request target, e.g. "/api/v1/tokens?limit=5"
    std::string path; // percent-decoded path without the query
    QUrlQuery query; // decoded query parameters
    // Header names in lower case. Repeated headers are joined with ", "
    // (RFC 9110 §5.3), so X-Forwarded-For spread over lines reads as one list.
    std::map<std::string, std::string> headers;
    std::string body;
    QHostAddress peerAddress; // the TCP peer
    QHostAddress clientAddress; // after --trusted-proxy resolution (PRODUCT.md §6)
    bool secure = false; // arrived over TLS

    // Filled by the router.
    bool routed = false;
    int routeId = -1; // the matched handler (Router's numbering); -1: none matched
    std::string route; // pattern, e.g. "/api/v1/tokens/{id}"
    std::map<std::string, std::string> pathParams; // e.g. {"id", "tok_..."}

    // Empty when absent. `name` must be lower case.
    std::string_view header(std::string_view name) const;
    bool hasHeader(std::string_view name) const;
};

struct HttpResponse
{
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers; // besides Content-Type/Length
    std::string contentType; // empty when there is no body
    std::string body;
    bool closeConnection = false;

    // For the request log and metrics only: the token id a request acted on
    // or authenticated with (public; never a secret).
    std::string logTokenId;
    // For metrics: how /api/v1/verify ended ("allowed", "unauthorized", ...;
    // static text).
    std::string_view verifyOutcome;

    void setHeader(std::string name, std::string value);
    std::string_view header(std::string_view name) const; // case-insensitive

    static HttpResponse json(int status, const QJsonObject &object);
    static HttpResponse problem(const Problem &problem);
    static HttpResponse noContent();
    static HttpResponse text(int status, std::string contentType, std::string body);
};

} // namespace ApiAccess::Server
