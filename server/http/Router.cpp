#include "http/Router.h"

#include "http/PercentDecoding.h"
#include "wire/Problem.h"

#include <QStringList>

#include <stdexcept>

using namespace Qt::StringLiterals;

namespace ApiAccess::Server {

namespace {

constexpr std::string_view kGet = "GET";
constexpr std::string_view kHead = "HEAD";

// Segments of an absolute path; "/" is one empty segment.
void splitPath(std::string_view path, std::vector<std::string_view> &segments)
{
    path.remove_prefix(1);
    for (;;) {
        const std::size_t slash = path.find('/');
        segments.push_back(path.substr(0, slash));
        if (slash == std::string_view::npos)
            return;
        path.remove_prefix(slash + 1);
    }
}

std::string_view rawPath(const HttpRequest &request)
{
    if (request.target.empty())
        return request.path;
    const std::string_view target = request.target;
    return target.substr(0, target.find('?'));
}

} // namespace

std::vector<Router::Segment> Router::parsePattern(std::string_view pattern)
{
    if (pattern.empty() || pattern.front() != '/')
        throw std::invalid_argument("route pattern must start with '/'");
    std::vector<std::string_view> parts;
    splitPath(pattern, parts);
    std::vector<Segment> segments;
    segments.reserve(parts.size());
    for (const std::string_view part : parts) {
        if (part.size() > 2 && part.front() == '{' && part.back() == '}')
            segments.push_back({std::string(part.substr(1, part.size() - 2)), true});
        else
            segments.push_back({std::string(part), false});
    }
    return segments;
}

void Router::add(std::string method, std::string_view pattern, Handler handler,
                 HandlerExecution execution)
{
    const int id = int(m_routes.size());
    std::size_t index = 0;
    while (index < m_resources.size() && m_resources[index].pattern != pattern)
        ++index;
    if (index == m_resources.size())
        m_resources.push_back({std::string(pattern), parsePattern(pattern), {}});
    Resource &resource = m_resources[index];
    resource.methods.push_back({std::move(method), std::move(handler), execution, id});
    m_routes.emplace_back(index, resource.methods.size() - 1);
}

const Router::Method &Router::methodById(int id) const
{
    const auto &[resource, method] = m_routes.at(std::size_t(id));
    return m_resources[resource].methods[method];
}

std::vector<Router::RouteLabel> Router::routeLabels() const
{
    std::vector<RouteLabel> labels;
    labels.reserve(m_routes.size());
    for (const auto &[resource, method] : m_routes)
        labels.push_back(
            {m_resources[resource].methods[method].name, m_resources[resource].pattern});
    return labels;
}

bool Router::matches(const Resource &resource, const std::vector<std::string_view> &segments)
{
    if (resource.segments.size() != segments.size())
        return false;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const Segment &segment = resource.segments[i];
        if (!segment.isParameter) {
            if (segments[i] != segment.text)
                return false;
            continue;
        }
        // A parameter that is empty, badly escaped or decodes to '/' does not match.
        thread_local std::string decoded;
        decoded.clear();
        if (segments[i].empty() || !percentDecode(segments[i], decoded)
            || decoded.find('/') != std::string::npos)
            return false;
    }
    return true;
}

// Literal before parameter at the first position where the two differ.
bool Router::moreSpecific(const Resource &a, const Resource &b)
{
    for (std::size_t i = 0; i < a.segments.size() && i < b.segments.size(); ++i) {
        if (a.segments[i].isParameter != b.segments[i].isParameter)
            return !a.segments[i].isParameter;
    }
    return false;
}

const Router::Method *Router::findMethod(const Resource &resource, std::string_view method) const
{
    for (const Method &candidate : resource.methods) {
        if (candidate.name == method)
            return &candidate;
    }
    if (method == kHead)
        return findMethod(resource, kGet);
    return nullptr;
}

HandlerExecution Router::route(HttpRequest &request) const
{
    request.routed = true;
    request.routeId = -1;
    const std::string_view path = rawPath(request);
    if (path.empty() || path.front() != '/')
        return HandlerExecution::Inline;

    // Reused by each worker thread: no allocation per request.
    thread_local std::vector<std::string_view> segments;
    segments.clear();
    splitPath(path, segments);

    const Resource *best = nullptr;
    const Method *bestMethod = nullptr;
    for (const Resource &resource : m_resources) {
        if (!matches(resource, segments))
            continue;
        const Method *method = findMethod(resource, request.method);
        if (method && (!bestMethod || moreSpecific(resource, *best))) {
            best = &resource;
            bestMethod = method;
        }
    }
    if (!bestMethod)
        return HandlerExecution::Inline; // 404 or 405, from what is in memory

    request.routeId = bestMethod->id;
    request.route = best->pattern;
    request.pathParams.clear();
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const Segment &segment = best->segments[i];
        if (segment.isParameter) {
            std::string &value = request.pathParams[segment.text];
            value.clear();
            percentDecode(segments[i], value);
        }
    }
    return bestMethod->execution;
}

HttpResponse Router::dispatch(HttpRequest &request) const
{
    if (!request.routed)
        route(request);
    if (request.routeId >= 0)
        return methodById(request.routeId).handler(request);

    const std::string_view path = rawPath(request);
    if (path.empty() || path.front() != '/')
        return HttpResponse::problem(Problem::notFound());
    std::vector<std::string_view> segments;
    splitPath(path, segments);
    for (const Resource &resource : m_resources) {
        if (matches(resource, segments))
            return methodNotAllowed(request, segments);
    }
    return HttpResponse::problem(Problem::notFound());
}

HttpResponse Router::methodNotAllowed(const HttpRequest &request,
                                      const std::vector<std::string_view> &segments) const
{
    // Every method any matching pattern accepts, in registration order.
    QStringList allowed;
    auto allow = [&allowed](std::string_view name) {
        const QString method = QString::fromLatin1(name.data(), qsizetype(name.size()));
        if (!allowed.contains(method))
            allowed.append(method);
    };
    for (const Resource &resource : m_resources) {
        if (!matches(resource, segments))
            continue;
        for (const Method &method : resource.methods) {
            allow(method.name);
            if (method.name == kGet)
                allow(kHead);
        }
    }
    const QString method =
        QString::fromLatin1(request.method.data(), qsizetype(request.method.size()));
    HttpResponse response = HttpResponse::problem(Problem::methodNotAllowed(method, allowed));
    response.setHeader("Allow", allowed.join(u", "_s).toStdString());
    return response;
}

} // namespace ApiAccess::Server
