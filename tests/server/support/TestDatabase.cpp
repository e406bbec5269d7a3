#include "TestDatabase.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUrl>

#include <atomic>
#include <mutex>

using namespace Qt::StringLiterals;

namespace ApiAccess::Testing {

namespace {

QString nextConnectionName()
{
    static std::atomic<int> serial{0};
    return u"test-database-%1"_s.arg(++serial);
}

QString env(const char *name, const QString &fallback = {})
{
    const QString value = qEnvironmentVariable(name);
    return value.isEmpty() ? fallback : value;
}

// Runs `use(db)` on a fresh connection that is closed and removed after.
template<typename Use>
auto withConnection(const QString &error, const QString &name, Use &&use)
{
    struct Remove
    {
        QString name;
        ~Remove() { QSqlDatabase::removeDatabase(name); }
    } remove{name};
    QSqlDatabase db = QSqlDatabase::database(name, false);
    return use(db, error);
}

} // namespace

TestDatabase::Backend TestDatabase::backendUnderTest()
{
    return qEnvironmentVariable("APIACCESS_TEST_BACKEND") == u"postgresql"_s ? Backend::Postgres
                                                                             : Backend::Sqlite;
}

QString TestDatabase::backendName()
{
    return backendUnderTest() == Backend::Postgres ? u"postgresql"_s : u"sqlite"_s;
}

TestDatabase::TestDatabase()
    : m_backend(backendUnderTest())
{
    // Once per test run, so a log shows which backend a run proved.
    static std::once_flag announced;
    std::call_once(announced,
                   [] { qInfo("test database backend: %s", qPrintable(backendName())); });
    if (!m_dir.isValid()) {
        m_error = u"no temporary directory: %1"_s.arg(m_dir.errorString());
        return;
    }
    if (!isPostgres())
        return;
    if (qEnvironmentVariableIsEmpty("PGPORT")) {
        m_error = u"APIACCESS_TEST_BACKEND=postgresql needs the cluster of "
                  "tests/support/with-postgres (PGHOST, PGPORT, PGUSER, PGPASSWORD)"_s;
        return;
    }
    m_name =
        u"apiaccess_test_%1"_s.arg(QRandomGenerator::system()->generate64(), 16, 16, QChar(u'0'));
    const QString name = nextConnectionName();
    const QString error = openConnection(name, u"postgres"_s);
    withConnection(error, name, [&](QSqlDatabase &db, const QString &openError) {
        if (!openError.isEmpty()) {
            m_error = u"cannot reach the test cluster: %1"_s.arg(openError);
            return;
        }
        QSqlQuery query(db);
        if (!query.exec(u"CREATE DATABASE %1"_s.arg(m_name)))
            m_error = u"CREATE DATABASE failed: %1"_s.arg(query.lastError().text());
    });
}

TestDatabase::~TestDatabase()
{
    if (!isPostgres() || m_name.isEmpty() || !m_error.isEmpty())
        return;
    const QString name = nextConnectionName();
    const QString error = openConnection(name, u"postgres"_s);
    withConnection(error, name, [&](QSqlDatabase &db, const QString &openError) {
        if (!openError.isEmpty())
            return;
        QSqlQuery query(db);
        // FORCE: a server the test killed may leave a connection behind.
        if (!query.exec(u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(m_name)))
            qWarning("could not drop test database %s: %s", qPrintable(m_name),
                     qPrintable(query.lastError().text()));
    });
}

QString TestDatabase::openConnection(const QString &connectionName, const QString &database) const
{
    QSqlDatabase db;
    if (isPostgres()) {
        db = QSqlDatabase::addDatabase(u"QPSQL"_s, connectionName);
        db.setHostName(env("PGHOST", u"localhost"_s));
        db.setPort(env("PGPORT").toInt());
        db.setUserName(env("PGUSER", u"postgres"_s));
        db.setPassword(env("PGPASSWORD"));
        db.setDatabaseName(database);
    } else {
        QDir().mkpath(dataDir());
        db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
        db.setDatabaseName(QDir(dataDir()).filePath(u"apiaccess.sqlite3"_s));
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
    }
    if (!db.open())
        return db.lastError().text().isEmpty() ? u"cannot open"_s : db.lastError().text();
    return {};
}

QStringList TestDatabase::databaseArguments() const
{
    if (!isPostgres())
        return {};
    return {u"--database"_s, url()};
}

QString TestDatabase::url() const
{
    QUrl url;
    url.setScheme(u"postgresql"_s);
    url.setUserName(env("PGUSER", u"postgres"_s));
    url.setHost(env("PGHOST", u"localhost"_s));
    url.setPort(env("PGPORT").toInt());
    url.setPath(u'/' + m_name);
    return url.toString();
}

QString TestDatabase::controlCluster(const QString &action)
{
    QProcess control;
    control.start(u"pg_ctlcluster"_s,
                  {u"--mode=fast"_s, qEnvironmentVariable("PGVERSION"), u"regress"_s, action});
    if (!control.waitForFinished(120'000) || control.exitStatus() != QProcess::NormalExit
        || control.exitCode() != 0)
        return u"pg_ctlcluster %1: %2"_s.arg(
            action, QString::fromLocal8Bit(control.readAllStandardError()));
    return {};
}

QString TestDatabase::sharedKeyFile()
{
    const QString path = m_dir.filePath(u"shared-master.key"_s);
    if (!QFile::exists(path)) {
        QByteArray key(32, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()),
                                              key.size() / 4);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
            file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
            file.write(key);
        }
    }
    return path;
}

QList<QVariantList> TestDatabase::rows(const QString &sql, const QVariantList &values) const
{
    m_lastError.clear();
    const QString name = nextConnectionName();
    const QString error = openConnection(name, isPostgres() ? m_name : QString());
    return withConnection(error, name, [&](QSqlDatabase &db, const QString &openError) {
        QList<QVariantList> result;
        if (!openError.isEmpty()) {
            m_lastError = openError;
            return result;
        }
        QSqlQuery query(db);
        query.setForwardOnly(true);
        // Without values as it is: PostgreSQL prepares no DDL.
        bool ran = values.isEmpty() ? query.exec(sql) : query.prepare(sql);
        if (ran && !values.isEmpty()) {
            for (const QVariant &value : values)
                query.addBindValue(value);
            ran = query.exec();
        }
        if (!ran) {
            m_lastError = query.lastError().text();
            return result;
        }
        while (query.next()) {
            QVariantList row;
            for (int column = 0; column < query.record().count(); ++column)
                row.append(query.value(column));
            result.append(row);
        }
        return result;
    });
}

QString TestDatabase::exec(const QString &sql, const QVariantList &values) const
{
    rows(sql, values);
    return m_lastError;
}

QVariant TestDatabase::scalar(const QString &sql, const QVariantList &values) const
{
    const auto result = rows(sql, values);
    return result.isEmpty() || result.first().isEmpty() ? QVariant() : result.first().first();
}

} // namespace ApiAccess::Testing

namespace ApiAccess::Testing {

QByteArray TestDatabase::contents() const
{
    m_lastError.clear();
    QByteArray bytes;
    if (isPostgres()) {
        QProcess dump; // PGHOST, PGPORT, PGUSER, PGPASSWORD from with-postgres
        dump.start(u"pg_dump"_s, {u"--dbname"_s, m_name});
        if (!dump.waitForFinished(120'000) || dump.exitStatus() != QProcess::NormalExit
            || dump.exitCode() != 0) {
            m_lastError = u"pg_dump failed: "_s
                + QString::fromLocal8Bit(dump.readAllStandardError()) + dump.errorString();
            return {};
        }
        return dump.readAllStandardOutput();
    }
    const QString path = QDir(dataDir()).filePath(u"apiaccess.sqlite3"_s);
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s}) {
        QFile file(path + suffix);
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    if (bytes.isEmpty())
        m_lastError = u"no database file at "_s + path;
    return bytes;
}

} // namespace ApiAccess::Testing
