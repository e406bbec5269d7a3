#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace ApiAccess {

// Human wording for a moment relative to "now" ("just now", "5 minutes ago",
// "yesterday", a date further back). `now` is always passed in so the
// Studio and its tests decide what the current time is; calendar words
// ("yesterday") are judged in `now`'s time zone.
class RelativeTime
{
    Q_DECLARE_TR_FUNCTIONS(RelativeTime)

public:
    // Differences below this count as "just now", in either direction, so a
    // server clock a little ahead of ours never shows "in 10 seconds".
    static constexpr qint64 kJustNowSeconds = 60;

    // Past: "just now", "1 minute ago", "5 hours ago", "yesterday",
    // "3 days ago", then the short date. Future: "in 5 minutes",
    // "tomorrow", "in 3 days", then the short date. Empty for an invalid `when`.
    static QString format(const QDateTime &when, const QDateTime &now);

    // The exact moment for tooltips, in `now`'s time zone and the default locale.
    static QString exact(const QDateTime &when, const QDateTime &now);
};

} // namespace ApiAccess
