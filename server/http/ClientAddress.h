#pragma once

#include "iprange/IpAllowList.h"

#include <QHostAddress>

#include <string_view>

namespace ApiAccess::Server {

// Which address a request comes from (PRODUCT.md §6): the TCP peer, unless
// the peer is a trusted proxy; then the right-most X-Forwarded-For address
// that is not itself a trusted proxy, else X-Real-IP, else the peer.
// IPv4-mapped IPv6 peers (::ffff:a.b.c.d) are reported as IPv4.
class ClientAddressResolver
{
public:
    ClientAddressResolver() = default;
    explicit ClientAddressResolver(IpAllowList trustedProxies);

    QHostAddress resolve(const QHostAddress &peer, std::string_view xForwardedFor,
                         std::string_view xRealIp) const;

    bool hasTrustedProxies() const { return !m_trustedProxies.isEmpty(); }

private:
    bool isTrusted(const QHostAddress &address) const;

    IpAllowList m_trustedProxies;
};

} // namespace ApiAccess::Server
