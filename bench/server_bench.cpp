// The token server's speed goals (issue #14), each beside its reference in
// the same run, since timings on shared machines wander by ±50 %:
//
// 1. GET /api/v1/verify throughput and latency on a cache hit: nginx's
//    `return 204` (the reference: what a gateway costs anyway), then
//    apiaccess-server on SQLite, then on PostgreSQL. Cache hits must not
//    care which database is behind them.
// 2. Revocation propagation across two instances on one PostgreSQL: a
//    token disabled or enabled through A, the time until B answers
//    accordingly, p50/p95/p99/max over --changes changes (goal: p99 under
//    1 s); then again with B's notification connection cut before every
//    change, so only the polled change counter carries it.
//
// Runs under tests/support/with-postgres (scripts/bench does that); asserts
// nothing, prints tables.
//   server_bench [--seconds S] [--connections C] [--changes N]
#include "ApiTestClient.h"
#include "ServerProcess.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <algorithm>
#include <atomic>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;
using namespace ApiAccess::Testing;
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

namespace {

QTextStream out(stdout);

const QString kAdmin = u"bench"_s;
const QString kPassword = u"bench-admin-password"_s;

struct Load
{
    double requestsPerSecond = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    qint64 failures = 0;
};

double percentile(std::vector<double> &values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = std::min(values.size() - 1, std::size_t(p * double(values.size())));
    return values[index];
}

// `connections` keep-alive connections, each on a thread of its own, asking
// GET `target` with `authorization` as fast as answers come, for `seconds`.
Load generateLoad(quint16 port, const std::string &target, const std::string &authorization,
                  int connections, int seconds, int expectedStatus)
{
    std::atomic<qint64> done{0};
    std::atomic<qint64> failures{0};
    std::vector<std::vector<double>> latencies{std::size_t(connections)};
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    std::vector<std::thread> threads;
    for (int c = 0; c < connections; ++c) {
        threads.emplace_back([&, c] {
            asio::io_context io;
            beast::tcp_stream stream(io);
            beast::error_code error;
            stream.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port),
                           error);
            if (error) {
                ++failures;
                return;
            }
            http::request<http::empty_body> request(http::verb::get, target, 11);
            request.set(http::field::host, "127.0.0.1");
            if (!authorization.empty())
                request.set(http::field::authorization, authorization);
            request.keep_alive(true);
            beast::flat_buffer buffer;
            auto &mine = latencies[std::size_t(c)];
            mine.reserve(1 << 20);
            while (std::chrono::steady_clock::now() < until) {
                const auto start = std::chrono::steady_clock::now();
                http::write(stream, request, error);
                http::response<http::string_body> response;
                if (!error)
                    http::read(stream, buffer, response, error);
                if (error || response.result_int() != unsigned(expectedStatus)) {
                    ++failures;
                    return;
                }
                mine.push_back(std::chrono::duration<double, std::milli>(
                                   std::chrono::steady_clock::now() - start)
                                   .count());
                ++done;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    std::vector<double> all;
    for (const auto &mine : latencies)
        all.insert(all.end(), mine.begin(), mine.end());
    Load load;
    load.requestsPerSecond = double(done.load()) / seconds;
    load.p50Ms = percentile(all, 0.50);
    load.p99Ms = percentile(all, 0.99);
    load.failures = failures.load();
    return load;
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// nginx answering 204 to everything: the reference for the verify figures.
class ReferenceNginx
{
public:
    bool start()
    {
        m_port = freePort();
        const QString conf = m_prefix.filePath(u"nginx.conf"_s);
        QFile file(conf);
        if (!file.open(QIODevice::WriteOnly))
            return false;
        file.write(uR"(%1
worker_processes 1;
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
                        {u"-p"_s, m_prefix.path() + u'/', u"-c"_s, conf, u"-e"_s, u"stderr"_s,
                         u"-g"_s, u"daemon off;"_s});
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
    ~ReferenceNginx()
    {
        m_process.terminate();
        m_process.waitForFinished();
    }
    quint16 port() const { return m_port; }

private:
    QTemporaryDir m_prefix;
    QProcess m_process;
    quint16 m_port = 0;
};

// A server with the admin signed in and one Read-only token, on `backend`.
struct BenchServer
{
    QTemporaryDir logs;
    std::unique_ptr<ServerProcess> server;
    QByteArray token;

    bool start(const char *backend, const QStringList &extra = {})
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
        const ApiReply created = admin.createToken(u"bench"_s, u"read_only"_s);
        token = created.json().value(u"token"_s).toString().toLatin1();
        return created.status == 201;
    }
};

void printLoad(const QString &what, const Load &load, double reference)
{
    out << u"| %1 | %2 | %3 | %4 | %5 | %6 |"_s.arg(what)
               .arg(load.requestsPerSecond, 0, 'f', 0)
               .arg(reference > 0 ? load.requestsPerSecond / reference : 1.0, 0, 'f', 2)
               .arg(load.p50Ms, 0, 'f', 3)
               .arg(load.p99Ms, 0, 'f', 3)
               .arg(load.failures)
        << Qt::endl;
}

int verifyThroughput(int seconds, int connections)
{
    out << u"\n## GET /api/v1/verify, cache hits, %1 connections, %2 s each\n\n"_s.arg(connections)
               .arg(seconds)
        << u"| target | requests/s | × nginx | p50 ms | p99 ms | failures |\n"
           u"|---|---:|---:|---:|---:|---:|"_s
        << Qt::endl;
    ReferenceNginx nginx;
    if (!nginx.start()) {
        out << "nginx did not start" << Qt::endl;
        return 1;
    }
    const Load reference = generateLoad(nginx.port(), "/", {}, connections, seconds, 204);
    printLoad(u"nginx `return 204` (reference)"_s, reference, 0);
    for (const char *backend : {"sqlite", "postgresql"}) {
        BenchServer bench;
        if (!bench.start(backend, {u"--threads"_s, QString::number(connections)})) {
            out << "the server on " << backend
                << " did not start: " << (bench.server ? bench.server->errorString() : QString())
                << Qt::endl;
            return 1;
        }
        const std::string authorization = "Basic " + bench.token.toStdString();
        const auto port = quint16(bench.server->baseUrl().port());
        // Warm: the first answer reads the database, the rest come from the cache.
        generateLoad(port, "/api/v1/verify", authorization, 1, 1, 204);
        const Load load =
            generateLoad(port, "/api/v1/verify", authorization, connections, seconds, 204);
        printLoad(u"apiaccess-server on %1"_s.arg(QLatin1StringView(backend)), load,
                  reference.requestsPerSecond);
    }
    return 0;
}

int revocationPropagation(int changes, bool cutListener)
{
    qputenv("APIACCESS_TEST_BACKEND", "postgresql");
    TestDatabase database;
    ServerProcess a(database), b(database);
    if (!database.isValid() || !a.addAdmin(kAdmin, kPassword) || !a.start() || !b.start()) {
        out << "the instances did not start: " << a.errorString() << b.errorString() << Qt::endl;
        return 1;
    }
    ApiTestClient admin(a.baseUrl());
    if (!admin.signIn(kAdmin, kPassword))
        return 1;
    const ApiReply created = admin.createToken(u"propagation"_s, u"read_only"_s);
    const QString path = u"/api/v1/tokens/"_s + created.json().value(u"id"_s).toString();
    ApiTestClient gateway(b.baseUrl());
    gateway.setBasic(created.json().value(u"token"_s).toString().toLatin1());

    std::vector<double> delays;
    qint64 lost = 0;
    for (int i = 0; i < changes; ++i) {
        const bool enable = i % 2 == 1;
        const int expected = enable ? 204 : 401;
        // B has the current state cached before every change.
        if (!QTest::qWaitFor([&] { return gateway.get(u"/api/v1/verify"_s).status != expected; },
                             5'000)) {
            ++lost;
            continue;
        }
        if (cutListener)
            database.exec(u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                          "application_name = 'apiaccess-listener' AND datname = "
                          "current_database()"_s);
        if (admin.patch(path, {{u"enabled"_s, enable}}).status != 200) {
            ++lost;
            continue;
        }
        QElapsedTimer clock;
        clock.start();
        while (gateway.get(u"/api/v1/verify"_s).status != expected) {
            if (clock.elapsed() > 10'000)
                break;
        }
        delays.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    std::vector<double> sorted = delays;
    out << u"| %1 | %2 | %3 | %4 | %5 | %6 | %7 |"_s
               .arg(cutListener ? u"listener cut before each change (polled counter only)"_s
                                : u"normal (LISTEN/NOTIFY, polled counter as safety net)"_s)
               .arg(delays.size())
               .arg(percentile(sorted, 0.50), 0, 'f', 1)
               .arg(percentile(sorted, 0.95), 0, 'f', 1)
               .arg(percentile(sorted, 0.99), 0, 'f', 1)
               .arg(sorted.empty() ? 0.0 : sorted.back(), 0, 'f', 1)
               .arg(lost)
        << Qt::endl;
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption seconds(u"seconds"_s, u"Load per target, in seconds."_s, u"S"_s,
                                     u"5"_s);
    const QCommandLineOption connections(u"connections"_s, u"Concurrent connections."_s, u"C"_s,
                                         u"4"_s);
    const QCommandLineOption changes(u"changes"_s, u"Changes measured for propagation."_s, u"N"_s,
                                     u"1000"_s);
    parser.addOptions({seconds, connections, changes});
    parser.process(app);
    if (TestDatabase::backendUnderTest() != TestDatabase::Backend::Postgres) {
        out << "run under tests/support/with-postgres (scripts/bench does)" << Qt::endl;
        return 2;
    }
    out << "# apiaccess-server benchmarks (" << QSysInfo::prettyProductName() << ", "
        << std::thread::hardware_concurrency() << " cores)" << Qt::endl;
    if (const int failed =
            verifyThroughput(parser.value(seconds).toInt(), parser.value(connections).toInt()))
        return failed;

    const int n = parser.value(changes).toInt();
    out << u"\n## Revocation propagation, two instances on PostgreSQL (A changes, B refuses)\n\n"
           u"| path | changes | p50 ms | p95 ms | p99 ms | max ms | not measured |\n"
           u"|---|---:|---:|---:|---:|---:|---:|"_s
        << Qt::endl;
    if (const int failed = revocationPropagation(n, false))
        return failed;
    return revocationPropagation(std::max(20, n / 5), true);
}
