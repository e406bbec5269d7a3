#include "store/SqliteConnections.h"

#include <QSqlError>
#include <QThread>

#include <atomic>

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

// Per connection: WAL lets readers run beside the one writer; FULL syncs
// the WAL on every commit so an acknowledged write survives a kill or a
// power cut; foreign keys are off by default in SQLite.
constexpr const char16_t *kPragmas[] = {
    u"PRAGMA journal_mode = WAL",
    u"PRAGMA synchronous = FULL",
    u"PRAGMA foreign_keys = ON",
    u"PRAGMA busy_timeout = 5000",
};

} // namespace

StoreError sqlFailure(QStringView what, const QString &sqlError)
{
    // SQLite error texts name tables and columns, never bound values.
    const QString message = what.toString() % u": "_s % sqlError;
    qCWarning(lcStore, "%s", qUtf8Printable(message));
    return StoreError{StoreErrorCode::Unavailable, message};
}

std::optional<StoreError> runSql(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return StoreError{StoreErrorCode::Unavailable, query.lastError().text()};
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return StoreError{StoreErrorCode::Unavailable, query.lastError().text()};
    return std::nullopt;
}

SqliteConnections::SqliteConnections(const QString &databasePath)
    : m_path(databasePath)
    , m_prefix(u"apiaccess-"_s % QString::number(nextPoolSerial.fetch_add(1)) % u'-')
{ }

SqliteConnections::~SqliteConnections()
{
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

Result<QSqlDatabase, StoreError> SqliteConnections::connection()
{
    const QString name = m_prefix % QString::number(threadSerial());
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            return db;
        QSqlDatabase::removeDatabase(name);
    }

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        {
            QMutexLocker lock(&m_mutex);
            if (!m_names.contains(name))
                m_names.append(name);
        }
        db.setDatabaseName(m_path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (!db.open())
            return fail(sqlFailure(u"opening the database", db.lastError().text()));
        for (const char16_t *pragma : kPragmas) {
            QSqlQuery query(db);
            if (auto error = runSql(query, QString::fromUtf16(pragma)))
                return fail(sqlFailure(u"configuring the database", error->message));
            if (QStringView(pragma).contains(u"journal_mode")) {
                if (!query.next()
                    || query.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0)
                    return fail(sqlFailure(u"configuring the database",
                                           u"SQLite refused write-ahead logging"_s));
            }
        }
        qCDebug(lcStore, "opened connection %s", qUtf8Printable(name));
    }
    return QSqlDatabase::database(name, false);
}

} // namespace ApiAccess::Server
