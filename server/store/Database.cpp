#include "store/Database.h"

#include "store/Schema.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace ApiAccess::Server {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Database", text);
}

// Created before SQLite sees it, so the database, and the -wal and -shm
// files SQLite gives the same mode, are private from the first byte.
bool createPrivateFile(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(),
                          O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd >= 0) {
        ::close(fd);
        return true;
    }
    return errno == EEXIST;
}

std::optional<QString> prepareSqliteFile(const QString &dataDir)
{
    if (dataDir.isEmpty())
        return tr("no data directory given");
    const QFileInfo dirInfo(dataDir);
    if (!dirInfo.exists()) {
        if (!QDir().mkpath(dataDir))
            return tr("cannot create data directory %1").arg(dataDir);
        QFile::setPermissions(dataDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    } else if (!dirInfo.isDir()) {
        return tr("data directory %1 is not a directory").arg(dataDir);
    }
    const QString path = QDir(dataDir).filePath(u"apiaccess.sqlite3"_s);
    if (!createPrivateFile(path))
        return tr("cannot create database file %1").arg(path);
    return std::nullopt;
}

} // namespace

Result<std::unique_ptr<Database>, QString> Database::open(const DatabaseConfig &config,
                                                          const Options &options)
{
    const bool postgres = config.isPostgres();
    const QString driver = postgres ? u"QPSQL"_s : u"QSQLITE"_s;
    if (!QSqlDatabase::isDriverAvailable(driver))
        return fail(postgres ? tr("Qt's PostgreSQL driver (QPSQL) is not installed (Debian: "
                                  "libqt6sql6-psql)")
                             : tr("Qt's SQLite driver (QSQLITE) is not installed (Debian: "
                                  "libqt6sql6-sqlite)"));
    if (!postgres) {
        if (const auto problem = prepareSqliteFile(config.dataDir))
            return fail(*problem);
    }

    auto connections = std::make_unique<SqlConnections>(config);
    {
        auto db = connections->connection();
        if (!db)
            return fail(
                tr("cannot open database %1: %2").arg(config.describe(), db.error().message));
        auto migrated = Schema::migrate(db.value(), connections->dialect());
        if (!migrated)
            return fail(tr("cannot use database %1: %2").arg(config.describe(), migrated.error()));
        auto checked = Schema::checkMasterKey(db.value(), connections->dialect(), options.keyCheck,
                                              options.keyFileHint);
        if (!checked)
            return fail(tr("cannot use database %1: %2").arg(config.describe(), checked.error()));
    }
    return std::unique_ptr<Database>(new Database(std::move(connections)));
}

Database::Database(std::unique_ptr<SqlConnections> connections)
    : m_connections(std::move(connections))
{ }

Database::~Database() = default;

} // namespace ApiAccess::Server
