#include "server_bench_targets.h"

#include "ApiTestClient.h"

#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace ApiAccess::Testing;

namespace ApiAccess::Bench {

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

bool ReferenceNginx::start()
{
    m_port = freePort();
    const QString conf = m_prefix.filePath(u"nginx.conf"_s);
    QFile file(conf);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(uR"(%1
worker_processes auto;
pid %2/nginx.pid;
events { worker_connections 1024; }
http {
access_log off;
client_body_temp_path %2/body;
proxy_temp_path %2/proxy;
fastcgi_temp_path %2/fastcgi;
uwsgi_temp_path %2/uwsgi;
scgi_temp_path %2/scgi;
keepalive_requests 1000000;
server {
    listen 127.0.0.1:%3;
    location / { return 204; }
}
}
)"_s.arg(::geteuid() == 0 ? u"user root;"_s : QString(), m_prefix.path())
                   .arg(m_port)
                   .toUtf8());
    file.close();
    m_process.start(u"/usr/sbin/nginx"_s,
                    {u"-p"_s, m_prefix.path() + u'/', u"-c"_s, conf, u"-e"_s, u"stderr"_s, u"-g"_s,
                     u"daemon off;"_s});
    if (!m_process.waitForStarted())
        return false;
    return QTest::qWaitFor(
        [this] {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, m_port);
            return socket.waitForConnected(200);
        },
        10'000);
}

ReferenceNginx::~ReferenceNginx()
{
    m_process.terminate();
    m_process.waitForFinished();
}

bool BenchServer::start(const char *backend, const QStringList &extra)
{
    qputenv("APIACCESS_TEST_BACKEND", backend);
    server = std::make_unique<ServerProcess>();
    // Logged as in production (a line per request), to a file: the load
    // threads run no event loop to empty a pipe.
    server->setLogFile(logs.filePath(u"server.log"_s));
    if (!server->addAdmin(kAdmin, kPassword) || !server->start(extra))
        return false;
    ApiTestClient admin(server->baseUrl());
    if (!admin.signIn(kAdmin, kPassword))
        return false;
    bearer = admin.bearer();
    const ApiReply created = admin.createToken(u"bench"_s, u"read_only"_s);
    token = created.json().value(u"token"_s).toString().toLatin1();
    return created.status == 201;
}

qint64 statusKiB(qint64 pid, QByteArrayView field)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field) && line.mid(field.size()).startsWith(':'))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace ApiAccess::Bench
