#include "ApiAssertions.h"

#include "token/TokenFormat.h"

#include <QJsonArray>
#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace ApiAccess::Testing {

QStringList sortedErrorFields(const ApiReply &reply, EntryMessages messages)
{
    QStringList fields;
    const QJsonArray errors = reply.json().value(u"errors"_s).toArray();
    for (const QJsonValue &error : errors) {
        fields.append(error.toObject().value(u"field"_s).toString());
        // Every entry explains itself.
        if (messages == EntryMessages::Required
            && error.toObject().value(u"message"_s).toString().isEmpty())
            fields.append(u"<entry without message>"_s);
    }
    fields.sort();
    return fields;
}

QStringList sortedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

void SeenSecrets::remember(const QByteArray &secretOrToken)
{
    m_secrets.append(secretOrToken);
    if (const auto decoded = TokenFormat::decode(secretOrToken))
        m_secrets.append(decoded->secret);
}

} // namespace ApiAccess::Testing
