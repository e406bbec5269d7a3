#include "studio_bench_support.h"

#include <QAbstractEventDispatcher>
#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>

#include <algorithm>
#include <chrono>

namespace ApiAccess::Bench {

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double medianOf(std::vector<double> values)
{
    if (values.empty())
        return 0;
    const auto middle = values.begin() + std::ptrdiff_t(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    return *middle;
}

QString benchTokenName(int client, int i)
{
    static const char *const kinds[] = {"ci deploy",      "billing export", "grafana reader",
                                        "backup nightly", "partner sync",   "mobile app",
                                        "status page",    "data warehouse"};
    return QStringLiteral("%1 %2-%3").arg(QLatin1StringView(kinds[i % 8])).arg(client).arg(i);
}

qint64 settle(int timeoutMs)
{
    QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
    const QDeadlineTimer deadline(timeoutMs);
    while (dispatcher->processEvents(QEventLoop::AllEvents)) {
        if (deadline.hasExpired())
            return -1;
    }
    return nowNs();
}

StallWatchdog::StallWatchdog()
{
    m_ticks.reserve(100'000);
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(5);
    QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { m_ticks.push_back(nowNs()); });
}

void StallWatchdog::waitForTick()
{
    QSignalSpy tick(&m_timer, &QTimer::timeout);
    tick.wait(1'000);
}

double StallWatchdog::longestMs(qint64 fromNs, qint64 toNs) const
{
    qint64 longest = 0;
    qint64 previous = fromNs;
    auto tick = std::upper_bound(m_ticks.begin(), m_ticks.end(), fromNs);
    for (; tick != m_ticks.end() && *tick < toNs; ++tick) {
        longest = std::max(longest, *tick - previous);
        previous = *tick;
    }
    return msBetween(0, std::max(longest, toNs - previous));
}

double StallWatchdog::gapAroundMs(qint64 ns) const
{
    const auto after = std::upper_bound(m_ticks.begin(), m_ticks.end(), ns);
    if (after == m_ticks.end() || after == m_ticks.begin())
        return 0;
    return msBetween(*(after - 1), *after);
}

CountingProxy::CountingProxy(quint16 upstream)
    : m_upstream(upstream)
{ }

CountingProxy::~CountingProxy()
{
    m_thread.quit();
    m_thread.wait();
}

bool CountingProxy::start()
{
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
    quint16 port = 0;
    QMetaObject::invokeMethod(
        m_context,
        [this, &port] {
            auto *server = new QTcpServer(m_context);
            QObject::connect(server, &QTcpServer::newConnection, server, [this, server] {
                while (QTcpSocket *client = server->nextPendingConnection())
                    relay(client);
            });
            if (server->listen(QHostAddress::LocalHost, 0))
                port = server->serverPort();
        },
        Qt::BlockingQueuedConnection);
    m_port = port;
    return m_port != 0;
}

void CountingProxy::relay(QTcpSocket *client)
{
    auto *upstream = new QTcpSocket(client);
    const auto pass = [this, upstream](QTcpSocket *from, QTcpSocket *to) {
        if (upstream->state() != QAbstractSocket::ConnectedState)
            return; // the client's first bytes wait until the server is there
        const QByteArray data = from->readAll();
        m_bytes += data.size();
        (from == upstream ? m_lastDownstream : m_lastUpstream) = nowNs();
        to->write(data);
    };
    QObject::connect(client, &QTcpSocket::readyRead, upstream,
                     [pass, client, upstream] { pass(client, upstream); });
    QObject::connect(upstream, &QTcpSocket::readyRead, client,
                     [pass, client, upstream] { pass(upstream, client); });
    QObject::connect(upstream, &QTcpSocket::connected, client,
                     [pass, client, upstream] { pass(client, upstream); });
    QObject::connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
    QObject::connect(client, &QTcpSocket::disconnected, upstream, &QTcpSocket::disconnectFromHost);
    QObject::connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
    upstream->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    upstream->connectToHost(QHostAddress::LocalHost, m_upstream);
}

} // namespace ApiAccess::Bench
