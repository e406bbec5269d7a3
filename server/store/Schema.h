#pragma once

#include "common/Result.h"
#include "store/SqlConnections.h"

#include <QSqlDatabase>
#include <QString>

// The database schema, one for both backends: the same tables, columns and
// meaning, in each backend's types, brought up to date by numbered
// migrations that only ever append. Times are Unix milliseconds (UTC),
// booleans 0/1: the same rows read the same way on both.
namespace ApiAccess::Server::Schema {

// The schema version this build writes and understands.
int currentVersion();

// Brings the database up to currentVersion() and returns the version it
// found. One instance migrates at a time: PostgreSQL's session advisory
// lock (a second instance starting at the same moment waits for the first,
// then finds nothing left to do), SQLite's write lock. A database newer
// than this build refuses with a message for the operator.
Result<int, QString> migrate(QSqlDatabase &db, const SqlDialect &dialect);

// The master key's check value (SecretVault::keyCheck()). The first
// instance records it; one started with another key is refused with a
// message that says so, instead of answering 401 to every token. `keyCheck`
// empty: not checked (admin commands, which need no key).
Result<bool, QString> checkMasterKey(QSqlDatabase &db, const SqlDialect &dialect,
                                     const QString &keyCheck, const QString &keyFileHint);

// The recorded key check value (empty if none), for `migrate`.
Result<QString, QString> recordedKeyCheck(QSqlDatabase &db);

} // namespace ApiAccess::Server::Schema
