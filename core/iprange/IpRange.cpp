#include "iprange/IpRange.h"

#include "iprange/IpAddressSyntax.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <tuple>

namespace ApiAccess {

// IpSyntax::Bits is IpRange::Bits; a second alias would shadow it (clang -Wshadow).
using namespace IpSyntax;

Result<IpRange, IpRangeError> IpRange::parse(QStringView text)
{
    const QStringView whole = text.trimmed();
    if (whole.isEmpty()) {
        return error(
            IpRangeErrorCode::Empty,
            QCoreApplication::translate(
                "IpRange", "The entry is empty: write an IPv4 or IPv6 address or a CIDR range."));
    }
    if (whole.contains(u'%') && whole.contains(u':')) {
        return error(IpRangeErrorCode::ZoneId,
                     QCoreApplication::translate(
                         "IpRange",
                         "%1 has a zone id: zone ids like %eth0 are local to one host and cannot "
                         "be used; remove the part from '%'.")
                         .arg(quoted(whole)));
    }
    const qsizetype slash = whole.indexOf(u'/');
    const QStringView addressText = slash >= 0 ? whole.first(slash) : whole;
    for (qsizetype i = 0; i < whole.size(); ++i) {
        // A space after '/' is a prefix problem; anywhere else the entry is
        // two things run together.
        if (whole[i].isSpace() && (slash < 0 || i < slash)) {
            return error(
                IpRangeErrorCode::Junk,
                QCoreApplication::translate(
                    "IpRange", "%1 contains white space: write one address or range per entry.")
                    .arg(quoted(whole)));
        }
    }
    if (whole.contains(u"://")) {
        return error(
            IpRangeErrorCode::Junk,
            QCoreApplication::translate(
                "IpRange", "%1 looks like a URL: write only the address, such as 192.0.2.10.")
                .arg(quoted(whole)));
    }
    if (addressText.isEmpty()) {
        return error(IpRangeErrorCode::Junk,
                     QCoreApplication::translate("IpRange", "%1 has no address before the '/'.")
                         .arg(quoted(whole)));
    }

    IpRange range;
    if (addressText.contains(u':')) {
        const qsizetype colon = addressText.indexOf(u':');
        if (addressText.count(u':') == 1 && addressText.first(colon).contains(u'.')) {
            return error(IpRangeErrorCode::BadIpv4,
                         QCoreApplication::translate(
                             "IpRange",
                             "%1 looks like an address with a port: ports cannot be part of an "
                             "allowed range; remove %2.")
                             .arg(quoted(whole), quoted(addressText.sliced(colon))));
        }
        auto bits = parseIpv6(addressText, whole);
        if (!bits)
            return fail(std::move(bits).error());
        range.m_protocol = QAbstractSocket::IPv6Protocol;
        range.m_network = bits.value();
    } else if (looksLikeIpv4(addressText)) {
        auto value = parseIpv4(addressText, whole);
        if (!value)
            return fail(std::move(value).error());
        range.m_protocol = QAbstractSocket::IPv4Protocol;
        range.m_network.low = value.value();
    } else {
        return error(IpRangeErrorCode::Junk,
                     QCoreApplication::translate(
                         "IpRange",
                         "%1 is not an IP address or CIDR range; write an address such as "
                         "192.0.2.10 or 2001:db8::1, or a range such as 10.0.0.0/8.")
                         .arg(quoted(whole)));
    }

    range.m_prefixLength = range.maxPrefixLength();
    if (slash >= 0) {
        auto prefix = parsePrefix(whole.sliced(slash + 1), range.maxPrefixLength(), whole);
        if (!prefix)
            return fail(std::move(prefix).error());
        range.m_prefixLength = prefix.value();
    }
    range.m_network = range.m_network & maskFor(range.m_prefixLength, range.maxPrefixLength());

    // Clients behind a dual-stack socket are matched as IPv4, so the entry is too.
    if (range.isIpv6() && range.m_prefixLength >= 96 && isMapped(range.m_network)) {
        range.m_protocol = QAbstractSocket::IPv4Protocol;
        range.m_network.low &= 0xffffffffULL;
        range.m_prefixLength -= 96;
    }
    return range;
}

IpRange IpRange::fromAddress(const QHostAddress &address)
{
    IpRange range;
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        range.m_protocol = QAbstractSocket::IPv4Protocol;
        range.m_network.low = address.toIPv4Address();
        range.m_prefixLength = 32;
    } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        const Bits bits = toBits(address.toIPv6Address());
        if (isMapped(bits)) {
            range.m_protocol = QAbstractSocket::IPv4Protocol;
            range.m_network.low = bits.low & 0xffffffffULL;
            range.m_prefixLength = 32;
        } else {
            range.m_protocol = QAbstractSocket::IPv6Protocol;
            range.m_network = bits;
            range.m_prefixLength = 128;
        }
    }
    return range;
}

QHostAddress IpRange::network() const
{
    if (isIpv4())
        return QHostAddress(quint32(m_network.low));
    if (isIpv6())
        return QHostAddress(toIpv6Addr(m_network));
    return QHostAddress();
}

QString IpRange::toString() const
{
    if (isNull())
        return QString();
    QString text =
        isIpv4() ? formatIpv4(quint32(m_network.low)) : formatIpv6(toIpv6Addr(m_network));
    if (!isSingleAddress())
        text += QLatin1Char('/') + QString::number(m_prefixLength);
    return text;
}

bool IpRange::contains(const QHostAddress &address) const
{
    return !isNull() && contains(fromAddress(address));
}

bool IpRange::contains(const IpRange &other) const
{
    if (isNull() || other.isNull() || m_protocol != other.m_protocol
        || other.m_prefixLength < m_prefixLength)
        return false;
    return (other.m_network & maskFor(m_prefixLength, maxPrefixLength())) == m_network;
}

IpRange::Bits IpRange::lastAddress() const
{
    if (isNull())
        return m_network;
    const Bits mask = maskFor(m_prefixLength, maxPrefixLength());
    if (isIpv4())
        return Bits{0, m_network.low | (~mask.low & 0xffffffffULL)};
    return Bits{m_network.high | ~mask.high, m_network.low | ~mask.low};
}

bool operator==(const IpRange &a, const IpRange &b)
{
    return a.m_protocol == b.m_protocol && a.m_network == b.m_network
        && a.m_prefixLength == b.m_prefixLength;
}

bool operator<(const IpRange &a, const IpRange &b)
{
    // UnknownNetworkLayerProtocol is -1, IPv4 0, IPv6 1: null ranges first.
    return std::tie(a.m_protocol, a.m_network, a.m_prefixLength)
        < std::tie(b.m_protocol, b.m_network, b.m_prefixLength);
}

QString formatIpv6(const Q_IPV6ADDR &address)
{
    std::array<quint16, 8> groups{};
    for (int i = 0; i < 8; ++i)
        groups[size_t(i)] = quint16((address[2 * i] << 8) | address[2 * i + 1]);

    // RFC 5952 §5: IPv4-mapped addresses keep the dotted tail.
    const bool mapped = groups[5] == 0xffff
        && std::all_of(groups.begin(), groups.begin() + 5, [](quint16 g) { return g == 0; });
    if (mapped) {
        return QStringLiteral("::ffff:")
            + formatIpv4(quint32(groups[6]) << 16 | quint32(groups[7]));
    }

    int bestStart = -1;
    int bestLength = 1; // a single zero group is never compressed
    for (int i = 0; i < 8;) {
        if (groups[size_t(i)] != 0) {
            ++i;
            continue;
        }
        int j = i;
        while (j < 8 && groups[size_t(j)] == 0)
            ++j;
        if (j - i > bestLength) {
            bestStart = i;
            bestLength = j - i;
        }
        i = j;
    }

    QString text;
    text.reserve(39);
    for (int i = 0; i < 8; ++i) {
        if (i == bestStart) {
            text += u"::";
            i += bestLength - 1;
            continue;
        }
        if (!text.isEmpty() && !text.endsWith(u':'))
            text += QLatin1Char(':');
        text += QString::number(groups[size_t(i)], 16);
    }
    return text;
}

} // namespace ApiAccess
