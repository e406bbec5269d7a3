#include "crypto/SecretVault.h"

#include "crypto/MasterKey.h"

#include <QCoreApplication>

#include <cstring>
#include <sodium.h>

namespace ApiAccess::Server {

namespace {

// crypto_kdf subkey ids. Never renumber: stored hashes and ciphertexts depend on them.
enum Purpose : quint64 {
    SecretHashKey = 1,
    SecretEncryptionKey = 2,
    SessionHashKey = 3,
};

constexpr size_t kKeySize = 32;
constexpr size_t kHashSize = crypto_generichash_BYTES; // 32: BLAKE2b-256
constexpr size_t kNonceSize = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr size_t kTagSize = crypto_aead_xchacha20poly1305_ietf_ABYTES;
static_assert(kKeySize == crypto_generichash_KEYBYTES);
static_assert(kKeySize == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);

const unsigned char *bytes(QByteArrayView view)
{
    return reinterpret_cast<const unsigned char *>(view.data());
}

unsigned char *bytes(QByteArray &array)
{
    return reinterpret_cast<unsigned char *>(array.data());
}

QByteArray keyedHash(QByteArrayView input, const unsigned char *key)
{
    QByteArray out(kHashSize, Qt::Uninitialized);
    crypto_generichash(bytes(out), kHashSize, bytes(input), static_cast<quint64>(input.size()), key,
                       kKeySize);
    return out;
}

} // namespace

SecretVault::SecretVault(const MasterKey &key)
{
    initialiseSodium();
    m_keys = static_cast<unsigned char *>(sodium_malloc(3 * kKeySize));
    Q_ASSERT(m_keys);
    if (!m_keys)
        qFatal("SecretVault: cannot allocate protected memory");
    const quint64 purposes[] = {SecretHashKey, SecretEncryptionKey, SessionHashKey};
    for (size_t i = 0; i < 3; ++i) {
        auto subkey = key.deriveKey(purposes[i]);
        std::memcpy(m_keys + i * kKeySize, subkey.data(), kKeySize);
        sodium_memzero(subkey.data(), subkey.size());
    }
    sodium_mprotect_readonly(m_keys);
}

SecretVault::~SecretVault()
{
    sodium_free(m_keys);
}

QByteArray SecretVault::hashSecret(QByteArrayView secret) const
{
    return keyedHash(secret, m_keys);
}

QString SecretVault::keyCheck() const
{
    return QString::fromLatin1(hashSecret("apiaccess master key check v1").toBase64());
}

bool SecretVault::verifySecret(QByteArrayView secret, QByteArrayView storedHash) const
{
    if (storedHash.size() != static_cast<qsizetype>(kHashSize))
        return false;
    QByteArray computed = hashSecret(secret);
    const bool same = sodium_memcmp(computed.constData(), storedHash.data(), kHashSize) == 0;
    sodium_memzero(computed.data(), static_cast<size_t>(computed.size()));
    return same;
}

QByteArray SecretVault::encryptSecret(QByteArrayView secret, const QString &tokenId) const
{
    const QByteArray associated = tokenId.toUtf8();
    QByteArray sealed(static_cast<qsizetype>(kNonceSize) + secret.size()
                          + static_cast<qsizetype>(kTagSize),
                      Qt::Uninitialized);
    unsigned char *nonce = bytes(sealed);
    randombytes_buf(nonce, kNonceSize);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        nonce + kNonceSize, &written, bytes(secret), static_cast<quint64>(secret.size()),
        bytes(associated), static_cast<quint64>(associated.size()), nullptr, nonce,
        m_keys + kKeySize);
    sealed.truncate(static_cast<qsizetype>(kNonceSize + written));
    return sealed;
}

Result<QByteArray, QString> SecretVault::decryptSecret(QByteArrayView sealed,
                                                       const QString &tokenId) const
{
    if (sealed.size() < static_cast<qsizetype>(kNonceSize + kTagSize)) {
        return fail(QCoreApplication::translate("SecretVault",
                                                "the encrypted secret is too short to be valid"));
    }
    const QByteArray associated = tokenId.toUtf8();
    const unsigned char *nonce = bytes(sealed);
    const auto cipherSize = static_cast<quint64>(sealed.size()) - kNonceSize;
    QByteArray clear(static_cast<qsizetype>(cipherSize - kTagSize), Qt::Uninitialized);
    unsigned long long written = 0;
    const int rc = crypto_aead_xchacha20poly1305_ietf_decrypt(
        bytes(clear), &written, nullptr, nonce + kNonceSize, cipherSize, bytes(associated),
        static_cast<quint64>(associated.size()), nonce, m_keys + kKeySize);
    if (rc != 0) {
        sodium_memzero(clear.data(), static_cast<size_t>(clear.size()));
        return fail(QCoreApplication::translate(
            "SecretVault",
            "the encrypted secret does not decrypt: it was altered, belongs to another "
            "token, or was sealed under another master key"));
    }
    clear.truncate(static_cast<qsizetype>(written));
    return clear;
}

QByteArray SecretVault::hashSessionToken(QByteArrayView sessionToken) const
{
    return keyedHash(sessionToken, m_keys + 2 * kKeySize);
}

} // namespace ApiAccess::Server
