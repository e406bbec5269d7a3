#pragma once

// What studio_bench's measurements share: one clock for this process, its
// threads and its children; letting the GUI thread finish what it has to
// do; a watchdog that finds the GUI thread's stalls; and a TCP relay that
// counts the bytes between the Studio and the server.

#include <QObject>
#include <QString>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <vector>

class QTcpSocket;

namespace ApiAccess::Bench {

// CLOCK_MONOTONIC in ns (std::chrono::steady_clock): the same clock in every
// thread and process here, so a child's time stamps compare with ours.
qint64 nowNs();
inline double msBetween(qint64 fromNs, qint64 toNs)
{
    return double(toNs - fromNs) / 1e6;
}

// The median; 0 for none.
double medianOf(std::vector<double> values);

// "backup nightly 3-1234": names as admins give them, eight kinds, for the
// tokens the bench creates on the server and those in the offline cache.
QString benchTokenName(int client, int i);

// Processes events without waiting for new ones until none is left: posted
// events, timers that are due (a view's delayed layout), paints. Returns
// the time it got there, or -1 after `timeoutMs`.
qint64 settle(int timeoutMs = 10'000);

// A timer on the GUI thread every 5 ms. The GUI thread could not react for
// as long as the longest gap between two ticks.
class StallWatchdog
{
public:
    StallWatchdog();
    void start() { m_timer.start(); }
    // Until the next tick: the end of a block is where the tick after it is.
    void waitForTick();
    // The longest time in [fromNs, toNs] without a tick; the two ends
    // count as ticks, so a block that began before fromNs counts from there.
    double longestMs(qint64 fromNs, qint64 toNs) const;
    // The whole gap between the ticks before and after `ns`: a block as the
    // admin sees it. 0 when no tick came after `ns` yet.
    double gapAroundMs(qint64 ns) const;

private:
    QTimer m_timer;
    std::vector<qint64> m_ticks;
};

// Listens on 127.0.0.1 and relays every connection to 127.0.0.1:upstream,
// on a thread of its own so that relaying never counts as GUI-thread work.
// Counts the TCP payload both ways (HTTP headers and bodies).
class CountingProxy
{
public:
    explicit CountingProxy(quint16 upstream);
    ~CountingProxy();
    bool start();
    quint16 port() const { return m_port; }
    qint64 bytes() const { return m_bytes.load(); }
    // When the last byte went from the client to the server, and back (nowNs()).
    qint64 lastUpstreamNs() const { return m_lastUpstream.load(); }
    qint64 lastDownstreamNs() const { return m_lastDownstream.load(); }

private:
    void relay(QTcpSocket *client);

    quint16 m_upstream = 0;
    quint16 m_port = 0;
    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread
    std::atomic<qint64> m_bytes{0};
    std::atomic<qint64> m_lastUpstream{0};
    std::atomic<qint64> m_lastDownstream{0};
};

} // namespace ApiAccess::Bench
