#pragma once

#include "common/Result.h"

#include <QSqlDatabase>
#include <QString>

namespace ApiAccess::Server::SqliteSchema {

// The version this build writes; the length of the migration list.
int currentVersion();

// Brings the database up to currentVersion() in one transaction. Refuses a
// database written by a newer version, which this build cannot understand.
Result<int, QString> migrate(QSqlDatabase &db);

} // namespace ApiAccess::Server::SqliteSchema
