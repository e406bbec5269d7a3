#include "server_bench_load.h"

#include "server_bench_targets.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>

#include <algorithm>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <chrono>
#include <thread>

using namespace Qt::StringLiterals;

namespace ApiAccess::Bench {

namespace asio = boost::asio;
namespace beast = boost::beast;

double percentile(std::vector<double> &values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = std::min(values.size() - 1, std::size_t(p * double(values.size())));
    return values[index];
}

double wrkMilliseconds(const QString &text)
{
    // "812.00us", "1.23ms", "2.01s"
    static const QRegularExpression value(u"^([0-9.]+)(us|ms|s)$"_s);
    const auto match = value.match(text);
    if (!match.hasMatch())
        return -1;
    const double number = match.captured(1).toDouble();
    const QString unit = match.captured(2);
    return unit == u"us"_s ? number / 1000 : unit == u"ms"_s ? number : number * 1000;
}

WrkRun runWrk(quint16 port, const QString &path, const QByteArray &authorization, int seconds)
{
    QStringList arguments{u"-t2"_s, u"-c64"_s, u"-d%1s"_s.arg(seconds), u"--latency"_s};
    if (!authorization.isEmpty())
        arguments << u"-H"_s << u"Authorization: "_s + QString::fromLatin1(authorization);
    arguments << u"http://127.0.0.1:%1%2"_s.arg(port).arg(path);
    QProcess wrk;
    wrk.start(u"wrk"_s, arguments);
    WrkRun run;
    if (!wrk.waitForFinished((seconds + 30) * 1000) || wrk.exitCode() != 0) {
        run.failures = -1;
        return run;
    }
    const QString text = QString::fromUtf8(wrk.readAllStandardOutput());
    for (const QString &raw : text.split(u'\n')) {
        const QStringList fields = raw.simplified().split(u' ');
        if (fields.size() >= 2 && fields[0] == u"Requests/sec:"_s)
            run.requestsPerSecond = fields[1].toDouble();
        else if (fields.size() == 2 && fields[0] == u"50%"_s)
            run.p50Ms = wrkMilliseconds(fields[1]);
        else if (fields.size() == 2 && fields[0] == u"99%"_s)
            run.p99Ms = wrkMilliseconds(fields[1]);
        else if (fields.size() >= 5 && fields[0] == u"Non-2xx"_s)
            run.failures += fields.last().toLongLong();
        else if (fields.size() >= 2 && fields[0] == u"Socket"_s)
            run.failures += 1;
    }
    return run;
}

// Median of the runs' figures, each field on its own.
WrkRun median(std::vector<WrkRun> runs)
{
    WrkRun result;
    if (runs.empty())
        return result;
    const auto middle = [&runs](auto field) {
        std::vector<double> values;
        for (const WrkRun &run : runs)
            values.push_back(double(run.*field));
        return percentile(values, 0.5);
    };
    result.requestsPerSecond = middle(&WrkRun::requestsPerSecond);
    result.p50Ms = middle(&WrkRun::p50Ms);
    result.p99Ms = middle(&WrkRun::p99Ms);
    for (const WrkRun &run : runs)
        result.failures += run.failures;
    return result;
}

// One keep-alive client sending `count` requests made by `make(i)`, one
// after the other; the latency of each (ms), or nothing when one failed.
// With `stop`, it ends early once that is set.
std::optional<std::vector<double>>
timedRequests(quint16 port, int count, int expectedStatus,
              const std::function<http::request<http::string_body>(int)> &make,
              const std::atomic<bool> *stop)
{
    asio::io_context io;
    beast::tcp_stream stream(io);
    beast::error_code error;
    stream.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), error);
    if (error)
        return std::nullopt;
    beast::flat_buffer buffer;
    std::vector<double> latencies;
    latencies.reserve(std::size_t(count));
    for (int i = 0; i < count && !(stop && stop->load()); ++i) {
        http::request<http::string_body> request = make(i);
        request.set(http::field::host, "127.0.0.1");
        request.keep_alive(true);
        request.prepare_payload();
        const auto start = std::chrono::steady_clock::now();
        http::write(stream, request, error);
        http::response<http::string_body> response;
        if (!error)
            http::read(stream, buffer, response, error);
        if (error || response.result_int() != unsigned(expectedStatus))
            return std::nullopt;
        latencies.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
    }
    return latencies;
}

http::request<http::string_body> createRequest(const std::string &bearer, const std::string &name)
{
    http::request<http::string_body> request(http::verb::post, "/api/v1/tokens", 11);
    request.set(http::field::authorization, "Bearer " + bearer);
    request.set(http::field::content_type, "application/json");
    request.body() = R"({"name":")" + name + R"(","accessLevel":"read_only"})";
    return request;
}

http::request<http::string_body> signInRequest()
{
    http::request<http::string_body> request(http::verb::post, "/api/v1/sessions", 11);
    request.set(http::field::content_type, "application/json");
    request.body() = QJsonDocument(QJsonObject{{u"username"_s, kAdmin}, {u"password"_s, kPassword}})
                         .toJson(QJsonDocument::Compact)
                         .toStdString();
    return request;
}

Concurrent concurrently(quint16 port, int clients, int each, int expectedStatus,
                        const std::function<http::request<http::string_body>(int, int)> &make)
{
    std::vector<std::optional<std::vector<double>>> results{std::size_t(clients)};
    std::vector<std::thread> threads;
    const auto start = std::chrono::steady_clock::now();
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&, c] {
            results[std::size_t(c)] =
                timedRequests(port, each, expectedStatus, [&make, c](int i) { return make(c, i); });
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    Concurrent result;
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    for (const auto &latencies : results) {
        if (!latencies)
            ++result.failedClients;
        else
            result.latencies.insert(result.latencies.end(), latencies->begin(), latencies->end());
    }
    return result;
}

} // namespace ApiAccess::Bench
