#include "wire/Problem.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace ApiAccess {

namespace {

// Titles of "about:blank" problems are the HTTP status phrases (RFC 9110
// §15) and deliberately not translated: RFC 9457 §4.2.1 asks for the
// phrase itself, and the Studio shows its own translated text per status.
Problem plain(int status, QString title, QString detail)
{
    Problem problem;
    problem.type = Problem::kTypeBlank.toString();
    problem.status = status;
    problem.title = std::move(title);
    problem.detail = std::move(detail);
    return problem;
}

} // namespace

QJsonObject Problem::toJson() const
{
    QJsonObject object{
        {u"type"_s, type},
        {u"title"_s, title},
        {u"status"_s, status},
        {u"detail"_s, detail},
    };
    if (instance)
        object.insert(u"instance"_s, *instance);
    if (!errors.isEmpty()) {
        QJsonArray list;
        for (const FieldError &error : errors)
            list.append(QJsonObject{{u"field"_s, error.field}, {u"message"_s, error.message}});
        object.insert(u"errors"_s, list);
    }
    return object;
}

QByteArray Problem::toJsonBytes() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

Problem Problem::fromJson(const QJsonObject &object)
{
    Problem problem;
    const QJsonValue type = object.value(u"type"_s);
    if (type.isString() && !type.toString().isEmpty())
        problem.type = type.toString();
    const QJsonValue title = object.value(u"title"_s);
    if (title.isString())
        problem.title = title.toString();
    const QJsonValue status = object.value(u"status"_s);
    // A status is an integer 100..599; anything else is a member of the
    // wrong type and ignored, so the client falls back to the HTTP status.
    if (status.isDouble()) {
        const double value = status.toDouble();
        if (value >= 100 && value <= 599 && value == static_cast<int>(value))
            problem.status = static_cast<int>(value);
    }
    const QJsonValue detail = object.value(u"detail"_s);
    if (detail.isString())
        problem.detail = detail.toString();
    const QJsonValue instance = object.value(u"instance"_s);
    if (instance.isString())
        problem.instance = instance.toString();
    const QJsonValue errors = object.value(u"errors"_s);
    if (errors.isArray()) {
        for (const QJsonValue &entry : errors.toArray()) {
            const QJsonObject error = entry.toObject();
            const QJsonValue field = error.value(u"field"_s);
            const QJsonValue message = error.value(u"message"_s);
            if (field.isString() && message.isString())
                problem.errors.append(FieldError{field.toString(), message.toString()});
        }
    }
    return problem;
}

std::optional<Problem> Problem::fromJsonBytes(QByteArrayView body)
{
    QJsonParseError error{};
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray::fromRawData(body.data(), body.size()), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return fromJson(document.object());
}

Problem Problem::validation(QList<FieldError> errors)
{
    Problem problem;
    problem.type = kTypeValidation.toString();
    problem.status = 422;
    problem.title = QCoreApplication::translate("Problem", "Your request is not valid");
    problem.detail = QCoreApplication::translate(
        "Problem", "Some fields of the request are not valid; each entry of errors names one.");
    problem.errors = std::move(errors);
    return problem;
}

Problem Problem::malformedJson(const QJsonParseError &error)
{
    Problem problem;
    problem.type = kTypeMalformedJson.toString();
    problem.status = 400;
    problem.title = QCoreApplication::translate("Problem", "The request body is not valid JSON");
    problem.detail = QCoreApplication::translate(
                         "Problem", "The request body is not valid JSON: %1 at offset %2.")
                         .arg(error.errorString())
                         .arg(error.offset);
    return problem;
}

Problem Problem::unauthorized(const QString &detail)
{
    return plain(401, u"Unauthorized"_s,
                 detail.isEmpty()
                     ? QCoreApplication::translate("Problem", "Sign in, or send a valid API token.")
                     : detail);
}

Problem Problem::forbidden(const QString &detail)
{
    return plain(403, u"Forbidden"_s,
                 detail.isEmpty()
                     ? QCoreApplication::translate("Problem", "You are not allowed to do this.")
                     : detail);
}

Problem Problem::notFound(const QString &detail)
{
    return plain(404, u"Not Found"_s,
                 detail.isEmpty()
                     ? QCoreApplication::translate("Problem", "There is nothing at this address.")
                     : detail);
}

Problem Problem::methodNotAllowed(QStringView method, const QStringList &allowed)
{
    // The method comes from the client: cut it short so a hostile request
    // cannot make the answer large.
    return plain(405, u"Method Not Allowed"_s,
                 QCoreApplication::translate("Problem", "%1 is not supported here; use %2.")
                     .arg(method.left(16).toString(), allowed.join(u", ")));
}

Problem Problem::preconditionFailed()
{
    return plain(
        412, u"Precondition Failed"_s,
        QCoreApplication::translate(
            "Problem", "The token was changed since you loaded it. Reload it and try again."));
}

Problem Problem::payloadTooLarge(qint64 limitBytes)
{
    return plain(413, u"Content Too Large"_s,
                 QCoreApplication::translate(
                     "Problem", "The request body is larger than the limit of %1 bytes.")
                     .arg(limitBytes));
}

Problem Problem::tooManyRequests(int retryAfterSeconds)
{
    return plain(429, u"Too Many Requests"_s,
                 QCoreApplication::translate("Problem",
                                             "Too many requests. Try again in %n second(s).",
                                             nullptr, retryAfterSeconds));
}

Problem Problem::headersTooLarge()
{
    return plain(431, u"Request Header Fields Too Large"_s,
                 QCoreApplication::translate(
                     "Problem", "The request headers are larger than the server accepts."));
}

Problem Problem::internalError()
{
    return plain(500, u"Internal Server Error"_s,
                 QCoreApplication::translate(
                     "Problem",
                     "The server could not complete the request. The error was logged; "
                     "try again later."));
}

} // namespace ApiAccess
