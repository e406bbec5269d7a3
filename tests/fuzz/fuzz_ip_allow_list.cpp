// libFuzzer entry point for the allow-list parser (PRODUCT.md §5): the
// dialog text is admin input and the server parses the same lists, so any
// input must give a consistent result, never a crash.
#include "iprange/IpAllowList.h"

#include <QHostAddress>
#include <QString>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace ApiAccess;

namespace {

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "invariant violated: %s\n", what);
        std::abort();
    }
}

QHostAddress toAddress(IpRange::Bits bits, bool ipv4)
{
    if (ipv4)
        return QHostAddress(quint32(bits.low));
    Q_IPV6ADDR a;
    for (int i = 7; i >= 0; --i) {
        a[i] = quint8(bits.high & 0xff);
        a[i + 8] = quint8(bits.low & 0xff);
        bits.high >>= 8;
        bits.low >>= 8;
    }
    return QHostAddress(a);
}

IpRange::Bits step(IpRange::Bits b, bool up)
{
    if (up) {
        if (++b.low == 0)
            ++b.high;
    } else {
        if (b.low-- == 0)
            --b.high;
    }
    return b;
}

void checkAllows(const IpAllowList &list, const QHostAddress &address)
{
    const bool linear = list.isEmpty()
        || std::any_of(list.ranges().cbegin(), list.ranges().cend(),
                       [&](const IpRange &r) { return r.contains(address); });
    check(list.allows(address) == linear, "allows() agrees with a linear scan");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const IpAllowList::ParseResult result = IpAllowList::parse(text);
    const IpAllowList &list = result.list;

    // Issues: in entry order, positioned, worded.
    bool anyError = false;
    int previousIndex = -1;
    for (const IpAllowListIssue &issue : result.issues) {
        check(issue.index >= 0 && issue.index < result.entryCount, "issue index in range");
        check(issue.index >= previousIndex, "issues in entry order");
        previousIndex = issue.index;
        check(issue.line >= 1 && issue.column >= 1, "issue has a position");
        check(!issue.message.isEmpty(), "issue has a message");
        check(issue.message.size() < 1000, "message length is bounded");
        check((issue.kind == IpAllowListIssue::Kind::Invalid) == issue.rangeError.has_value(),
              "rangeError exactly for Invalid");
        anyError = anyError || issue.severity == IpAllowListIssue::Severity::Error;
    }
    check(result.ok() == !anyError, "ok() means no error");
    check(list.size() <= IpAllowList::kMaxEntries, "list within the limit");
    check(list.size() <= result.entryCount, "no more ranges than entries");

    // Every canonical string is a fixed point and raises no note. A sample of
    // the ranges keeps a 256-entry input fast enough to fuzz.
    const qsizetype stride = std::max<qsizetype>(1, list.size() / 16);
    for (qsizetype i = 0; i < list.size(); i += stride) {
        const IpRange &range = list.ranges()[i];
        check(!range.isNull(), "no null range in a list");
        const QString canonical = range.toString();
        const auto again = IpRange::parse(canonical);
        check(again.ok(), "canonical form parses");
        check(again.value() == range, "canonical form parses to the same range");
        check(again.value().toString() == canonical, "canonical form is stable");
        const auto single = IpAllowList::fromEntries({canonical});
        for (const IpAllowListIssue &issue : single.issues)
            check(issue.kind == IpAllowListIssue::Kind::AllowsEverything,
                  "canonical form raises no note");
        check(range.contains(range), "a range contains itself");
    }

    // The canonical list round-trips.
    const auto roundTrip = IpAllowList::fromEntries(list.toStringList());
    check(roundTrip.ok(), "canonical list is accepted");
    check(roundTrip.list == list, "canonical list round-trips");
    check(IpAllowList::fromRanges(list.ranges()) == list, "fromRanges keeps the list");

    // allows() against a linear scan: range boundaries and addresses made
    // from the input bytes, in both families and as mapped IPv4.
    for (qsizetype i = 0; i < list.size(); i += stride) {
        const IpRange &range = list.ranges()[i];
        const bool ipv4 = range.isIpv4();
        for (const IpRange::Bits b : {range.firstAddress(), range.lastAddress()}) {
            checkAllows(list, toAddress(b, ipv4));
            checkAllows(list, toAddress(step(b, true), ipv4));
            checkAllows(list, toAddress(step(b, false), ipv4));
        }
    }
    for (size_t offset = 0; offset < std::min<size_t>(size, 64); offset += 16) {
        IpRange::Bits bits;
        for (size_t i = 0; i < 16; ++i) {
            const quint64 byte = offset + i < size ? data[offset + i] : 0;
            (i < 8 ? bits.high : bits.low) = ((i < 8 ? bits.high : bits.low) << 8) | byte;
        }
        checkAllows(list, toAddress(bits, false));
        const IpRange::Bits v4{0, bits.high >> 32};
        const QHostAddress address = toAddress(v4, true);
        checkAllows(list, address);
        const IpRange::Bits mapped{0, 0xffff00000000ULL | v4.low};
        check(list.allows(toAddress(mapped, false)) == list.allows(address),
              "mapped client is matched as IPv4");
    }
    checkAllows(list, QHostAddress());
    return 0;
}
