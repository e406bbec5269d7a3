#include "keychain/SessionEntry.h"

#include "api/Wipe.h"
#include "wire/Rfc3339.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace ApiAccess::SessionEntry {

namespace {
constexpr int kVersion = 1;
}

// QJsonObject keeps copies of the token that it frees without wiping; the
// temporaries here are ours, and are wiped.
std::optional<QByteArray> encode(const StoredSession &session)
{
    if (session.sessionToken.isEmpty() || session.username.isEmpty() || !session.serverUrl.isValid()
        || session.serverUrl.isEmpty() || formatRfc3339(session.expiresAt).isEmpty())
        return std::nullopt;
    QByteArray tokenBase64 = session.sessionToken.toBase64();
    QString tokenText = QString::fromLatin1(tokenBase64);
    wipe(tokenBase64);
    const QJsonObject object{
        {u"version"_s, kVersion},
        {u"serverUrl"_s, session.serverUrl.toString(QUrl::RemovePassword | QUrl::FullyEncoded)},
        {u"username"_s, session.username},
        {u"sessionToken"_s, tokenText},
        {u"expiresAt"_s, formatRfc3339(session.expiresAt)},
    };
    wipe(tokenText);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<StoredSession> decode(const QByteArray &entry)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(entry, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    if (object.value(u"version"_s).toInt() != kVersion)
        return std::nullopt;

    QString tokenText = object.value(u"sessionToken"_s).toString();
    QByteArray tokenBase64 = tokenText.toLatin1();
    wipe(tokenText);
    auto token =
        QByteArray::fromBase64Encoding(tokenBase64, QByteArray::AbortOnBase64DecodingErrors);
    wipe(tokenBase64);

    StoredSession session;
    session.serverUrl = QUrl(object.value(u"serverUrl"_s).toString(), QUrl::StrictMode);
    session.username = object.value(u"username"_s).toString();
    const auto expiresAt = parseRfc3339(object.value(u"expiresAt"_s).toString());
    if (!token || token.decoded.isEmpty() || !session.serverUrl.isValid()
        || session.serverUrl.isEmpty() || session.username.isEmpty() || !expiresAt) {
        wipe(token.decoded);
        return std::nullopt;
    }
    session.sessionToken = std::move(token.decoded);
    session.expiresAt = *expiresAt;
    return session;
}

} // namespace ApiAccess::SessionEntry
