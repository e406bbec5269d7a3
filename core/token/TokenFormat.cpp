#include "token/TokenFormat.h"

#include "token/Crc32.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>

namespace ApiAccess::TokenFormat {

namespace {

using namespace Qt::StringLiterals;

// Anything longer cannot be a token we issued (104 characters); refusing early
// bounds the work an unauthenticated request can cause.
constexpr qsizetype kMaxInputLength = 512;

constexpr std::array<char, 32> kBase32Alphabet{
    'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p',
    'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', '2', '3', '4', '5', '6', '7'};

constexpr std::array<char, 62> kBase62Alphabet{
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F',
    'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U', 'V',
    'W', 'X', 'Y', 'Z', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l',
    'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z'};

// Largest multiple of 62 that fits in a byte: bytes at or above it are drawn
// again so that every base62 character is equally likely.
constexpr unsigned kBase62RejectFrom = 248;

bool isBase32Char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '2' && c <= '7');
}

bool isBase62Char(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool isBase64Char(char c)
{
    return isBase62Char(c) || c == '+' || c == '/';
}

bool isAsciiSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Six base62 digits, most significant first, zero-padded ('0' is digit 0).
std::array<char, kSecretChecksumLength> checksumChars(QByteArrayView prefixAndRandom)
{
    std::uint32_t value = crc32(prefixAndRandom);
    std::array<char, kSecretChecksumLength> out{};
    for (auto i = out.size(); i-- > 0;) {
        out[i] = kBase62Alphabet[value % 62U];
        value /= 62U;
    }
    return out;
}

// Overwrites a buffer that held secret material before it is freed.
void wipe(QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    volatile char *p = bytes.data();
    for (qsizetype i = 0; i < bytes.size(); ++i)
        p[i] = 0;
}

// Bytes from the OS CSPRNG, one 32-bit draw at a time.
class RandomBytes
{
public:
    unsigned char next()
    {
        if (m_left == 0) {
            m_word = QRandomGenerator::system()->generate();
            m_left = 4;
        }
        const auto byte = static_cast<unsigned char>(m_word & 0xFFU);
        m_word >>= 8;
        --m_left;
        return byte;
    }

    ~RandomBytes() { static_cast<volatile quint32 &>(m_word) = 0; }

private:
    quint32 m_word = 0;
    int m_left = 0;
};

TokenError error(TokenErrorCode code, const char *text)
{
    return TokenError{code, QCoreApplication::translate("TokenFormat", text)};
}

Failure<TokenError> failure(TokenErrorCode code, const char *text)
{
    return fail(error(code, text));
}

// Standard base64 with padding and nothing else; each way of getting it wrong
// has its own explanation.
std::optional<TokenError> checkBase64Shape(QByteArrayView text)
{
    bool whitespace = false;
    bool urlSafe = false;
    bool foreign = false;
    bool dataAfterPadding = false;
    qsizetype padding = 0;
    for (const char c : text) {
        if (isBase64Char(c)) {
            dataAfterPadding = dataAfterPadding || padding > 0;
        } else if (c == '=') {
            ++padding;
        } else if (isAsciiSpace(c)) {
            whitespace = true;
        } else if (c == '-' || c == '_') {
            urlSafe = true;
        } else {
            foreign = true;
        }
    }
    if (whitespace)
        return error(
            TokenErrorCode::NotBase64,
            QT_TRANSLATE_NOOP("TokenFormat",
                              "The token contains white space: copy it again as one line."));
    if (urlSafe)
        return error(TokenErrorCode::NotBase64,
                     QT_TRANSLATE_NOOP("TokenFormat",
                                       "The token uses URL-safe base64 ('-' or '_'): tokens use "
                                       "standard base64 with '+' and '/'."));
    if (foreign)
        return error(TokenErrorCode::NotBase64,
                     QT_TRANSLATE_NOOP("TokenFormat",
                                       "The token contains characters that are not base64: only "
                                       "A-Z, a-z, 0-9, '+', '/' and '=' at the end are allowed."));
    if (dataAfterPadding || padding > 2 || text.size() % 4 != 0)
        return error(TokenErrorCode::NotBase64,
                     QT_TRANSLATE_NOOP("TokenFormat",
                                       "The token's base64 padding is missing or malformed: it was "
                                       "probably truncated."));
    return std::nullopt;
}

Result<QString, TokenError> checkId(QByteArrayView id)
{
    if (id.isEmpty())
        return failure(TokenErrorCode::BadIdFormat,
                       QT_TRANSLATE_NOOP("TokenFormat", "The token has no id before the ':'."));
    if (!id.startsWith(QByteArrayView("tok_")))
        return failure(
            TokenErrorCode::BadIdFormat,
            QT_TRANSLATE_NOOP("TokenFormat", "The token id does not start with \"tok_\"."));
    if (id.size() != kIdLength)
        return failure(TokenErrorCode::BadIdFormat,
                       QT_TRANSLATE_NOOP("TokenFormat",
                                         "The token id has the wrong length: it is \"tok_\" "
                                         "followed by 20 characters."));
    if (!std::all_of(id.begin() + kIdPrefix.size(), id.end(), isBase32Char))
        return failure(TokenErrorCode::BadIdFormat,
                       QT_TRANSLATE_NOOP("TokenFormat",
                                         "The token id may contain only lower-case letters a-z "
                                         "and digits 2-7 after \"tok_\"."));
    return QString::fromLatin1(id);
}

} // namespace

QString generateId()
{
    RandomBytes random;
    QString id;
    id.reserve(kIdLength);
    id.append(kIdPrefix);
    for (int i = 0; i < kIdRandomLength; ++i)
        id.append(QLatin1Char(kBase32Alphabet[random.next() & 31U]));
    return id;
}

QByteArray generateSecret()
{
    RandomBytes random;
    QByteArray secret;
    secret.reserve(kSecretLength);
    secret.append(kSecretPrefix);
    while (secret.size() < kSecretPrefix.size() + kSecretRandomLength) {
        const unsigned byte = random.next();
        if (byte < kBase62RejectFrom)
            secret.append(kBase62Alphabet[byte % 62U]);
    }
    const auto checksum = checksumChars(secret);
    secret.append(checksum.data(), qsizetype(checksum.size()));
    return secret;
}

TokenCredentials generate()
{
    return TokenCredentials{generateId(), generateSecret()};
}

QByteArray encode(const TokenCredentials &credentials)
{
    QByteArray plain = credentials.id.toLatin1();
    plain.append(':');
    plain.append(credentials.secret);
    QByteArray token = plain.toBase64();
    wipe(plain);
    return token;
}

Result<TokenCredentials, TokenError> decode(QByteArrayView token)
{
    if (token.size() > kMaxInputLength)
        return failure(TokenErrorCode::TooLong,
                       QT_TRANSLATE_NOOP("TokenFormat",
                                         "The token is too long: API tokens have 104 characters."));
    const QByteArrayView text = token.trimmed();
    if (text.isEmpty())
        return failure(TokenErrorCode::Empty,
                       QT_TRANSLATE_NOOP("TokenFormat", "No API token was given."));
    if (auto shapeError = checkBase64Shape(text))
        return fail(std::move(*shapeError));

    auto decodedResult = QByteArray::fromBase64Encoding(
        text.toByteArray(), QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    QByteArray decoded = std::move(decodedResult.decoded);
    // Bits left over in the last character must be zero, so that one token
    // has exactly one spelling.
    QByteArray canonical = decoded.toBase64();
    const bool canonicalMatches = decodedResult && canonical == text;
    wipe(canonical);
    if (!canonicalMatches) {
        wipe(decoded);
        return failure(TokenErrorCode::NotBase64,
                       QT_TRANSLATE_NOOP("TokenFormat", "The token is not valid base64."));
    }

    const auto wipeAndFail = [&decoded](TokenErrorCode code, const char *message) {
        wipe(decoded);
        return failure(code, message);
    };
    for (const char c : std::as_const(decoded)) {
        if (c < 0x21 || c > 0x7E)
            return wipeAndFail(TokenErrorCode::NotText,
                               QT_TRANSLATE_NOOP("TokenFormat",
                                                 "The decoded token is not printable text: it is "
                                                 "not an API token issued by this server."));
    }
    const qsizetype colon = decoded.indexOf(':');
    if (colon < 0)
        return wipeAndFail(TokenErrorCode::MissingSeparator,
                           QT_TRANSLATE_NOOP("TokenFormat",
                                             "The decoded token has no ':' between the id and the "
                                             "secret."));

    const QByteArrayView view(decoded);
    auto id = checkId(view.first(colon));
    if (!id) {
        wipe(decoded);
        return fail(std::move(id).error());
    }
    auto secret = validateSecret(view.sliced(colon + 1));
    wipe(decoded);
    if (!secret)
        return fail(std::move(secret).error());
    return TokenCredentials{std::move(id).value(), std::move(secret).value()};
}

Result<TokenCredentials, TokenError> decodeAuthorizationHeader(QByteArrayView headerValue)
{
    if (headerValue.size() > kMaxInputLength)
        return failure(TokenErrorCode::TooLong,
                       QT_TRANSLATE_NOOP("TokenFormat",
                                         "The Authorization header is too long to hold an API "
                                         "token."));
    const QByteArrayView value = headerValue.trimmed();
    if (value.isEmpty())
        return failure(TokenErrorCode::Empty,
                       QT_TRANSLATE_NOOP("TokenFormat", "The Authorization header is empty."));

    const auto schemeEnd =
        std::find_if(value.begin(), value.end(), [](char c) { return c == ' ' || c == '\t'; });
    const QByteArrayView scheme = value.first(schemeEnd - value.begin());
    if (scheme.compare(QByteArrayView("Basic"), Qt::CaseInsensitive) != 0) {
        // Name the scheme only when it is plainly a scheme name, so a bare
        // token or secret pasted without "Basic" is never echoed back.
        const bool nameable = scheme.size() <= 20
            && std::all_of(scheme.begin(), scheme.end(),
                           [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); });
        if (nameable) {
            return fail(TokenError{
                TokenErrorCode::NotBasicScheme,
                QCoreApplication::translate("TokenFormat",
                                            "The Authorization header uses the %1 scheme: send the "
                                            "API token as \"Basic <token>\".")
                    .arg(QString::fromLatin1(scheme))});
        }
        return failure(TokenErrorCode::NotBasicScheme,
                       QT_TRANSLATE_NOOP("TokenFormat",
                                         "The Authorization header does not use the Basic scheme: "
                                         "send the API token as \"Basic <token>\"."));
    }
    // value is trimmed, so anything after the scheme is a separator followed
    // by at least one other character.
    const QByteArrayView credentials = value.sliced(scheme.size()).trimmed();
    if (credentials.isEmpty())
        return failure(TokenErrorCode::MissingCredentials,
                       QT_TRANSLATE_NOOP("TokenFormat",
                                         "The Authorization header says \"Basic\" but has no "
                                         "token after it."));
    return decode(credentials);
}

Result<QString, TokenError> validateId(QStringView id)
{
    // A non-Latin-1 character cannot be part of an id; '?' keeps it invalid.
    if (id.size() > kMaxInputLength)
        return failure(TokenErrorCode::BadIdFormat,
                       QT_TRANSLATE_NOOP("TokenFormat",
                                         "The token id has the wrong length: it is \"tok_\" "
                                         "followed by 20 characters."));
    QByteArray latin1;
    latin1.reserve(id.size());
    for (const QChar c : id)
        latin1.append(c.unicode() < 0x80 ? static_cast<char>(c.unicode()) : '?');
    return checkId(latin1);
}

Result<QByteArray, TokenError> validateSecret(QByteArrayView secret)
{
    if (secret.isEmpty())
        return failure(TokenErrorCode::BadSecretPrefix,
                       QT_TRANSLATE_NOOP("TokenFormat", "The token has no secret after the ':'."));
    if (!secret.startsWith(kSecretPrefix))
        return failure(
            TokenErrorCode::BadSecretPrefix,
            QT_TRANSLATE_NOOP("TokenFormat", "The secret does not start with \"aas_\"."));
    if (secret.size() != kSecretLength)
        return failure(TokenErrorCode::BadSecretLength,
                       QT_TRANSLATE_NOOP("TokenFormat",
                                         "The secret has the wrong length: it is \"aas_\" followed "
                                         "by 49 characters. It was probably truncated."));
    if (!std::all_of(secret.begin() + kSecretPrefix.size(), secret.end(), isBase62Char))
        return failure(TokenErrorCode::BadSecretCharacters,
                       QT_TRANSLATE_NOOP("TokenFormat",
                                         "The secret may contain only letters A-Z, a-z and digits "
                                         "0-9 after \"aas_\"."));
    const qsizetype payload = kSecretPrefix.size() + kSecretRandomLength;
    const auto expected = checksumChars(secret.first(payload));
    if (!constantTimeEquals(QByteArrayView(expected.data(), qsizetype(expected.size())),
                            secret.sliced(payload)))
        return failure(TokenErrorCode::ChecksumMismatch,
                       QT_TRANSLATE_NOOP("TokenFormat",
                                         "The token's checksum does not match: it was probably "
                                         "mistyped or truncated."));
    return secret.toByteArray();
}

QString leakedTokenPattern()
{
    // base64 maps each 3 bytes to 4 characters, and the id and secret have
    // fixed lengths, so some characters of every token are fixed:
    //   bytes 0-2  "tok" -> "dG9r";  byte 3 '_' -> "X" (its top 6 bits)
    //   bytes 24-26 ":aa" -> "OmFh"; bytes 27-28 "s_" -> "c1" then '8' or '9'
    //     (the rest of '_' and the top 2 bits of a base62 character, 00 or 01)
    // 104 characters in all, no padding.
    return u"(?<![A-Za-z0-9+/])dG9rX[A-Za-z0-9+/]{27}OmFhc1[89][A-Za-z0-9+/]{65}(?![A-Za-z0-9+/=])"_s;
}

QString leakedSecretPattern()
{
    return u"(?<![A-Za-z0-9_])aas_[0-9A-Za-z]{49}(?![0-9A-Za-z])"_s;
}

QList<LeakMatch> findLeakedTokens(QStringView text)
{
    // One compiled copy per thread: matching never shares mutable state.
    thread_local const QRegularExpression tokenPattern(leakedTokenPattern());
    thread_local const QRegularExpression secretPattern(leakedSecretPattern());

    QList<LeakMatch> matches;
    auto tokens = tokenPattern.globalMatch(text);
    while (tokens.hasNext()) {
        const auto match = tokens.next();
        QByteArray candidate = match.capturedView().toLatin1();
        if (decode(candidate).ok())
            matches.append(LeakMatch{match.capturedStart(), match.capturedLength(), true});
        wipe(candidate);
    }
    auto secrets = secretPattern.globalMatch(text);
    while (secrets.hasNext()) {
        const auto match = secrets.next();
        QByteArray candidate = match.capturedView().toLatin1();
        if (validateSecret(candidate).ok())
            matches.append(LeakMatch{match.capturedStart(), match.capturedLength(), false});
        wipe(candidate);
    }
    std::sort(matches.begin(), matches.end(),
              [](const LeakMatch &a, const LeakMatch &b) { return a.offset < b.offset; });
    return matches;
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    // Walk the longer input in full whatever the contents; the only branches
    // depend on the lengths. volatile keeps the compiler from turning the
    // accumulation into an early exit.
    const qsizetype length = std::max(a.size(), b.size());
    volatile unsigned char difference = a.size() == b.size() ? 0U : 1U;
    for (qsizetype i = 0; i < length; ++i) {
        const auto x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0U;
        const auto y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0U;
        difference = static_cast<unsigned char>(difference | (x ^ y));
    }
    return difference == 0U;
}

} // namespace ApiAccess::TokenFormat
