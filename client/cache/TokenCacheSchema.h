#pragma once

#include "common/Result.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

namespace ApiAccess::TokenCacheSchema {

// PRAGMA application_id of our cache files ("AASC"): tells our file from
// any other SQLite database that happens to sit at the path.
inline constexpr int kApplicationId = 0x41415343;

// The version this build writes; the length of the migration list.
int currentVersion();

struct Problem
{
    bool busy = false; // another connection holds the file: not its fault
    QString text; // for one log line; names no stored value
};

// Sets the per-connection pragmas, proves the file readable and intact,
// refuses one that is not ours or is newer, and brings an older or empty
// one up to currentVersion() in one transaction. The value says whether
// the file was empty (a new cache).
Result<bool, Problem> prepare(QSqlDatabase &db);

// SQLITE_BUSY or SQLITE_LOCKED, extended codes included.
bool isBusy(const QSqlError &error);

} // namespace ApiAccess::TokenCacheSchema
