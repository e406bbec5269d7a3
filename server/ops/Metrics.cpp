#include "ops/Metrics.h"

#include <mutex>
#include <sstream>

namespace ApiAccess::Server {

namespace {

// Label values are our own route patterns and ids, but escape anyway.
std::string escapeLabel(const std::string &value)
{
    std::string escaped;
    escaped.reserve(value.size());
    for (char c : value) {
        if (c == '\\' || c == '"') {
            escaped += '\\';
            escaped += c;
        } else if (c == '\n') {
            escaped += "\\n";
        } else {
            escaped += c;
        }
    }
    return escaped;
}

} // namespace

std::atomic<std::uint64_t> &Metrics::counter(std::map<RequestKey, std::atomic<std::uint64_t>> &map,
                                             const RequestKey &key)
{
    {
        std::shared_lock lock(m_mutex);
        const auto it = map.find(key);
        if (it != map.end())
            return it->second;
    }
    std::unique_lock lock(m_mutex);
    return map[key]; // std::map never moves its nodes, so the reference stays valid
}

void Metrics::observeRequest(const std::string &method, const std::string &route, int status,
                             std::chrono::nanoseconds duration)
{
    counter(m_requests,
            RequestKey{method, route.empty() ? std::string("unmatched") : route, status})
        .fetch_add(1, std::memory_order_relaxed);
    const double seconds = std::chrono::duration<double>(duration).count();
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i]) {
            m_bucketCounts[i].fetch_add(1, std::memory_order_relaxed);
            break;
        }
    }
    m_durationCount.fetch_add(1, std::memory_order_relaxed);
    m_durationSumNs.fetch_add(static_cast<std::uint64_t>(duration.count()),
                              std::memory_order_relaxed);
}

void Metrics::observeVerify(const std::string &outcome)
{
    {
        std::shared_lock lock(m_mutex);
        const auto it = m_verify.find(outcome);
        if (it != m_verify.end()) {
            it->second.fetch_add(1, std::memory_order_relaxed);
            return;
        }
    }
    std::unique_lock lock(m_mutex);
    m_verify[outcome].fetch_add(1, std::memory_order_relaxed);
}

void Metrics::setOpenConnectionsProvider(std::function<std::size_t()> provider)
{
    std::unique_lock lock(m_mutex);
    m_openConnections = std::move(provider);
}

void Metrics::setGauge(const std::string &name, const std::string &help,
                       std::function<std::int64_t()> value)
{
    std::unique_lock lock(m_mutex);
    if (value)
        m_gauges[name] = {help, std::move(value)};
    else
        m_gauges.erase(name);
}

std::string Metrics::render() const
{
    std::ostringstream out;
    out.imbue(std::locale::classic());
    std::shared_lock lock(m_mutex);

    out << "# HELP apiaccess_http_requests_total HTTP requests answered, by route pattern, method "
           "and status.\n"
        << "# TYPE apiaccess_http_requests_total counter\n";
    for (const auto &[key, value] : m_requests) {
        const auto &[method, route, status] = key;
        out << "apiaccess_http_requests_total{route=\"" << escapeLabel(route) << "\",method=\""
            << escapeLabel(method) << "\",status=\"" << status << "\"} "
            << value.load(std::memory_order_relaxed) << '\n';
    }

    out << "# HELP apiaccess_verify_total Outcomes of token verification (/api/v1/verify, "
           "/api/v1/token).\n"
        << "# TYPE apiaccess_verify_total counter\n";
    for (const auto &[outcome, value] : m_verify)
        out << "apiaccess_verify_total{outcome=\"" << escapeLabel(outcome) << "\"} "
            << value.load(std::memory_order_relaxed) << '\n';

    out << "# HELP apiaccess_http_request_duration_seconds Time from a request's arrival to its "
           "answer.\n"
        << "# TYPE apiaccess_http_request_duration_seconds histogram\n";
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        cumulative += m_bucketCounts[i].load(std::memory_order_relaxed);
        out << "apiaccess_http_request_duration_seconds_bucket{le=\"" << kBuckets[i] << "\"} "
            << cumulative << '\n';
    }
    const std::uint64_t count = m_durationCount.load(std::memory_order_relaxed);
    out << "apiaccess_http_request_duration_seconds_bucket{le=\"+Inf\"} " << count << '\n'
        << "apiaccess_http_request_duration_seconds_sum "
        << static_cast<double>(m_durationSumNs.load(std::memory_order_relaxed)) / 1e9 << '\n'
        << "apiaccess_http_request_duration_seconds_count " << count << '\n';

    if (m_openConnections) {
        out << "# HELP apiaccess_open_connections Client connections open right now.\n"
            << "# TYPE apiaccess_open_connections gauge\n"
            << "apiaccess_open_connections " << m_openConnections() << '\n';
    }
    for (const auto &[name, gauge] : m_gauges) {
        out << "# HELP " << name << ' ' << gauge.first << "\n# TYPE " << name << " gauge\n"
            << name << ' ' << gauge.second() << '\n';
    }
    return out.str();
}

} // namespace ApiAccess::Server
