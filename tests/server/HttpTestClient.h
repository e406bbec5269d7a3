#pragma once

// A deliberately dumb HTTP/1.1 client over blocking POSIX sockets with
// receive timeouts: it sends exactly the bytes a test gives it (malformed,
// partial, oversized) and waits for answers or a close without an event loop
// and without fixed sleeps.

#include <QHostAddress>

#include <arpa/inet.h>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <map>
#include <netinet/in.h>
#include <optional>
#include <string>
#include <string_view>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

struct RawResponse
{
    int status = 0;
    std::map<std::string, std::string> headers; // lower-case names
    std::string body;

    std::string header(const std::string &name) const
    {
        const auto it = headers.find(name);
        return it == headers.end() ? std::string() : it->second;
    }
};

class RawClient
{
public:
    RawClient() = default;
    RawClient(const RawClient &) = delete;
    RawClient &operator=(const RawClient &) = delete;
    ~RawClient() { close(); }

    bool connectTo(const QHostAddress &address, quint16 port)
    {
        close();
        sockaddr_storage storage{};
        socklen_t length = 0;
        if (address.protocol() == QAbstractSocket::IPv6Protocol) {
            auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
            in6->sin6_family = AF_INET6;
            in6->sin6_port = htons(port);
            const Q_IPV6ADDR bytes = address.toIPv6Address();
            std::memcpy(&in6->sin6_addr, bytes.c, 16);
            length = sizeof(sockaddr_in6);
        } else {
            auto *in4 = reinterpret_cast<sockaddr_in *>(&storage);
            in4->sin_family = AF_INET;
            in4->sin_port = htons(port);
            in4->sin_addr.s_addr = htonl(address.toIPv4Address());
            length = sizeof(sockaddr_in);
        }
        m_fd = ::socket(storage.ss_family, SOCK_STREAM, 0);
        if (m_fd < 0)
            return false;
        if (::connect(m_fd, reinterpret_cast<sockaddr *>(&storage), length) != 0) {
            close();
            return false;
        }
        return true;
    }

    bool isConnected() const { return m_fd >= 0; }

    bool send(std::string_view bytes)
    {
        while (!bytes.empty()) {
            const ssize_t sent = ::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
            if (sent <= 0)
                return false;
            bytes.remove_prefix(std::size_t(sent));
        }
        return true;
    }

    // One response; for HEAD the body is not read whatever Content-Length says.
    std::optional<RawResponse>
    readResponse(bool head = false, std::chrono::milliseconds timeout = std::chrono::seconds(5))
    {
        std::size_t end;
        while ((end = m_pending.find("\r\n\r\n")) == std::string::npos) {
            if (!receive(timeout))
                return std::nullopt;
        }
        RawResponse response;
        const std::string head_ = m_pending.substr(0, end);
        m_pending.erase(0, end + 4);
        std::size_t lineEnd = head_.find("\r\n");
        const std::string statusLine = head_.substr(0, lineEnd);
        if (statusLine.size() < 12 || statusLine.compare(0, 9, "HTTP/1.1 ") != 0)
            return std::nullopt;
        response.status = std::stoi(statusLine.substr(9, 3));
        while (lineEnd != std::string::npos) {
            const std::size_t start = lineEnd + 2;
            lineEnd = head_.find("\r\n", start);
            const std::string line = head_.substr(start, lineEnd - start);
            const std::size_t colon = line.find(':');
            if (colon == std::string::npos)
                continue;
            std::string name = line.substr(0, colon);
            for (char &c : name)
                c = char(std::tolower(static_cast<unsigned char>(c)));
            std::string value = line.substr(colon + 1);
            value.erase(0, value.find_first_not_of(' '));
            response.headers[name] = value;
        }
        const std::string length = response.header("content-length");
        const std::size_t bodySize = head || length.empty() ? 0 : std::stoul(length);
        while (m_pending.size() < bodySize) {
            if (!receive(timeout))
                return std::nullopt;
        }
        response.body = m_pending.substr(0, bodySize);
        m_pending.erase(0, bodySize);
        return response;
    }

    // True when the server closes (EOF or reset) within `timeout`; false on
    // timeout or if it sends more bytes.
    bool waitForClose(std::chrono::milliseconds timeout = std::chrono::seconds(5))
    {
        if (!m_pending.empty())
            return false;
        setTimeout(timeout);
        char byte = 0;
        const ssize_t received = ::recv(m_fd, &byte, 1, 0);
        if (received == 0)
            return true;
        return received < 0 && (errno == ECONNRESET || errno == EPIPE);
    }

    void close()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
        m_pending.clear();
    }

private:
    void setTimeout(std::chrono::milliseconds timeout)
    {
        timeval tv{};
        tv.tv_sec = time_t(timeout.count() / 1000);
        tv.tv_usec = suseconds_t((timeout.count() % 1000) * 1000);
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    }

    bool receive(std::chrono::milliseconds timeout)
    {
        setTimeout(timeout);
        char buffer[16384];
        const ssize_t received = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (received <= 0)
            return false;
        m_pending.append(buffer, std::size_t(received));
        return true;
    }

    int m_fd = -1;
    std::string m_pending;
};
