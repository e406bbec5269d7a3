#pragma once

#include "common/Result.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace ApiAccess {

// What a token may do on the platform (PRODUCT.md §3). The numeric value is
// the rank: a higher value is more powerful. Wire ids are stable and never
// translated; display names and descriptions are for people.
enum class AccessLevel {
    RestrictedReadOnly = 0,
    ReadOnly = 1,
    Editorial = 2,
    ManagingEditorial = 3,
    Administrative = 4,
};

struct AccessLevelError
{
    QString input;
    QString message;
};

namespace AccessLevels {

// All levels, most powerful first: the order the Studio lists them in.
QList<AccessLevel> all();

// Least privilege is the default: what a new token starts with.
AccessLevel defaultLevel();

int rank(AccessLevel level);
// True if `level` may do at least what `minimum` may.
bool satisfies(AccessLevel level, AccessLevel minimum);

QString wireId(AccessLevel level);
QString displayName(AccessLevel level);
QString description(AccessLevel level);

// Exact, case-sensitive wire id; anything else is an error naming the valid ids.
Result<AccessLevel, AccessLevelError> parse(QStringView wireId);

} // namespace AccessLevels
} // namespace ApiAccess
