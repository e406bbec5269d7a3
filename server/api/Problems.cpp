#include "api/Problems.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace ApiAccess::Server::Problems {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Problems", text);
}

Problem plain(int status, const QString &title, const QString &detail)
{
    Problem problem;
    problem.status = status;
    problem.title = title;
    problem.detail = detail;
    return problem;
}

} // namespace

HttpResponse respond(const Problem &problem)
{
    return HttpResponse::problem(problem);
}

HttpResponse unauthorized(const QString &detail)
{
    HttpResponse response = respond(Problem::unauthorized(
        detail.isEmpty() ? tr("Sign in with a session token (Authorization: Bearer) or use an "
                              "Administrative API token (Authorization: Basic).")
                         : detail));
    response.setHeader("WWW-Authenticate",
                       R"(Bearer realm="apiaccess", Basic realm="apiaccess", charset="UTF-8")");
    return response;
}

HttpResponse tokenRejected()
{
    HttpResponse response = respond(Problem::unauthorized(
        tr("The API token is missing, malformed, unknown, disabled, expired or no longer valid.")));
    response.setHeader("WWW-Authenticate", R"(Basic realm="apiaccess", charset="UTF-8")");
    return response;
}

HttpResponse forbidden(const QString &detail)
{
    return respond(Problem::forbidden(detail));
}

HttpResponse notFound(const QString &detail)
{
    return respond(Problem::notFound(detail));
}

HttpResponse badRequest(const QString &detail, QList<FieldError> errors)
{
    Problem problem = plain(400, u"Bad Request"_s, detail);
    if (!errors.isEmpty()) {
        problem.type = Problem::kTypeValidation.toString();
        problem.title = tr("Invalid request parameters");
        problem.errors = std::move(errors);
    }
    return respond(problem);
}

HttpResponse validation(QList<FieldError> errors)
{
    return respond(Problem::validation(std::move(errors)));
}

HttpResponse unsupportedMediaType(const QString &detail)
{
    return respond(plain(415, u"Unsupported Media Type"_s, detail));
}

HttpResponse preconditionFailed(const QString &detail)
{
    Problem problem = Problem::preconditionFailed();
    if (!detail.isEmpty())
        problem.detail = detail;
    return respond(problem);
}

HttpResponse tooManyRequests(qint64 retryAfterSeconds)
{
    HttpResponse response = respond(Problem::tooManyRequests(static_cast<int>(retryAfterSeconds)));
    response.setHeader("Retry-After", std::to_string(retryAfterSeconds));
    return response;
}

HttpResponse serviceUnavailable()
{
    HttpResponse response =
        respond(plain(503, u"Service Unavailable"_s,
                      tr("The token database is not available right now. Try again shortly.")));
    response.setHeader("Retry-After", "5");
    return response;
}

HttpResponse changesExpired(const QString &detail)
{
    Problem problem = plain(410, tr("Changes no longer available"), detail);
    problem.type = Problem::kTypeChangesExpired.toString();
    return respond(problem);
}

} // namespace ApiAccess::Server::Problems
