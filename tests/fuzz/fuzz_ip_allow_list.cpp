// libFuzzer entry point for the allow-list parser (PRODUCT.md §5): the
// dialog text is admin input and the server parses the same lists, so any
// input must give a consistent result, never a crash.
//
// Issue #15 asks for 10 million executions. The work per input grows with
// its entries, so the input is bounded (-max_len in fuzz_ip_allow_list.options,
// which CTest and scripts/bench pass) rather than the properties checked.
#include "iprange/IpAllowList.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace ApiAccess;

namespace {

using Issue = IpAllowListIssue;

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

// The address is turned into a range once, not once per range of the list
// (IpRange::contains(QHostAddress) is contains(fromAddress(address))).
void checkAllows(const IpAllowList &list, const QHostAddress &address)
{
    const IpRange client = IpRange::fromAddress(address);
    const QList<IpRange> &ranges = list.ranges();
    const bool linear = list.isEmpty()
        || std::any_of(ranges.cbegin(), ranges.cend(),
                       [&](const IpRange &r) { return r.contains(client); });
    check(list.allows(address) == linear, "allows() agrees with a linear scan");
    if (!list.isEmpty())
        check(ranges.front().contains(address) == ranges.front().contains(client),
              "contains(address) is contains(fromAddress(address))");
}

// Whether a range other than ranges[index] contains it.
bool coveredByOther(const QList<IpRange> &ranges, qsizetype index)
{
    for (qsizetype j = 0; j < ranges.size(); ++j) {
        if (j != index && ranges[j].contains(ranges[index]))
            return true;
    }
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const IpAllowList::ParseResult result = IpAllowList::parse(text);
    const IpAllowList &list = result.list;
    const QList<IpRange> &ranges = list.ranges();

    // Issues: in entry order, positioned, worded.
    bool anyError = false;
    int previousIndex = -1;
    for (const Issue &issue : result.issues) {
        check(issue.index >= 0 && issue.index < result.entryCount, "issue index in range");
        check(issue.index >= previousIndex, "issues in entry order");
        previousIndex = issue.index;
        check(issue.line >= 1 && issue.column >= 1, "issue has a position");
        check(!issue.message.isEmpty(), "issue has a message");
        check(issue.message.size() < 1000, "message length is bounded");
        check((issue.kind == Issue::Kind::Invalid) == issue.rangeError.has_value(),
              "rangeError exactly for Invalid");
        anyError = anyError || issue.severity == Issue::Severity::Error;
    }
    check(result.ok() == !anyError, "ok() means no error");
    check(list.size() <= IpAllowList::kMaxEntries, "list within the limit");
    check(list.size() <= result.entryCount, "no more ranges than entries");

    // Every canonical string is a fixed point.
    const QStringList canonical = list.toStringList();
    check(canonical.size() == list.size(), "one string per range");
    for (qsizetype i = 0; i < list.size(); ++i) {
        const IpRange &range = ranges[i];
        check(!range.isNull(), "no null range in a list");
        check(range.contains(range), "a range contains itself");
        const auto again = IpRange::parse(canonical[i]);
        check(again.ok(), "canonical form parses");
        check(again.value() == range, "canonical form parses to the same range");
        check(again.value().toString() == canonical[i], "canonical form is stable");
    }

    // The canonical list round-trips, and its entries raise no note: the
    // only issues are the warnings that depend on the range itself (allows
    // everything) or on another entry (covered by it). Checked for every
    // entry; a sample also checks that no such warning is missing.
    const auto roundTrip = IpAllowList::fromEntries(canonical);
    check(roundTrip.ok(), "canonical list is accepted");
    check(roundTrip.entryCount == list.size(), "canonical list has one entry per range");
    check(roundTrip.list == list, "canonical list round-trips");
    check(IpAllowList::fromRanges(ranges) == list, "fromRanges keeps the list");
    QList<int> allowsEverything(list.size(), 0);
    QList<int> covered(list.size(), 0);
    for (const Issue &issue : roundTrip.issues) {
        check(issue.index >= 0 && issue.index < list.size(), "round-trip issue index in range");
        const IpRange &range = ranges[issue.index];
        check(issue.canonical == canonical[issue.index],
              "round-trip issue names the canonical form");
        if (issue.kind == Issue::Kind::AllowsEverything) {
            check(range.allowsEverything(), "AllowsEverything only for /0");
            ++allowsEverything[issue.index];
        } else {
            check(issue.kind == Issue::Kind::CoveredByOther, "canonical form raises no note");
            check(issue.relatedIndex >= 0 && issue.relatedIndex < list.size()
                      && issue.relatedIndex != issue.index
                      && ranges[issue.relatedIndex].contains(range),
                  "CoveredByOther names a range that covers it");
            ++covered[issue.index];
        }
    }
    const qsizetype stride = std::max<qsizetype>(1, list.size() / 16);
    for (qsizetype i = 0; i < list.size(); ++i) {
        check(allowsEverything[i] == (ranges[i].allowsEverything() ? 1 : 0),
              "AllowsEverything once for each /0");
        check(covered[i] <= 1, "CoveredByOther at most once per entry");
        if (i % stride == 0)
            check((covered[i] == 1) == coveredByOther(ranges, i),
                  "CoveredByOther exactly when another range covers it");
    }

    // allows() against a linear scan: range boundaries and addresses made
    // from the input bytes, in both families and as mapped IPv4.
    for (qsizetype i = 0; i < list.size(); i += stride) {
        const IpRange &range = ranges[i];
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
