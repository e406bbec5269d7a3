#pragma once

#include "iprange/IpRange.h"

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace ApiAccess {

// Something the admin should see about one entry of an allow-list.
struct IpAllowListIssue
{
    enum class Severity { Error, Warning, Note };
    enum class Kind {
        Invalid, // Error: the entry was refused; `rangeError` says why
        TooManyEntries, // Error: more than IpAllowList::kMaxEntries entries
        HostBitsCleared, // Note: "10.0.0.7/24 will be stored as 10.0.0.0/24"
        MappedToIpv4, // Note: "::ffff:10.0.0.1 will be stored as 10.0.0.1"
        Duplicate, // Note: same range as an earlier entry; kept once
        CoveredByOther, // Warning: inside another entry (relatedIndex)
        AllowsEverything, // Warning: 0.0.0.0/0 or ::/0
    };

    Severity severity;
    Kind kind;
    int index = -1; // 0-based position of the entry among all entries
    int line = -1; // 1-based line in the text form, -1 for list input
    int column = -1; // 1-based column in the text form, -1 for list input
    QString entry; // the entry as the admin typed it
    QString canonical; // the canonical form, when the entry parsed
    int relatedIndex = -1; // the other entry for Duplicate / CoveredByOther
    std::optional<IpRangeError> rangeError; // for Invalid
    QString message; // translated, complete sentence naming the entry
};

// The parsed allow-list of one token. Empty means any address may use it.
class IpAllowList
{
public:
    static constexpr int kMaxEntries = 256;

    struct ParseResult;

    IpAllowList() = default;

    // The dialog's text: entries separated by newlines, commas and/or spaces.
    // Blank lines are ignored; an empty field between two commas is an
    // "empty entry" error. Positions (line, column) point into `text`.
    static ParseResult parse(QStringView text);
    // The JSON form: one entry per string; an empty string is an error.
    static ParseResult fromEntries(const QStringList &entries);
    // Ranges already parsed (e.g. loaded from the store): nulls dropped,
    // duplicates collapsed, order kept. No limit or warnings are applied.
    static IpAllowList fromRanges(const QList<IpRange> &ranges);

    bool isEmpty() const { return m_ranges.isEmpty(); }
    qsizetype size() const { return m_ranges.size(); }
    // Canonical ranges, duplicates collapsed, in the order first given.
    const QList<IpRange> &ranges() const { return m_ranges; }
    QStringList toStringList() const;

    // Empty list: every address is allowed. Otherwise whether any range
    // contains `address` (::ffff:a.b.c.d is matched as a.b.c.d). Logarithmic
    // in the number of ranges: this runs on every third-party request.
    bool allows(const QHostAddress &address) const;

    friend bool operator==(const IpAllowList &a, const IpAllowList &b)
    {
        return a.m_ranges == b.m_ranges;
    }

private:
    void rebuildIndex();

    struct Interval
    {
        IpRange::Bits first;
        IpRange::Bits last;
    };
    QList<IpRange> m_ranges;
    // Sorted, merged intervals per family for the binary search in allows().
    QList<Interval> m_ipv4;
    QList<Interval> m_ipv6;
};

struct IpAllowList::ParseResult
{
    IpAllowList list; // the valid entries (complete only if ok())
    QList<IpAllowListIssue> issues; // in entry order; errors, warnings and notes
    int entryCount = 0; // entries seen, valid or not, blank lines aside

    bool ok() const; // no issue of Severity::Error
    QList<IpAllowListIssue> errors() const;
};

} // namespace ApiAccess
