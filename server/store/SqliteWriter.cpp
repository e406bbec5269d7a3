#include "store/SqliteWriter.h"

#include "store/SqlConnections.h"

#include <QSqlQuery>

#include <exception>

using namespace Qt::StringLiterals;

namespace ApiAccess::Server {

namespace {

// The writer whose thread this is, and its connection while a group runs.
thread_local SqliteWriter *t_writer = nullptr;
thread_local QSqlDatabase *t_database = nullptr;

bool runWrite(const SqliteWriter::Write &write, QSqlDatabase &db)
{
    try {
        return write(db);
    } catch (const std::exception &error) {
        qCWarning(lcStore, "a write failed: %s", error.what());
    } catch (...) {
        qCWarning(lcStore, "a write failed with an unknown exception");
    }
    return false;
}

} // namespace

SqliteWriter::SqliteWriter(SqlConnections &connections)
    : m_connections(connections)
    , m_thread([this] { runLoop(); })
{ }

SqliteWriter::~SqliteWriter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

std::optional<StoreError> SqliteWriter::run(QStringView what, const Write &write)
{
    if (t_writer == this && t_database) {
        // A write that writes: part of the write already running.
        QSqlQuery savepoint(*t_database);
        if (auto error = runSql(savepoint, u"SAVEPOINT nested"_s))
            return sqlFailure(what, error->message);
        const bool succeeded = runWrite(write, *t_database);
        QSqlQuery end(*t_database);
        if (!succeeded) {
            if (auto error = runSql(end, u"ROLLBACK TO nested"_s))
                return sqlFailure(what, error->message);
        }
        if (auto error = runSql(end, u"RELEASE nested"_s))
            return sqlFailure(what, error->message);
        return std::nullopt;
    }

    Job job{&write, what.toString(), std::nullopt};
    std::unique_lock lock(m_mutex);
    if (m_stopping)
        return StoreError{StoreErrorCode::Unavailable, u"the database is closing"_s};
    m_queue.push_back(&job);
    m_wake.notify_one();
    m_done.wait(lock, [&job] { return job.done; });
    return job.error;
}

SqliteWriter::Stats SqliteWriter::stats() const
{
    std::lock_guard lock(m_mutex);
    Stats stats = m_stats;
    stats.queued = m_queue.size();
    return stats;
}

void SqliteWriter::runLoop()
{
    t_writer = this;
    QString name;
    std::deque<Job *> group;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                break; // stopping, and nobody waits
            while (!m_queue.empty() && group.size() < kMaxGroup) {
                group.push_back(m_queue.front());
                m_queue.pop_front();
            }
        }

        std::size_t completed = group.size();
        if (name.isEmpty()) {
            auto db = m_connections.openDedicated(u"writer"_s, u"apiaccess-writer"_s);
            if (db)
                name = db->connectionName();
            else
                for (Job *job : group)
                    job->error = db.error();
        }
        if (!name.isEmpty()) {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            t_database = &db;
            completed = runGroup(db, group);
            t_database = nullptr;
        }

        std::lock_guard lock(m_mutex);
        for (std::size_t i = 0; i < completed; ++i)
            group[i]->done = true;
        // The rest run again, first, in a new group.
        for (std::size_t i = group.size(); i > completed; --i)
            m_queue.push_front(group[i - 1]);
        group.clear();
        m_done.notify_all();
    }
    if (!name.isEmpty())
        QSqlDatabase::removeDatabase(name);
}

std::size_t SqliteWriter::runGroup(QSqlDatabase &db, const std::deque<Job *> &group)
{
    const auto failAll = [](auto first, auto last, const QString &message) {
        for (auto it = first; it != last; ++it)
            (*it)->error = sqlFailure((*it)->what, message);
    };

    QSqlQuery statement(db);
    if (auto error = runSql(statement, u"BEGIN IMMEDIATE"_s)) {
        failAll(group.begin(), group.end(), error->message);
        return group.size();
    }

    std::size_t ran = 0;
    std::optional<QString> lost; // why the transaction is gone
    for (; ran < group.size() && !lost; ++ran) {
        Job &job = *group[ran];
        if (auto error = runSql(statement, u"SAVEPOINT write"_s)) {
            lost = error->message;
            break;
        }
        job.succeeded = runWrite(*job.write, db);
        // Without its savepoint (SQLite rolled the whole transaction back,
        // e.g. on an I/O error), nothing done in this group survived.
        if (!job.succeeded) {
            if (auto error = runSql(statement, u"ROLLBACK TO write"_s)) {
                lost = error->message;
                ++ran;
                break;
            }
        }
        if (auto error = runSql(statement, u"RELEASE write"_s)) {
            lost = error->message;
            ++ran;
            break;
        }
    }

    if (lost) {
        if (ran == 0)
            ran = 1; // the first write fails, so that every round makes progress
        QSqlQuery rollback(db);
        (void)runSql(rollback, u"ROLLBACK"_s);
        failAll(group.begin(), group.begin() + std::ptrdiff_t(ran), *lost);
        return ran; // the rest run again
    }

    if (auto error = runSql(statement, u"COMMIT"_s)) {
        QSqlQuery rollback(db);
        (void)runSql(rollback, u"ROLLBACK"_s);
        failAll(group.begin(), group.end(), error->message);
    } else {
        std::lock_guard lock(m_mutex);
        ++m_stats.groups;
        m_stats.writes += group.size();
    }
    return group.size();
}

} // namespace ApiAccess::Server
