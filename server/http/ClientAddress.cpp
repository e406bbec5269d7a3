#include "http/ClientAddress.h"

#include <arpa/inet.h>
#include <array>
#include <cstring>
#include <optional>

namespace ApiAccess::Server {

namespace {

std::string_view trimmed(std::string_view text)
{
    constexpr std::string_view kSpace = " \t";
    const std::size_t first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

// ":1" .. ":65535"
bool isPortSuffix(std::string_view text)
{
    if (text.size() < 2 || text.size() > 6 || text.front() != ':')
        return false;
    unsigned value = 0;
    for (const char c : text.substr(1)) {
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + unsigned(c - '0');
    }
    return value <= 65535;
}

QHostAddress normalized(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        bool mapped = false;
        const quint32 ipv4 = address.toIPv4Address(&mapped);
        if (mapped)
            return QHostAddress(ipv4);
    }
    return address;
}

// inet_pton is strict: dotted quads only (no "127.1", no octal), no zone ids.
std::optional<QHostAddress> parseHost(std::string_view host, int family)
{
    std::array<char, INET6_ADDRSTRLEN + 1> text{};
    if (host.empty() || host.size() >= text.size())
        return std::nullopt;
    std::memcpy(text.data(), host.data(), host.size());
    if (family == AF_INET) {
        in_addr address{};
        if (inet_pton(AF_INET, text.data(), &address) != 1)
            return std::nullopt;
        return QHostAddress(ntohl(address.s_addr));
    }
    in6_addr address{};
    if (inet_pton(AF_INET6, text.data(), &address) != 1)
        return std::nullopt;
    return normalized(QHostAddress(address.s6_addr));
}

// One X-Forwarded-For / X-Real-IP entry: "1.2.3.4", "1.2.3.4:5678",
// "2001:db8::1", "[2001:db8::1]" or "[2001:db8::1]:443".
std::optional<QHostAddress> parseEntry(std::string_view entry)
{
    entry = trimmed(entry);
    if (entry.empty())
        return std::nullopt;
    if (entry.front() == '[') {
        const std::size_t close = entry.find(']');
        if (close == std::string_view::npos)
            return std::nullopt;
        const std::string_view rest = entry.substr(close + 1);
        if (!rest.empty() && !isPortSuffix(rest))
            return std::nullopt;
        return parseHost(entry.substr(1, close - 1), AF_INET6);
    }
    const std::size_t colon = entry.find(':');
    if (colon == std::string_view::npos)
        return parseHost(entry, AF_INET);
    if (entry.find(':', colon + 1) == std::string_view::npos) {
        if (!isPortSuffix(entry.substr(colon)))
            return std::nullopt;
        return parseHost(entry.substr(0, colon), AF_INET);
    }
    return parseHost(entry, AF_INET6);
}

} // namespace

ClientAddressResolver::ClientAddressResolver(IpAllowList trustedProxies)
    : m_trustedProxies(std::move(trustedProxies))
{ }

bool ClientAddressResolver::isTrusted(const QHostAddress &address) const
{
    // An empty IpAllowList allows everything; no proxies means none is trusted.
    return !m_trustedProxies.isEmpty() && m_trustedProxies.allows(address);
}

// Each trusted proxy appends the address it received the request from, so
// X-Forwarded-For is read from the right, and only as far as the chain of
// trusted proxies reaches: everything left of the first untrusted entry was
// written by the client and may be forged.
//
// An entry that does not parse stops the walk. Only a trusted hop can have
// written it (a client's own entries lie left of the address its first
// proxy appended, and the walk ends there), so the answer is the nearest
// hop we still know: the trusted address right of the bad entry, or the
// peer. X-Real-IP is not consulted then: the chain is broken, and guessing
// further could only widen what a forged header achieves. Empty list
// elements ("a, , b") are skipped, as RFC 9110 §5.6.1 asks.
QHostAddress ClientAddressResolver::resolve(const QHostAddress &peer,
                                            std::string_view xForwardedFor,
                                            std::string_view xRealIp) const
{
    const QHostAddress peerAddress = normalized(peer);
    if (!isTrusted(peerAddress))
        return peerAddress;

    QHostAddress nearestTrusted = peerAddress;
    std::string_view rest = xForwardedFor;
    while (!rest.empty()) {
        const std::size_t comma = rest.rfind(',');
        const std::string_view entry =
            comma == std::string_view::npos ? rest : rest.substr(comma + 1);
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
        if (trimmed(entry).empty())
            continue;
        const std::optional<QHostAddress> address = parseEntry(entry);
        if (!address)
            return nearestTrusted;
        if (!isTrusted(*address))
            return *address;
        nearestTrusted = *address;
    }

    if (const std::optional<QHostAddress> realIp = parseEntry(xRealIp))
        return *realIp;
    return peerAddress;
}

} // namespace ApiAccess::Server
