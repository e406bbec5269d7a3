#pragma once

#include "wire/FieldError.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ApiAccess {

// Why a call to the token server did not succeed, in terms the Studio acts
// on. Built from the transport error or the server's problem document.
struct ApiError
{
    enum class Kind {
        Network, // no answer: refused, unreachable, DNS, connection reset
        Timeout, // no complete answer within the transfer timeout
        Tls, // certificate or handshake refused (never ignored)
        Canceled, // aborted by the Studio (Escape, window closed)
        Unauthorized, // 401: the session ended or the credentials are wrong
        Forbidden, // 403
        NotFound, // 404
        Conflict, // 412: changed by someone else (If-Match)
        Validation, // 400/422 with field errors
        RateLimited, // 429
        Server, // 5xx
        Protocol, // an answer we cannot read (not JSON, missing fields)
    };

    Kind kind = Kind::Network;
    int httpStatus = 0; // 0 when no HTTP answer arrived
    QString title; // problem "title" or a short summary
    QString detail; // problem "detail" or the transport's text
    QList<FieldError> fieldErrors; // for Validation: paths such as allowedIpRanges[1]
    std::optional<int> retryAfterSeconds;
    QStringList tlsErrors; // for Tls: what was wrong with the certificate
    QString server; // "host:port" the call went to, for message()

    // One sentence for the admin; never contains a secret or a token.
    QString message() const;
    // Network, Timeout and Server errors are worth a Retry button.
    bool isRetryable() const;
    // Stable, untranslated name of the kind ("Network", "Conflict"...) for
    // logs and test output.
    static QString kindName(Kind kind);
};

} // namespace ApiAccess
