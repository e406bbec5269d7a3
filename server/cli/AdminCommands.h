#pragma once

#include "store/DatabaseConfig.h"

#include <QIODevice>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace ApiAccess::Server {

// `apiaccess-server admin ...` (PRODUCT.md §6), given the arguments after
// "admin":
//   add NAME --password-stdin      create an admin account
//   passwd NAME --password-stdin   set a new password (ends the user's sessions)
//   list                           user names, one per line
//   remove NAME                    delete the account and its sessions
// The password is the first line of `stdinDevice`; it is never echoed.
// Returns the process exit code: 0 done, 1 operational error (e.g. the user
// exists or does not exist, the database failed), 2 usage error.
int runAdminCommand(const QStringList &arguments, const DatabaseConfig &database, QTextStream &out,
                    QTextStream &err, QIODevice &stdinDevice);

} // namespace ApiAccess::Server
