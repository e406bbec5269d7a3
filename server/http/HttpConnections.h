#pragma once

// The two kinds of connection HttpSession serves, and the short-lived one
// that tells a client over the connection cap to come back later.

#include "http/HttpSession.h"

#include <array>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

namespace ApiAccess::Server {

namespace ssl = net::ssl;

class PlainSession : public HttpSession<PlainSession>,
                     public std::enable_shared_from_this<PlainSession>
{
public:
    PlainSession(Socket &&socket, ServerState &state, QHostAddress peer)
        : HttpSession(state, std::move(peer))
        , m_stream(std::move(socket))
    { }

    void run()
    {
        net::dispatch(m_stream.get_executor(),
                      beast::bind_front_handler(&PlainSession::start, shared_from_this()));
    }

    Stream &stream() { return m_stream; }
    static constexpr bool isSecure() { return false; }

    // Half-close, then read and drop what the client still sends until it
    // closes too: closing with unread data would make the kernel send a
    // reset, which can destroy our answer before the client has read it.
    void closeGracefully()
    {
        beast::error_code ec;
        m_stream.socket().shutdown(Socket::shutdown_send, ec);
        if (ec)
            return;
        m_stream.expires_after(lingerTimeout(m_state.options));
        linger();
    }

private:
    void start()
    {
        if (registerSession())
            waitForRequest();
    }

    void linger()
    {
        m_stream.async_read_some(
            m_buffer.prepare(4096),
            beast::bind_front_handler(&PlainSession::onLinger, shared_from_this()));
    }

    void onLinger(beast::error_code ec, std::size_t)
    {
        if (!ec)
            linger();
    }

    Stream m_stream;
};

class SslSession : public HttpSession<SslSession>, public std::enable_shared_from_this<SslSession>
{
public:
    SslSession(Socket &&socket, ssl::context &context, ServerState &state, QHostAddress peer)
        : HttpSession(state, std::move(peer))
        , m_stream(std::move(socket), context)
    { }

    void run()
    {
        net::dispatch(m_stream.get_executor(),
                      beast::bind_front_handler(&SslSession::start, shared_from_this()));
    }

    beast::ssl_stream<Stream> &stream() { return m_stream; }
    static constexpr bool isSecure() { return true; }

    void closeGracefully()
    {
        lowest().expires_after(lingerTimeout(m_state.options));
        m_stream.async_shutdown(
            beast::bind_front_handler(&SslSession::onShutdown, shared_from_this()));
    }

private:
    void start()
    {
        if (!registerSession())
            return;
        m_phase = Phase::Handshake;
        // A client that starts a handshake and stalls is a slow client too.
        lowest().expires_after(m_state.options.readTimeout);
        m_stream.async_handshake(
            ssl::stream_base::server,
            beast::bind_front_handler(&SslSession::onHandshake, shared_from_this()));
    }

    void onHandshake(beast::error_code ec)
    {
        if (ec) {
            qCDebug(lcHttp, "TLS handshake failed: %s", ec.message().c_str());
            return;
        }
        waitForRequest();
    }

    void onShutdown(beast::error_code) { }

    beast::ssl_stream<Stream> m_stream;
};

// Over the connection cap: a prepared 503, then close. It never reads a
// request, so it costs no parsing and cannot be held open by the client.
class RejectedConnection : public std::enable_shared_from_this<RejectedConnection>
{
public:
    RejectedConnection(Socket &&socket, ServerState &state, QHostAddress peer)
        : m_stream(std::move(socket))
        , m_state(state)
        , m_peer(std::move(peer))
    {
        m_state.rejecting.fetch_add(1);
    }
    ~RejectedConnection() { m_state.rejecting.fetch_sub(1); }
    RejectedConnection(const RejectedConnection &) = delete;
    RejectedConnection &operator=(const RejectedConnection &) = delete;

    void run()
    {
        m_stream.expires_after(m_state.options.writeTimeout);
        net::async_write(
            m_stream, net::buffer(m_state.serviceUnavailableBytes),
            beast::bind_front_handler(&RejectedConnection::onWritten, shared_from_this()));
    }

private:
    void onWritten(beast::error_code ec, std::size_t)
    {
        HttpRequest request;
        request.peerAddress = m_peer;
        request.clientAddress = m_peer;
        notifyObserver(m_state, request, m_state.serviceUnavailable, m_started);
        if (ec)
            return;
        m_stream.socket().shutdown(Socket::shutdown_send, ec);
        if (ec)
            return;
        m_stream.expires_after(lingerTimeout(m_state.options));
        linger();
    }

    void linger()
    {
        m_stream.async_read_some(
            net::buffer(m_discard),
            beast::bind_front_handler(&RejectedConnection::onLinger, shared_from_this()));
    }

    void onLinger(beast::error_code ec, std::size_t)
    {
        if (!ec)
            linger();
    }

    Stream m_stream;
    ServerState &m_state;
    const QHostAddress m_peer;
    const std::chrono::steady_clock::time_point m_started = std::chrono::steady_clock::now();
    std::array<char, 1024> m_discard{};
};

} // namespace ApiAccess::Server
