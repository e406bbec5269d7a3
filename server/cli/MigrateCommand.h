#pragma once

#include "cli/ServerCommandLine.h"

#include <QTextStream>

namespace ApiAccess::Server {

// `apiaccess-server migrate --from-data-dir DIR --to postgresql://…`: copies
// an SQLite installation into an empty PostgreSQL database, in one
// transaction: tokens with their hashed and encrypted secrets, revisions and
// last use; admins with their password hashes; the audit trail in its order;
// the master key's check value. Sessions are not copied (admins sign in
// again). A target that holds any token, admin or audit event is refused.
// Says how many of each it copied. Exit code 0 done, 1 failed.
int runMigrate(const MigrateInvocation &invocation, QTextStream &out, QTextStream &err);

} // namespace ApiAccess::Server
