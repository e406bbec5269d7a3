// The request log and the metrics: what an operator reads, exact under
// concurrency, and never in the way of the requests.

#include "http/HttpMessage.h"
#include "ops/Metrics.h"
#include "ops/RequestLog.h"

#include <QRegularExpression>
#include <QTest>

#include <fcntl.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;
using namespace ApiAccess::Server;

namespace {

// The format main.cpp's message pattern gives every other line.
const QRegularExpression kLine(
    u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3} apiaccess\\.request: method=(GET|other) "
    u"route=(/api/v1/verify|-) status=(204|404) duration_ms=\\d+\\.\\d{3} "
    u"token_id=(tok_\\w+|-)$"_s);

HttpRequest request(std::string method, std::string route)
{
    HttpRequest r;
    r.method = std::move(method);
    r.route = std::move(route);
    return r;
}

HttpResponse response(int status, std::string tokenId = {})
{
    HttpResponse r;
    r.status = status;
    r.logTokenId = std::move(tokenId);
    return r;
}

// Everything a pipe holds until its writer closes.
QByteArray readAll(int fd)
{
    QByteArray all;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n <= 0)
            return all;
        all.append(buffer, qsizetype(n));
    }
}

} // namespace

class TestOps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestLogKeepsEveryLineOfACleanStop()
    {
        int fds[2];
        QCOMPARE(::pipe(fds), 0);
        QByteArray received;
        std::thread reader([&] { received = readAll(fds[0]); });
        constexpr int kThreads = 4;
        constexpr int kLinesEach = 5000;
        {
            RequestLog log(fds[1]);
            std::vector<std::thread> workers;
            for (int t = 0; t < kThreads; ++t) {
                workers.emplace_back([&log, t] {
                    for (int i = 0; i < kLinesEach; ++i)
                        log.log(request("GET", "/api/v1/verify"),
                                response(204, "tok_" + std::to_string(t) + "x" + std::to_string(i)),
                                std::chrono::microseconds(1234));
                });
            }
            for (std::thread &worker : workers)
                worker.join();
            log.stop();
            QCOMPARE(log.droppedLines(), 0u);
            // After stop(), a line is written at once.
            log.log(request("FROBNICATE", {}), response(404), std::chrono::nanoseconds(0));
        }
        ::close(fds[1]);
        reader.join();
        ::close(fds[0]);

        const QList<QByteArray> lines = received.split('\n');
        QCOMPARE(lines.size(), kThreads * kLinesEach + 2); // and the empty rest after the last \n
        QVERIFY(lines.last().isEmpty());
        for (int i = 0; i + 1 < lines.size(); ++i) {
            const QString line = QString::fromUtf8(lines.at(i));
            QVERIFY2(kLine.match(line).hasMatch(), qPrintable(line));
        }
        QVERIFY(lines.at(0).contains(" duration_ms=1.234 "));
        // A method we do not know is client input: not logged as sent.
        QVERIFY(lines.at(lines.size() - 2).contains("method=other route=- status=404"));
        // Each worker's lines in its order.
        for (int t = 0; t < kThreads; ++t) {
            int next = 0;
            const QByteArray prefix = "token_id=tok_" + QByteArray::number(t) + "x";
            for (const QByteArray &line : lines) {
                const qsizetype at = line.indexOf(prefix);
                if (at < 0)
                    continue;
                QCOMPARE(line.mid(at + prefix.size()).toInt(), next);
                ++next;
            }
            QCOMPARE(next, kLinesEach);
        }
    }

    void requestLogNeverWaitsForAStalledOutput()
    {
        // Nobody reads the pipe: the writer thread blocks in write(), and the
        // requests must not. Past the buffer's bound, lines are dropped and
        // counted; what is written stays whole lines.
        int fds[2];
        QCOMPARE(::pipe(fds), 0);
        const std::size_t lineSize = 130;
        const int lines = int(RequestLog::kMaxPendingBytes / lineSize) * 2;
        RequestLog log(fds[1]);
        for (int i = 0; i < lines; ++i)
            log.log(request("GET", "/api/v1/verify"), response(204, "tok_stalled"),
                    std::chrono::microseconds(10));
        QVERIFY(log.droppedLines() > 0);
        const std::uint64_t dropped = log.droppedLines();

        QByteArray received;
        std::thread reader([&] { received = readAll(fds[0]); });
        log.stop();
        ::close(fds[1]);
        reader.join();
        ::close(fds[0]);
        QVERIFY(received.endsWith('\n'));
        const QList<QByteArray> written = received.trimmed().split('\n');
        QCOMPARE(std::uint64_t(written.size()) + dropped, std::uint64_t(lines));
        for (const QByteArray &line : written)
            QVERIFY2(kLine.match(QString::fromUtf8(line)).hasMatch(), line.constData());
    }

    void metricsCountExactlyAcrossThreads()
    {
        Metrics metrics;
        metrics.setRoutes({{"GET", "/api/v1/verify"}, {"POST", "/api/v1/tokens"}});
        constexpr int kThreads = 4;
        constexpr int kEach = 20000;
        std::vector<std::thread> workers;
        for (int t = 0; t < kThreads; ++t) {
            workers.emplace_back([&metrics] {
                for (int i = 0; i < kEach; ++i) {
                    metrics.observeRequest(0, "GET", 204, std::chrono::microseconds(50));
                    metrics.observeVerify("allowed");
                }
            });
        }
        for (std::thread &worker : workers)
            worker.join();
        metrics.observeRequest(0, "HEAD", 204, std::chrono::microseconds(50));
        metrics.observeRequest(1, "POST", 201, std::chrono::milliseconds(3));
        metrics.observeRequest(-1, "FROBNICATE", 404, std::chrono::microseconds(5));
        metrics.observeRequest(-1, "DELETE", 405, std::chrono::microseconds(5));

        const QString text = QString::fromStdString(metrics.render());
        const auto has = [&text](const QString &line) {
            return text.split(u'\n').contains(line);
        };
        QVERIFY2(has(u"apiaccess_http_requests_total{route=\"/api/v1/verify\",method=\"GET\","
                     u"status=\"204\"} %1"_s.arg(kThreads * kEach)),
                 qPrintable(text));
        QVERIFY(has(u"apiaccess_http_requests_total{route=\"/api/v1/verify\",method=\"HEAD\","
                    u"status=\"204\"} 1"_s));
        QVERIFY(has(u"apiaccess_http_requests_total{route=\"/api/v1/tokens\",method=\"POST\","
                    u"status=\"201\"} 1"_s));
        // Methods are client input: only known ones become labels.
        QVERIFY(has(u"apiaccess_http_requests_total{route=\"unmatched\",method=\"other\","
                    u"status=\"404\"} 1"_s));
        QVERIFY(has(u"apiaccess_http_requests_total{route=\"unmatched\",method=\"DELETE\","
                    u"status=\"405\"} 1"_s));
        QVERIFY(!text.contains(u"FROBNICATE"_s));
        QVERIFY(has(u"apiaccess_verify_total{outcome=\"allowed\"} %1"_s.arg(kThreads * kEach)));
        QVERIFY(
            has(u"apiaccess_verify_total{outcome=\"unauthorized\"} 0"_s)); // there from the start
        QVERIFY(
            has(u"apiaccess_http_request_duration_seconds_count %1"_s.arg(kThreads * kEach + 4)));
        QVERIFY(has(u"apiaccess_http_request_duration_seconds_bucket{le=\"0.0001\"} %1"_s.arg(
            kThreads * kEach + 3)));
        QVERIFY(!text.contains(u"status=\"200\""_s)); // nothing that did not happen
    }
};

QTEST_GUILESS_MAIN(TestOps)
#include "tst_ops.moc"
