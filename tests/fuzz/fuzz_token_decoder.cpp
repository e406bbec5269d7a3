// libFuzzer entry for the token decoder: whatever bytes arrive in an
// Authorization header or a pasted token must be rejected cleanly, and
// anything accepted must survive a round trip.
#include "token/TokenFormat.h"

#include <QByteArray>
#include <QString>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace ApiAccess;

namespace {

void require(bool condition)
{
    if (!condition)
        std::abort();
}

void checkAccepted(const TokenCredentials &credentials)
{
    require(TokenFormat::validateId(credentials.id).ok());
    require(TokenFormat::validateSecret(credentials.secret).ok());
    require(credentials.id.size() == TokenFormat::kIdLength);
    require(credentials.secret.size() == TokenFormat::kSecretLength);

    const QByteArray token = TokenFormat::encode(credentials);
    require(token.size() == TokenFormat::kTokenLength);
    const auto again = TokenFormat::decode(token);
    require(again.ok() && again.value() == credentials);
    // A scanner must find every token we would accept.
    const auto leaks = TokenFormat::findLeakedTokens(QString::fromLatin1(token));
    require(leaks.size() == 1 && leaks.front().offset == 0 && leaks.front().length == token.size()
            && leaks.front().isFullToken);
}

// Messages never echo the secret or the input. The one part of an input a
// message may name is a header's scheme ("uses the Bearer scheme", at most
// 20 letters): for that error the scheme, where the message names it, is
// set apart, and what follows the scheme in the input must not appear.
// (Checking the whole input made "Xyz s" a finding: "…the Xyz scheme".)
void checkRejected(const TokenError &error, QByteArrayView input)
{
    require(!error.message.isEmpty());
    QString message = error.message;
    QByteArrayView echoable = input.trimmed();
    if (error.code == TokenErrorCode::NotBasicScheme) {
        const auto schemeEnd = std::find_if(echoable.begin(), echoable.end(),
                                            [](char c) { return c == ' ' || c == '\t'; });
        const QString scheme = QString::fromLatin1(echoable.first(schemeEnd - echoable.begin()));
        if (const qsizetype at = message.indexOf(scheme); at >= 0 && scheme.size() <= 20)
            message.replace(at, scheme.size(), QChar(0xfffe));
        echoable = echoable.sliced(schemeEnd - echoable.begin()).trimmed();
    }
    if (echoable.size() > 20) // shorter runs occur in the messages' own words
        require(!message.contains(QString::fromLatin1(echoable)));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));

    const auto decoded = TokenFormat::decode(input);
    if (decoded.ok()) {
        checkAccepted(decoded.value());
        // Only the canonical spelling is accepted.
        require(TokenFormat::encode(decoded.value()) == input.trimmed());
    } else {
        checkRejected(decoded.error(), input);
    }

    const auto header = TokenFormat::decodeAuthorizationHeader(input);
    if (header.ok())
        checkAccepted(header.value());
    else
        checkRejected(header.error(), input);

    const auto secret = TokenFormat::validateSecret(input);
    if (secret.ok())
        require(secret.value() == input);

    const QString text = QString::fromLatin1(input);
    for (const auto &leak : TokenFormat::findLeakedTokens(text)) {
        require(leak.offset >= 0 && leak.length > 0 && leak.offset + leak.length <= text.size());
        const QByteArray found = text.sliced(leak.offset, leak.length).toLatin1();
        if (leak.isFullToken)
            require(leak.length == TokenFormat::kTokenLength && TokenFormat::decode(found).ok());
        else
            require(leak.length == TokenFormat::kSecretLength
                    && TokenFormat::validateSecret(found).ok());
    }

    require(TokenFormat::constantTimeEquals(input, input));
    return 0;
}
