#pragma once

// Internal to apiaccess_core: the text side of IpRange (strict parsers,
// canonical formatting). Not part of the public API.

#include "iprange/IpRange.h"

#include <QString>
#include <QStringView>

namespace ApiAccess::IpSyntax {

using Bits = IpRange::Bits;

QString tr(const char *text);
// The entry as shown in a message: quoted, shortened, control characters replaced.
QString quoted(QStringView text);
Failure<IpRangeError> error(IpRangeErrorCode code, QString message);

// Decimal digits and dots only: the admin meant IPv4, so IPv4 errors apply.
bool looksLikeIpv4(QStringView text);
// Four decimal octets 0-255 without leading zeros; `whole` is named in messages.
Result<quint32, IpRangeError> parseIpv4(QStringView text, QStringView whole);
Result<Bits, IpRangeError> parseIpv6(QStringView text, QStringView whole);
// A decimal prefix length up to `maxLength`; netmask notation gets its own error.
Result<int, IpRangeError> parsePrefix(QStringView prefix, int maxLength, QStringView whole);

Bits maskFor(int prefix, int width);
Bits operator&(Bits a, Bits b);
bool isMapped(Bits bits);
Bits toBits(const Q_IPV6ADDR &address);
Q_IPV6ADDR toIpv6Addr(Bits bits);
QString formatIpv4(quint32 value);
int netmaskLength(quint32 mask);

} // namespace ApiAccess::IpSyntax
