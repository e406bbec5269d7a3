#pragma once

#include "http/HttpMessage.h"

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

namespace ApiAccess::Server {

// One line per request on the "apiaccess.request" logging category, in the
// format of every other log line of the server:
//   2026-12-08T00:16:18.775 apiaccess.request: method=GET route=/api/v1/tokens/{id}
//   status=200 duration_ms=0.412 token_id=tok_...
// Only the route pattern is logged, never the raw target, a header, a body,
// a secret, a session token or an Authorization value.
//
// Off the hot path: a worker formats its line into a buffer of its own
// (one of kShards, so workers do not contend) and returns; a writer thread
// takes the buffers every kFlushInterval and writes them to `fd` (standard
// error by default: the journal under systemd) in pieces of at most
// PIPE_BUF bytes that end at a line, so lines never interleave with other
// writers of the pipe. When the output is slower than the requests (a slow
// disk, a stalled pipe), a shard holding more than kMaxPendingBytes drops
// further lines instead of waiting; the count is reported in the log and by
// droppedLines(). stop() (and the destructor) writes everything logged
// before it: a clean stop loses no line.
//
// QT_LOGGING_RULES="apiaccess.request.info=false" switches it off.
class RequestLog
{
public:
    explicit RequestLog(int fd = 2);
    ~RequestLog();
    RequestLog(const RequestLog &) = delete;
    RequestLog &operator=(const RequestLog &) = delete;

    // Thread-safe and never blocks on the output.
    void log(const HttpRequest &request, const HttpResponse &response,
             std::chrono::nanoseconds duration);

    // Writes what was logged so far and ends the writer; later lines are
    // written at once by the caller. Idempotent.
    void stop();

    std::uint64_t droppedLines() const { return m_dropped.load(std::memory_order_relaxed); }

    static constexpr std::chrono::milliseconds kFlushInterval{20};
    static constexpr std::size_t kMaxPendingBytes = 4 * 1024 * 1024;

private:
    static constexpr std::size_t kShards = 16;
    struct alignas(64) Shard
    {
        std::mutex mutex;
        std::string pending; // whole lines, guarded by mutex
    };

    void run();
    // Takes every shard's lines and writes them; false when there were none.
    bool flushOnce(std::string &spare);
    void writeLines(std::string_view text);

    const int m_fd;
    std::array<Shard, kShards> m_shards;
    std::atomic<std::uint64_t> m_dropped{0};
    std::uint64_t m_droppedReported = 0; // writer thread only

    std::mutex m_wakeMutex;
    std::condition_variable m_wake;
    bool m_stopping = false; // guarded by m_wakeMutex
    std::atomic<bool> m_writerIdle{false};
    std::atomic<bool> m_stopped{false};
    std::thread m_writer;
};

} // namespace ApiAccess::Server
