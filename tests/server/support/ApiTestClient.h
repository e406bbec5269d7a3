#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QString>
#include <QUrl>

namespace ApiAccess::Testing {

struct ApiReply
{
    int status = 0; // 0: no HTTP answer at all (see networkError)
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QString networkError;

    QByteArray header(const QByteArray &name) const; // case-insensitive; empty if absent
    QJsonObject json() const; // {} unless the body is a JSON object
    // For failure messages: status and body.
    QByteArray describe() const;
};

// Talks to the real server over real HTTP with Qt Network, one request at
// a time, waiting with an event loop (test code only; the Studio never
// waits like this).
class ApiTestClient
{
public:
    explicit ApiTestClient(QUrl baseUrl);

    void setBearer(const QByteArray &sessionToken);
    void setBasic(const QByteArray &apiToken);
    void clearAuthorization();
    // The session token set with setBearer() or signIn(); empty if none.
    QByteArray bearer() const;

    using Headers = QList<QPair<QByteArray, QByteArray>>;
    ApiReply send(const QByteArray &method, const QString &pathAndQuery,
                  const QByteArray &body = {}, const Headers &headers = {});
    ApiReply get(const QString &path, const Headers &headers = {});
    ApiReply post(const QString &path, const QJsonObject &body, const Headers &headers = {});
    ApiReply patch(const QString &path, const QJsonObject &body, const Headers &headers = {});
    ApiReply del(const QString &path, const Headers &headers = {});

    // Signs in and keeps the session token as Bearer authorization.
    bool signIn(const QString &username, const QString &password);

    // POST /api/v1/tokens; returns the answer (201 with "token" on success).
    ApiReply createToken(const QString &name, const QString &accessLevel,
                         const QStringList &ranges = {});

private:
    QNetworkAccessManager m_manager;
    QUrl m_baseUrl;
    QByteArray m_authorization;
};

} // namespace ApiAccess::Testing
