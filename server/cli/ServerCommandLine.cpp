#include "cli/ServerCommandLine.h"

#include "common/Version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QProcessEnvironment>

#include <algorithm>
#include <cmath>
#include <thread>

using namespace Qt::StringLiterals;

namespace ApiAccess::Server {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ServerCommandLine", text);
}

const QString kDefaultListen = u"127.0.0.1:8080"_s;

QString defaultDataDir()
{
    // Under systemd (StateDirectory=) the unit tells us where state lives.
    const QString state = QProcessEnvironment::systemEnvironment().value(u"STATE_DIRECTORY"_s);
    if (!state.isEmpty())
        return state.split(u':').first();
    return u"apiaccess-data"_s;
}

QString usage()
{
    return uR"(Usage:
  apiaccess-server serve [options]       run the token server
  apiaccess-server admin add NAME --password-stdin
  apiaccess-server admin passwd NAME --password-stdin
  apiaccess-server admin list
  apiaccess-server admin remove NAME
  apiaccess-server migrate --from-data-dir DIR --to postgresql://USER@HOST[:PORT]/DBNAME
  apiaccess-server --help | --version

Options for serve:
  --listen HOST:PORT       address to listen on (default 127.0.0.1:8080;
                           [::1]:8080 for IPv6; port 0 picks a free port)
  --data-dir DIR           database and master key (default $STATE_DIRECTORY,
                           else ./apiaccess-data)
  --key-file FILE          master key file (32 bytes, mode 0600) instead of
                           DIR/master.key; every instance on one database
                           needs the same one
  --database URL           PostgreSQL instead of SQLite in DIR:
                           postgresql://USER@HOST[:PORT]/DBNAME
  --database-password-file FILE
                           the database password (else PGPASSWORD); never
                           put it in the URL on a shared machine
  --cache-grace SECONDS    how long verify answers from its cache after the
                           database became unreachable (default 5), then 503
  --threads N              worker threads (default: number of cores)
  --trusted-proxy CIDR     a reverse proxy whose X-Forwarded-For / X-Real-IP
                           is believed; repeat for several
  --tls-cert FILE          PEM certificate chain (with --tls-key: serve HTTPS)
  --tls-key FILE           PEM private key
  --read-timeout SECONDS   time a client has to send a request (default 10)
  --idle-timeout SECONDS   keep-alive idle time (default 60)
  --max-connections N      open connections before answering 503 (default 4096)

Options for admin:
  --data-dir DIR           as for serve
  --database URL, --database-password-file FILE
                           as for serve

migrate copies everything (tokens with their encrypted secrets, admins,
audit events) from an SQLite data directory into an empty PostgreSQL
database; the servers on it need the data directory's master key.

On start, serve prints exactly one line to standard output:
  listening on http://HOST:PORT
SIGTERM or SIGINT stop it gracefully.
)"_s;
}

ShowText usageError(const QString &message)
{
    return ShowText{u"apiaccess-server: "_s + message + u"\nTry 'apiaccess-server --help'.\n"_s, 2};
}

Result<std::chrono::milliseconds, QString> parseSeconds(const QString &name, const QString &value)
{
    bool ok = false;
    const double seconds = value.toDouble(&ok);
    if (!ok || !std::isfinite(seconds) || seconds <= 0 || seconds > 86400)
        return fail(tr("--%1 needs a number of seconds between 0 and 86400, not \"%2\"")
                        .arg(name, value.left(32)));
    return std::chrono::milliseconds(static_cast<qint64>(std::llround(seconds * 1000)));
}

Result<int, QString> parsePositive(const QString &name, const QString &value, int max)
{
    bool ok = false;
    const int number = value.toInt(&ok);
    if (!ok || number < 1 || number > max)
        return fail(tr("--%1 needs a whole number from 1 to %2, not \"%3\"")
                        .arg(name)
                        .arg(max)
                        .arg(value.left(32)));
    return number;
}

// --database, --database-password-file: PostgreSQL; neither: SQLite in `dataDir`.
Result<DatabaseConfig, QString> databaseConfig(const QString &url, const QString &passwordFile,
                                               const QString &dataDir)
{
    if (url.isEmpty()) {
        if (!passwordFile.isEmpty())
            return fail(tr("--database-password-file goes with --database"));
        return DatabaseConfig::sqlite(dataDir);
    }
    return DatabaseConfig::postgres(url, passwordFile);
}

// The value of `--name VALUE` or `--name=VALUE` at arguments[i] (advancing i).
std::optional<QString> optionValue(const QStringList &arguments, qsizetype &i, const QString &name)
{
    const QString &argument = arguments[i];
    if (argument == name && i + 1 < arguments.size())
        return arguments[++i];
    if (argument.startsWith(name + u'='))
        return argument.mid(name.size() + 1);
    return std::nullopt;
}

ServerCommand parseServe(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption listen(u"listen"_s, QString(), u"HOST:PORT"_s, kDefaultListen);
    const QCommandLineOption dataDir(u"data-dir"_s, QString(), u"DIR"_s, defaultDataDir());
    const QCommandLineOption keyFile(u"key-file"_s, QString(), u"FILE"_s);
    const QCommandLineOption threads(u"threads"_s, QString(), u"N"_s);
    const QCommandLineOption trustedProxy(u"trusted-proxy"_s, QString(), u"CIDR"_s);
    const QCommandLineOption tlsCert(u"tls-cert"_s, QString(), u"FILE"_s);
    const QCommandLineOption tlsKey(u"tls-key"_s, QString(), u"FILE"_s);
    const QCommandLineOption readTimeout(u"read-timeout"_s, QString(), u"SECONDS"_s);
    const QCommandLineOption idleTimeout(u"idle-timeout"_s, QString(), u"SECONDS"_s);
    const QCommandLineOption maxConnections(u"max-connections"_s, QString(), u"N"_s);
    const QCommandLineOption database(u"database"_s, QString(), u"URL"_s);
    const QCommandLineOption databasePasswordFile(u"database-password-file"_s, QString(),
                                                  u"FILE"_s);
    const QCommandLineOption cacheGrace(u"cache-grace"_s, QString(), u"SECONDS"_s);
    parser.addOptions({listen, dataDir, keyFile, threads, trustedProxy, tlsCert, tlsKey,
                       readTimeout, idleTimeout, maxConnections, database, databasePasswordFile,
                       cacheGrace});
    if (!parser.parse(QStringList{u"apiaccess-server"_s} + arguments))
        return usageError(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return usageError(tr("serve takes no arguments, got \"%1\"")
                              .arg(parser.positionalArguments().first().left(64)));

    ServeOptions options;
    const auto address = parseListenAddress(parser.value(listen));
    if (!address)
        return usageError(address.error());
    options.http.address = address->first;
    options.http.port = address->second;

    options.http.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    if (parser.isSet(threads)) {
        const auto count = parsePositive(u"threads"_s, parser.value(threads), 1024);
        if (!count)
            return usageError(count.error());
        options.http.threads = *count;
    }
    // Database work and password hashing: enough threads that the cores
    // stay busy while some wait on disk or the network.
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    options.http.blockingThreads = static_cast<int>(std::max(4u, 2 * cores));
    // Argon2id takes 64 MiB and a core for a tenth of a second: at most
    // half the cores hash passwords at once; further sign-ins queue.
    options.http.heavyThreads = static_cast<int>(std::max(1u, cores / 2));
    if (parser.isSet(maxConnections)) {
        const auto count =
            parsePositive(u"max-connections"_s, parser.value(maxConnections), 1'000'000);
        if (!count)
            return usageError(count.error());
        options.http.maxConnections = static_cast<std::size_t>(*count);
    }
    if (parser.isSet(readTimeout)) {
        const auto timeout = parseSeconds(u"read-timeout"_s, parser.value(readTimeout));
        if (!timeout)
            return usageError(timeout.error());
        options.http.readTimeout = *timeout;
        options.http.writeTimeout = std::max(options.http.writeTimeout, *timeout);
    }
    if (parser.isSet(idleTimeout)) {
        const auto timeout = parseSeconds(u"idle-timeout"_s, parser.value(idleTimeout));
        if (!timeout)
            return usageError(timeout.error());
        options.http.idleTimeout = *timeout;
    }

    const QStringList proxies = parser.values(trustedProxy);
    if (!proxies.isEmpty()) {
        auto parsed = IpAllowList::fromEntries(proxies);
        if (!parsed.ok())
            return usageError(tr("--trusted-proxy: %1").arg(parsed.errors().first().message));
        options.trustedProxies = parsed.list;
    }

    if (parser.isSet(tlsCert) != parser.isSet(tlsKey))
        return usageError(tr("--tls-cert and --tls-key go together: give both or neither"));
    if (parser.isSet(tlsCert))
        options.http.tls = TlsFiles{parser.value(tlsCert), parser.value(tlsKey)};

    options.dataDir = parser.value(dataDir);
    options.keyFile = parser.value(keyFile);
    if (parser.isSet(cacheGrace)) {
        const auto grace = parseSeconds(u"cache-grace"_s, parser.value(cacheGrace));
        if (!grace)
            return usageError(grace.error());
        options.cacheGrace = *grace;
    }
    const auto config =
        databaseConfig(parser.value(database), parser.value(databasePasswordFile), options.dataDir);
    if (!config)
        return usageError(config.error());
    options.database = config.value();
    return options;
}

ServerCommand parseAdmin(const QStringList &arguments)
{
    AdminInvocation invocation;
    QString dataDir = defaultDataDir();
    QString url;
    QString passwordFile;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        if (const auto dir = optionValue(arguments, i, u"--data-dir"_s)) {
            dataDir = *dir;
        } else if (const auto database = optionValue(arguments, i, u"--database"_s)) {
            url = *database;
        } else if (const auto file = optionValue(arguments, i, u"--database-password-file"_s)) {
            passwordFile = *file;
        } else if (argument == u"--data-dir"_s || argument == u"--database"_s
                   || argument == u"--database-password-file"_s) {
            return usageError(tr("%1 needs a value").arg(argument));
        } else {
            invocation.arguments.append(argument);
        }
    }
    if (invocation.arguments.isEmpty())
        return usageError(tr("admin needs a command: add, passwd, list or remove"));
    const auto config = databaseConfig(url, passwordFile, dataDir);
    if (!config)
        return usageError(config.error());
    invocation.database = config.value();
    return invocation;
}

ServerCommand parseMigrate(const QStringList &arguments)
{
    MigrateInvocation invocation;
    QString url;
    QString passwordFile;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (const auto dir = optionValue(arguments, i, u"--from-data-dir"_s))
            invocation.fromDataDir = *dir;
        else if (const auto target = optionValue(arguments, i, u"--to"_s))
            url = *target;
        else if (const auto file = optionValue(arguments, i, u"--database-password-file"_s))
            passwordFile = *file;
        else
            return usageError(tr("migrate does not take \"%1\"").arg(arguments[i].left(64)));
    }
    if (invocation.fromDataDir.isEmpty() || url.isEmpty())
        return usageError(tr("migrate needs --from-data-dir DIR and --to postgresql://…"));
    const auto config = DatabaseConfig::postgres(url, passwordFile);
    if (!config)
        return usageError(config.error());
    invocation.to = config.value();
    return invocation;
}

} // namespace

Result<std::pair<QHostAddress, quint16>, QString> parseListenAddress(const QString &text)
{
    const auto bad = [&text](const QString &why) {
        return fail(tr("--listen \"%1\": %2").arg(text.left(64), why));
    };
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return bad(tr("expected HOST:PORT, for example 127.0.0.1:8080 or [::1]:8080"));
    QString host = text.left(colon);
    const QString portText = text.mid(colon + 1);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    else if (host.contains(u':'))
        return bad(tr("write IPv6 addresses in brackets, for example [::1]:8080"));
    bool ok = false;
    const uint port = portText.toUInt(&ok);
    if (!ok || port > 65535 || portText.isEmpty() || !portText.front().isDigit())
        return bad(tr("the port must be a number from 0 to 65535"));
    QHostAddress address;
    if (host.contains(u'%') || !address.setAddress(host))
        return bad(tr("\"%1\" is not an IP address").arg(host.left(64)));
    return std::pair{address, static_cast<quint16>(port)};
}

ServerCommand parseServerCommandLine(const QStringList &arguments)
{
    if (arguments.isEmpty())
        return ShowText{usage(), 2};
    const QString &command = arguments.first();
    if (command == u"--help"_s || command == u"-h"_s || command == u"help"_s)
        return ShowText{usage(), 0};
    if (command == u"--version"_s || command == u"-v"_s)
        return ShowText{productToken(u"apiaccess-server"_s) + u'\n', 0};
    const QStringList rest = arguments.mid(1);
    if (rest.contains(u"--help"_s))
        return ShowText{usage(), 0};
    if (command == u"serve"_s)
        return parseServe(rest);
    if (command == u"admin"_s)
        return parseAdmin(rest);
    if (command == u"migrate"_s)
        return parseMigrate(rest);
    return usageError(
        tr("unknown command \"%1\"; expected serve, admin or migrate").arg(command.left(64)));
}

} // namespace ApiAccess::Server
