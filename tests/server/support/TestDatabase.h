#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariant>
#include <QVariantList>

namespace ApiAccess::Testing {

// The database one test works on, in the backend the test run is for:
// - SQLite (the default): apiaccess.sqlite3 in a private temporary data
//   directory;
// - PostgreSQL, when the test runs under tests/support/with-postgres
//   (APIACCESS_TEST_BACKEND=postgresql): a database of its own, created
//   empty in that private cluster and dropped (with any connection still on
//   it) when this object goes.
// The same test therefore proves the same behaviour on both backends; a
// test that must differ asks isPostgres(), it never skips.
class TestDatabase
{
public:
    enum class Backend { Sqlite, Postgres };
    static Backend backendUnderTest();
    static QString backendName(); // "sqlite" or "postgresql", for messages

    TestDatabase();
    ~TestDatabase();
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;

    // False (see errorString()) when the database could not be made.
    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    bool isPostgres() const { return m_backend == Backend::Postgres; }

    // A private directory: the SQLite file's, and the first server's
    // master.key; also there on PostgreSQL.
    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }
    // What `serve` and `admin` take to use this database, after --data-dir:
    // nothing on SQLite; --database URL on PostgreSQL (the password comes
    // from PGPASSWORD, as it should: never on a command line).
    QStringList databaseArguments() const;
    // postgresql://USER@HOST:PORT/NAME (PostgreSQL only).
    QString url() const;
    QString name() const { return m_name; }

    // Stops or starts the whole PostgreSQL cluster of with-postgres
    // (`pg_ctlcluster VERSION regress stop|start`, fast mode), as an outage
    // would: the error, or empty when done.
    static QString controlCluster(const QString &action);

    // A master key file several instances share (created on first call,
    // 32 random bytes, mode 0600), for `serve --key-file`.
    QString sharedKeyFile();

    // Statements on a connection of the test's own, beside the server's.
    // exec() returns the error text (empty: it ran); rows() the rows of a
    // SELECT (empty on error, with the error in lastError()).
    QString exec(const QString &sql, const QVariantList &values = {}) const;
    QList<QVariantList> rows(const QString &sql, const QVariantList &values = {}) const;
    // The first column of the first row; invalid when there is none.
    QVariant scalar(const QString &sql, const QVariantList &values = {}) const;
    QString lastError() const { return m_lastError; }

    // Everything the database holds, as bytes a grep can search: the
    // SQLite file with its -wal and -shm, or a full pg_dump (what a
    // backup of it holds; bytea columns appear in hex there). Empty, with
    // lastError(), when it cannot be read.
    QByteArray contents() const;

private:
    QString openConnection(const QString &connectionName, const QString &database) const;

    Backend m_backend;
    QTemporaryDir m_dir;
    QString m_name; // the PostgreSQL database
    QString m_error;
    mutable QString m_lastError;
};

} // namespace ApiAccess::Testing
