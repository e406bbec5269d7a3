// Test rows stream concatenations into QTest::newRow(), which needs real
// QByteArray / QString values rather than QStringBuilder expressions.
#undef QT_USE_QSTRINGBUILDER

#include "token/Crc32.h"
#include "token/TokenFormat.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <array>
#include <cstdint>

using namespace ApiAccess;
using namespace Qt::StringLiterals;

namespace {

// An independent, bitwise CRC-32 (zlib's): the implementation under test uses a table.
std::uint32_t referenceCrc32(QByteArrayView data)
{
    std::uint32_t crc = 0xFFFFFFFFU;
    for (const char c : data) {
        crc ^= static_cast<unsigned char>(c);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xEDB88320U & (0U - (crc & 1U)));
    }
    return ~crc;
}

const QByteArray kBase62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"_ba;
const QByteArray kBase32 = "abcdefghijklmnopqrstuvwxyz234567"_ba;

QByteArray referenceBase62(std::uint32_t value)
{
    QByteArray digits(6, '0');
    for (qsizetype i = 5; i >= 0; --i) {
        digits[i] = kBase62.at(value % 62U);
        value /= 62U;
    }
    return digits;
}

// "aas_" + random part + checksum, computed here without the code under test.
QByteArray secretWithChecksum(const QByteArray &randomPart)
{
    const QByteArray payload = "aas_"_ba + randomPart;
    return payload + referenceBase62(referenceCrc32(payload));
}

// The known vector: worked out independently (Python: zlib.crc32, base64).
const QString kKnownId = u"tok_abcdefghijklmnopqrst"_s;
const QByteArray kKnownRandom = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefg"_ba;
const QByteArray kKnownSecret = "aas_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefg17gXFX"_ba;
const QByteArray kKnownToken =
    "dG9rX2FiY2RlZmdoaWprbG1ub3BxcnN0OmFhc18wMTIzNDU2Nzg5QUJDREVGR0hJSktMTU5"
    "PUFFSU1RVVldYWVphYmNkZWZnMTdnWEZY"_ba;

QByteArray b64(const QByteArray &plain)
{
    return plain.toBase64();
}

QByteArray knownPlain(const QByteArray &id, const QByteArray &secret)
{
    return id + ':' + secret;
}

QByteArray replaced(QByteArray bytes, qsizetype index, char c)
{
    bytes[index] = c;
    return bytes;
}

QByteArray swapped(QByteArray bytes, qsizetype index)
{
    std::swap(bytes[index], bytes[index + 1]);
    return bytes;
}

QByteArray inserted(QByteArray bytes, qsizetype index, const QByteArray &what)
{
    return bytes.insert(index, what);
}

// A base62 character other than c.
char otherBase62(char c)
{
    return c == 'A' ? 'B' : 'A';
}

QString codeName(TokenErrorCode code)
{
    switch (code) {
    case TokenErrorCode::Empty:
        return u"Empty"_s;
    case TokenErrorCode::TooLong:
        return u"TooLong"_s;
    case TokenErrorCode::NotBasicScheme:
        return u"NotBasicScheme"_s;
    case TokenErrorCode::MissingCredentials:
        return u"MissingCredentials"_s;
    case TokenErrorCode::NotBase64:
        return u"NotBase64"_s;
    case TokenErrorCode::NotText:
        return u"NotText"_s;
    case TokenErrorCode::MissingSeparator:
        return u"MissingSeparator"_s;
    case TokenErrorCode::BadIdFormat:
        return u"BadIdFormat"_s;
    case TokenErrorCode::BadSecretPrefix:
        return u"BadSecretPrefix"_s;
    case TokenErrorCode::BadSecretLength:
        return u"BadSecretLength"_s;
    case TokenErrorCode::BadSecretCharacters:
        return u"BadSecretCharacters"_s;
    case TokenErrorCode::ChecksumMismatch:
        return u"ChecksumMismatch"_s;
    }
    return u"?"_s;
}

// No 8-character piece of the secret, nor the token or header, may appear in a message.
void verifyMessageHidesSecrets(const QString &message, const QByteArray &input,
                               const QByteArray &secret)
{
    QVERIFY(!message.isEmpty());
    const QByteArray trimmed = input.trimmed();
    if (trimmed.size() >= 8)
        QVERIFY2(!message.contains(QLatin1StringView(trimmed)), qPrintable(message));
    const QByteArray secrets[] = {secret, kKnownSecret};
    for (const QByteArray &s : secrets) {
        for (qsizetype i = 4; i + 8 <= s.size(); ++i)
            QVERIFY2(!message.contains(QLatin1StringView(s.mid(i, 8))), qPrintable(message));
    }
}

QString describe(const QList<TokenFormat::LeakMatch> &matches)
{
    QStringList parts;
    for (const auto &m : matches)
        parts << u"%1:%2:%3"_s.arg(m.offset).arg(m.length).arg(QChar(m.isFullToken ? u'T' : u'S'));
    return parts.join(u';');
}

} // namespace

class TestTokenFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void constantsAreConsistent()
    {
        using namespace TokenFormat;
        QCOMPARE(kIdLength, kIdPrefix.size() + kIdRandomLength);
        QCOMPARE(kSecretLength, kSecretPrefix.size() + kSecretRandomLength + kSecretChecksumLength);
        QCOMPARE(kTokenLength, (kIdLength + 1 + kSecretLength) / 3 * 4);
        QCOMPARE((kIdLength + 1 + kSecretLength) % 3, 0); // no padding
    }

    void referenceCrcIsZlibs()
    {
        QCOMPARE(referenceCrc32("123456789"), 0xCBF43926U);
        QCOMPARE(referenceCrc32(""), 0U);
        QCOMPARE(referenceBase62(0xCBF43926U), "3jZRME"_ba);
        QCOMPARE(referenceCrc32("aas_"_ba + kKnownRandom), 0x3D600C47U);
    }

    void crc32_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<quint32>("crc");

        QByteArray allBytes(256, Qt::Uninitialized);
        for (int i = 0; i < 256; ++i)
            allBytes[i] = static_cast<char>(i);

        QTest::newRow("empty") << QByteArray() << quint32(0);
        QTest::newRow("a") << "a"_ba << quint32(0xE8B7BE43U);
        QTest::newRow("check value") << "123456789"_ba << quint32(0xCBF43926U);
        QTest::newRow("fox") << "The quick brown fox jumps over the lazy dog"_ba
                             << quint32(0x414FA339U);
        QTest::newRow("32 zero bytes") << QByteArray(32, '\0') << quint32(0x190A55ADU);
        QTest::newRow("bytes 0-255") << allBytes << quint32(0x29058C73U);
        QTest::newRow("known secret payload") << "aas_"_ba + kKnownRandom << quint32(0x3D600C47U);
    }

    void crc32()
    {
        QFETCH(QByteArray, data);
        QFETCH(quint32, crc);
        QCOMPARE(ApiAccess::crc32(data), crc);
        QCOMPARE(referenceCrc32(data), crc);
    }

    void crc32MatchesReferenceOnRandomInput()
    {
        QRandomGenerator random(7);
        for (int i = 0; i < 200; ++i) {
            QByteArray bytes(static_cast<qsizetype>(random.bounded(100)), Qt::Uninitialized);
            for (char &b : bytes)
                b = static_cast<char>(random.bounded(256));
            QCOMPARE(ApiAccess::crc32(bytes), referenceCrc32(bytes));
        }
    }

    void knownVector()
    {
        QCOMPARE(secretWithChecksum(kKnownRandom), kKnownSecret);
        const TokenCredentials known{kKnownId, kKnownSecret};
        QCOMPARE(TokenFormat::encode(known), kKnownToken);
        const auto validated = TokenFormat::validateSecret(kKnownSecret);
        QVERIFY(validated.ok());
        QCOMPARE(validated.value(), kKnownSecret);
        const auto decoded = TokenFormat::decode(kKnownToken);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->id, kKnownId);
        QCOMPARE(decoded->secret, kKnownSecret);
    }

    void generatedShapes()
    {
        const QRegularExpression idShape(u"\\Atok_[a-z2-7]{20}\\z"_s);
        const QRegularExpression secretShape(u"\\Aaas_[0-9A-Za-z]{49}\\z"_s);
        for (int i = 0; i < 500; ++i) {
            const TokenCredentials c = TokenFormat::generate();
            QVERIFY2(idShape.match(c.id).hasMatch(), qPrintable(c.id));
            QVERIFY(secretShape.match(QString::fromLatin1(c.secret)).hasMatch());
            QCOMPARE(c.id.size(), TokenFormat::kIdLength);
            QCOMPARE(c.secret.size(), TokenFormat::kSecretLength);
            const QByteArray payload = c.secret.first(47);
            QCOMPARE(c.secret.sliced(47), referenceBase62(referenceCrc32(payload)));
            QVERIFY(TokenFormat::validateId(c.id).ok());
            QVERIFY(TokenFormat::validateSecret(c.secret).ok());
            const QByteArray token = TokenFormat::encode(c);
            QCOMPARE(token.size(), TokenFormat::kTokenLength);
            QVERIFY(!token.contains('='));
            QCOMPARE(QByteArray::fromBase64(token), c.id.toLatin1() + ':' + c.secret);
        }
        QCOMPARE(TokenFormat::generateId().size(), TokenFormat::kIdLength);
        QCOMPARE(TokenFormat::generateSecret().size(), TokenFormat::kSecretLength);
    }

    void generatedValuesAreUnique()
    {
        QSet<QString> ids;
        QSet<QByteArray> secrets;
        for (int i = 0; i < 10000; ++i) {
            ids.insert(TokenFormat::generateId());
            secrets.insert(TokenFormat::generateSecret());
        }
        QCOMPARE(ids.size(), 10000);
        QCOMPARE(secrets.size(), 10000);
    }

    void characterDistribution()
    {
        // 1000 secrets draw 43,000 characters: ~694 of each of 62. The bounds
        // sit about 7 standard deviations out, so only a biased or broken
        // generator fails; a missing character class fails at once.
        std::array<int, 256> secretCounts{};
        std::array<int, 256> idCounts{};
        for (int i = 0; i < 1000; ++i) {
            const QByteArray secret = TokenFormat::generateSecret();
            for (const char c : secret.sliced(4, TokenFormat::kSecretRandomLength))
                ++secretCounts[static_cast<unsigned char>(c)];
            for (const QChar c : TokenFormat::generateId().sliced(4))
                ++idCounts[c.unicode() & 0xFFU];
        }
        for (const char c : kBase62) {
            const int n = secretCounts[static_cast<unsigned char>(c)];
            QVERIFY2(n > 500 && n < 900,
                     qPrintable(u"'%1' drawn %2 times"_s.arg(QLatin1Char(c)).arg(n)));
        }
        for (const char c : kBase32) {
            const int n = idCounts[static_cast<unsigned char>(c)];
            QVERIFY2(n > 450 && n < 800,
                     qPrintable(u"'%1' drawn %2 times"_s.arg(QLatin1Char(c)).arg(n)));
        }
    }

    void roundTrip()
    {
        for (int i = 0; i < 1000; ++i) {
            const TokenCredentials c = TokenFormat::generate();
            const QByteArray token = TokenFormat::encode(c);
            const auto decoded = TokenFormat::decode(token);
            QVERIFY(decoded.ok());
            QCOMPARE(decoded.value(), c);
            const auto viaHeader = TokenFormat::decodeAuthorizationHeader("Basic "_ba + token);
            QVERIFY(viaHeader.ok());
            QCOMPARE(viaHeader.value(), c);
        }
    }

    void decodeAccepts_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::newRow("plain") << kKnownToken;
        QTest::newRow("surrounding spaces") << "  "_ba + kKnownToken + "  "_ba;
        QTest::newRow("trailing newline") << kKnownToken + "\r\n"_ba;
        QTest::newRow("leading tab") << "\t"_ba + kKnownToken;
    }

    void decodeAccepts()
    {
        QFETCH(QByteArray, input);
        const auto decoded = TokenFormat::decode(input);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded.value(), (TokenCredentials{kKnownId, kKnownSecret}));
    }

    void decodeFailures_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<TokenErrorCode>("code");
        QTest::addColumn<QByteArray>("secret"); // what the message must not reveal

        const QByteArray id = kKnownId.toLatin1();
        const QByteArray s = kKnownSecret;
        const QByteArray t = kKnownToken;
        using C = TokenErrorCode;

        QTest::newRow("empty") << QByteArray() << C::Empty << QByteArray();
        QTest::newRow("white space only") << " \t\r\n "_ba << C::Empty << QByteArray();
        QTest::newRow("too long") << QByteArray(513, 'A') << C::TooLong << QByteArray();
        QTest::newRow("too long, limit before trimming")
            << t + QByteArray(409, ' ') << C::TooLong << s;
        QTest::newRow("512 bytes is decoded") << QByteArray(512, 'A') << C::NotText << QByteArray();

        QTest::newRow("star") << replaced(t, 10, '*') << C::NotBase64 << s;
        QTest::newRow("non-ASCII byte") << replaced(t, 10, '\xE9') << C::NotBase64 << s;
        QTest::newRow("NUL byte") << replaced(t, 10, '\0') << C::NotBase64 << s;
        QTest::newRow("url-safe minus") << replaced(t, 10, '-') << C::NotBase64 << s;
        QTest::newRow("url-safe underscore") << replaced(t, 10, '_') << C::NotBase64 << s;
        QTest::newRow("inner space") << inserted(t, 52, " "_ba) << C::NotBase64 << s;
        QTest::newRow("inner newline") << inserted(t, 76, "\n"_ba) << C::NotBase64 << s;
        QTest::newRow("missing padding, 2 chars") << "QQ"_ba << C::NotBase64 << QByteArray();
        QTest::newRow("missing padding, 3 chars") << "QUI"_ba << C::NotBase64 << QByteArray();
        QTest::newRow("truncated token") << t.first(103) << C::NotBase64 << s;
        QTest::newRow("short padding") << "QQ="_ba << C::NotBase64 << QByteArray();
        QTest::newRow("three padding") << "Q==="_ba << C::NotBase64 << QByteArray();
        QTest::newRow("padding first") << "=QQQ"_ba << C::NotBase64 << QByteArray();
        QTest::newRow("data after padding") << "QQ==QQ=="_ba << C::NotBase64 << QByteArray();
        QTest::newRow("only padding") << "===="_ba << C::NotBase64 << QByteArray();
        QTest::newRow("non-canonical bits") << "QR=="_ba << C::NotBase64 << QByteArray();

        QTest::newRow("control char") << b64("tok_\x01"_ba + ':' + s) << C::NotText << s;
        QTest::newRow("space inside") << b64("tok_ab cd:"_ba + s) << C::NotText << s;
        QTest::newRow("DEL") << b64(id + ":\x7F"_ba + s) << C::NotText << s;
        QTest::newRow("UTF-8") << b64(u"tok_é:"_s.toUtf8() + s) << C::NotText << s;
        QTest::newRow("NUL decoded") << b64(id + ":"_ba + s + '\0') << C::NotText << s;

        QTest::newRow("no colon") << b64(id + s) << C::MissingSeparator << s;
        QTest::newRow("no colon, secret only") << b64(s) << C::MissingSeparator << s;

        QTest::newRow("empty id") << b64(knownPlain("", s)) << C::BadIdFormat << s;
        QTest::newRow("wrong id prefix")
            << b64(knownPlain("tik_abcdefghijklmnopqrst", s)) << C::BadIdFormat << s;
        QTest::newRow("id prefix upper case")
            << b64(knownPlain("TOK_abcdefghijklmnopqrst", s)) << C::BadIdFormat << s;
        QTest::newRow("id prefix only") << b64(knownPlain("tok_", s)) << C::BadIdFormat << s;
        QTest::newRow("id 19 chars")
            << b64(knownPlain("tok_abcdefghijklmnopqrs", s)) << C::BadIdFormat << s;
        QTest::newRow("id 21 chars")
            << b64(knownPlain("tok_abcdefghijklmnopqrstu", s)) << C::BadIdFormat << s;
        QTest::newRow("id upper case")
            << b64(knownPlain("tok_ABCDEFGHIJKLMNOPQRST", s)) << C::BadIdFormat << s;
        QTest::newRow("id digit 1")
            << b64(knownPlain("tok_abcdefghijklmnopqrs1", s)) << C::BadIdFormat << s;
        QTest::newRow("id digit 8")
            << b64(knownPlain("tok_abcdefghijklmnopqrs8", s)) << C::BadIdFormat << s;
        QTest::newRow("bad id wins over bad secret")
            << b64(knownPlain("tok_x", "aas_x")) << C::BadIdFormat << QByteArray();

        QTest::newRow("empty secret") << b64(id + ':') << C::BadSecretPrefix << QByteArray();
        QTest::newRow("secret prefix aaz_")
            << b64(knownPlain(id, replaced(s, 2, 'z'))) << C::BadSecretPrefix << s;
        QTest::newRow("secret prefix upper case")
            << b64(knownPlain(id, "AAS_"_ba + s.sliced(4))) << C::BadSecretPrefix << s;
        QTest::newRow("secret prefix aas-")
            << b64(knownPlain(id, replaced(s, 3, '-'))) << C::BadSecretPrefix << s;
        QTest::newRow("secret prefix missing")
            << b64(knownPlain(id, s.sliced(4))) << C::BadSecretPrefix << s;

        QTest::newRow("secret prefix only")
            << b64(knownPlain(id, "aas_")) << C::BadSecretLength << QByteArray();
        QTest::newRow("secret one short")
            << b64(knownPlain(id, s.first(52))) << C::BadSecretLength << s;
        QTest::newRow("secret one long") << b64(knownPlain(id, s + 'A')) << C::BadSecretLength << s;
        QTest::newRow("secret without checksum")
            << b64(knownPlain(id, s.first(47))) << C::BadSecretLength << s;
        QTest::newRow("secret doubled") << b64(knownPlain(id, s + s)) << C::BadSecretLength << s;

        QTest::newRow("secret with minus")
            << b64(knownPlain(id, replaced(s, 10, '-'))) << C::BadSecretCharacters << s;
        QTest::newRow("secret with second colon")
            << b64(knownPlain(id, replaced(s, 20, ':'))) << C::BadSecretCharacters << s;
        QTest::newRow("secret with underscore")
            << b64(knownPlain(id, replaced(s, 30, '_'))) << C::BadSecretCharacters << s;
        QTest::newRow("checksum with plus")
            << b64(knownPlain(id, replaced(s, 50, '+'))) << C::BadSecretCharacters << s;

        QTest::newRow("random char changed")
            << b64(knownPlain(id, replaced(s, 4, otherBase62(s[4])))) << C::ChecksumMismatch << s;
        QTest::newRow("last random char changed")
            << b64(knownPlain(id, replaced(s, 46, otherBase62(s[46])))) << C::ChecksumMismatch << s;
        QTest::newRow("checksum char changed")
            << b64(knownPlain(id, replaced(s, 52, otherBase62(s[52])))) << C::ChecksumMismatch << s;
        QTest::newRow("adjacent chars swapped")
            << b64(knownPlain(id, swapped(s, 20))) << C::ChecksumMismatch << s;
        QTest::newRow("checksum chars swapped")
            << b64(knownPlain(id, swapped(s, 49))) << C::ChecksumMismatch << s;
        QTest::newRow("case changed")
            << b64(knownPlain(id, replaced(s, 30, 'q'))) << C::ChecksumMismatch << s;
        const QByteArray other =
            secretWithChecksum("ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut"_ba);
        QTest::newRow("checksum of another secret")
            << b64(knownPlain(id, s.first(47) + other.sliced(47))) << C::ChecksumMismatch << s;
        QTest::newRow("checksum all zero")
            << b64(knownPlain(id, s.first(47) + "000000"_ba)) << C::ChecksumMismatch << s;
    }

    void decodeFailures()
    {
        QFETCH(QByteArray, input);
        QFETCH(TokenErrorCode, code);

        const auto decoded = TokenFormat::decode(input);
        QVERIFY(!decoded.ok());
        QCOMPARE(codeName(decoded.error().code), codeName(code));
        QVERIFY(!decoded.error().message.isEmpty());
    }

    void failureMessagesNeverContainSecrets_data() { decodeFailures_data(); }

    void failureMessagesNeverContainSecrets()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, secret);

        const auto decoded = TokenFormat::decode(input);
        QVERIFY(!decoded.ok());
        verifyMessageHidesSecrets(decoded.error().message, input, secret);
        const QByteArray header = "Basic "_ba + input;
        const auto viaHeader = TokenFormat::decodeAuthorizationHeader(header);
        QVERIFY(!viaHeader.ok());
        verifyMessageHidesSecrets(viaHeader.error().message, header, secret);
        // A secret that is also its own checksum-valid string must not leak either.
        const auto bare = TokenFormat::validateSecret(secret);
        if (!bare.ok())
            verifyMessageHidesSecrets(bare.error().message, secret, secret);
    }

    void checksumMessageIsSpecific()
    {
        const auto decoded =
            TokenFormat::decode(b64(knownPlain(kKnownId.toLatin1(), swapped(kKnownSecret, 20))));
        QVERIFY(!decoded.ok());
        QVERIFY(decoded.error().message.contains(u"checksum"_s));
        QVERIFY(decoded.error().message.contains(u"mistyped"_s));
    }

    void authorizationHeader_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<TokenErrorCode>("code");
        QTest::addColumn<QString>("named"); // the message names this, if not empty

        const QByteArray t = kKnownToken;
        using C = TokenErrorCode;
        const QString none;

        QTest::newRow("Basic") << "Basic "_ba + t << true << C::Empty << none;
        QTest::newRow("basic") << "basic "_ba + t << true << C::Empty << none;
        QTest::newRow("BASIC") << "BASIC "_ba + t << true << C::Empty << none;
        QTest::newRow("bAsIc") << "bAsIc "_ba + t << true << C::Empty << none;
        QTest::newRow("several spaces") << "Basic    "_ba + t << true << C::Empty << none;
        QTest::newRow("tab") << "Basic\t"_ba + t << true << C::Empty << none;
        QTest::newRow("leading and trailing white space")
            << "  Basic "_ba + t + " \r\n"_ba << true << C::Empty << none;

        QTest::newRow("Bearer") << "Bearer "_ba + t << false << C::NotBasicScheme << u"Bearer"_s;
        QTest::newRow("Bearer alone") << "Bearer"_ba << false << C::NotBasicScheme << u"Bearer"_s;
        QTest::newRow("Digest") << "Digest username=\"tok_abcdefghijklmnopqrst\", response=\"x\""_ba
                                << false << C::NotBasicScheme << u"Digest"_s;
        QTest::newRow("token without scheme") << t << false << C::NotBasicScheme << none;
        QTest::newRow("secret without scheme")
            << kKnownSecret << false << C::NotBasicScheme << none;
        QTest::newRow("no space after Basic")
            << "Basic"_ba + t << false << C::NotBasicScheme << none;
        QTest::newRow("Basic with colon") << "Basic: "_ba + t << false << C::NotBasicScheme << none;
        QTest::newRow("Basic alone") << "Basic"_ba << false << C::MissingCredentials << none;
        QTest::newRow("Basic and spaces")
            << "Basic   "_ba << false << C::MissingCredentials << none;
        QTest::newRow("basic and tab") << "basic\t"_ba << false << C::MissingCredentials << none;
        QTest::newRow("empty") << QByteArray() << false << C::Empty << none;
        QTest::newRow("spaces") << "   "_ba << false << C::Empty << none;
        QTest::newRow("too long") << "Basic "_ba + QByteArray(600, 'A') << false << C::TooLong
                                  << none;
        QTest::newRow("Basic, bad checksum")
            << "Basic "_ba + b64(knownPlain(kKnownId.toLatin1(), swapped(kKnownSecret, 20)))
            << false << C::ChecksumMismatch << none;
        QTest::newRow("Basic, trailing word")
            << "Basic "_ba + t + " x"_ba << false << C::NotBase64 << none;
        QTest::newRow("Basic twice") << "Basic Basic "_ba + t << false << C::NotBase64 << none;
    }

    void authorizationHeader()
    {
        QFETCH(QByteArray, header);
        QFETCH(bool, ok);
        QFETCH(TokenErrorCode, code);
        QFETCH(QString, named);

        const auto decoded = TokenFormat::decodeAuthorizationHeader(header);
        QCOMPARE(decoded.ok(), ok);
        if (ok) {
            QCOMPARE(decoded.value(), (TokenCredentials{kKnownId, kKnownSecret}));
            return;
        }
        QCOMPARE(codeName(decoded.error().code), codeName(code));
        verifyMessageHidesSecrets(decoded.error().message, header, kKnownSecret);
        QVERIFY(!decoded.error().message.contains(QLatin1StringView(kKnownToken)));
        if (!named.isEmpty())
            QVERIFY2(decoded.error().message.contains(named), qPrintable(decoded.error().message));
    }

    void validateId_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("ok");

        QTest::newRow("known") << kKnownId << true;
        QTest::newRow("all digits") << u"tok_23456723456723456723"_s.first(24) << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("prefix only") << u"tok_"_s << false;
        QTest::newRow("upper case") << u"tok_ABCDEFGHIJKLMNOPQRST"_s << false;
        QTest::newRow("prefix upper case") << u"TOK_abcdefghijklmnopqrst"_s << false;
        QTest::newRow("short") << u"tok_abcdefghijklmnopqrs"_s << false;
        QTest::newRow("long") << u"tok_abcdefghijklmnopqrstu"_s << false;
        QTest::newRow("digit 0") << u"tok_abcdefghijklmnopqrs0"_s << false;
        QTest::newRow("digit 9") << u"tok_abcdefghijklmnopqrs9"_s << false;
        QTest::newRow("non-Latin-1") << u"tok_abcdefghijklmnopqrs\u4e00"_s << false;
        QTest::newRow("accented") << u"tok_abcdefghijklmnopqrs\u00e9"_s << false;
        QTest::newRow("secret prefix") << u"aas_abcdefghijklmnopqrst"_s << false;
        QTest::newRow("space") << u"tok_abcdefghij lmnopqrst"_s << false;
        QTest::newRow("huge") << QString(100000, u'a') << false;
    }

    void validateId()
    {
        QFETCH(QString, id);
        QFETCH(bool, ok);
        const auto result = TokenFormat::validateId(id);
        QCOMPARE(result.ok(), ok);
        if (ok)
            QCOMPARE(result.value(), id);
        else
            QCOMPARE(codeName(result.error().code), codeName(TokenErrorCode::BadIdFormat));
    }

    void validateSecret_data()
    {
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<TokenErrorCode>("code");
        using C = TokenErrorCode;
        const QByteArray s = kKnownSecret;

        QTest::newRow("known") << s << true << C::Empty;
        QTest::newRow("all zero random part")
            << secretWithChecksum(QByteArray(43, '0')) << true << C::Empty;
        QTest::newRow("all z random part")
            << secretWithChecksum(QByteArray(43, 'z')) << true << C::Empty;
        QTest::newRow("empty") << QByteArray() << false << C::BadSecretPrefix;
        QTest::newRow("wrong prefix") << "bas_"_ba + s.sliced(4) << false << C::BadSecretPrefix;
        QTest::newRow("token id instead") << kKnownId.toLatin1() << false << C::BadSecretPrefix;
        QTest::newRow("short") << s.first(52) << false << C::BadSecretLength;
        QTest::newRow("long") << s + '0' << false << C::BadSecretLength;
        QTest::newRow("with newline") << s + '\n' << false << C::BadSecretLength;
        QTest::newRow("bad char") << replaced(s, 8, '/') << false << C::BadSecretCharacters;
        QTest::newRow("non-ASCII") << replaced(s, 8, '\xC3') << false << C::BadSecretCharacters;
        QTest::newRow("NUL") << replaced(s, 8, '\0') << false << C::BadSecretCharacters;
        QTest::newRow("one char off")
            << replaced(s, 8, otherBase62(s[8])) << false << C::ChecksumMismatch;
        QTest::newRow("swapped") << swapped(s, 10) << false << C::ChecksumMismatch;
        QTest::newRow("checksum off")
            << replaced(s, 47, otherBase62(s[47])) << false << C::ChecksumMismatch;
    }

    void validateSecret()
    {
        QFETCH(QByteArray, secret);
        QFETCH(bool, ok);
        QFETCH(TokenErrorCode, code);
        const auto result = TokenFormat::validateSecret(secret);
        QCOMPARE(result.ok(), ok);
        if (ok) {
            QCOMPARE(result.value(), secret);
            return;
        }
        QCOMPARE(codeName(result.error().code), codeName(code));
        verifyMessageHidesSecrets(result.error().message, secret, secret);
    }

    void leakedTokenPatternMatchesEveryToken()
    {
        const QRegularExpression tokenPattern(
            QRegularExpression::anchoredPattern(TokenFormat::leakedTokenPattern()));
        const QRegularExpression secretPattern(
            QRegularExpression::anchoredPattern(TokenFormat::leakedSecretPattern()));
        QVERIFY(tokenPattern.isValid());
        QVERIFY(secretPattern.isValid());
        QVERIFY(tokenPattern.match(QLatin1StringView(kKnownToken)).hasMatch());
        for (int i = 0; i < 1000; ++i) {
            const TokenCredentials c = TokenFormat::generate();
            const QString token = QString::fromLatin1(TokenFormat::encode(c));
            QVERIFY2(tokenPattern.match(token).hasMatch(), qPrintable(token));
            QVERIFY(secretPattern.match(QString::fromLatin1(c.secret)).hasMatch());
        }
    }

    void leakedTokenPatternRejectsRandomBase64()
    {
        // Same length and alphabet, but not a token: the fixed characters
        // make a chance match about one in 2^40.
        QRandomGenerator random(20240601);
        const QRegularExpression tokenPattern(TokenFormat::leakedTokenPattern());
        int matches = 0;
        for (int i = 0; i < 10000; ++i) {
            QByteArray bytes(78, Qt::Uninitialized);
            for (char &b : bytes)
                b = static_cast<char>(random.bounded(256));
            const QString text = QString::fromLatin1(bytes.toBase64());
            QCOMPARE(text.size(), 104);
            if (tokenPattern.match(text).hasMatch())
                ++matches;
            QVERIFY(TokenFormat::findLeakedTokens(text).isEmpty());
        }
        QCOMPARE(matches, 0);
    }

    void leakedPatternsMatchButChecksumFilters()
    {
        // A near miss matches the pattern; only the checksum keeps it out.
        const QByteArray nearSecret = replaced(kKnownSecret, 30, otherBase62(kKnownSecret[30]));
        const QString nearToken =
            QString::fromLatin1(TokenFormat::encode(TokenCredentials{kKnownId, nearSecret}));
        QVERIFY(QRegularExpression(TokenFormat::leakedTokenPattern()).match(nearToken).hasMatch());
        QVERIFY(QRegularExpression(TokenFormat::leakedSecretPattern())
                    .match(QString::fromLatin1(nearSecret))
                    .hasMatch());
        QVERIFY(TokenFormat::findLeakedTokens(nearToken).isEmpty());
        QVERIFY(TokenFormat::findLeakedTokens(QString::fromLatin1(nearSecret)).isEmpty());
    }

    void findLeakedTokens_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // offset:length:T(oken)|S(ecret); ...

        const QString t = QString::fromLatin1(kKnownToken);
        const QString s = QString::fromLatin1(kKnownSecret);
        const QString id = kKnownId;
        const TokenCredentials other = TokenFormat::generate();
        const QString t2 = QString::fromLatin1(TokenFormat::encode(other));
        const QString nearS =
            QString::fromLatin1(replaced(kKnownSecret, 30, otherBase62(kKnownSecret[30])));
        const QString nearT =
            QString::fromLatin1(TokenFormat::encode(TokenCredentials{kKnownId, nearS.toLatin1()}));

        QTest::newRow("nothing") << u"no secrets here"_s << QString();
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("token alone") << t << u"0:104:T"_s;
        QTest::newRow("header") << u"Authorization: Basic "_s + t + u"\n"_s << u"21:104:T"_s;
        QTest::newRow("JSON") << u"{\"token\":\""_s + t + u"\"}"_s << u"10:104:T"_s;
        QTest::newRow("secret alone") << s << u"0:53:S"_s;
        QTest::newRow("curl -u") << u"curl -u "_s + id + u":"_s + s + u" https://x"_s
                                 << u"33:53:S"_s;
        QTest::newRow("env file") << u"API_SECRET=\""_s + s + u"\"\n"_s << u"12:53:S"_s;
        QTest::newRow("secret then token") << s + u" and "_s + t << u"0:53:S;58:104:T"_s;
        QTest::newRow("two tokens") << t + u" "_s + t2 << u"0:104:T;105:104:T"_s;
        QTest::newRow("non-ASCII around") << u"Schl\u00fcssel \u2192 "_s + t << u"12:104:T"_s;
        QTest::newRow("near-miss token") << u"Basic "_s + nearT << QString();
        QTest::newRow("near-miss secret") << u"pw="_s + nearS << QString();
        QTest::newRow("near miss next to real") << nearS + u" "_s + s << u"54:53:S"_s;
        QTest::newRow("token inside longer base64") << u"A"_s + t << QString();
        QTest::newRow("token followed by base64") << t + u"A"_s << QString();
        QTest::newRow("token followed by padding") << t + u"=="_s << QString();
        QTest::newRow("truncated token") << t.first(100) << QString();
        QTest::newRow("secret inside identifier") << u"x"_s + s << QString();
        QTest::newRow("secret after underscore") << u"my_"_s + s << QString();
        QTest::newRow("secret followed by letter") << s + u"x"_s << QString();
        QTest::newRow("secret followed by dot") << s + u"."_s << u"0:53:S"_s;
        QTest::newRow("truncated secret") << s.first(52) << QString();
    }

    void findLeakedTokens()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(describe(TokenFormat::findLeakedTokens(text)), expected);
    }

    void constantTimeEquals_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<bool>("equal");

        QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
        QTest::newRow("same") << kKnownSecret << QByteArray(kKnownSecret) << true;
        QTest::newRow("empty vs not") << QByteArray() << "a"_ba << false;
        QTest::newRow("not vs empty") << "a"_ba << QByteArray() << false;
        QTest::newRow("first differs") << "xbcdef"_ba
                                       << "abcdef"_ba << false;
        QTest::newRow("last differs") << "abcdex"_ba
                                      << "abcdef"_ba << false;
        QTest::newRow("one bit") << "abc\x01"_ba
                                 << "abc\x00"_ba << false;
        QTest::newRow("prefix") << "abc"_ba
                                << "abcd"_ba << false;
        QTest::newRow("trailing NUL") << "abc"_ba << QByteArray("abc\0", 4) << false;
        QTest::newRow("embedded NUL same")
            << QByteArray("a\0b", 3) << QByteArray("a\0b", 3) << true;
        QTest::newRow("embedded NUL differs")
            << QByteArray("a\0b", 3) << QByteArray("a\0c", 3) << false;
        QTest::newRow("high bytes") << "\xff\x80"_ba
                                    << "\xff\x80"_ba << true;
    }

    void constantTimeEquals()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(bool, equal);
        QCOMPARE(TokenFormat::constantTimeEquals(a, b), equal);
        QCOMPARE(TokenFormat::constantTimeEquals(b, a), equal);
    }
};

QTEST_GUILESS_MAIN(TestTokenFormat)
#include "tst_tokenformat.moc"
