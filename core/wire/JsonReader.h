#pragma once

#include "common/Result.h"
#include "wire/FieldError.h"
#include "wire/Problem.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <initializer_list>
#include <optional>

namespace ApiAccess {

// Reads request bodies strictly for the server's input parsers: every
// mistake becomes a FieldError with the path the client used, and reading
// goes on so that one answer lists all of them.
//
//     JsonReader in(object);
//     in.rejectUnknownFields({u"name", u"enabled"});
//     const auto name = in.string(u"name", JsonReader::Required);
//     if (in.hasErrors()) return fail(in.errors());
class JsonReader
{
public:
    enum Presence { Optional, Required };

    // Malformed JSON is a 400 naming the parser's error and byte offset;
    // so is a member name repeated within one object, at any depth (parsers
    // differ in which one they keep). Valid JSON that is not an object (an
    // array, a number...) is a 422 with one error for the body as a whole
    // (field "").
    static Result<QJsonObject, Problem> parseBody(QByteArrayView body);

    // `prefix` is the path of `object` inside the body ("" for the body
    // itself, "items[3]" for an element), used to build error paths.
    explicit JsonReader(QJsonObject object, QString prefix = {});

    const QJsonObject &json() const { return m_object; }
    bool contains(QStringView key) const { return m_object.contains(key); }

    // Paths as the client wrote them: "name", "items[3].name", "ranges[2]".
    QString path(QStringView key) const;
    QString path(QStringView key, qsizetype index) const;

    // Each member not in `known` is an error "unknown field" at its path,
    // in key order. A typo must not silently do nothing.
    void rejectUnknownFields(std::initializer_list<QStringView> known);

    // Absent: nullopt, and an "is required" error if Required. Present with
    // the wrong type: nullopt and a "must be a ..." error (null included).
    std::optional<QString> string(QStringView key, Presence presence);
    std::optional<bool> boolean(QStringView key, Presence presence);
    // A JSON number without fraction that a double holds exactly (|n| < 2^53).
    std::optional<qint64> integer(QStringView key, Presence presence);
    std::optional<QJsonArray> array(QStringView key, Presence presence);
    std::optional<QJsonObject> object(QStringView key, Presence presence);
    // Every element must be a string; each one that is not is an error at
    // "key[i]", and then the whole list is nullopt.
    std::optional<QStringList> stringArray(QStringView key, Presence presence);

    // For members where null means something ("expiresAt": null = never).
    // Outer nullopt: absent or wrong type; inner nullopt: null.
    std::optional<std::optional<QString>> nullableString(QStringView key, Presence presence);

    // RFC 3339 strings (parseRfc3339), in UTC; a malformed one is an error
    // that shows the expected form.
    std::optional<QDateTime> dateTime(QStringView key, Presence presence);
    std::optional<std::optional<QDateTime>> nullableDateTime(QStringView key, Presence presence);

    void addError(QString field, QString message);
    // Errors of a nested reader or parser, their paths put under `at`
    // (a path such as "items[3]"; "" fields become `at` itself).
    void addNestedErrors(const QString &at, const QList<FieldError> &errors);

    bool hasErrors() const { return !m_errors.isEmpty(); }
    const QList<FieldError> &errors() const { return m_errors; }

    static QString requiredMessage();
    static QString mustBeMessage(QJsonValue::Type expected);
    static QString dateTimeMessage();

private:
    // The member if present with `type`; nullopt (and errors) otherwise.
    std::optional<QJsonValue> member(QStringView key, QJsonValue::Type type, Presence presence);

    QJsonObject m_object;
    QString m_prefix;
    QList<FieldError> m_errors;
};

} // namespace ApiAccess
