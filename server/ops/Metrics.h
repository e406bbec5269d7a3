#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

namespace ApiAccess::Server {

// Counters for /metrics in the Prometheus text format (version 0.0.4):
// requests by route, method and status; verification outcomes; a latency
// histogram; gauges read when rendered.
//
// Exact and without a lock per request: every counter a request can touch
// exists before the first request (setRoutes()), as a relaxed atomic in a
// table indexed by route, method and status, so observing is a few atomic
// increments. Only setRoutes() and setGauge() lock, and render().
class Metrics
{
public:
    struct Route
    {
        std::string method; // as registered, e.g. "GET"
        std::string pattern; // e.g. "/api/v1/tokens/{id}"
    };
    // The routes of the server, in routeId order (Router::routeLabels()).
    // Call before the first request.
    void setRoutes(const std::vector<Route> &routes);

    // `routeId` -1: no route matched (or the front answered by itself).
    void observeRequest(int routeId, std::string_view method, int status,
                        std::chrono::nanoseconds duration);
    // One of kVerifyOutcomes; anything else is not counted.
    void observeVerify(std::string_view outcome);
    void setOpenConnectionsProvider(std::function<std::size_t()> provider);
    // A gauge read when /metrics is rendered (`name` a Prometheus metric
    // name, `help` one line); an empty `value` removes it.
    void setGauge(const std::string &name, const std::string &help,
                  std::function<std::int64_t()> value);

    std::string render() const;

    static constexpr std::array<std::string_view, 5> kVerifyOutcomes{
        "allowed", "unauthorized", "forbidden_address", "forbidden_level", "unavailable"};

private:
    static constexpr std::array<double, 12> kBuckets{0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005,
                                                     0.01,   0.025,   0.05,   0.1,   0.5,    1.0};
    // Methods as labels: client input, so only these, and "other".
    static constexpr std::array<std::string_view, 8> kMethods{
        "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "other"};
    static constexpr int kFirstStatus = 100;
    static constexpr int kStatuses = 500; // 100..599
    using Counter = std::atomic<std::uint64_t>;
    // One row of counters per (route or "unmatched", method), by status.
    struct Row
    {
        std::string route;
        std::string_view method;
        std::unique_ptr<Counter[]> byStatus;
    };
    static std::size_t methodIndex(std::string_view method);

    mutable std::shared_mutex m_mutex; // guards the tables' shape and the gauges
    // A row per route and method it answers (GET routes answer HEAD too),
    // and one per method for "unmatched". m_rowOf[routeId + 1][method] is
    // the row's index, or -1; [0] is "unmatched".
    std::vector<Row> m_rows;
    std::vector<std::array<int, kMethods.size()>> m_rowOf;
    std::array<Counter, kVerifyOutcomes.size()> m_verify{};
    std::array<Counter, kBuckets.size()> m_bucketCounts{};
    Counter m_durationCount{0};
    Counter m_durationSumNs{0};
    std::function<std::size_t()> m_openConnections;
    std::map<std::string, std::pair<std::string, std::function<std::int64_t()>>> m_gauges;
};

} // namespace ApiAccess::Server
