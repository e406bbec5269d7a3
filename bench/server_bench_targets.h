#pragma once

// What server_bench measures and against what: the token server (a real
// apiaccess-server process with an admin and a token) and nginx answering
// `return 204`, the reference.

#include "ServerProcess.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace ApiAccess::Bench {

inline const QString kAdmin = QStringLiteral("bench");
inline const QString kPassword = QStringLiteral("bench-admin-password");

// nginx answering 204 to everything: the reference for the verify figures.
class ReferenceNginx
{
public:
    bool start();
    ~ReferenceNginx();
    quint16 port() const { return m_port; }

private:
    QTemporaryDir m_prefix;
    QProcess m_process;
    quint16 m_port = 0;
};

// A server with the admin signed in and one Read-only token, on `backend`
// ("sqlite" or "postgresql").
struct BenchServer
{
    QTemporaryDir logs;
    std::unique_ptr<Testing::ServerProcess> server;
    QByteArray token; // a Read-only API token
    QByteArray bearer; // the admin's session

    bool start(const char *backend, const QStringList &extra = {});
    quint16 port() const { return quint16(server->baseUrl().port()); }
};

// A field of /proc/PID/status in KiB ("VmRSS", "VmHWM"); -1 when unreadable.
qint64 statusKiB(qint64 pid, QByteArrayView field);
// VmRSS of a process, in KiB; -1 when unreadable.
inline qint64 residentKiB(qint64 pid)
{
    return statusKiB(pid, "VmRSS");
}

} // namespace ApiAccess::Bench
