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

std::size_t Metrics::methodIndex(std::string_view method)
{
    for (std::size_t i = 0; i + 1 < kMethods.size(); ++i) {
        if (kMethods[i] == method)
            return i;
    }
    return kMethods.size() - 1;
}

void Metrics::setRoutes(const std::vector<Route> &routes)
{
    std::unique_lock lock(m_mutex);
    m_rows.clear();
    m_rowOf.assign(routes.size() + 1, {});
    for (auto &rowOf : m_rowOf)
        rowOf.fill(-1);
    const auto addRow = [this](std::size_t table, std::string route, std::size_t method) {
        m_rowOf[table][method] = int(m_rows.size());
        m_rows.push_back(
            {std::move(route), kMethods[method], std::make_unique<Counter[]>(kStatuses)});
    };
    for (std::size_t method = 0; method < kMethods.size(); ++method)
        addRow(0, "unmatched", method);
    for (std::size_t id = 0; id < routes.size(); ++id) {
        const std::size_t method = methodIndex(routes[id].method);
        addRow(id + 1, routes[id].pattern, method);
        if (routes[id].method == "GET")
            addRow(id + 1, routes[id].pattern, methodIndex("HEAD"));
    }
}

void Metrics::observeRequest(int routeId, std::string_view method, int status,
                             std::chrono::nanoseconds duration)
{
    const std::size_t methodAt = methodIndex(method);
    const std::size_t table =
        routeId >= 0 && std::size_t(routeId) + 1 < m_rowOf.size() ? std::size_t(routeId) + 1 : 0;
    int row = m_rowOf.empty() ? -1 : m_rowOf[table][methodAt];
    if (row < 0 && !m_rowOf.empty())
        row = m_rowOf[0][methodAt];
    if (row >= 0 && status >= kFirstStatus && status < kFirstStatus + kStatuses)
        m_rows[std::size_t(row)].byStatus[std::size_t(status - kFirstStatus)].fetch_add(
            1, std::memory_order_relaxed);

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

void Metrics::observeVerify(std::string_view outcome)
{
    for (std::size_t i = 0; i < kVerifyOutcomes.size(); ++i) {
        if (kVerifyOutcomes[i] == outcome) {
            m_verify[i].fetch_add(1, std::memory_order_relaxed);
            return;
        }
    }
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
    // Route order as registered; within a row, by status.
    for (const Row &row : m_rows) {
        for (int i = 0; i < kStatuses; ++i) {
            const std::uint64_t value =
                row.byStatus[std::size_t(i)].load(std::memory_order_relaxed);
            if (value == 0)
                continue;
            out << "apiaccess_http_requests_total{route=\"" << escapeLabel(row.route)
                << "\",method=\"" << row.method << "\",status=\"" << kFirstStatus + i << "\"} "
                << value << '\n';
        }
    }

    out << "# HELP apiaccess_verify_total Outcomes of token verification (/api/v1/verify, "
           "/api/v1/token).\n"
        << "# TYPE apiaccess_verify_total counter\n";
    // Every outcome from the start, so that rates work from the first scrape.
    for (std::size_t i = 0; i < kVerifyOutcomes.size(); ++i)
        out << "apiaccess_verify_total{outcome=\"" << kVerifyOutcomes[i] << "\"} "
            << m_verify[i].load(std::memory_order_relaxed) << '\n';

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
