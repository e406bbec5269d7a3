#pragma once

// An HTTP relay in front of the real apiaccess-server that fails the
// requests a test picks: everything else reaches the real server unchanged.
// For partial failures the real server cannot be made to produce on demand
// (one token of several failing with a 503).

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <memory>
#include <utility>

using namespace Qt::StringLiterals;

class FaultProxy : public QObject
{
public:
    explicit FaultProxy(QUrl upstream)
        : m_upstream(std::move(upstream))
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::onConnection);
    }

    QUrl url() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.serverPort())); }
    // Requests whose request line ("PATCH /api/v1/tokens/tok_… HTTP/1.1")
    // contains `needle` get a 503 problem; an empty needle fails nothing.
    void setFailing(const QByteArray &needle) { m_failing = needle; }
    int failedCount() const { return m_failed; }
    // Requests matching `needle` reach the server at once, but their answer
    // is held back until releaseHeld(): a slow answer to an old request.
    void setHolding(const QByteArray &needle) { m_holding = needle; }
    // Requests matching `needle` reach the server, which carries them out,
    // but the client gets a 502 instead of its answer: a change that
    // happened with its answer lost on the way back.
    void setLosingAnswers(const QByteArray &needle) { m_losing = needle; }
    int lostCount() const { return m_lost; }
    int heldCount() const { return int(m_held.size()); }
    void releaseHeld()
    {
        const auto held = std::exchange(m_held, {});
        for (const Held &h : held) {
            if (h.client) {
                h.client->write(*h.answer);
                if (*h.complete)
                    h.client->disconnectFromHost();
                else
                    *h.released = true; // the rest goes straight through
            }
        }
    }

private:
    void onConnection()
    {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            client->setParent(this);
            connect(client, &QTcpSocket::readyRead, this, [this, client] { onData(client); });
            connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        }
    }

    void onData(QTcpSocket *client)
    {
        QByteArray &buffer = m_buffers[client];
        buffer += client->readAll();
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        qsizetype length = 0;
        QList<QByteArray> lines = buffer.left(headEnd).split('\n');
        for (const QByteArray &line : std::as_const(lines)) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < headEnd + 4 + length)
            return;
        const QByteArray body = buffer.mid(headEnd + 4, length);
        m_buffers.remove(client);

        if (!m_failing.isEmpty() && lines.first().contains(m_failing)) {
            ++m_failed;
            answerWithProblem(client, 503, "Service Unavailable");
            return;
        }
        // One upstream connection per request, closed by the server after
        // its answer; the client connection closes with it.
        QByteArray head;
        for (const QByteArray &line : std::as_const(lines)) {
            if (!line.toLower().startsWith("connection:"))
                head += line.trimmed() + "\r\n";
        }
        head += "Connection: close\r\n\r\n";
        auto *upstream = new QTcpSocket(client);
        QPointer<QTcpSocket> guard(client);
        const bool hold = !m_holding.isEmpty() && lines.first().contains(m_holding);
        const bool lose = !m_losing.isEmpty() && lines.first().contains(m_losing);
        auto answer = std::make_shared<QByteArray>();
        auto complete = std::make_shared<bool>(false);
        auto released = std::make_shared<bool>(!hold && !lose);
        if (hold)
            m_held.append({guard, answer, complete, released});
        connect(upstream, &QTcpSocket::connected, upstream,
                [upstream, request = QByteArray(head + body)] { upstream->write(request); });
        connect(upstream, &QTcpSocket::readyRead, upstream, [upstream, guard, answer, released] {
            if (!*released)
                *answer += upstream->readAll();
            else if (guard)
                guard->write(upstream->readAll());
        });
        connect(upstream, &QTcpSocket::disconnected, upstream,
                [this, upstream, guard, answer, complete, released, lose] {
                    if (lose) {
                        ++m_lost;
                        if (guard)
                            answerWithProblem(guard, 502, "Bad Gateway");
                    } else if (!*released) {
                        *answer += upstream->readAll();
                        *complete = true;
                    } else if (guard) {
                        guard->write(upstream->readAll());
                        guard->disconnectFromHost();
                    }
                    upstream->deleteLater();
                });
        upstream->connectToHost(m_upstream.host(), quint16(m_upstream.port()));
    }

    static void answerWithProblem(QTcpSocket *client, int status, const QByteArray &reason)
    {
        const QByteArray problem = R"({"type":"about:blank","title":")" + reason + R"(","status":)"
            + QByteArray::number(status) + R"(,"detail":"Injected by the test."})";
        client->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
                      + "\r\nContent-Type: application/problem+json\r\nContent-Length: "
                      + QByteArray::number(problem.size()) + "\r\nConnection: close\r\n\r\n"
                      + problem);
        client->disconnectFromHost();
    }

    QUrl m_upstream;
    QTcpServer m_server;
    struct Held
    {
        QPointer<QTcpSocket> client;
        std::shared_ptr<QByteArray> answer;
        std::shared_ptr<bool> complete;
        std::shared_ptr<bool> released;
    };

    QByteArray m_failing;
    QByteArray m_holding;
    QByteArray m_losing;
    QList<Held> m_held;
    int m_failed = 0;
    int m_lost = 0;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};
