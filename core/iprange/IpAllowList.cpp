#include "iprange/IpAllowList.h"

#include <QCoreApplication>

#include <algorithm>

namespace ApiAccess {

namespace {

using Issue = IpAllowListIssue;
using Bits = IpRange::Bits;

constexpr qsizetype kShownChars = 64;

QString quoted(QStringView text)
{
    QString out;
    const qsizetype n = qMin(text.size(), kShownChars);
    out.reserve(n + 3);
    out.append(QLatin1Char('"'));
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text[i];
        out.append(c.unicode() < 0x20 || c.unicode() == 0x7f ? QChar(0xfffd) : c);
    }
    if (text.size() > kShownChars)
        out.append(QChar(0x2026));
    out.append(QLatin1Char('"'));
    return out;
}

// One entry as the admin typed it, with where it starts (-1 for list input).
struct Entry
{
    QStringView text;
    int line = -1;
    int column = -1;
    bool emptyField = false; // nothing between two commas, or at a line's edge
};

QString where(int line, int column, int index)
{
    if (line > 0)
        return QCoreApplication::translate("IpAllowList", "line %1, column %2")
            .arg(QString::number(line), QString::number(column));
    return QCoreApplication::translate("IpAllowList", "entry %1").arg(QString::number(index + 1));
}

// "Line 3, column 1: <sentence>" or "Entry 4: <sentence>".
QString located(const Entry &entry, int index, const QString &sentence)
{
    if (entry.line > 0) {
        return QCoreApplication::translate("IpAllowList", "Line %1, column %2: %3")
            .arg(QString::number(entry.line), QString::number(entry.column), sentence);
    }
    return QCoreApplication::translate("IpAllowList", "Entry %1: %2")
        .arg(QString::number(index + 1), sentence);
}

// Splits the dialog text at newlines, commas and white space. Columns count
// UTF-16 code units, as QTextCursor does.
QList<Entry> splitText(QStringView text)
{
    QList<Entry> entries;
    int lineNumber = 0;
    qsizetype lineStart = 0;
    while (lineStart <= text.size()) {
        qsizetype lineEnd = text.indexOf(u'\n', lineStart);
        if (lineEnd < 0)
            lineEnd = text.size();
        ++lineNumber;
        const QStringView line = text.sliced(lineStart, lineEnd - lineStart);
        const bool hasComma = line.contains(u',');
        qsizetype fieldStart = 0;
        while (fieldStart <= line.size()) {
            qsizetype fieldEnd = line.indexOf(u',', fieldStart);
            if (fieldEnd < 0)
                fieldEnd = line.size();
            bool any = false;
            qsizetype i = fieldStart;
            while (i < fieldEnd) {
                if (line[i].isSpace()) {
                    ++i;
                    continue;
                }
                const qsizetype start = i;
                while (i < fieldEnd && !line[i].isSpace())
                    ++i;
                entries.append(
                    Entry{line.sliced(start, i - start), lineNumber, int(start + 1), false});
                any = true;
            }
            if (!any && hasComma) {
                entries.append(Entry{line.sliced(fieldStart, fieldEnd - fieldStart), lineNumber,
                                     int(fieldStart + 1), true});
            }
            fieldStart = fieldEnd + 1;
        }
        lineStart = lineEnd + 1;
    }
    return entries;
}

Bits next(Bits bits)
{
    if (++bits.low == 0)
        ++bits.high;
    return bits;
}

IpAllowList::ParseResult parseEntries(const QList<Entry> &entries)
{
    IpAllowList::ParseResult result;
    result.entryCount = int(entries.size());

    struct Accepted
    {
        IpRange range;
        int index;
    };
    QList<Accepted> accepted;
    QList<Issue> &issues = result.issues;

    auto makeIssue = [&](Issue::Severity severity, Issue::Kind kind, int index,
                         const QString &sentence) {
        const Entry &entry = entries[index];
        Issue issue;
        issue.severity = severity;
        issue.kind = kind;
        issue.index = index;
        issue.line = entry.line;
        issue.column = entry.column;
        issue.entry = entry.text.toString();
        issue.message = located(entry, index, sentence);
        return issue;
    };

    for (int index = 0; index < int(entries.size()); ++index) {
        const Entry &entry = entries[index];
        if (index == IpAllowList::kMaxEntries) {
            issues.append(makeIssue(
                Issue::Severity::Error, Issue::Kind::TooManyEntries, index,
                QCoreApplication::translate(
                    "IpAllowList",
                    "%1 is entry %2, but an allow-list can hold at most %3 entries; remove entries "
                    "or combine them into wider ranges.")
                    .arg(quoted(entry.text), QString::number(index + 1),
                         QString::number(IpAllowList::kMaxEntries))));
        }

        auto parsed = IpRange::parse(entry.text);
        if (!parsed) {
            const QString sentence = entry.emptyField
                ? QCoreApplication::translate(
                    "IpAllowList",
                    "There is no entry here: an empty field between two commas, or a comma at "
                    "the start or end of the line.")
                : parsed.error().message;
            Issue issue = makeIssue(Issue::Severity::Error, Issue::Kind::Invalid, index, sentence);
            issue.rangeError = parsed.error();
            issues.append(issue);
            continue;
        }
        // Past the limit the list is refused anyway; only say what is wrong.
        if (index >= IpAllowList::kMaxEntries)
            continue;

        const IpRange range = parsed.value();
        const QString canonical = range.toString();
        auto addNote = [&](Issue::Severity severity, Issue::Kind kind, const QString &sentence,
                           int related = -1) {
            Issue issue = makeIssue(severity, kind, index, sentence);
            issue.canonical = canonical;
            issue.relatedIndex = related;
            issues.append(issue);
        };

        const QStringView trimmed = entry.text.trimmed();
        const qsizetype slash = trimmed.indexOf(u'/');
        const QStringView addressText = slash >= 0 ? trimmed.first(slash) : trimmed;
        if (range.isIpv4() && addressText.contains(u':')) {
            addNote(Issue::Severity::Note, Issue::Kind::MappedToIpv4,
                    QCoreApplication::translate(
                        "IpAllowList",
                        "%1 will be stored as %2: IPv4-mapped IPv6 addresses are matched as IPv4.")
                        .arg(quoted(entry.text), canonical));
        }
        if (slash >= 0) {
            const auto address = IpRange::parse(addressText);
            if (address
                && (address->isIpv4() != range.isIpv4()
                    || address->firstAddress() != range.firstAddress())) {
                addNote(Issue::Severity::Note, Issue::Kind::HostBitsCleared,
                        QCoreApplication::translate(
                            "IpAllowList",
                            "%1 will be stored as %2: the address bits after the prefix length are "
                            "cleared.")
                            .arg(quoted(entry.text), canonical));
            }
        }

        const auto same = std::find_if(accepted.cbegin(), accepted.cend(),
                                       [&](const Accepted &a) { return a.range == range; });
        if (same != accepted.cend()) {
            const Entry &first = entries[same->index];
            addNote(Issue::Severity::Note, Issue::Kind::Duplicate,
                    QCoreApplication::translate("IpAllowList",
                                                "%1 is the same range as %2 (%3); it is kept once.")
                        .arg(quoted(entry.text), quoted(first.text),
                             where(first.line, first.column, same->index)),
                    same->index);
            continue;
        }
        if (range.allowsEverything()) {
            const QString family = range.isIpv4()
                ? QCoreApplication::translate("IpAllowList", "IPv4")
                : QCoreApplication::translate("IpAllowList", "IPv6");
            addNote(Issue::Severity::Warning, Issue::Kind::AllowsEverything,
                    trimmed == canonical
                        ? QCoreApplication::translate("IpAllowList", "%1 allows every %2 address.")
                              .arg(quoted(entry.text), family)
                        : QCoreApplication::translate(
                              "IpAllowList", "%1 is stored as %2 and allows every %3 address.")
                              .arg(quoted(entry.text), canonical, family));
        }
        accepted.append(Accepted{range, index});
    }

    // Both directions: a wider entry given later covers an earlier one too.
    for (const Accepted &inner : std::as_const(accepted)) {
        for (const Accepted &outer : std::as_const(accepted)) {
            if (outer.index == inner.index || !outer.range.contains(inner.range))
                continue;
            const Entry &entry = entries[inner.index];
            const Entry &other = entries[outer.index];
            Issue issue = makeIssue(
                Issue::Severity::Warning, Issue::Kind::CoveredByOther, inner.index,
                QCoreApplication::translate(
                    "IpAllowList",
                    "%1 is already covered by %2 (%3), so it allows no further addresses.")
                    .arg(quoted(entry.text), outer.range.toString(),
                         where(other.line, other.column, outer.index)));
            issue.canonical = inner.range.toString();
            issue.relatedIndex = outer.index;
            issues.append(issue);
            break;
        }
    }
    std::stable_sort(issues.begin(), issues.end(),
                     [](const Issue &a, const Issue &b) { return a.index < b.index; });

    QList<IpRange> ranges;
    ranges.reserve(accepted.size());
    for (const Accepted &a : std::as_const(accepted))
        ranges.append(a.range);
    result.list = IpAllowList::fromRanges(ranges);
    return result;
}

} // namespace

IpAllowList IpAllowList::fromRanges(const QList<IpRange> &ranges)
{
    IpAllowList list;
    for (const IpRange &range : ranges) {
        if (!range.isNull() && !list.m_ranges.contains(range))
            list.m_ranges.append(range);
    }
    list.rebuildIndex();
    return list;
}

IpAllowList::ParseResult IpAllowList::parse(QStringView text)
{
    return parseEntries(splitText(text));
}

IpAllowList::ParseResult IpAllowList::fromEntries(const QStringList &entries)
{
    QList<Entry> split;
    split.reserve(entries.size());
    for (const QString &entry : entries)
        split.append(Entry{entry, -1, -1, false});
    return parseEntries(split);
}

QStringList IpAllowList::toStringList() const
{
    QStringList out;
    out.reserve(m_ranges.size());
    for (const IpRange &range : m_ranges)
        out.append(range.toString());
    return out;
}

bool IpAllowList::allows(const QHostAddress &address) const
{
    if (m_ranges.isEmpty())
        return true;
    const IpRange client = IpRange::fromAddress(address);
    if (client.isNull())
        return false;
    const QList<Interval> &intervals = client.isIpv4() ? m_ipv4 : m_ipv6;
    const Bits bits = client.firstAddress();
    // The last interval starting at or before the address is the only candidate.
    auto it = std::upper_bound(intervals.cbegin(), intervals.cend(), bits,
                               [](const Bits &b, const Interval &i) { return b < i.first; });
    if (it == intervals.cbegin())
        return false;
    --it;
    return bits <= it->last;
}

void IpAllowList::rebuildIndex()
{
    m_ipv4.clear();
    m_ipv6.clear();
    for (const IpRange &range : std::as_const(m_ranges))
        (range.isIpv4() ? m_ipv4 : m_ipv6)
            .append(Interval{range.firstAddress(), range.lastAddress()});
    for (QList<Interval> *intervals : {&m_ipv4, &m_ipv6}) {
        std::sort(intervals->begin(), intervals->end(),
                  [](const Interval &a, const Interval &b) { return a.first < b.first; });
        QList<Interval> merged;
        merged.reserve(intervals->size());
        for (const Interval &interval : std::as_const(*intervals)) {
            // Overlapping or adjacent: one interval. `last` may be the
            // family's highest address, where next() would wrap.
            if (!merged.isEmpty()
                && (interval.first <= merged.last().last
                    || interval.first == next(merged.last().last))) {
                merged.last().last = std::max(merged.last().last, interval.last);
            } else {
                merged.append(interval);
            }
        }
        *intervals = merged;
    }
}

bool IpAllowList::ParseResult::ok() const
{
    return std::none_of(issues.cbegin(), issues.cend(), [](const IpAllowListIssue &issue) {
        return issue.severity == IpAllowListIssue::Severity::Error;
    });
}

QList<IpAllowListIssue> IpAllowList::ParseResult::errors() const
{
    QList<IpAllowListIssue> out;
    for (const IpAllowListIssue &issue : issues) {
        if (issue.severity == IpAllowListIssue::Severity::Error)
            out.append(issue);
    }
    return out;
}

} // namespace ApiAccess
