#pragma once

#include <QDateTime>
#include <QString>

namespace ApiAccess::LocalTimeText {

// Dates and times as the admin reads them: in local time and the default
// QLocale, a date without the weekday ("27 February 2027" in en_GB,
// "February 27, 2027" in en_US), which QLocale has no format for.
enum class Month { Long, Short }; // "February" or "Feb"
QString date(const QDateTime &time, Month month = Month::Long);
// The locale's short time of day without seconds, "23:59" or "11:59 PM".
QString timeOfDay(const QDateTime &time);

} // namespace ApiAccess::LocalTimeText
