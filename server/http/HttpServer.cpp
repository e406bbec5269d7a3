#include "http/HttpServer.h"

#include "http/HttpConnections.h"

#include <algorithm>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <openssl/ssl.h>
#include <sys/resource.h>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

namespace ApiAccess::Server {

namespace {

// setpriority(PRIO_PROCESS, 0, ...) applies to the calling thread on Linux.
constexpr int kBlockingNice = 5;
constexpr int kHeavyNice = 10;

// Threads running handlers that must not run on the network threads, at a
// lower priority than those (Linux nice is per thread): on a machine short
// of cores, a burst of writes or sign-ins never takes the CPU from
// verification.
class WorkerPool
{
public:
    explicit WorkerPool(const char *name)
        : m_name(name)
    { }
    net::io_context &context() { return m_context; }

    void start(int count, int nice)
    {
        m_work.emplace(m_context.get_executor());
        for (int i = 0; i < std::max(1, count); ++i) {
            m_threads.emplace_back([this, nice] {
                if (setpriority(PRIO_PROCESS, 0, nice) != 0)
                    qCDebug(lcHttp, "could not lower the priority of the %s pool", m_name);
                for (;;) {
                    try {
                        m_context.run();
                        return;
                    } catch (const std::exception &error) {
                        qCCritical(lcHttp, "%s pool thread caught: %s", m_name, error.what());
                    }
                }
            });
        }
    }

    // Handlers queued or running finish; returns once all threads ended.
    void join()
    {
        m_work.reset();
        for (std::thread &thread : m_threads)
            thread.join();
        m_threads.clear();
    }

private:
    const char *m_name;
    net::io_context m_context;
    std::optional<net::executor_work_guard<net::io_context::executor_type>> m_work;
    std::vector<std::thread> m_threads;
};

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

} // namespace

// Member order matters: what sessions use (state, TLS context) is declared
// before the io_contexts, whose destruction destroys the abandoned sessions.
class HttpServer::Impl
{
public:
    Impl(HttpServerOptions options, HttpHandler handler, HttpObserver observer)
        : state(std::move(options), std::move(handler), std::move(observer))
        , contexts(makeContexts(std::max(1, state.options.threads)))
    {
        state.blockingPool = &blocking.context();
        state.heavyPool = &heavy.context();
    }

    Result<QString, QString> start();
    void stop(std::chrono::milliseconds deadline);
    std::size_t openConnections() const { return state.connections.load(); }

private:
    Result<bool, QString> setUpTls();
    void accept();
    void onAccept(beast::error_code ec, Socket socket);

    ServerState state;
    std::optional<ssl::context> tlsContext;
    // One io_context per network thread, each run by its thread alone (as
    // nginx runs one event loop per worker): a connection lives on one
    // context, so its handlers are serialized without a strand, and threads
    // never wake each other or contend on a shared queue.
    static std::vector<std::unique_ptr<net::io_context>> makeContexts(int count)
    {
        std::vector<std::unique_ptr<net::io_context>> made;
        for (int i = 0; i < count; ++i)
            made.push_back(std::make_unique<net::io_context>(1));
        return made;
    }
    net::io_context &nextContext() { return *contexts[nextContextIndex++ % contexts.size()]; }
    std::vector<std::unique_ptr<net::io_context>> contexts;
    std::vector<net::executor_work_guard<net::io_context::executor_type>> contextWork;
    std::size_t nextContextIndex = 0; // the acceptor's thread only
    tcp::acceptor acceptor{contexts.front()->get_executor()};
    net::steady_timer acceptRetry{acceptor.get_executor()};
    std::vector<std::thread> threads;
    // After the io_contexts: destroyed first, as their jobs hold sessions
    // whose sockets belong to them.
    WorkerPool blocking{"blocking"};
    WorkerPool heavy{"heavy"};

    std::mutex stopMutex; // serializes start() and stop()
    bool started = false;
    bool stopped = false;
};

Result<bool, QString> HttpServer::Impl::setUpTls()
{
    const TlsFiles &files = *state.options.tls;
    tlsContext.emplace(ssl::context::tls_server);
    beast::error_code ec;
    tlsContext->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2
                                | ssl::context::no_sslv3 | ssl::context::no_tlsv1
                                | ssl::context::no_tlsv1_1 | ssl::context::single_dh_use,
                            ec);
    const std::string chain = files.certificateChainFile.toStdString();
    if (tlsContext->use_certificate_chain_file(chain, ec); ec)
        return fail(u"cannot load the TLS certificate chain %1: %2"_s.arg(
            files.certificateChainFile, fromStd(ec.message())));
    const std::string key = files.privateKeyFile.toStdString();
    if (tlsContext->use_private_key_file(key, ssl::context::pem, ec); ec)
        return fail(u"cannot load the TLS private key %1: %2"_s.arg(files.privateKeyFile,
                                                                    fromStd(ec.message())));
    if (SSL_CTX_check_private_key(tlsContext->native_handle()) != 1)
        return fail(u"the TLS private key %1 does not match the certificate %2"_s.arg(
            files.privateKeyFile, files.certificateChainFile));
    return true;
}

Result<QString, QString> HttpServer::Impl::start()
{
    std::lock_guard lock(stopMutex);
    if (started)
        return fail(u"the server was started before"_s);
    const HttpServerOptions &options = state.options;
    if (options.tls) {
        if (auto tls = setUpTls(); !tls)
            return fail(tls.error());
    }

    const QString host = options.address.toString();
    const QString shownHost =
        options.address.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + host + u']' : host;
    auto cannotListen = [&](const beast::error_code &ec) {
        return fail(u"cannot listen on %1:%2: %3"_s.arg(shownHost)
                        .arg(options.port)
                        .arg(fromStd(ec.message())));
    };

    beast::error_code ec;
    const net::ip::address address = net::ip::make_address(host.toStdString(), ec);
    if (ec)
        return cannotListen(ec);
    const tcp::endpoint endpoint(address, options.port);
    if (acceptor.open(endpoint.protocol(), ec); ec)
        return cannotListen(ec);
    if (acceptor.set_option(net::socket_base::reuse_address(true), ec); ec)
        return cannotListen(ec);
    if (acceptor.bind(endpoint, ec); ec)
        return cannotListen(ec);
    if (acceptor.listen(net::socket_base::max_listen_connections, ec); ec)
        return cannotListen(ec);
    const tcp::endpoint bound = acceptor.local_endpoint(ec);
    if (ec)
        return cannotListen(ec);

    started = true;
    blocking.start(options.blockingThreads, kBlockingNice);
    heavy.start(options.heavyThreads, kHeavyNice);
    accept();
    for (const auto &context : contexts) {
        contextWork.push_back(net::make_work_guard(*context));
        threads.emplace_back([&context = *context] {
            // Handlers catch their own exceptions; this keeps a worker
            // alive should anything else escape (e.g. std::bad_alloc).
            for (;;) {
                try {
                    context.run();
                    return;
                } catch (const std::exception &error) {
                    qCCritical(lcHttp, "worker thread caught: %s", error.what());
                }
            }
        });
    }
    return u"%1://%2:%3"_s.arg(options.tls ? u"https"_s : u"http"_s, shownHost).arg(bound.port());
}

void HttpServer::Impl::accept()
{
    acceptor.async_accept(nextContext().get_executor(),
                          beast::bind_front_handler(&Impl::onAccept, this));
}

void HttpServer::Impl::onAccept(beast::error_code ec, Socket socket)
{
    if (ec) {
        if (ec == net::error::operation_aborted || !acceptor.is_open())
            return;
        // Mostly out of file descriptors: retrying at once would spin.
        qCWarning(lcHttp, "accepting a connection failed: %s", ec.message().c_str());
        acceptRetry.expires_after(std::chrono::milliseconds(100));
        acceptRetry.async_wait([this](beast::error_code timerError) {
            if (!timerError && acceptor.is_open())
                accept();
        });
        return;
    }
    if (state.stopping.load()) {
        return; // the socket closes
    }

    beast::error_code endpointError;
    const tcp::endpoint remote = socket.remote_endpoint(endpointError);
    if (endpointError) {
        accept(); // already gone
        return;
    }
    const QHostAddress peer = toHostAddress(remote.address());
    socket.set_option(tcp::no_delay(true), endpointError);

    if (state.connections.fetch_add(1) >= state.options.maxConnections) {
        state.connections.fetch_sub(1);
        // A TLS 503 would cost a full handshake, the very work the cap sheds;
        // and the rejects themselves are capped so they cannot pile up.
        if (!state.options.tls && state.rejecting.load() < state.options.maxConnections)
            std::make_shared<RejectedConnection>(std::move(socket), state, peer)->run();
    } else if (tlsContext) {
        std::make_shared<SslSession>(std::move(socket), *tlsContext, state, peer)->run();
    } else {
        std::make_shared<PlainSession>(std::move(socket), state, peer)->run();
    }
    accept();
}

void HttpServer::Impl::stop(std::chrono::milliseconds deadline)
{
    std::lock_guard stopLock(stopMutex);
    if (!started || stopped)
        return;
    stopped = true;
    const auto end = std::chrono::steady_clock::now() + deadline;
    state.stopping.store(true);

    net::post(acceptor.get_executor(), [this] {
        beast::error_code ignored;
        acceptor.close(ignored);
        acceptRetry.cancel();
    });

    // Collected under the lock, used and released outside it: dropping the
    // last reference runs a session's destructor, which takes the lock.
    auto liveSessions = [this] {
        std::vector<std::shared_ptr<SessionHandle>> live;
        std::lock_guard lock(state.mutex);
        for (const std::weak_ptr<SessionHandle> &session : state.sessions) {
            if (auto alive = session.lock())
                live.push_back(std::move(alive));
        }
        return live;
    };
    for (const auto &session : liveSessions())
        session->stopGracefully();

    {
        std::unique_lock lock(state.mutex);
        state.drained.wait_until(lock, end, [this] { return state.connections.load() == 0; });
    }

    contextWork.clear();
    for (const auto &context : contexts)
        context->stop();
    for (std::thread &thread : threads)
        thread.join();
    threads.clear();
    // Handlers queued or running finish (their answers go nowhere now);
    // none can be added, since only the workers above add them.
    blocking.join();
    heavy.join();
    // No worker runs now, so touching the sockets from here is safe.
    for (const auto &session : liveSessions())
        session->forceClose();
}

HttpServer::HttpServer(HttpServerOptions options, HttpHandler handler, HttpObserver observer)
    : d(std::make_unique<Impl>(std::move(options), std::move(handler), std::move(observer)))
{ }

HttpServer::~HttpServer()
{
    d->stop(std::chrono::seconds(10));
}

Result<QString, QString> HttpServer::start()
{
    return d->start();
}

void HttpServer::stop(std::chrono::milliseconds deadline)
{
    d->stop(deadline);
}

std::size_t HttpServer::openConnections() const
{
    return d->openConnections();
}

} // namespace ApiAccess::Server
