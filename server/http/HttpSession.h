#pragma once

// One connection, plain or TLS, after Beast's advanced_server_flex example:
// the HTTP logic lives in the CRTP base, the stream in the derived class.
// Every operation is asynchronous and runs on the connection's thread (its
// io_context has one), so a slow client costs a socket and a few kilobytes,
// never a worker thread. Blocking and Heavy handlers run on pools of their
// own and hand their answer back to that thread.
//
// Phases and their clocks:
//   handshake (TLS)  readTimeout from accept
//   idle             idleTimeout: waiting for the first byte of a request
//   reading          readTimeout from that first byte for header and body
//   handling         the handler runs, inline or on a pool
//   writing          writeTimeout for the whole answer
//   closing          a short linger so the client reads our last answer

#include "http/HttpExchange.h"

#include <algorithm>
#include <array>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/stream_traits.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <limits>
#include <optional>

namespace ApiAccess::Server {

namespace net = boost::asio;
using tcp = net::ip::tcp;
// Connections use their io_context's executor type itself, not the
// type-erased any_io_executor: every operation would pay for the erasure.
using Executor = net::io_context::executor_type;
using Socket = net::basic_stream_socket<tcp, Executor>;
using Stream = beast::basic_stream<tcp, Executor>;

// How long a closing connection waits for the client to take our last answer.
inline std::chrono::milliseconds lingerTimeout(const HttpServerOptions &options)
{
    return std::min<std::chrono::milliseconds>(options.readTimeout, std::chrono::seconds(2));
}

template<class Derived>
class HttpSession : public SessionHandle
{
public:
    void stopGracefully() override
    {
        net::post(lowest().get_executor(),
                  [self = derived().shared_from_this()] { self->onStopRequested(); });
    }

    void forceClose() override
    {
        beast::error_code ignored;
        lowest().socket().close(ignored);
    }

    ~HttpSession() override
    {
        std::lock_guard lock(m_state.mutex);
        if (m_registered)
            m_state.sessions.erase(m_registration);
        m_state.connections.fetch_sub(1);
        if (m_state.stopping.load())
            m_state.drained.notify_all();
    }

protected:
    enum class Phase { Handshake, Idle, Reading, Handling, Writing, Closing };

    HttpSession(ServerState &state, QHostAddress peer)
        : m_state(state)
        , m_peer(std::move(peer))
    { }

    Derived &derived() { return static_cast<Derived &>(*this); }
    Stream &lowest() { return beast::get_lowest_layer(derived().stream()); }

    // Called by the derived class on its thread once a shared_ptr owns it.
    // False when stop() has begun: stop() sets `stopping` before it collects
    // the sessions under the same lock, so a session either is collected
    // and told to stop, or sees the flag here.
    bool registerSession()
    {
        std::lock_guard lock(m_state.mutex);
        m_state.sessions.push_front(derived().weak_from_this());
        m_registration = m_state.sessions.begin();
        m_registered = true;
        return !m_state.stopping.load();
    }

    void waitForRequest()
    {
        // Pipelined bytes of the next request may already be buffered.
        if (m_buffer.size() > 0)
            return readRequest();
        if (m_stopRequested || m_state.stopping.load(std::memory_order_relaxed))
            return;
        m_phase = Phase::Idle;
        lowest().expires_after(m_state.options.idleTimeout);
        // A plain read, not the parser: Beast's parser reports nothing until
        // the header is complete, and the first byte starts the read clock.
        derived().stream().async_read_some(
            m_buffer.prepare(kFirstReadSize),
            beast::bind_front_handler(&HttpSession::onFirstBytes, derived().shared_from_this()));
    }

    void onStopRequested()
    {
        m_stopRequested = true;
        if (m_phase == Phase::Handshake || m_phase == Phase::Idle || m_phase == Phase::Closing)
            lowest().cancel();
    }

private:
    static constexpr std::size_t kFirstReadSize = 4096;
    static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

    void onFirstBytes(beast::error_code ec, std::size_t bytes)
    {
        m_buffer.commit(bytes);
        if (ec)
            return; // closed, idle timeout or stop: the destructor closes the socket
        readRequest();
    }

    void readRequest()
    {
        m_phase = Phase::Reading;
        m_started = std::chrono::steady_clock::now();
        const HttpServerOptions &options = m_state.options;
        m_parser.emplace();
        m_parser->header_limit(static_cast<std::uint32_t>(
            std::min<std::size_t>(options.headerLimit, std::numeric_limits<std::uint32_t>::max())));
        m_parser->body_limit(options.bodyLimit);
        lowest().expires_after(options.readTimeout);
        http::async_read_header(
            derived().stream(), m_buffer, *m_parser,
            beast::bind_front_handler(&HttpSession::onHeader, derived().shared_from_this()));
    }

    void onHeader(beast::error_code ec, std::size_t)
    {
        if (ec)
            return onReadFailed(ec);
        // Beast frames a request whose Transfer-Encoding does not end in
        // chunked as bodiless; RFC 9112 §6.3 asks for a 400 instead, and
        // anything else invites request smuggling.
        if (m_parser->get().count(http::field::transfer_encoding) != 0 && !m_parser->chunked())
            return answerByFront(m_state.badRequest);
        // curl and others wait for this before sending a body (RFC 9110 §10.1.1).
        if (!m_parser->is_done()
            && beast::iequals(m_parser->get()[http::field::expect], "100-continue")) {
            net::async_write(derived().stream(), net::buffer(kContinue.data(), kContinue.size()),
                             beast::bind_front_handler(&HttpSession::onContinueSent,
                                                       derived().shared_from_this()));
            return;
        }
        readBody();
    }

    void onContinueSent(beast::error_code ec, std::size_t)
    {
        if (ec)
            return;
        readBody();
    }

    void readBody()
    {
        if (m_parser->is_done())
            return onRequest({}, 0);
        // The deadline set in readRequest() still holds: it is absolute.
        http::async_read(
            derived().stream(), m_buffer, *m_parser,
            beast::bind_front_handler(&HttpSession::onRequest, derived().shared_from_this()));
    }

    void onReadFailed(beast::error_code ec)
    {
        if (ec == http::error::header_limit)
            return answerByFront(m_state.headersTooLarge);
        if (ec == http::error::body_limit)
            return answerByFront(m_state.payloadTooLarge);
        if (ec == http::error::end_of_stream || ec == http::error::partial_message)
            return; // the client went away
        if (ec.category() == http::make_error_code(http::error::bad_method).category())
            return answerByFront(m_state.badRequest);
        // Timeouts (the stream is closed already), resets, cancellation.
        if (ec == beast::error::timeout)
            qCDebug(lcHttp, "closed a connection whose request did not arrive in time");
    }

    void onRequest(beast::error_code ec, std::size_t)
    {
        if (ec)
            return onReadFailed(ec);
        m_phase = Phase::Handling;
        BeastRequest message = m_parser->release();
        m_parser.reset();
        const bool keepAlive = message.keep_alive();
        m_version = message.version();
        m_head = message.method() == http::verb::head;
        m_request = HttpRequest();
        if (!fillRequest(m_request, std::move(message), m_peer, m_state.options.clientAddresses,
                         derived().isSecure()))
            return answerByFront(m_state.badRequest);
        const HandlerExecution execution = m_state.options.placement
            ? m_state.options.placement(m_request)
            : HandlerExecution::Inline;
        if (execution == HandlerExecution::Inline) {
            HttpResponse response = callHandler(m_state, m_request);
            const bool close = response.closeConnection;
            return write(std::move(response), keepAlive && !close);
        }
        // Off the network threads; the answer comes back to this
        // connection's thread. Nothing else touches m_request while the
        // phase is Handling.
        net::io_context &pool =
            execution == HandlerExecution::Heavy ? *m_state.heavyPool : *m_state.blockingPool;
        net::post(pool, [self = derived().shared_from_this(), keepAlive] {
            HttpResponse response = callHandler(self->m_state, self->m_request);
            net::post(self->lowest().get_executor(),
                      [self, keepAlive, response = std::move(response)]() mutable {
                          const bool close = response.closeConnection;
                          self->write(std::move(response), keepAlive && !close);
                      });
        });
    }

    // 400, 413, 431: what was read cannot be trusted to frame a next request.
    void answerByFront(const HttpResponse &answer)
    {
        m_request = HttpRequest();
        if (m_parser && m_parser->is_header_done()) {
            const BeastRequest &message = m_parser->get();
            m_request.method.assign(message.method_string());
            m_request.target.assign(message.target());
            m_version = message.version();
        }
        m_parser.reset();
        m_request.peerAddress = m_peer;
        m_request.clientAddress = m_peer;
        m_request.secure = derived().isSecure();
        m_head = false;
        write(HttpResponse(answer), false);
    }

    void write(HttpResponse &&answer, bool keepAlive)
    {
        m_phase = Phase::Writing;
        m_answer = std::move(answer);
        m_keepAlive = keepAlive && !m_stopRequested && !m_state.stopping.load();
        serializeHead(m_answer, m_version, m_keepAlive, m_state, m_headerBlock);
        const std::array<net::const_buffer, 2> pieces{
            net::buffer(m_headerBlock),
            // HEAD: the GET answer's header, no body (RFC 9110 §9.3.2).
            m_head || !statusHasBody(m_answer.status) ? net::const_buffer()
                                                      : net::buffer(m_answer.body)};
        lowest().expires_after(m_state.options.writeTimeout);
        net::async_write(
            derived().stream(), pieces,
            beast::bind_front_handler(&HttpSession::onWritten, derived().shared_from_this()));
    }

    void onWritten(beast::error_code ec, std::size_t)
    {
        notifyObserver(m_state, m_request, m_answer, m_started);
        m_answer = HttpResponse();
        m_request = HttpRequest();
        if (ec)
            return;
        if (!m_keepAlive) {
            m_phase = Phase::Closing;
            return derived().closeGracefully();
        }
        waitForRequest();
    }

protected:
    ServerState &m_state;
    const QHostAddress m_peer;
    beast::flat_buffer m_buffer;
    Phase m_phase = Phase::Idle;
    bool m_stopRequested = false;

private:
    std::optional<http::request_parser<http::string_body>> m_parser;
    std::string m_headerBlock; // the answer's status line and header block
    HttpRequest m_request;
    HttpResponse m_answer;
    std::chrono::steady_clock::time_point m_started = std::chrono::steady_clock::now();
    unsigned m_version = 11;
    bool m_head = false;
    bool m_keepAlive = false;
    bool m_registered = false;
    std::list<std::weak_ptr<SessionHandle>>::iterator m_registration;
};

} // namespace ApiAccess::Server
