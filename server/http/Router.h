#pragma once

#include "http/HttpMessage.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace ApiAccess::Server {

// Maps method + path pattern to a handler. Patterns are literal segments and
// `{name}` parameters: "/api/v1/tokens/{id}/secret".
//
// Matching rules:
// - The raw path of `request.target` (before '?') is split at '/', so an
//   escaped slash (%2F) can never forge a segment boundary. Literal segments
//   compare byte for byte with the raw segment; parameters are
//   percent-decoded into `request.pathParams`. A parameter never matches an
//   empty segment, nor one that decodes to something containing '/' or NUL.
//   When `target` is empty (handler unit tests), `request.path` is used.
// - A trailing slash is a different path: "/api/v1/tokens/" is a 404.
// - A literal segment beats a parameter at the same position, whatever the
//   order of registration.
// - HEAD is answered by the GET handler (the front drops the body) and is
//   listed in Allow wherever GET is.
// - Path known, method not: 405 with `Allow`; path unknown: 404. Both are
//   problem documents.
//
// Each handler says where it runs (HandlerExecution): the front answers
// Inline handlers on the thread that serves the connection and hands
// Blocking and Heavy ones to pools of their own, so that a request answered
// from memory never waits behind the database or a password hash.
//
// Register everything before the server starts: route() and dispatch() are
// const and take no lock, so they run on all worker threads at once.
class Router
{
public:
    using Handler = std::function<HttpResponse(HttpRequest &)>;

    // `method` is case-sensitive (RFC 9110 §9.1), e.g. "GET".
    void add(std::string method, std::string_view pattern, Handler handler,
             HandlerExecution execution = HandlerExecution::Blocking);

    // Matches the request: fills request.route, pathParams and routeId
    // (-1 when nothing matched: dispatch() answers 404 or 405 inline), and
    // says where its handler must run.
    HandlerExecution route(HttpRequest &request) const;
    // Answers a request route() has matched (or matches it first).
    HttpResponse dispatch(HttpRequest &request) const;
    HttpResponse operator()(HttpRequest &request) const { return dispatch(request); }

    // The handlers in routeId order: their method and pattern (for metrics).
    struct RouteLabel
    {
        std::string method;
        std::string pattern;
    };
    std::vector<RouteLabel> routeLabels() const;

private:
    struct Segment
    {
        std::string text; // literal text, or the parameter's name
        bool isParameter = false;
    };
    struct Method
    {
        std::string name;
        Handler handler;
        HandlerExecution execution;
        int id; // dense, in registration order
    };
    struct Resource
    {
        std::string pattern;
        std::vector<Segment> segments;
        std::vector<Method> methods;
    };

    static std::vector<Segment> parsePattern(std::string_view pattern);
    static bool matches(const Resource &resource, const std::vector<std::string_view> &segments);
    static bool moreSpecific(const Resource &a, const Resource &b);
    const Method *findMethod(const Resource &resource, std::string_view method) const;
    HttpResponse methodNotAllowed(const HttpRequest &request,
                                  const std::vector<std::string_view> &segments) const;

    std::vector<Resource> m_resources;
    // routeId -> (resource, method) indices; indices, not pointers, since
    // the vectors grow while handlers are added.
    std::vector<std::pair<std::size_t, std::size_t>> m_routes;
    const Method &methodById(int id) const;
};

} // namespace ApiAccess::Server
