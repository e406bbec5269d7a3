#include "ApiTestClient.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>

using namespace Qt::StringLiterals;

namespace ApiAccess::Testing {

QByteArray ApiReply::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QJsonObject ApiReply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray ApiReply::describe() const
{
    return "HTTP " + QByteArray::number(status) + " " + networkError.toUtf8() + " "
        + body.left(2000);
}

ApiTestClient::ApiTestClient(QUrl baseUrl)
    : m_baseUrl(std::move(baseUrl))
{
    m_manager.setAutoDeleteReplies(false);
}

void ApiTestClient::setBearer(const QByteArray &sessionToken)
{
    m_authorization = "Bearer " + sessionToken;
}

void ApiTestClient::setBasic(const QByteArray &apiToken)
{
    m_authorization = "Basic " + apiToken;
}

QByteArray ApiTestClient::bearer() const
{
    return m_authorization.startsWith("Bearer ") ? m_authorization.mid(7) : QByteArray();
}

void ApiTestClient::clearAuthorization()
{
    m_authorization.clear();
}

ApiReply ApiTestClient::send(const QByteArray &method, const QString &pathAndQuery,
                             const QByteArray &body, const Headers &headers)
{
    QNetworkRequest request(m_baseUrl.resolved(QUrl(pathAndQuery)));
    // The tests check every answer themselves; Qt must not retry or cache.
    request.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setTransferTimeout(30'000);
    if (!m_authorization.isEmpty())
        request.setRawHeader("Authorization", m_authorization);
    bool hasContentType = false;
    for (const auto &[name, value] : headers) {
        request.setRawHeader(name, value);
        hasContentType = hasContentType || name.compare("content-type", Qt::CaseInsensitive) == 0;
    }
    if (!body.isEmpty() && !hasContentType)
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);

    // HEAD goes through head(): as a custom verb Qt would wait for a body.
    QNetworkReply *reply = method == "HEAD" ? m_manager.head(request)
        : body.isEmpty() && method != "POST" && method != "PATCH"
        ? m_manager.sendCustomRequest(request, method)
        : m_manager.sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(35'000);

    ApiReply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    if (reply->error() != QNetworkReply::NoError && result.status == 0)
        result.networkError = reply->errorString();
    reply->deleteLater();
    return result;
}

ApiReply ApiTestClient::get(const QString &path, const Headers &headers)
{
    return send("GET", path, {}, headers);
}

ApiReply ApiTestClient::post(const QString &path, const QJsonObject &body, const Headers &headers)
{
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

ApiReply ApiTestClient::patch(const QString &path, const QJsonObject &body, const Headers &headers)
{
    return send("PATCH", path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

ApiReply ApiTestClient::del(const QString &path, const Headers &headers)
{
    return send("DELETE", path, {}, headers);
}

bool ApiTestClient::signIn(const QString &username, const QString &password)
{
    clearAuthorization();
    const ApiReply reply = post(u"/api/v1/sessions"_s,
                                QJsonObject{{u"username"_s, username}, {u"password"_s, password}});
    if (reply.status != 201)
        return false;
    setBearer(reply.json().value(u"sessionToken"_s).toString().toLatin1());
    return true;
}

ApiReply ApiTestClient::createToken(const QString &name, const QString &accessLevel,
                                    const QStringList &ranges)
{
    QJsonObject body{{u"name"_s, name}, {u"accessLevel"_s, accessLevel}};
    if (!ranges.isEmpty())
        body.insert(u"allowedIpRanges"_s, QJsonArray::fromStringList(ranges));
    return post(u"/api/v1/tokens"_s, body);
}

} // namespace ApiAccess::Testing
