#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace ApiAccess {

// A member name that appears twice in one JSON object.
struct JsonDuplicate
{
    QString name; // unescaped, as the object keys it
    QString path; // JsonReader's style: "name", "items[3].name"
    qsizetype offset = 0; // byte offset of the second occurrence's opening quote
};

// The first member name repeated within one object, at any depth, after
// unescaping ("n\u0061me" repeats "name"). QJsonDocument keeps only one of
// them silently, and other parsers may keep the other: a body that means
// different things to a proxy and to us must not pass.
//
// Meant for bytes QJsonDocument has accepted; on anything else it still
// stays in bounds and in linear time, but its answer means nothing.
std::optional<JsonDuplicate> findDuplicateMember(QByteArrayView json);

} // namespace ApiAccess
