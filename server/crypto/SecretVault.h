#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace ApiAccess::Server {

class MasterKey;

// Hashes and encrypts token secrets. Thread-safe (immutable after construction).
class SecretVault
{
public:
    explicit SecretVault(const MasterKey &key);
    ~SecretVault();
    SecretVault(const SecretVault &) = delete;
    SecretVault &operator=(const SecretVault &) = delete;

    // Keyed BLAKE2b-256 of the secret: what verification compares against.
    QByteArray hashSecret(QByteArrayView secret) const;
    // Constant-time check of `secret` against a stored hash.
    bool verifySecret(QByteArrayView secret, QByteArrayView storedHash) const;

    // XChaCha20-Poly1305 with the token id as associated data, so a copy
    // moved to another token's row does not decrypt. nonce || ciphertext.
    QByteArray encryptSecret(QByteArrayView secret, const QString &tokenId) const;
    Result<QByteArray, QString> decryptSecret(QByteArrayView sealed, const QString &tokenId) const;

    // Keyed hash for session tokens (separate subkey).
    QByteArray hashSessionToken(QByteArrayView sessionToken) const;

    // A value that identifies the master key without revealing it (a keyed
    // hash of a fixed text, base64): the database records it, so that an
    // instance started with another key is refused with a message rather
    // than answering 401 to every token.
    QString keyCheck() const;

private:
    unsigned char *m_keys = nullptr; // sodium_malloc'd: hash key, AEAD key, session key
};

} // namespace ApiAccess::Server
