#pragma once

#include "wire/FieldError.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

class QJsonParseError;

namespace ApiAccess {

// An RFC 9457 problem details document: every error answer of the token
// server (PRODUCT.md §6). Details are written for the admin who will read
// them in the Studio; they never carry a secret, a token or a header value.
struct Problem
{
    static constexpr QLatin1StringView kContentType{"application/problem+json"};

    // For plain HTTP errors the status says it all, so the type is
    // "about:blank" and the title is the status phrase (RFC 9457 §4.2.1).
    static constexpr QStringView kTypeBlank = u"about:blank";
    // Our own problem types: stable URNs a client may switch on. They are not
    // URLs because there is no page to fetch and the server's host varies.
    static constexpr QStringView kTypeValidation = u"urn:apiaccess:problem:validation-error";
    static constexpr QStringView kTypeMalformedJson = u"urn:apiaccess:problem:malformed-json";
    // 410 to GET /api/v1/tokens?changedSince: the changes since that cursor
    // can no longer be told; list the tokens afresh.
    static constexpr QStringView kTypeChangesExpired = u"urn:apiaccess:problem:changes-expired";

    QString type = kTypeBlank.toString();
    QString title;
    int status = 0;
    QString detail;
    std::optional<QString> instance;
    QList<FieldError> errors; // only for validation problems; "errors" on the wire

    // Members in RFC 9457 order of meaning; "errors" only when non-empty,
    // "instance" only when set.
    QJsonObject toJson() const;
    QByteArray toJsonBytes() const;

    // For the client: never fails on an object. Members of the wrong type are
    // ignored as RFC 9457 §3.1 asks, an absent type means "about:blank", and
    // extension members are skipped. Malformed "errors" entries are dropped.
    static Problem fromJson(const QJsonObject &object);
    // The same from a response body; nullopt unless it is a JSON object.
    static std::optional<Problem> fromJsonBytes(QByteArrayView body);

    bool isValidation() const { return type == kTypeValidation; }

    // The answers the server sends. Each `detail` is a complete sentence.
    static Problem validation(QList<FieldError> errors);
    static Problem malformedJson(const QJsonParseError &error);
    static Problem unauthorized(const QString &detail = {});
    static Problem forbidden(const QString &detail = {});
    static Problem notFound(const QString &detail = {});
    static Problem methodNotAllowed(QStringView method, const QStringList &allowed);
    static Problem preconditionFailed();
    static Problem payloadTooLarge(qint64 limitBytes);
    static Problem tooManyRequests(int retryAfterSeconds);
    static Problem headersTooLarge();
    // Generic on purpose: what went wrong is for the server log, not the client.
    static Problem internalError();

    friend bool operator==(const Problem &, const Problem &) = default;
};

} // namespace ApiAccess
