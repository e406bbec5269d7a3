#pragma once

#include <QDateTime>
#include <QString>
#include <QStringView>

#include <optional>

namespace ApiAccess {

// Times on the wire (PRODUCT.md §6): RFC 3339, always UTC with "Z".
//
// Always whole seconds, e.g. 2026-11-27T22:26:24Z: the server stores times to
// the second, so a fraction would only make the same instant print two ways
// and break ETag and cache comparisons. Milliseconds are truncated, not
// rounded, so a time never moves into the future.
// An invalid QDateTime, or one outside the years 1..9999 that RFC 3339's
// four-digit year can express, gives an empty string.
QString formatRfc3339(const QDateTime &time);

// Strict RFC 3339 date-time: full date, "T" or "t", full time, an optional
// fraction of any length (kept to the millisecond), and "Z"/"z" or a
// ±hh:mm offset. No white space, no space separator, no missing offset, no
// week or ordinal dates, no two-digit years; days are checked against the
// month (29 February only in leap years). A leap second (":60") is refused
// because QDateTime cannot hold it and we never send one. Year 0000 is
// refused (QDate has no year zero), and so is anything that leaves the
// years 1..9999 once converted to UTC. The result is in UTC.
std::optional<QDateTime> parseRfc3339(QStringView text);

} // namespace ApiAccess
