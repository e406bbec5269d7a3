#pragma once

// The parts of the front that do not depend on the stream type: state shared
// by all connections, turning Beast messages into HttpRequest and
// HttpResponse into Beast messages, and the front's own answers.

#include "http/HttpServer.h"

#include <QLoggingCategory>

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <chrono>
#include <condition_variable>
#include <list>
#include <memory>
#include <mutex>
#include <string>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace ApiAccess::Server {

namespace beast = boost::beast;
namespace http = boost::beast::http;

using BeastRequest = http::request<http::string_body>;

// What HttpServer::stop() needs from a connection of either kind.
class SessionHandle
{
public:
    virtual ~SessionHandle() = default;
    // Thread-safe: an idle connection closes, a busy one after its answer.
    virtual void stopGracefully() = 0;
    // Only once no worker thread runs any more.
    virtual void forceClose() = 0;
};

struct ServerState
{
    ServerState(HttpServerOptions serverOptions, HttpHandler requestHandler,
                HttpObserver requestObserver);

    const HttpServerOptions options;
    const HttpHandler handler;
    const HttpObserver observer;
    const std::string serverHeader; // "apiaccess-server/<version>"

    // The front's own answers, built once.
    const HttpResponse badRequest; // 400, connection closed
    const HttpResponse payloadTooLarge; // 413
    const HttpResponse headersTooLarge; // 431
    const HttpResponse internalError; // 500
    const HttpResponse serviceUnavailable; // 503 with Retry-After
    std::string serviceUnavailableBytes; // the 503 serialized, for the connection cap

    // Run HandlerExecution::Blocking and ::Heavy handlers; owned by HttpServer.
    boost::asio::io_context *blockingPool = nullptr;
    boost::asio::io_context *heavyPool = nullptr;

    std::atomic<std::size_t> connections{0}; // served connections
    std::atomic<std::size_t> rejecting{0}; // being told 503
    std::atomic<bool> stopping{false};

    // Guards `sessions`; `drained` is signalled when a connection ends during stop().
    std::mutex mutex;
    std::condition_variable drained;
    std::list<std::weak_ptr<SessionHandle>> sessions;
};

QHostAddress toHostAddress(const boost::asio::ip::address &address);

// False when the target is not origin-form or its path has an invalid
// %-escape or an escaped NUL: the caller answers 400.
bool fillRequest(HttpRequest &request, BeastRequest &&message, const QHostAddress &peer,
                 const ClientAddressResolver &resolver, bool secure);

// The handler's answer; exceptions and impossible statuses become a 500.
HttpResponse callHandler(const ServerState &state, HttpRequest &request);

// 1xx, 204 and 304 answers have no body (RFC 9110 §6.4.1).
inline bool statusHasBody(int status)
{
    return status >= 200 && status != 204 && status != 304;
}

// The status line and header block of `answer`, ending in the blank line,
// into `out`; the body (none for HEAD) is sent after it as it is.
void serializeHead(const HttpResponse &answer, unsigned version, bool keepAlive,
                   const ServerState &state, std::string &out, bool withDate = true);

void notifyObserver(const ServerState &state, const HttpRequest &request,
                    const HttpResponse &response, std::chrono::steady_clock::time_point started);

} // namespace ApiAccess::Server
