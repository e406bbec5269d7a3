#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringView>

namespace ApiAccess {

// The parts of an API token (PRODUCT.md §4). The string an integration uses
// is base64(id ":" secret), so `Authorization: Basic <token>` is ordinary
// HTTP Basic authentication with the id as user name and the secret as
// password.
//
// id:     "tok_" + 20 characters of lower-case base32 (100 random bits)
// secret: "aas_" + 43 base62 characters (256 bits from the OS CSPRNG)
//                + 6 base62 characters of CRC-32 over the prefix and random part
//
// The secret never leaves this struct except through encode(); keep copies short-lived.
struct TokenCredentials
{
    QString id;
    QByteArray secret;

    friend bool operator==(const TokenCredentials &, const TokenCredentials &) = default;
};

enum class TokenErrorCode {
    Empty, // nothing given
    TooLong, // longer than any token we issue could be
    NotBasicScheme, // Authorization header with another scheme (Bearer ...)
    MissingCredentials, // "Basic" with nothing after it
    NotBase64, // characters outside standard base64, or bad padding
    NotText, // decoded bytes are not printable ASCII
    MissingSeparator, // no ':' between id and secret
    BadIdFormat, // id is not "tok_" + 20 base32 characters
    BadSecretPrefix, // secret does not start with "aas_"
    BadSecretLength, // secret has the wrong number of characters
    BadSecretCharacters, // secret contains characters outside base62
    ChecksumMismatch, // well-formed, but the checksum does not match: mistyped or forged
};

struct TokenError
{
    TokenErrorCode code;
    QString message; // translated; never contains the token, the secret or the header value
};

namespace TokenFormat {

inline constexpr QStringView kIdPrefix = u"tok_";
inline constexpr QByteArrayView kSecretPrefix = "aas_";
inline constexpr int kIdRandomLength = 20; // base32 characters
inline constexpr int kSecretRandomLength = 43; // base62 characters, >= 256 bits
inline constexpr int kSecretChecksumLength = 6; // base62 of CRC-32
inline constexpr int kIdLength = 24;
inline constexpr int kSecretLength = 53;
inline constexpr int kTokenLength = 104; // base64 of 78 bytes, no padding needed

// New random id / secret / pair from the operating system's CSPRNG
// (QRandomGenerator::system()), with unbiased rejection sampling.
QString generateId();
QByteArray generateSecret();
TokenCredentials generate();

// base64(id ":" secret), standard alphabet with padding.
QByteArray encode(const TokenCredentials &credentials);

// The token string an integration was given (white space around it trimmed).
Result<TokenCredentials, TokenError> decode(QByteArrayView token);
// An `Authorization` header value: "Basic <token>" (scheme case-insensitive).
Result<TokenCredentials, TokenError> decodeAuthorizationHeader(QByteArrayView headerValue);

// Shape checks that need no database: prefix, length, alphabet, checksum.
Result<QString, TokenError> validateId(QStringView id);
Result<QByteArray, TokenError> validateSecret(QByteArrayView secret);

// Regular expressions (PCRE / QRegularExpression syntax) that find leaked
// tokens in text, documented in docs/token-format.md. The first matches the
// base64 token, the second a bare secret (as in `curl -u id:secret`).
QString leakedTokenPattern();
QString leakedSecretPattern();

// Every substring of `text` that matches either pattern and passes the
// checksum: what a secret scanner would report. Returns the matches' offsets.
struct LeakMatch
{
    qsizetype offset;
    qsizetype length;
    bool isFullToken; // base64 token rather than bare secret
};
QList<LeakMatch> findLeakedTokens(QStringView text);

// Compares in time that depends only on the lengths, not on where the
// inputs first differ.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

} // namespace TokenFormat
} // namespace ApiAccess
