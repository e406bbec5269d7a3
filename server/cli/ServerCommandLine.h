#pragma once

#include "common/Result.h"
#include "http/HttpServer.h"
#include "iprange/IpAllowList.h"
#include "store/DatabaseConfig.h"

#include <QString>
#include <QStringList>

#include <variant>

namespace ApiAccess::Server {

struct ServeOptions
{
    HttpServerOptions http;
    IpAllowList trustedProxies;
    QString dataDir;
    QString keyFile; // empty: <dataDir>/master.key
    DatabaseConfig database; // SQLite in dataDir unless --database
    // How long verify answers from its cache after losing the database.
    std::chrono::milliseconds cacheGrace{5000};
};

struct AdminInvocation
{
    DatabaseConfig database;
    QStringList arguments; // after "admin": e.g. {"add", "alice", "--password-stdin"}
};

// `apiaccess-server migrate --from-data-dir DIR --to postgresql://…`
struct MigrateInvocation
{
    QString fromDataDir;
    DatabaseConfig to;
};

struct ShowText
{
    QString text;
    int exitCode = 0;
};

using ServerCommand = std::variant<ServeOptions, AdminInvocation, MigrateInvocation, ShowText>;

// `apiaccess-server serve [...]`, `apiaccess-server admin ...`,
// `apiaccess-server migrate ...`, --help,
// --version (PRODUCT.md §6). Usage errors come back as ShowText with exit
// code 2 and a message naming the bad option.
ServerCommand parseServerCommandLine(const QStringList &arguments);

// "127.0.0.1:8080", "[::1]:0", "0.0.0.0:443". Host names are refused: the
// server binds to addresses so what it listens on is never a DNS surprise.
Result<std::pair<QHostAddress, quint16>, QString> parseListenAddress(const QString &text);

} // namespace ApiAccess::Server
