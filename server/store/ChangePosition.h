#pragma once

#include <QtGlobal>

#include <chrono>
#include <map>

namespace ApiAccess::Server {

// How long change records are kept (pruned by any instance's
// TokenChangeFeed), and how long a skipped generation is waited for before
// it counts as rolled back.
inline constexpr std::chrono::minutes kChangeRecordRetention{10};
inline constexpr std::chrono::seconds kLateCommitPatience{30};

// Where a reader of the change feed (token_changes) stands: the newest
// generation it has taken in, and the generations below it it has not seen
// yet.
//
// Generations are handed out when a transaction writes its change record,
// and on PostgreSQL transactions commit in any order: generation 7 may be
// visible while 6 is not committed yet. A generation skipped that way is a
// gap; it is looked for again until it shows up (a late commit) or is old
// enough to have been rolled back (patience). On SQLite, with its single
// writer, there are never any.
//
// Used by this instance's verify cache (TokenChangeFeed) and, carried in
// the opaque cursor, by API clients following GET /api/v1/tokens?changedSince.
class ChangePosition
{
public:
    // More skipped generations than this at once is no late commit but a
    // database that moved on without the reader (restored, or a long
    // outage): see() says Jumped and remembers none of them.
    static constexpr qint64 kMaxGapRun = 1000;

    enum class Seen {
        Old, // taken in before: skip it
        New, // newer than the position: take it in
        LateCommit, // a gap that showed up: take it in
        Jumped, // newer, after more than kMaxGapRun skipped: start afresh
    };

    ChangePosition() = default;
    explicit ChangePosition(qint64 generation)
        : m_generation(generation)
    { }

    qint64 generation() const { return m_generation; }
    // Skipped generation -> when it was first missed (ms since the epoch).
    const std::map<qint64, qint64> &gaps() const { return m_gaps; }

    // The generation to read the feed after so that the gaps are read too.
    qint64 readAfter() const;

    // Takes in one record of the feed, read in generation order.
    Seen see(qint64 generation, qint64 nowMs);

    // Gaps first missed at or before `cutoffMs` were rolled back: forgotten.
    void forgetGapsMissedBefore(qint64 cutoffMs);

    // Remembers a gap (decoding a cursor, anchoring). Ignored unless below
    // generation().
    void addGap(qint64 generation, qint64 firstMissedMs);
    // Keeps only the `count` newest gaps.
    void keepNewestGaps(std::size_t count);

    friend bool operator==(const ChangePosition &, const ChangePosition &) = default;

private:
    qint64 m_generation = 0;
    std::map<qint64, qint64> m_gaps;
};

} // namespace ApiAccess::Server
