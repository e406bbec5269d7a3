#pragma once

#include "api/ApiError.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

class QNetworkReply;

namespace ApiAccess::ProblemMapping {

// "host:port" for messages: never a path, query or user info.
QString serverOf(const QUrl &url);

// The error for a call the Studio canceled (ApiCall::abort).
ApiError canceled();

// The error for a finished reply that is not a 2xx answer: a transport
// failure, or the server's status and problem document in `body`.
// `aborted` says the Studio canceled it (a transfer timeout aborts too).
ApiError fromReply(const QNetworkReply &reply, const QByteArray &body, bool aborted,
                   const QStringList &tlsErrors);

// The error for an HTTP answer with `status` (not 2xx) and its body.
ApiError fromHttpAnswer(int status, QByteArrayView body, QByteArrayView retryAfter,
                        const QString &reasonPhrase, const QDateTime &now);

// An answer the Studio cannot read. `what` says which part, never its value.
ApiError protocolError(const QString &what);

// Retry-After as delay-seconds or an HTTP date (RFC 9110 §10.2.3).
std::optional<int> parseRetryAfter(QByteArrayView value, const QDateTime &now);

} // namespace ApiAccess::ProblemMapping
