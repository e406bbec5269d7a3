#include "wire/JsonReader.h"

#include "wire/JsonDuplicates.h"
#include "wire/Rfc3339.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

#include <cmath>

using namespace Qt::StringLiterals;

namespace ApiAccess {

namespace {

Problem notAnObject()
{
    return Problem::validation({FieldError{
        QString(),
        QCoreApplication::translate("JsonReader", "the request body must be a JSON object")}});
}

// Member names are the client's, and a body may be a megabyte: keep the
// detail short, cutting between characters rather than inside a pair.
QString elided(const QString &text)
{
    constexpr qsizetype kHead = 40;
    constexpr qsizetype kTail = 80;
    if (text.size() <= kHead + kTail)
        return text;
    const qsizetype head = text.at(kHead).isLowSurrogate() ? kHead - 1 : kHead;
    qsizetype tail = text.size() - kTail;
    if (text.at(tail).isLowSurrogate())
        ++tail;
    return text.left(head) + u"..." + text.sliced(tail);
}

// Names and path only: member values can be secrets. English only, not
// translate(): the server, the one caller, answers in English, and the
// Studio's catalogue should not carry texts it never shows.
Problem duplicateMember(const JsonDuplicate &duplicate)
{
    // The type, status and title of any malformed body, so that clients
    // handle it the same way; only the detail says what is wrong.
    Problem problem = Problem::malformedJson(QJsonParseError{});
    const QString name = elided(duplicate.name);
    const QString offset = QString::number(duplicate.offset);
    // One multi-argument arg(): a "%2" inside a client's name stays text.
    if (duplicate.path == duplicate.name) {
        problem.detail = u"The request body repeats the member \"%1\" at offset %2; "
                         u"a name may appear only once in an object."_s.arg(name, offset);
    } else {
        problem.detail = u"The request body repeats the member \"%1\" at %2, offset %3; "
                         u"a name may appear only once in an object."_s.arg(
                             name, elided(duplicate.path), offset);
    }
    return problem;
}

} // namespace

Result<QJsonObject, Problem> JsonReader::parseBody(QByteArrayView body)
{
    const QByteArray bytes = QByteArray::fromRawData(body.data(), body.size());
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error == QJsonParseError::NoError) {
        // Before the shape: like a syntax error, it makes the body ambiguous.
        if (const auto duplicate = findDuplicateMember(body))
            return fail(duplicateMember(*duplicate));
        if (document.isObject())
            return document.object();
        return fail(notAnObject());
    }
    // Qt refuses a bare scalar ("42", "null") at the top level although it is
    // valid JSON. Wrapped in an array it parses exactly when it is valid, and
    // then the client's mistake is the shape, not the syntax.
    QJsonParseError wrappedError{};
    QByteArray wrapped;
    wrapped.reserve(bytes.size() + 2);
    wrapped.append('[').append(bytes).append(']');
    const QJsonDocument asArray = QJsonDocument::fromJson(wrapped, &wrappedError);
    // One element, or "1, 2" would pass for a single value.
    if (wrappedError.error == QJsonParseError::NoError && asArray.array().size() == 1)
        return fail(notAnObject());
    return fail(Problem::malformedJson(error));
}

JsonReader::JsonReader(QJsonObject object, QString prefix)
    : m_object(std::move(object))
    , m_prefix(std::move(prefix))
{ }

QString JsonReader::path(QStringView key) const
{
    if (m_prefix.isEmpty())
        return key.toString();
    return m_prefix + u'.' + key;
}

QString JsonReader::path(QStringView key, qsizetype index) const
{
    return path(key) + u'[' + QString::number(index) + u']';
}

void JsonReader::rejectUnknownFields(std::initializer_list<QStringView> known)
{
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        const QString key = it.key();
        bool isKnown = false;
        for (QStringView name : known)
            isKnown = isKnown || key == name;
        if (!isKnown)
            addError(path(key), QCoreApplication::translate("JsonReader", "unknown field"));
    }
}

std::optional<QJsonValue> JsonReader::member(QStringView key, QJsonValue::Type type,
                                             Presence presence)
{
    const auto it = m_object.constFind(key);
    if (it == m_object.constEnd()) {
        if (presence == Required)
            addError(path(key), requiredMessage());
        return std::nullopt;
    }
    const QJsonValue value = it.value();
    if (value.type() != type) {
        addError(path(key), mustBeMessage(type));
        return std::nullopt;
    }
    return value;
}

std::optional<QString> JsonReader::string(QStringView key, Presence presence)
{
    const auto value = member(key, QJsonValue::String, presence);
    return value ? std::optional(value->toString()) : std::nullopt;
}

std::optional<bool> JsonReader::boolean(QStringView key, Presence presence)
{
    const auto value = member(key, QJsonValue::Bool, presence);
    return value ? std::optional(value->toBool()) : std::nullopt;
}

std::optional<qint64> JsonReader::integer(QStringView key, Presence presence)
{
    const auto value = member(key, QJsonValue::Double, presence);
    if (!value)
        return std::nullopt;
    // Beyond 2^53 a double no longer tells neighbouring integers apart.
    constexpr double kLimit = 9007199254740992.0;
    const double number = value->toDouble();
    if (std::trunc(number) != number || std::abs(number) >= kLimit) {
        addError(path(key), mustBeMessage(QJsonValue::Double));
        return std::nullopt;
    }
    return static_cast<qint64>(number);
}

std::optional<QJsonArray> JsonReader::array(QStringView key, Presence presence)
{
    const auto value = member(key, QJsonValue::Array, presence);
    return value ? std::optional(value->toArray()) : std::nullopt;
}

std::optional<QJsonObject> JsonReader::object(QStringView key, Presence presence)
{
    const auto value = member(key, QJsonValue::Object, presence);
    return value ? std::optional(value->toObject()) : std::nullopt;
}

std::optional<QStringList> JsonReader::stringArray(QStringView key, Presence presence)
{
    const auto elements = array(key, presence);
    if (!elements)
        return std::nullopt;
    QStringList strings;
    strings.reserve(elements->size());
    bool allStrings = true;
    for (qsizetype i = 0; i < elements->size(); ++i) {
        const QJsonValue element = elements->at(i);
        if (!element.isString()) {
            addError(path(key, i), mustBeMessage(QJsonValue::String));
            allStrings = false;
            continue;
        }
        strings.append(element.toString());
    }
    return allStrings ? std::optional(strings) : std::nullopt;
}

std::optional<std::optional<QString>> JsonReader::nullableString(QStringView key, Presence presence)
{
    const auto it = m_object.constFind(key);
    if (it == m_object.constEnd()) {
        if (presence == Required)
            addError(path(key), requiredMessage());
        return std::nullopt;
    }
    if (it.value().isNull())
        return std::optional<QString>();
    if (!it.value().isString()) {
        addError(path(key), QCoreApplication::translate("JsonReader", "must be a string or null"));
        return std::nullopt;
    }
    return std::optional<QString>(it.value().toString());
}

std::optional<QDateTime> JsonReader::dateTime(QStringView key, Presence presence)
{
    const auto text = string(key, presence);
    if (!text)
        return std::nullopt;
    auto time = parseRfc3339(*text);
    if (!time)
        addError(path(key), dateTimeMessage());
    return time;
}

std::optional<std::optional<QDateTime>> JsonReader::nullableDateTime(QStringView key,
                                                                     Presence presence)
{
    const auto text = nullableString(key, presence);
    if (!text)
        return std::nullopt;
    if (!*text)
        return std::optional<QDateTime>();
    auto time = parseRfc3339(**text);
    if (!time) {
        addError(path(key), dateTimeMessage());
        return std::nullopt;
    }
    return time;
}

void JsonReader::addError(QString field, QString message)
{
    m_errors.append(FieldError{std::move(field), std::move(message)});
}

void JsonReader::addNestedErrors(const QString &at, const QList<FieldError> &errors)
{
    for (const FieldError &error : errors)
        addError(error.field.isEmpty() ? at : at + u'.' + error.field, error.message);
}

QString JsonReader::requiredMessage()
{
    return QCoreApplication::translate("JsonReader", "is required");
}

QString JsonReader::dateTimeMessage()
{
    return QCoreApplication::translate(
               "JsonReader", "must be an RFC 3339 date and time with a time zone, such as %1")
        .arg(u"2026-11-27T22:26:24Z"_s);
}

QString JsonReader::mustBeMessage(QJsonValue::Type expected)
{
    switch (expected) {
    case QJsonValue::String:
        return QCoreApplication::translate("JsonReader", "must be a string");
    case QJsonValue::Bool:
        return QCoreApplication::translate("JsonReader", "must be true or false");
    case QJsonValue::Double:
        return QCoreApplication::translate("JsonReader", "must be a whole number");
    case QJsonValue::Array:
        return QCoreApplication::translate("JsonReader", "must be an array");
    case QJsonValue::Object:
        return QCoreApplication::translate("JsonReader", "must be an object");
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return QCoreApplication::translate("JsonReader", "has the wrong type");
}

} // namespace ApiAccess
