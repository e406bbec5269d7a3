#include "RelativeTime.h"

#include <QLocale>
#include <QTimeZone>

namespace ApiAccess {

namespace {
constexpr qint64 kMinute = 60;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
// Past a week, "23 days ago" makes the reader do arithmetic; a date does not.
constexpr qint64 kDaysInWords = 7;

int toInt(qint64 value)
{
    return static_cast<int>(value);
}
} // namespace

QString RelativeTime::format(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid() || !now.isValid())
        return {};

    const qint64 seconds = when.secsTo(now); // > 0: in the past
    const qint64 distance = seconds < 0 ? -seconds : seconds;
    const bool past = seconds >= 0;
    if (distance < kJustNowSeconds)
        return tr("just now");

    // "1 minute ago" has its own string because the plural form "%n minutes
    // ago" is what translators give numerus forms for; without a loaded
    // English translation tr()'s %n alone would print "1 minutes ago".
    if (distance < kHour) {
        const int n = toInt(distance / kMinute);
        if (past)
            return n == 1 ? tr("1 minute ago") : tr("%n minutes ago", nullptr, n);
        return n == 1 ? tr("in 1 minute") : tr("in %n minutes", nullptr, n);
    }
    if (distance < kDay) {
        const int n = toInt(distance / kHour);
        if (past)
            return n == 1 ? tr("1 hour ago") : tr("%n hours ago", nullptr, n);
        return n == 1 ? tr("in 1 hour") : tr("in %n hours", nullptr, n);
    }

    // Whole days by the calendar where the admin is: something from 23:00
    // seen at 08:00 the next morning was "yesterday", not "9 hours ago"
    // (that case is handled above) and 30 hours back is "2 days ago" if it
    // crossed two midnights.
    const QDate whenDate = when.toTimeZone(now.timeZone()).date();
    const qint64 days = past ? whenDate.daysTo(now.date()) : now.date().daysTo(whenDate);
    if (days <= 1)
        return past ? tr("yesterday") : tr("tomorrow");
    if (days < kDaysInWords) {
        const int n = toInt(days);
        return past ? tr("%n days ago", nullptr, n) : tr("in %n days", nullptr, n);
    }
    return QLocale().toString(whenDate, QLocale::ShortFormat);
}

QString RelativeTime::exact(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return {};
    const QDateTime local = now.isValid() ? when.toTimeZone(now.timeZone()) : when.toLocalTime();
    return QLocale().toString(local, QLocale::LongFormat);
}

} // namespace ApiAccess
