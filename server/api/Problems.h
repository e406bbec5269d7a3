#pragma once

#include "http/HttpMessage.h"
#include "wire/FieldError.h"
#include "wire/Problem.h"

#include <QList>
#include <QString>

namespace ApiAccess::Server::Problems {

// The server's error answers, all RFC 9457 documents. Details name what is
// wrong so a client can fix it; they never echo a secret or a header value.

HttpResponse respond(const Problem &problem);
// 401 with the WWW-Authenticate challenges of the admin API.
HttpResponse unauthorized(const QString &detail = {});
// 401 for /verify and /api/v1/token: one answer for every way a token fails.
HttpResponse tokenRejected();
HttpResponse forbidden(const QString &detail);
HttpResponse notFound(const QString &detail);
// 400 for query parameters and headers (the body's mistakes are 422).
HttpResponse badRequest(const QString &detail, QList<FieldError> errors = {});
HttpResponse validation(QList<FieldError> errors);
HttpResponse unsupportedMediaType(const QString &detail);
HttpResponse preconditionFailed(const QString &detail);
HttpResponse tooManyRequests(qint64 retryAfterSeconds);
HttpResponse serviceUnavailable();
// 410 (Problem::kTypeChangesExpired): list afresh.
HttpResponse changesExpired(const QString &detail);

} // namespace ApiAccess::Server::Problems
