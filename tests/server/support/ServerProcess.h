#pragma once

#include "TestDatabase.h"

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace ApiAccess::Testing {

// The real apiaccess-server binary, started for a test on 127.0.0.1:0 (or
// whatever --listen says) on a database of its own (TestDatabase: SQLite in
// a private data directory, or PostgreSQL under with-postgres), or as one
// more instance on another's database.
class ServerProcess
{
public:
    ServerProcess();
    // Another instance on `shared` (PostgreSQL): a data directory of its
    // own, the master key every instance on `shared` uses.
    explicit ServerProcess(TestDatabase &shared);
    ~ServerProcess(); // stops the server if it still runs

    static QString binaryPath();

    // Extra arguments after `serve --listen ... --data-dir ...`.
    // Returns false (see errorString()) if the ready line did not come.
    bool start(const QStringList &extraArguments = {},
               const QString &listen = QStringLiteral("127.0.0.1:0"));
    // SIGTERM and wait; returns the exit code (-1 if it had to be killed or crashed).
    int stop();
    // SIGKILL: for durability tests.
    void kill();
    // The server's process id (0 when it does not run), for SIGSTOP and the like.
    qint64 processId() const;

    QUrl baseUrl() const { return m_baseUrl; }
    QString dataDir() const;
    TestDatabase &database() { return *m_database; }
    // What `serve` and `admin` are given for the database and the key.
    QStringList storageArguments() const;
    QString errorString() const { return m_error; }
    // Everything the server wrote to standard error so far (its log).
    QByteArray log();
    // The log goes to `path` instead of a pipe, for callers that do not run
    // an event loop while the server works (a full pipe would stall it).
    void setLogFile(const QString &path) { m_logFile = path; }
    QByteArray standardOutput() const { return m_stdout; }

    // `apiaccess-server admin ARGS --data-dir DIR [--database URL]` with
    // `input` on stdin.
    struct AdminResult
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    AdminResult admin(const QStringList &arguments, const QByteArray &input = {}) const;
    bool addAdmin(const QString &name, const QString &password) const;

private:
    std::unique_ptr<TestDatabase> m_ownDatabase;
    TestDatabase *m_database = nullptr;
    std::unique_ptr<QTemporaryDir> m_instanceDir; // an instance on a shared database
    QString m_keyFile;
    QString m_logFile;
    std::unique_ptr<QProcess> m_process;
    QUrl m_baseUrl;
    QString m_error;
    QByteArray m_stdout;
    QByteArray m_stderr;
};

} // namespace ApiAccess::Testing
