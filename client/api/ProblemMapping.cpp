#include "api/ProblemMapping.h"

#include "wire/Problem.h"

#include <QCoreApplication>
#include <QLocale>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ApiAccess::ProblemMapping {

namespace {

ApiError::Kind kindForStatus(int status, bool hasFieldErrors)
{
    switch (status) {
    case 400:
        // A 400 without field errors is a request the Studio built wrong.
        return hasFieldErrors ? ApiError::Kind::Validation : ApiError::Kind::Protocol;
    case 401:
        return ApiError::Kind::Unauthorized;
    case 403:
        return ApiError::Kind::Forbidden;
    case 404:
    case 410:
        return ApiError::Kind::NotFound;
    case 409:
    case 412:
        return ApiError::Kind::Conflict;
    case 422:
        return ApiError::Kind::Validation;
    case 429:
        return ApiError::Kind::RateLimited;
    default:
        break;
    }
    return status >= 500 ? ApiError::Kind::Server : ApiError::Kind::Protocol;
}

// Short, lower-case transport reasons that read well after "Cannot reach
// the server at HOST: ". Qt's own strings may carry the whole URL.
QString transportReason(QNetworkReply::NetworkError error, const QString &fallback)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return QCoreApplication::translate("ApiError", "connection refused");
    case QNetworkReply::RemoteHostClosedError:
        return QCoreApplication::translate("ApiError", "the server closed the connection");
    case QNetworkReply::HostNotFoundError:
        return QCoreApplication::translate("ApiError", "host not found");
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::TemporaryNetworkFailureError:
        return QCoreApplication::translate("ApiError", "the network is not available");
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return QCoreApplication::translate("ApiError", "the proxy failed");
    default:
        break;
    }
    return fallback;
}

} // namespace

QString serverOf(const QUrl &url)
{
    const QString host = url.host(QUrl::FullyEncoded);
    const int defaultPort = url.scheme() == u"https" ? 443 : 80;
    const QString shownHost = host.contains(u':') ? u'[' + host + u']' : host;
    return shownHost + u':' + QString::number(url.port(defaultPort));
}

std::optional<int> parseRetryAfter(QByteArrayView value, const QDateTime &now)
{
    const QByteArray trimmed = value.toByteArray().trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qlonglong seconds = trimmed.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? std::nullopt
                           : std::optional<int>(int(std::min<qlonglong>(seconds, 86'400)));
    // IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT".
    const QDateTime when =
        QLocale::c().toDateTime(QString::fromLatin1(trimmed), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
    if (!when.isValid())
        return std::nullopt;
    const QDateTime utc(when.date(), when.time(), QTimeZone::utc());
    return int(std::clamp<qint64>(now.secsTo(utc), 0, 86'400));
}

ApiError protocolError(const QString &what)
{
    ApiError error;
    error.kind = ApiError::Kind::Protocol;
    error.title = QCoreApplication::translate("ApiError", "Unreadable answer");
    error.detail = what;
    return error;
}

ApiError fromHttpAnswer(int status, QByteArrayView body, QByteArrayView retryAfter,
                        const QString &reasonPhrase, const QDateTime &now)
{
    ApiError error;
    error.httpStatus = status;
    const std::optional<Problem> problem = Problem::fromJsonBytes(body);
    if (problem) {
        error.title = problem->title;
        error.detail = problem->detail;
        error.fieldErrors = problem->errors;
    }
    if (error.title.isEmpty())
        error.title = reasonPhrase;
    error.kind = kindForStatus(status, !error.fieldErrors.isEmpty());
    if (status == 429 || status == 503)
        error.retryAfterSeconds = parseRetryAfter(retryAfter, now);
    return error;
}

ApiError canceled()
{
    ApiError error;
    error.kind = ApiError::Kind::Canceled;
    error.title = QCoreApplication::translate("ApiError", "Canceled");
    return error;
}

ApiError fromReply(const QNetworkReply &reply, const QByteArray &body, bool aborted,
                   const QStringList &tlsErrors)
{
    const QVariant statusAttribute = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttribute.isValid() ? statusAttribute.toInt() : 0;
    const QNetworkReply::NetworkError code = reply.error();
    ApiError error;

    if (aborted) {
        error = canceled();
    } else if (code == QNetworkReply::OperationCanceledError
               || code == QNetworkReply::TimeoutError) {
        // Nobody but the transfer timeout aborts a request we did not abort.
        error.kind = ApiError::Kind::Timeout;
        error.title = QCoreApplication::translate("ApiError", "No answer in time");
    } else if (code == QNetworkReply::SslHandshakeFailedError || !tlsErrors.isEmpty()) {
        error.kind = ApiError::Kind::Tls;
        error.title = QCoreApplication::translate("ApiError", "Untrusted connection");
        error.tlsErrors = tlsErrors;
        error.detail = tlsErrors.isEmpty() ? reply.errorString() : tlsErrors.join(u"; "_s);
    } else if (status > 0) {
        error =
            fromHttpAnswer(status, body, reply.rawHeader("Retry-After"),
                           reply.attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString(),
                           QDateTime::currentDateTimeUtc());
    } else {
        error.kind = ApiError::Kind::Network;
        error.title = QCoreApplication::translate("ApiError", "No connection");
        error.detail = transportReason(code, reply.errorString());
    }
    error.server = serverOf(reply.url());
    return error;
}

} // namespace ApiAccess::ProblemMapping
