#include "ops/RequestLog.h"

#include <QLoggingCategory>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <climits>
#include <ctime>
#include <unistd.h>

namespace ApiAccess::Server {

Q_LOGGING_CATEGORY(lcRequest, "apiaccess.request")

namespace {

// The method is logged only when it is one we know: it is client input.
std::string_view knownMethod(std::string_view method)
{
    static constexpr std::array<std::string_view, 7> kKnown{"GET",    "POST",    "PATCH", "PUT",
                                                            "DELETE", "OPTIONS", "HEAD"};
    return std::find(kKnown.begin(), kKnown.end(), method) != kKnown.end() ? method : "other";
}

// "yyyy-MM-ddThh:mm:ss.zzz" in local time, as the message pattern of
// main.cpp writes every other line; the part up to the seconds is formatted
// once a second per thread (localtime_r, unlike Qt's local time, does not
// look at /etc/localtime each time).
void appendTimestamp(std::string &out, std::chrono::system_clock::time_point now)
{
    thread_local std::time_t cachedSecond = -1;
    thread_local std::array<char, 24> prefix{};
    thread_local std::size_t prefixLength = 0;
    const auto sinceEpoch = now.time_since_epoch();
    const std::time_t second =
        std::time_t(std::chrono::duration_cast<std::chrono::seconds>(sinceEpoch).count());
    if (second != cachedSecond) {
        std::tm tm{};
        localtime_r(&second, &tm);
        prefixLength = std::strftime(prefix.data(), prefix.size(), "%Y-%m-%dT%H:%M:%S", &tm);
        cachedSecond = second;
    }
    out.append(prefix.data(), prefixLength);
    const auto millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(sinceEpoch).count() % 1000;
    const char digits[4] = {'.', char('0' + millis / 100), char('0' + millis / 10 % 10),
                            char('0' + millis % 10)};
    out.append(digits, sizeof digits);
}

// Fixed three decimals whatever the locale (printf would follow LC_NUMERIC).
void appendMilliseconds(std::string &out, std::chrono::nanoseconds duration)
{
    const double ms = std::chrono::duration<double, std::milli>(duration).count();
    std::array<char, 32> text{};
    const auto written =
        std::to_chars(text.data(), text.data() + text.size(), ms, std::chars_format::fixed, 3);
    out.append(text.data(), written.ec == std::errc() ? std::size_t(written.ptr - text.data()) : 0);
}

std::size_t shardOfThisThread(std::size_t shards)
{
    static std::atomic<std::size_t> next{0};
    thread_local const std::size_t shard = next.fetch_add(1, std::memory_order_relaxed) % shards;
    return shard;
}

} // namespace

RequestLog::RequestLog(int fd)
    : m_fd(fd)
    , m_writer([this] { run(); })
{ }

RequestLog::~RequestLog()
{
    stop();
}

void RequestLog::log(const HttpRequest &request, const HttpResponse &response,
                     std::chrono::nanoseconds duration)
{
    if (!lcRequest().isInfoEnabled())
        return;
    thread_local std::string line;
    line.clear();
    appendTimestamp(line, std::chrono::system_clock::now());
    line += " apiaccess.request: method=";
    line += knownMethod(request.method);
    line += " route=";
    line += request.route.empty() ? std::string_view("-") : std::string_view(request.route);
    line += " status=";
    std::array<char, 12> status{};
    line.append(status.data(),
                std::to_chars(status.data(), status.data() + status.size(), response.status).ptr);
    line += " duration_ms=";
    appendMilliseconds(line, duration);
    line += " token_id=";
    line +=
        response.logTokenId.empty() ? std::string_view("-") : std::string_view(response.logTokenId);
    line += '\n';

    if (m_stopped.load(std::memory_order_acquire)) {
        writeLines(line); // after stop(): nothing is buffered any more
        return;
    }
    Shard &shard = m_shards[shardOfThisThread(kShards)];
    {
        std::lock_guard lock(shard.mutex);
        if (shard.pending.size() + line.size() > kMaxPendingBytes) {
            m_dropped.fetch_add(1, std::memory_order_relaxed);
            return;
        }
        shard.pending += line;
    }
    // The writer sleeps without a deadline while there is nothing to write.
    if (m_writerIdle.load(std::memory_order_relaxed) && m_writerIdle.exchange(false)) {
        std::lock_guard lock(m_wakeMutex);
        m_wake.notify_one();
    }
}

void RequestLog::stop()
{
    {
        std::lock_guard lock(m_wakeMutex);
        if (m_stopping)
            return;
        m_stopping = true;
    }
    m_wake.notify_one();
    m_writer.join();
    m_stopped.store(true, std::memory_order_release);
    // Lines buffered between the writer's last flush and the store above.
    std::string spare;
    flushOnce(spare);
}

void RequestLog::run()
{
    std::string spare;
    for (;;) {
        bool stopping = false;
        {
            std::unique_lock lock(m_wakeMutex);
            if (m_writerIdle.load())
                m_wake.wait(lock, [this] { return m_stopping || !m_writerIdle.load(); });
            else
                m_wake.wait_for(lock, kFlushInterval, [this] { return m_stopping; });
            stopping = m_stopping;
        }
        if (flushOnce(spare))
            continue;
        if (stopping)
            break;
        // Nothing came in a whole interval: sleep until a line does. A line
        // logged between the flush above and this store is seen here.
        m_writerIdle.store(true);
        if (flushOnce(spare))
            m_writerIdle.store(false);
    }
    flushOnce(spare); // lines logged while stop() was on its way
}

bool RequestLog::flushOnce(std::string &spare)
{
    bool wrote = false;
    for (Shard &shard : m_shards) {
        {
            std::lock_guard lock(shard.mutex);
            if (shard.pending.empty())
                continue;
            spare.clear();
            shard.pending.swap(spare); // the worker keeps a buffer with capacity
        }
        writeLines(spare);
        wrote = true;
    }
    const std::uint64_t dropped = m_dropped.load(std::memory_order_relaxed);
    if (dropped != m_droppedReported) {
        qCWarning(lcRequest,
                  "%llu request log lines dropped: the log output is slower than the "
                  "requests",
                  static_cast<unsigned long long>(dropped - m_droppedReported));
        m_droppedReported = dropped;
    }
    return wrote;
}

void RequestLog::writeLines(std::string_view text)
{
    // At most PIPE_BUF bytes a write, ending at a line: atomic on a pipe.
    while (!text.empty()) {
        std::size_t piece = text.size();
        if (piece > PIPE_BUF) {
            const std::size_t lastNewline = text.rfind('\n', PIPE_BUF - 1);
            piece = lastNewline == std::string_view::npos ? PIPE_BUF : lastNewline + 1;
        }
        const ssize_t written = ::write(m_fd, text.data(), piece);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return; // the output is gone; nothing else could report it
        }
        text.remove_prefix(std::size_t(written));
    }
}

} // namespace ApiAccess::Server
