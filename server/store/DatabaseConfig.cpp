#include "store/DatabaseConfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace ApiAccess::Server {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DatabaseConfig", text);
}

} // namespace

DatabaseConfig DatabaseConfig::sqlite(const QString &dataDir)
{
    DatabaseConfig config;
    config.backend = Backend::Sqlite;
    config.dataDir = dataDir;
    return config;
}

Result<DatabaseConfig, QString> DatabaseConfig::postgres(const QString &url,
                                                         const QString &passwordFile)
{
    // Error texts never repeat the URL: it may carry a password.
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid()
        || (parsed.scheme() != u"postgresql"_s && parsed.scheme() != u"postgres"_s))
        return fail(tr("--database takes postgresql://USER@HOST[:PORT]/DBNAME"));
    DatabaseConfig config;
    config.backend = Backend::Postgres;
    config.host = parsed.host(QUrl::FullyDecoded);
    config.port = parsed.port(5432);
    config.user = parsed.userName(QUrl::FullyDecoded);
    config.databaseName = parsed.path(QUrl::FullyDecoded).mid(1);
    if (config.host.isEmpty() || config.user.isEmpty() || config.databaseName.isEmpty()
        || config.databaseName.contains(u'/'))
        return fail(tr("--database needs a user, a host and a database name: "
                       "postgresql://USER@HOST[:PORT]/DBNAME"));
    if (!parsed.query().isEmpty() || !parsed.fragment().isEmpty())
        return fail(tr("--database takes no query or fragment; connection settings are "
                       "the server's own"));
    config.password = parsed.password(QUrl::FullyDecoded);
    if (!passwordFile.isEmpty()) {
        QFile file(passwordFile);
        if (!file.open(QIODevice::ReadOnly))
            return fail(tr("cannot read the database password file %1").arg(passwordFile));
        config.password = QString::fromUtf8(file.readLine()).trimmed();
        if (config.password.isEmpty())
            return fail(tr("the database password file %1 is empty").arg(passwordFile));
    } else if (config.password.isEmpty()) {
        config.password = qEnvironmentVariable("PGPASSWORD");
    }
    return config;
}

QString DatabaseConfig::describe() const
{
    if (backend == Backend::Sqlite)
        return QDir(dataDir).filePath(u"apiaccess.sqlite3"_s);
    QUrl url;
    url.setScheme(u"postgresql"_s);
    url.setUserName(user);
    url.setHost(host);
    url.setPort(port);
    url.setPath(u'/' + databaseName);
    return url.toString();
}

} // namespace ApiAccess::Server
