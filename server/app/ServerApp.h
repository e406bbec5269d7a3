#pragma once

#include "cli/ServerCommandLine.h"

namespace ApiAccess::Server {

// `apiaccess-server serve`: opens the store and the master key, wires the
// handlers to the HTTP front, prints the ready line, and runs until SIGTERM
// or SIGINT, then stops gracefully. Returns the process exit code.
int runServe(const ServeOptions &options);

} // namespace ApiAccess::Server
