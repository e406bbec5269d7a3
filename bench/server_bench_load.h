#pragma once

// server_bench's load generators: wrk for throughput beside nginx, and
// keep-alive Beast clients for requests whose every latency counts.

#include <QByteArray>
#include <QString>

#include <atomic>
#include <boost/beast/http.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ApiAccess::Bench {

namespace http = boost::beast::http;

// The value at fraction `p` (0..1) of `values` (sorted in place); 0 if empty.
double percentile(std::vector<double> &values, double p);

// wrk's figures for one run: requests/s and latency percentiles.
struct WrkRun
{
    double requestsPerSecond = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    qint64 failures = 0; // non-2xx answers and socket errors; -1: wrk failed
};
// wrk -t2 -c64 --latency on http://127.0.0.1:PORT/PATH for `seconds`.
WrkRun runWrk(quint16 port, const QString &path, const QByteArray &authorization, int seconds);
// Median of the runs' figures, each field on its own; failures summed.
WrkRun median(std::vector<WrkRun> runs);

// One keep-alive client sending `count` requests made by `make(i)`, one
// after the other; the latency of each (ms), or nothing when one failed.
// With `stop`, it ends early once that is set.
std::optional<std::vector<double>>
timedRequests(quint16 port, int count, int expectedStatus,
              const std::function<http::request<http::string_body>(int)> &make,
              const std::atomic<bool> *stop = nullptr);

// `clients` clients at once, each sending `each` requests; all latencies.
struct Concurrent
{
    std::vector<double> latencies;
    double seconds = 0;
    int failedClients = 0;
};
Concurrent concurrently(quint16 port, int clients, int each, int expectedStatus,
                        const std::function<http::request<http::string_body>(int, int)> &make);

http::request<http::string_body> createRequest(const std::string &bearer, const std::string &name);
http::request<http::string_body> signInRequest();

} // namespace ApiAccess::Bench
