#include "store/SqlConnections.h"

#include <QDir>
#include <QSqlError>
#include <QStringBuilder>

#include <atomic>
#include <span>

using namespace Qt::StringLiterals;

namespace ApiAccess::Server {

Q_LOGGING_CATEGORY(lcStore, "apiaccess.store")

namespace {

std::atomic<quint64> nextPoolSerial{1};
std::atomic<quint64> nextThreadSerial{1};

quint64 threadSerial()
{
    thread_local const quint64 serial = nextThreadSerial.fetch_add(1);
    return serial;
}

// Per SQLite connection: WAL lets readers run beside the one writer; FULL
// syncs the WAL on every commit so an acknowledged write survives a kill or
// a power cut; foreign keys are off by default in SQLite.
constexpr const char16_t *kSqlitePragmas[] = {
    u"PRAGMA journal_mode = WAL",
    u"PRAGMA synchronous = FULL",
    u"PRAGMA foreign_keys = ON",
    u"PRAGMA busy_timeout = 5000",
};

// Per PostgreSQL connection: times never depend on the server's zone (all
// are Unix milliseconds anyway), and a statement stuck behind a lock or a
// dying server gives up rather than holding a worker thread forever.
constexpr const char16_t *kPostgresSettings[] = {
    u"SET TIME ZONE 'UTC'",
    u"SET statement_timeout = 15000",
    u"SET lock_timeout = 10000",
    // Notices ("relation already exists, skipping") are not for the log.
    u"SET client_min_messages = warning",
};

} // namespace

QString SqlDialect::beginWrite() const
{
    return isPostgres() ? u"BEGIN"_s : u"BEGIN IMMEDIATE"_s;
}

QString SqlDialect::forUpdate() const
{
    return isPostgres() ? u" FOR UPDATE"_s : QString();
}

QString SqlDialect::contains(const QString &column) const
{
    return isPostgres() ? u"strpos("_s % column % u", ?) > 0"_s
                        : u"instr("_s % column % u", ?) > 0"_s;
}

QString sqlErrorText(const QSqlError &error)
{
    // PostgreSQL's DETAIL line may quote the values of a key; the first
    // line names the constraint, table or column, which is what a log needs.
    QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    text = text.section(u'\n', 0, 0).trimmed();
    if (!error.nativeErrorCode().isEmpty())
        text = u"["_s % error.nativeErrorCode() % u"] "_s % text;
    return text;
}

StoreError sqlFailure(QStringView what, const QString &sqlError)
{
    const QString message = what.toString() % u": "_s % sqlError;
    qCWarning(lcStore, "%s", qUtf8Printable(message));
    return StoreError{StoreErrorCode::Unavailable, message};
}

std::optional<StoreError> runSql(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    query.setForwardOnly(true);
    // Without values the statement runs as it is: PostgreSQL cannot
    // prepare BEGIN, COMMIT or SET.
    if (values.isEmpty()) {
        if (!query.exec(sql))
            return StoreError{StoreErrorCode::Unavailable, sqlErrorText(query.lastError())};
        return std::nullopt;
    }
    if (!query.prepare(sql))
        return StoreError{StoreErrorCode::Unavailable, sqlErrorText(query.lastError())};
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return StoreError{StoreErrorCode::Unavailable, sqlErrorText(query.lastError())};
    return std::nullopt;
}

SqlConnections::SqlConnections(const DatabaseConfig &config)
    : m_config(config)
    , m_dialect{config.backend}
    , m_prefix(u"apiaccess-"_s % QString::number(nextPoolSerial.fetch_add(1)) % u'-')
{
    if (!m_dialect.isPostgres())
        m_writer = std::make_unique<SqliteWriter>(*this);
}

SqlConnections::~SqlConnections()
{
    m_writer.reset(); // finishes what is queued, and closes its connection
    QStringList names;
    {
        QMutexLocker lock(&m_mutex);
        names.swap(m_names);
    }
    // removeDatabase is thread-safe; the connection is closed when the
    // registry drops it. No QSqlDatabase or QSqlQuery copies are alive here.
    for (const QString &name : std::as_const(names))
        QSqlDatabase::removeDatabase(name);
}

Result<QSqlDatabase, StoreError> SqlConnections::connection()
{
    const QString name = m_prefix % QString::number(threadSerial());
    if (QSqlDatabase::contains(name)) {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isOpen())
                return db;
        }
        QSqlDatabase::removeDatabase(name); // lost: a new one below
    }
    return open(name, u"apiaccess-server"_s);
}

Result<QSqlDatabase, StoreError> SqlConnections::openDedicated(const QString &name,
                                                               const QString &applicationName)
{
    return open(m_prefix % name, applicationName);
}

Result<QSqlDatabase, StoreError> SqlConnections::open(const QString &name,
                                                      const QString &applicationName)
{
    if (QSqlDatabase::contains(name))
        QSqlDatabase::removeDatabase(name);
    auto opened = configure(name, applicationName);
    if (!opened) {
        QSqlDatabase::removeDatabase(name);
        // Once per outage, not once per attempt: the change feed tries
        // several times a second, and DatabaseHealth says the rest.
        if (!m_openFailing.exchange(true))
            qCWarning(lcStore, "%s", qUtf8Printable(opened.error().message));
        return fail(opened.error());
    }
    if (m_openFailing.exchange(false))
        qCInfo(lcStore, "connected to the database again");
    return QSqlDatabase::database(name, false);
}

Result<bool, StoreError> SqlConnections::configure(const QString &name,
                                                   const QString &applicationName)
{
    {
        const bool postgres = m_dialect.isPostgres();
        QSqlDatabase db = QSqlDatabase::addDatabase(postgres ? u"QPSQL"_s : u"QSQLITE"_s, name);
        {
            QMutexLocker lock(&m_mutex);
            if (!m_names.contains(name))
                m_names.append(name);
        }
        if (postgres) {
            db.setHostName(m_config.host);
            db.setPort(m_config.port);
            db.setUserName(m_config.user);
            db.setPassword(m_config.password);
            db.setDatabaseName(m_config.databaseName);
            // TCP keepalives: a connection whose peer vanished (a pulled
            // cable, a failed-over host) is noticed within seconds, not hours.
            db.setConnectOptions(u"connect_timeout=5;keepalives_idle=5;keepalives_interval=2;"
                                 u"keepalives_count=3;application_name="_s
                                 % applicationName);
        } else {
            db.setDatabaseName(m_config.describe());
            db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        }
        if (!db.open())
            return fail(StoreError{StoreErrorCode::Unavailable,
                                   u"opening the database: "_s + sqlErrorText(db.lastError())});
        const std::span<const char16_t *const> settings = postgres
            ? std::span<const char16_t *const>(kPostgresSettings)
            : std::span<const char16_t *const>(kSqlitePragmas);
        for (const char16_t *setting : settings) {
            QSqlQuery query(db);
            if (auto error = runSql(query, QString::fromUtf16(setting)))
                return fail(sqlFailure(u"configuring the database", error->message));
            if (QStringView(setting).contains(u"journal_mode")) {
                if (!query.next()
                    || query.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0)
                    return fail(sqlFailure(u"configuring the database",
                                           u"SQLite refused write-ahead logging"_s));
            }
        }
        qCDebug(lcStore, "opened connection %s", qUtf8Printable(name));
    }
    return true;
}

bool SqlConnections::checkAfterFailure(QSqlDatabase &db)
{
    if (!m_dialect.isPostgres())
        return false;
    // A statement that failed may have been the database's fault or ours;
    // if the connection is closed (QPSQL's isOpen() is libpq's status) or
    // cannot even answer this, it is gone.
    if (db.isOpen()) {
        QSqlQuery ping(db);
        if (ping.exec(u"SELECT 1"_s))
            return false;
    }
    qCInfo(lcStore, "a database connection was lost; opening a new one");
    db.close();
    return true;
}

} // namespace ApiAccess::Server
