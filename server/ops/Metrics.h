#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <shared_mutex>
#include <string>
#include <tuple>

namespace ApiAccess::Server {

// Counters for /metrics in the Prometheus text format (version 0.0.4):
// requests by route, method and status; verification outcomes; a latency
// histogram. Lock-free on the hot path once a label set has been seen.
class Metrics
{
public:
    void observeRequest(const std::string &method, const std::string &route, int status,
                        std::chrono::nanoseconds duration);
    void observeVerify(const std::string &outcome);
    void setOpenConnectionsProvider(std::function<std::size_t()> provider);
    // A gauge read when /metrics is rendered (`name` a Prometheus metric
    // name, `help` one line); an empty `value` removes it.
    void setGauge(const std::string &name, const std::string &help,
                  std::function<std::int64_t()> value);

    std::string render() const;

private:
    using RequestKey = std::tuple<std::string, std::string, int>;
    static constexpr std::array<double, 12> kBuckets{0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005,
                                                     0.01,   0.025,   0.05,   0.1,   0.5,    1.0};

    std::atomic<std::uint64_t> &counter(std::map<RequestKey, std::atomic<std::uint64_t>> &map,
                                        const RequestKey &key);

    mutable std::shared_mutex m_mutex;
    std::map<RequestKey, std::atomic<std::uint64_t>> m_requests;
    std::map<std::string, std::atomic<std::uint64_t>> m_verify;
    std::array<std::atomic<std::uint64_t>, kBuckets.size()> m_bucketCounts{};
    std::atomic<std::uint64_t> m_durationCount{0};
    std::atomic<std::uint64_t> m_durationSumNs{0};
    std::function<std::size_t()> m_openConnections;
    std::map<std::string, std::pair<std::string, std::function<std::int64_t()>>> m_gauges;
};

} // namespace ApiAccess::Server
