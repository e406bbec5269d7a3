#include "iprange/IpAddressSyntax.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <tuple>

// The text side of IP ranges: the strict parsers for addresses and prefixes
// and the formatting of canonical forms. IpRange.cpp holds the semantics.
namespace ApiAccess::IpSyntax {

// Entries are echoed in messages; a pasted megabyte must not be.
constexpr qsizetype kShownChars = 64;

QString tr(const char *text)
{
    return QCoreApplication::translate("IpRange", text);
}

static QString shown(QStringView text)
{
    QString out;
    const qsizetype n = qMin(text.size(), kShownChars);
    out.reserve(n + 1);
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text[i];
        // Control characters would garble the dialog and log lines.
        out.append(c.unicode() < 0x20 || c.unicode() == 0x7f ? QChar(0xfffd) : c);
    }
    if (text.size() > kShownChars)
        out.append(QChar(0x2026));
    return out;
}

QString quoted(QStringView text)
{
    return QLatin1Char('"') + shown(text) + QLatin1Char('"');
}

Failure<IpRangeError> error(IpRangeErrorCode code, QString message)
{
    return fail(IpRangeError{code, std::move(message)});
}

static bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

static bool isHexDigit(QChar c)
{
    return isAsciiDigit(c) || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

static bool isAsciiAlnum(QChar c)
{
    return isAsciiDigit(c) || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

static bool allOf(QStringView text, bool (*predicate)(QChar))
{
    for (QChar c : text) {
        if (!predicate(c))
            return false;
    }
    return true;
}

static bool isDigitOrDot(QChar c)
{
    return isAsciiDigit(c) || c == u'.';
}

bool looksLikeIpv4(QStringView text)
{
    // Digits and dots, or at least digit-led words ("0x0a.0.0.1", "10.0.0.*")
    // where an octet-level message helps more than "not an address".
    if (allOf(text, isDigitOrDot))
        return true;
    if (!isAsciiDigit(text.front()) || !text.contains(u'.'))
        return false;
    return allOf(text, [](QChar c) { return isAsciiAlnum(c) || c == u'.' || c == u'*'; });
}

const char *const kOrdinals[] = {
    QT_TRANSLATE_NOOP("IpRange", "first"),
    QT_TRANSLATE_NOOP("IpRange", "second"),
    QT_TRANSLATE_NOOP("IpRange", "third"),
    QT_TRANSLATE_NOOP("IpRange", "fourth"),
};

// The strict IPv4 form: four decimal octets, 0-255, no leading zeros, no
// inet_aton shorthand. `whole` is the entry named in messages.
Result<quint32, IpRangeError> parseIpv4(QStringView text, QStringView whole)
{
    const auto parts = text.split(u'.');
    for (QStringView part : parts) {
        if (part.isEmpty()) {
            return error(IpRangeErrorCode::BadIpv4,
                         QCoreApplication::translate(
                             "IpRange",
                             "%1 is not a valid IPv4 address: it has an empty octet (a dot at the "
                             "start or end, or two dots in a row).")
                             .arg(quoted(whole)));
        }
    }
    if (parts.size() != 4) {
        return error(
            IpRangeErrorCode::BadIpv4,
            QCoreApplication::translate(
                "IpRange",
                "%1 is not a valid IPv4 address: it needs exactly four octets separated by dots, "
                "like 192.0.2.10, but has %2 (shorthand such as 10.1 is not accepted).")
                .arg(quoted(whole), QString::number(parts.size())));
    }
    quint32 value = 0;
    for (qsizetype i = 0; i < 4; ++i) {
        const QStringView part = parts[i];
        const QString ordinal = tr(kOrdinals[i]);
        if (part.contains(u'*')) {
            return error(IpRangeErrorCode::BadIpv4,
                         QCoreApplication::translate(
                             "IpRange",
                             "%1 is not a valid IPv4 address: wildcards like * are not supported; "
                             "use a range such as 10.0.0.0/24.")
                             .arg(quoted(whole)));
        }
        if (!allOf(part, isAsciiDigit)) {
            return error(IpRangeErrorCode::BadIpv4,
                         QCoreApplication::translate(
                             "IpRange",
                             "%1 is not a valid IPv4 address: the %2 octet %3 is not a decimal "
                             "number (hexadecimal and octal forms are not accepted).")
                             .arg(quoted(whole), ordinal, quoted(part)));
        }
        if (part.size() > 1 && part.front() == u'0') {
            return error(IpRangeErrorCode::LeadingZero,
                         QCoreApplication::translate(
                             "IpRange",
                             "%1 is not a valid IPv4 address: the %2 octet %3 has a leading zero, "
                             "which some programs read as octal; write it without the zero.")
                             .arg(quoted(whole), ordinal, quoted(part)));
        }
        const uint octet = part.size() > 3 ? 256u : part.toUInt();
        if (octet > 255) {
            return error(
                IpRangeErrorCode::OctetTooLarge,
                QCoreApplication::translate(
                    "IpRange", "%1 is not a valid IPv4 address: the %2 octet %3 is above 255.")
                    .arg(quoted(whole), ordinal, quoted(part)));
        }
        value = (value << 8) | octet;
    }
    return value;
}

static QString badIpv6(QStringView whole, const QString &reason)
{
    return QCoreApplication::translate("IpRange", "%1 is not a valid IPv6 address: %2")
        .arg(quoted(whole), reason);
}

// Parses one side of "::" into 16-bit groups; an embedded IPv4 address
// counts as two groups and is only allowed when `mayEndWithIpv4`.
static Result<int, IpRangeError> parseGroups(QStringView side, bool mayEndWithIpv4, bool leading,
                                             std::array<quint16, 8> &groups, int at,
                                             QStringView whole)
{
    if (side.isEmpty())
        return 0;
    const auto parts = side.split(u':');
    int count = 0;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QStringView part = parts[i];
        const bool last = i == parts.size() - 1;
        if (part.isEmpty()) {
            const QString reason = leading && i == 0
                ? QCoreApplication::translate(
                    "IpRange", "it begins with a single ':' (only '::' may start an address).")
                : QCoreApplication::translate(
                    "IpRange", "it ends with a single ':' (only '::' may end an address).");
            return error(IpRangeErrorCode::BadIpv6, badIpv6(whole, reason));
        }
        if (part.contains(u'.')) {
            if (!last || !mayEndWithIpv4) {
                return error(IpRangeErrorCode::BadIpv6,
                             badIpv6(whole,
                                     QCoreApplication::translate(
                                         "IpRange",
                                         "the embedded IPv4 address %1 must be the last "
                                         "part of the address.")
                                         .arg(quoted(part))));
            }
            auto v4 = parseIpv4(part, part);
            if (!v4) {
                IpRangeError e = std::move(v4).error();
                e.message =
                    QCoreApplication::translate(
                        "IpRange", "%1 is not a valid IPv6 address. In its embedded IPv4 part: %2")
                        .arg(quoted(whole), e.message);
                return fail(std::move(e));
            }
            if (at + count + 2 > 8)
                return 9; // reported by the caller as too many groups
            groups[size_t(at + count)] = quint16(v4.value() >> 16);
            groups[size_t(at + count + 1)] = quint16(v4.value() & 0xffff);
            count += 2;
            continue;
        }
        if (part.size() > 4) {
            return error(
                IpRangeErrorCode::BadIpv6,
                badIpv6(whole,
                        QCoreApplication::translate(
                            "IpRange", "the group %1 has more than four hexadecimal digits.")
                            .arg(quoted(part))));
        }
        if (at + count >= 8)
            return 9;
        groups[size_t(at + count)] = quint16(part.toUInt(nullptr, 16));
        ++count;
    }
    return count;
}

Result<Bits, IpRangeError> parseIpv6(QStringView text, QStringView whole)
{
    for (QChar c : text) {
        if (c == u'[' || c == u']') {
            return error(IpRangeErrorCode::BadIpv6,
                         badIpv6(whole,
                                 QCoreApplication::translate(
                                     "IpRange", "write the address without square brackets.")));
        }
        if (!isHexDigit(c) && c != u':' && c != u'.') {
            return error(
                IpRangeErrorCode::BadIpv6,
                badIpv6(whole,
                        QCoreApplication::translate(
                            "IpRange", "the character %1 cannot appear in an IPv6 address.")
                            .arg(quoted(QStringView(&c, 1)))));
        }
    }
    const qsizetype gap = text.indexOf(u"::");
    if (gap >= 0 && text.indexOf(u"::", gap + 1) >= 0) {
        return error(IpRangeErrorCode::BadIpv6,
                     badIpv6(whole,
                             QCoreApplication::translate(
                                 "IpRange", "'::' may appear only once (and ':::' never).")));
    }
    std::array<quint16, 8> head{};
    std::array<quint16, 8> tail{};
    const QStringView headText = gap >= 0 ? text.first(gap) : text;
    const QStringView tailText = gap >= 0 ? text.sliced(gap + 2) : QStringView();
    auto headCount = parseGroups(headText, gap < 0, true, head, 0, whole);
    if (!headCount)
        return fail(std::move(headCount).error());
    auto tailCount = parseGroups(tailText, true, false, tail, 0, whole);
    if (!tailCount)
        return fail(std::move(tailCount).error());
    const int total = headCount.value() + tailCount.value();
    if (gap < 0 && total != 8) {
        return error(IpRangeErrorCode::BadIpv6,
                     badIpv6(whole,
                             total > 8 ? QCoreApplication::translate(
                                 "IpRange", "it has more than eight groups.")
                                       : QCoreApplication::translate(
                                             "IpRange",
                                             "it has %1 groups but needs eight, or '::' to stand "
                                             "for the missing zero groups.")
                                             .arg(total)));
    }
    if (gap >= 0 && total > 7) {
        return error(IpRangeErrorCode::BadIpv6,
                     badIpv6(whole,
                             QCoreApplication::translate(
                                 "IpRange", "with '::' it can have at most seven other groups.")));
    }
    std::array<quint16, 8> groups{};
    for (int i = 0; i < headCount.value(); ++i)
        groups[size_t(i)] = head[size_t(i)];
    for (int i = 0; i < tailCount.value(); ++i)
        groups[size_t(8 - tailCount.value() + i)] = tail[size_t(i)];
    Bits bits;
    for (int i = 0; i < 4; ++i) {
        bits.high = (bits.high << 16) | groups[size_t(i)];
        bits.low = (bits.low << 16) | groups[size_t(i + 4)];
    }
    return bits;
}

// Network mask for `prefix` bits of a `width`-bit family, in the Bits layout.
Bits maskFor(int prefix, int width)
{
    Bits mask;
    if (width == 32) {
        mask.low = prefix == 0 ? 0 : (0xffffffffULL << (32 - prefix)) & 0xffffffffULL;
        return mask;
    }
    mask.high = prefix >= 64 ? ~0ULL : prefix == 0 ? 0 : ~0ULL << (64 - prefix);
    mask.low = prefix <= 64 ? 0 : prefix == 128 ? ~0ULL : ~0ULL << (128 - prefix);
    return mask;
}

Bits operator&(Bits a, Bits b)
{
    return Bits{a.high & b.high, a.low & b.low};
}

bool isMapped(Bits bits)
{
    return bits.high == 0 && (bits.low >> 32) == 0xffff;
}

Bits toBits(const Q_IPV6ADDR &address)
{
    Bits bits;
    for (int i = 0; i < 8; ++i) {
        bits.high = (bits.high << 8) | address[i];
        bits.low = (bits.low << 8) | address[i + 8];
    }
    return bits;
}

Q_IPV6ADDR toIpv6Addr(Bits bits)
{
    Q_IPV6ADDR address;
    for (int i = 7; i >= 0; --i) {
        address[i] = quint8(bits.high & 0xff);
        address[i + 8] = quint8(bits.low & 0xff);
        bits.high >>= 8;
        bits.low >>= 8;
    }
    return address;
}

QString formatIpv4(quint32 value)
{
    return QString::number(value >> 24) + QLatin1Char('.') + QString::number((value >> 16) & 0xff)
        + QLatin1Char('.') + QString::number((value >> 8) & 0xff) + QLatin1Char('.')
        + QString::number(value & 0xff);
}

// Length of the contiguous netmask `mask`, or -1 if it has holes.
int netmaskLength(quint32 mask)
{
    int length = 0;
    while (length < 32 && (mask & (0x80000000u >> length)))
        ++length;
    return maskFor(length, 32).low == mask ? length : -1;
}

Result<int, IpRangeError> parsePrefix(QStringView prefix, int maxLength, QStringView whole)
{
    if (prefix.isEmpty()) {
        return error(IpRangeErrorCode::MissingPrefix,
                     QCoreApplication::translate(
                         "IpRange",
                         "%1 has nothing after '/': add a prefix length such as /24, or remove "
                         "the '/'.")
                         .arg(quoted(whole)));
    }
    if (prefix.contains(u'/')) {
        return error(
            IpRangeErrorCode::BadPrefix,
            QCoreApplication::translate(
                "IpRange", "%1 has more than one '/'; write one address or range per entry.")
                .arg(quoted(whole)));
    }
    if (prefix.contains(u'.') && allOf(prefix, isDigitOrDot)) {
        auto mask = parseIpv4(prefix, prefix);
        const int length = mask ? netmaskLength(mask.value()) : -1;
        if (length >= 0) {
            return error(IpRangeErrorCode::NetmaskNotation,
                         QCoreApplication::translate(
                             "IpRange",
                             "%1 uses netmask notation: write the prefix length /%2 instead of %3.")
                             .arg(quoted(whole), QString::number(length), shown(prefix)));
        }
        return error(IpRangeErrorCode::NetmaskNotation,
                     QCoreApplication::translate(
                         "IpRange",
                         "%1 uses netmask notation: use a prefix length such as /8 instead of %2.")
                         .arg(quoted(whole), shown(prefix)));
    }
    if (!allOf(prefix, isAsciiDigit)) {
        return error(IpRangeErrorCode::BadPrefix,
                     QCoreApplication::translate(
                         "IpRange",
                         "%1 has the prefix length %2, which is not a plain decimal number "
                         "(no signs, spaces or letters).")
                         .arg(quoted(whole), quoted(prefix)));
    }
    if (prefix.size() > 1 && prefix.front() == u'0') {
        return error(IpRangeErrorCode::BadPrefix,
                     QCoreApplication::translate(
                         "IpRange",
                         "%1 has the prefix length %2 with a leading zero; write it without the "
                         "zero.")
                         .arg(quoted(whole), quoted(prefix)));
    }
    const int length = prefix.size() > 3 ? 1000 : prefix.toInt();
    if (length > maxLength) {
        return error(
            IpRangeErrorCode::PrefixTooLarge,
            QCoreApplication::translate(
                "IpRange", "%1 has the prefix length /%2, but an %3 prefix can be at most /%4.")
                .arg(quoted(whole), shown(prefix),
                     maxLength == 32 ? QCoreApplication::translate("IpRange", "IPv4")
                                     : QCoreApplication::translate("IpRange", "IPv6"),
                     QString::number(maxLength)));
    }
    return length;
}

} // namespace ApiAccess::IpSyntax
