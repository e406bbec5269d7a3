#pragma once

#include "common/Result.h"
#include "http/ClientAddress.h"
#include "http/HttpMessage.h"

#include <QHostAddress>
#include <QString>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>

namespace ApiAccess::Server {

struct TlsFiles
{
    QString certificateChainFile; // PEM
    QString privateKeyFile; // PEM
};

struct HttpServerOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0; // 0 picks a free port
    int threads = 1;
    std::optional<TlsFiles> tls;

    std::size_t headerLimit = 16 * 1024; // larger header block: 431
    std::size_t bodyLimit = 1024 * 1024; // larger body: 413
    // A request (header and body) must arrive within this time once its
    // first byte has; a slow client is disconnected and cannot hold a worker.
    std::chrono::milliseconds readTimeout{10'000};
    // How long a keep-alive connection may wait for its next request.
    std::chrono::milliseconds idleTimeout{60'000};
    std::chrono::milliseconds writeTimeout{10'000};
    std::size_t maxConnections = 4096; // beyond: 503 and close

    // Matches a request before its handler runs and says where the handler
    // runs (Router::route); unset: every handler runs Inline.
    std::function<HandlerExecution(HttpRequest &)> placement;
    // Threads for Blocking handlers (database work), apart from the
    // `threads` that serve the network, at a lower priority.
    int blockingThreads = 4;
    // Threads for Heavy handlers (password hashing), at the lowest priority.
    int heavyThreads = 1;

    // Fills HttpRequest::clientAddress (--trusted-proxy, PRODUCT.md §6).
    ClientAddressResolver clientAddresses;
};

// Decides what the server answers. Runs on one of the worker threads, or on
// the blocking pool when `placement` says so; must be thread-safe.
// Exceptions are caught and become a 500 problem.
using HttpHandler = std::function<HttpResponse(HttpRequest &)>;

// Called after every response is written (or a connection dropped with an
// answer), for the request log and metrics. `request.route` is empty when
// the front answered by itself (400, 413, 431, 503).
using HttpObserver = std::function<void(const HttpRequest &request, const HttpResponse &response,
                                        std::chrono::nanoseconds duration)>;

// The HTTP/1.1 front: Boost.Beast over Asio, a pool of worker threads that
// serve the network and a pool for handlers that block, keep-alive, limits
// and timeouts, optional TLS. Everything the front
// answers by itself is an RFC 9457 problem document.
class HttpServer
{
public:
    HttpServer(HttpServerOptions options, HttpHandler handler, HttpObserver observer = {});
    ~HttpServer();
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    // Binds, listens and starts the worker threads. Returns the URL clients
    // use, e.g. "http://127.0.0.1:41234" or "https://[::1]:8443".
    Result<QString, QString> start();

    // Graceful stop: no new connections; requests in flight are answered,
    // idle keep-alive connections are closed; returns when all threads have
    // ended or `deadline` has passed (then remaining connections are cut).
    // Idempotent; callable from any thread except a worker (i.e. not from
    // inside a handler or the observer), and from the destructor.
    void stop(std::chrono::milliseconds deadline = std::chrono::seconds(10));

    std::size_t openConnections() const;

private:
    class Impl;
    std::unique_ptr<Impl> d;
};

} // namespace ApiAccess::Server
