#include "http/HttpExchange.h"

#include "common/Version.h"
#include "http/PercentDecoding.h"
#include "wire/Problem.h"

#include <QCoreApplication>

#include <array>
#include <boost/beast/http/status.hpp>
#include <charconv>
#include <cstdio>
#include <ctime>
#include <exception>

Q_LOGGING_CATEGORY(lcHttp, "apiaccess.http")

using namespace Qt::StringLiterals;

namespace ApiAccess::Server {

namespace {

HttpResponse plainProblem(int status, QString title, QString detail)
{
    Problem problem;
    problem.status = status;
    problem.title = std::move(title);
    problem.detail = std::move(detail);
    return HttpResponse::problem(problem);
}

HttpResponse makeServiceUnavailable()
{
    HttpResponse response = plainProblem(
        503, u"Service Unavailable"_s,
        QCoreApplication::translate(
            "HttpServer", "The server has too many open connections. Try again shortly."));
    response.setHeader("Retry-After", "1");
    response.closeConnection = true;
    return response;
}

// RFC 9110 §5.6.7 IMF-fixdate, formatted by hand: strftime's names follow
// the locale, which QCoreApplication sets from the environment. Cached per
// second and thread.
std::string_view httpDate()
{
    static constexpr std::array<const char *, 7> kDays{"Sun", "Mon", "Tue", "Wed",
                                                       "Thu", "Fri", "Sat"};
    static constexpr std::array<const char *, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    thread_local std::time_t cachedSecond = -1;
    thread_local std::array<char, 40> text{};
    thread_local std::size_t length = 0;
    const std::time_t now = std::time(nullptr);
    if (now != cachedSecond) {
        std::tm tm{};
        gmtime_r(&now, &tm);
        const int written = std::snprintf(
            text.data(), text.size(), "%s, %02d %s %04d %02d:%02d:%02d GMT",
            kDays[std::size_t(tm.tm_wday)], tm.tm_mday, kMonths[std::size_t(tm.tm_mon)],
            tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
        length = written > 0 ? std::size_t(written) : 0;
        cachedSecond = now;
    }
    return {text.data(), length};
}

bool isTokenChar(char c)
{
    static constexpr std::string_view kSpecials = "!#$%&'*+-.^_`|~";
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || kSpecials.find(c) != std::string_view::npos;
}

// Handler headers are ours, but a CR/LF taken from data must never split the
// response, and the framing headers belong to the front.
bool isSafeHeader(std::string_view name, std::string_view value)
{
    if (name.empty())
        return false;
    for (const char c : name) {
        if (!isTokenChar(c))
            return false;
    }
    if (value.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos)
        return false;
    return !beast::iequals(name, "content-length") && !beast::iequals(name, "transfer-encoding")
        && !beast::iequals(name, "connection");
}

} // namespace

ServerState::ServerState(HttpServerOptions serverOptions, HttpHandler requestHandler,
                         HttpObserver requestObserver)
    : options(std::move(serverOptions))
    , handler(std::move(requestHandler))
    , observer(std::move(requestObserver))
    , serverHeader(productToken(u"apiaccess-server"_s).toStdString())
    , badRequest(plainProblem(
          400, u"Bad Request"_s,
          QCoreApplication::translate("HttpServer", "The request is not valid HTTP/1.1.")))
    , payloadTooLarge(HttpResponse::problem(Problem::payloadTooLarge(qint64(options.bodyLimit))))
    , headersTooLarge(HttpResponse::problem(Problem::headersTooLarge()))
    , internalError(HttpResponse::problem(Problem::internalError()))
    , serviceUnavailable(makeServiceUnavailable())
{
    // Serialized once, so without a Date, which would go stale.
    serializeHead(serviceUnavailable, 11, false, *this, serviceUnavailableBytes, false);
    serviceUnavailableBytes += serviceUnavailable.body;
}

QHostAddress toHostAddress(const boost::asio::ip::address &address)
{
    if (address.is_v4())
        return QHostAddress(address.to_v4().to_uint());
    const boost::asio::ip::address_v6 v6 = address.to_v6();
    if (v6.is_v4_mapped())
        return QHostAddress(
            boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, v6).to_uint());
    const auto bytes = v6.to_bytes();
    return QHostAddress(bytes.data());
}

bool fillRequest(HttpRequest &request, BeastRequest &&message, const QHostAddress &peer,
                 const ClientAddressResolver &resolver, bool secure)
{
    request.method.assign(message.method_string());
    request.target.assign(message.target());
    const std::string_view target = request.target;
    if (target.empty() || target.front() != '/')
        return false;
    const std::size_t question = target.find('?');
    if (!percentDecode(target.substr(0, question), request.path))
        return false;
    if (question != std::string_view::npos) {
        const std::string_view query = target.substr(question + 1);
        request.query.setQuery(QString::fromUtf8(query.data(), qsizetype(query.size())));
    }
    for (const auto &field : message) {
        std::string name(field.name_string());
        for (char &c : name) {
            if (c >= 'A' && c <= 'Z')
                c = char(c - 'A' + 'a');
        }
        const auto [it, inserted] = request.headers.try_emplace(std::move(name), field.value());
        if (!inserted) {
            it->second += ", ";
            it->second += field.value();
        }
    }
    request.body = std::move(message.body());
    request.peerAddress = peer;
    request.clientAddress =
        resolver.resolve(peer, request.header("x-forwarded-for"), request.header("x-real-ip"));
    request.secure = secure;
    return true;
}

HttpResponse callHandler(const ServerState &state, HttpRequest &request)
{
    try {
        if (!state.handler)
            return HttpResponse::problem(Problem::notFound());
        HttpResponse response = state.handler(request);
        if (response.status >= 200 && response.status <= 599)
            return response;
        qCWarning(lcHttp, "handler for %s %s answered with status %d", request.method.c_str(),
                  request.route.c_str(), response.status);
    } catch (const std::exception &error) {
        // The route pattern, not the path: no ids or other request data in the log.
        qCWarning(lcHttp, "handler for %s %s failed: %s", request.method.c_str(),
                  request.route.c_str(), error.what());
    } catch (...) {
        qCWarning(lcHttp, "handler for %s %s failed with an unknown exception",
                  request.method.c_str(), request.route.c_str());
    }
    return state.internalError;
}

void appendNumber(std::string &out, std::uint64_t value)
{
    std::array<char, 24> digits{};
    const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), value).ptr;
    out.append(digits.data(), std::size_t(end - digits.data()));
}

void serializeHead(const HttpResponse &answer, unsigned version, bool keepAlive,
                   const ServerState &state, std::string &out, bool withDate)
{
    // Written by hand into one buffer (the body goes out beside it): this
    // runs for every request, and Beast's generic serializer costs more
    // than the rest of a cached verification.
    out.clear();
    out += version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ";
    appendNumber(out, std::uint64_t(answer.status));
    out += ' ';
    const std::string_view reason =
        http::obsolete_reason(http::int_to_status(unsigned(answer.status)));
    out += reason == "<unknown-status>" ? std::string_view("Unknown") : reason;
    out += "\r\nServer: ";
    out += state.serverHeader;
    if (withDate) {
        out += "\r\nDate: ";
        out += httpDate();
    }
    out += "\r\n";
    for (const auto &[name, value] : answer.headers) {
        if (!isSafeHeader(name, value)) {
            qCWarning(lcHttp, "dropped an invalid or reserved response header");
            continue;
        }
        out += name;
        out += ": ";
        out += value;
        out += "\r\n";
    }
    if (statusHasBody(answer.status)) {
        if (!answer.contentType.empty()) {
            out += "Content-Type: ";
            out += answer.contentType;
            out += "\r\n";
        }
        // HEAD: the GET answer's Content-Length, no body (RFC 9110 §9.3.2).
        out += "Content-Length: ";
        appendNumber(out, answer.body.size());
        out += "\r\n";
    }
    if (version == 10 && keepAlive)
        out += "Connection: keep-alive\r\n";
    else if (version != 10 && !keepAlive)
        out += "Connection: close\r\n";
    out += "\r\n";
}

void notifyObserver(const ServerState &state, const HttpRequest &request,
                    const HttpResponse &response, std::chrono::steady_clock::time_point started)
{
    if (!state.observer)
        return;
    try {
        state.observer(request, response, std::chrono::steady_clock::now() - started);
    } catch (const std::exception &error) {
        qCWarning(lcHttp, "request observer failed: %s", error.what());
    } catch (...) {
        qCWarning(lcHttp, "request observer failed with an unknown exception");
    }
}

} // namespace ApiAccess::Server
