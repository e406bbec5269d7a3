#pragma once

#include "common/Result.h"

#include <QHostAddress>
#include <QString>
#include <QStringView>

#include <compare>
#include <optional>

namespace ApiAccess {

// Why one allow-list entry was refused (PRODUCT.md §5). Each has its own
// message so the admin knows exactly what to fix.
enum class IpRangeErrorCode {
    Empty, // nothing (or only white space) where an entry belongs
    Junk, // not an IP address or CIDR range at all
    OctetTooLarge, // an IPv4 octet above 255
    LeadingZero, // an IPv4 octet like "010" (ambiguous: octal to some parsers)
    BadIpv4, // wrong number of octets, empty octet, shorthand like 10.1
    BadIpv6, // malformed IPv6 (too many groups, two "::", bad hex...)
    ZoneId, // fe80::1%eth0: zone ids are local to one host
    MissingPrefix, // "10.0.0.0/" with nothing after the slash
    BadPrefix, // prefix not a plain decimal number (sign, letters, leading zero)
    PrefixTooLarge, // above 32 for IPv4, above 128 for IPv6
    NetmaskNotation, // 10.0.0.0/255.0.0.0
};

struct IpRangeError
{
    IpRangeErrorCode code;
    QString message; // translated, names the offending part, never just "invalid"
};

// One IPv4 or IPv6 network: an address with the host bits cleared and a
// prefix length. A single address is a range with a full-length prefix.
class IpRange
{
public:
    IpRange() = default;

    // Strict parse of one entry (surrounding white space is trimmed).
    // `10.0.0.7/24` is accepted and becomes `10.0.0.0/24` (IpAllowList
    // reports that as a HostBitsCleared note). An IPv4-mapped IPv6
    // entry (::ffff:a.b.c.d, with a prefix of 96 or more) becomes the
    // equivalent IPv4 range, because clients are matched that way too.
    static Result<IpRange, IpRangeError> parse(QStringView text);

    // A range of one address (mapped IPv6 addresses become IPv4).
    static IpRange fromAddress(const QHostAddress &address);

    bool isIpv4() const { return m_protocol == QAbstractSocket::IPv4Protocol; }
    bool isIpv6() const { return m_protocol == QAbstractSocket::IPv6Protocol; }
    bool isNull() const { return m_protocol == QAbstractSocket::UnknownNetworkLayerProtocol; }

    QHostAddress network() const;
    int prefixLength() const { return m_prefixLength; }
    int maxPrefixLength() const { return isIpv4() ? 32 : 128; }
    bool isSingleAddress() const { return !isNull() && m_prefixLength == maxPrefixLength(); }
    // 0.0.0.0/0 or ::/0.
    bool allowsEverything() const { return !isNull() && m_prefixLength == 0; }

    // Canonical text: a single address alone (198.51.100.7, 2001:db8::1),
    // otherwise network/prefix; IPv6 lower case, RFC 5952 compressed.
    QString toString() const;

    // Whether `address` is inside. An IPv4 client seen as ::ffff:a.b.c.d is
    // matched as a.b.c.d. Never matches across address families otherwise.
    bool contains(const QHostAddress &address) const;
    // Whether every address of `other` is inside this range.
    bool contains(const IpRange &other) const;

    // Ordering: IPv4 before IPv6, then by network, then wider first.
    friend bool operator==(const IpRange &a, const IpRange &b);
    friend bool operator<(const IpRange &a, const IpRange &b);

    // The 128-bit form used for matching: IPv4 lives in the low 32 bits.
    struct Bits
    {
        quint64 high = 0;
        quint64 low = 0;
        friend bool operator==(const Bits &, const Bits &) = default;
        friend auto operator<=>(const Bits &, const Bits &) = default;
    };
    Bits firstAddress() const { return m_network; }
    Bits lastAddress() const;

private:
    QAbstractSocket::NetworkLayerProtocol m_protocol = QAbstractSocket::UnknownNetworkLayerProtocol;
    Bits m_network;
    int m_prefixLength = 0;
};

// RFC 5952 text for an IPv6 address: lower case, leading zeros dropped,
// the longest run (two or more) of zero groups compressed, the first on a tie.
QString formatIpv6(const Q_IPV6ADDR &address);

} // namespace ApiAccess
