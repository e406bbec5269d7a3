#include "api/ApiError.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace ApiAccess {

namespace {

// Server details are complete sentences written for the admin (Problem.h);
// the Studio adds one when the server gave none.
QString withDetail(const QString &sentence, const QString &detail)
{
    return detail.isEmpty() ? sentence : sentence + u' ' + detail;
}

QString serverOrUnknown(const QString &server)
{
    return server.isEmpty() ? QCoreApplication::translate("ApiError", "the server") : server;
}

} // namespace

QString ApiError::message() const
{
    const QString where = serverOrUnknown(server);
    switch (kind) {
    case Kind::Network:
        return QCoreApplication::translate("ApiError", "Cannot reach the server at %1: %2.")
            .arg(where,
                 detail.isEmpty() ? QCoreApplication::translate("ApiError", "no connection")
                                  : detail);
    case Kind::Timeout:
        return QCoreApplication::translate("ApiError", "The server at %1 did not answer in time.")
            .arg(where);
    case Kind::Tls:
        return QCoreApplication::translate(
                   "ApiError",
                   "The secure connection to %1 was refused because its certificate is not "
                   "trusted: %2.")
            .arg(where, tlsErrors.isEmpty() ? detail : tlsErrors.join(u"; "_s));
    case Kind::Canceled:
        return QCoreApplication::translate("ApiError", "The request was canceled.");
    case Kind::Unauthorized:
        return QCoreApplication::translate(
            "ApiError",
            "The server did not accept your sign-in: the session has ended or the user "
            "name or password is wrong. Please sign in again.");
    case Kind::Forbidden:
        return withDetail(
            QCoreApplication::translate("ApiError", "You are not allowed to do this."), detail);
    case Kind::NotFound:
        return QCoreApplication::translate(
            "ApiError", "This token no longer exists on the server; it may have been deleted.");
    case Kind::Conflict:
        return QCoreApplication::translate(
            "ApiError",
            "Someone else changed this token in the meantime. Reload it and try again.");
    case Kind::Validation:
        if (fieldErrors.isEmpty())
            return withDetail(
                QCoreApplication::translate("ApiError", "The server refused the values."), detail);
        if (fieldErrors.size() == 1)
            return QCoreApplication::translate("ApiError", "The server refused the value of %1: %2")
                .arg(fieldErrors.first().field, fieldErrors.first().message);
        return QCoreApplication::translate("ApiError",
                                           "The server refused the value of %1: %2 (and %3 more)")
            .arg(fieldErrors.first().field, fieldErrors.first().message)
            .arg(fieldErrors.size() - 1);
    case Kind::RateLimited:
        if (retryAfterSeconds)
            return QCoreApplication::translate("ApiError",
                                               "Too many attempts. Try again in %1 seconds.")
                .arg(*retryAfterSeconds);
        return QCoreApplication::translate("ApiError", "Too many attempts. Try again later.");
    case Kind::Server:
        return QCoreApplication::translate(
                   "ApiError", "The server at %1 had a problem (HTTP %2). Try again later.")
            .arg(where)
            .arg(httpStatus);
    case Kind::Protocol:
        return QCoreApplication::translate(
                   "ApiError", "The server at %1 gave an answer the Studio cannot read (%2).")
            .arg(where, detail.isEmpty() ? title : detail);
    }
    return QCoreApplication::translate("ApiError", "The request failed.");
}

bool ApiError::isRetryable() const
{
    return kind == Kind::Network || kind == Kind::Timeout || kind == Kind::Server;
}

QString ApiError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Network:
        return u"Network"_s;
    case Kind::Timeout:
        return u"Timeout"_s;
    case Kind::Tls:
        return u"Tls"_s;
    case Kind::Canceled:
        return u"Canceled"_s;
    case Kind::Unauthorized:
        return u"Unauthorized"_s;
    case Kind::Forbidden:
        return u"Forbidden"_s;
    case Kind::NotFound:
        return u"NotFound"_s;
    case Kind::Conflict:
        return u"Conflict"_s;
    case Kind::Validation:
        return u"Validation"_s;
    case Kind::RateLimited:
        return u"RateLimited"_s;
    case Kind::Server:
        return u"Server"_s;
    case Kind::Protocol:
        return u"Protocol"_s;
    }
    return u"Unknown"_s;
}

} // namespace ApiAccess
