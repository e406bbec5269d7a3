#include "crypto/PasswordHash.h"

#include "crypto/MasterKey.h"

#include <QCoreApplication>

#include <sodium.h>

namespace ApiAccess::Server::PasswordHash {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PasswordHash", text);
}

const char *chars(QByteArrayView view)
{
    return view.data();
}

// A hash of a random password nobody knows, computed on first use, so an
// unknown user name costs one Argon2id verification like a wrong password.
const QString &dummyHash()
{
    static const QString hash = [] {
        unsigned char random[32];
        randombytes_buf(random, sizeof random);
        auto result = PasswordHash::hash(
            QByteArrayView(reinterpret_cast<const char *>(random), sizeof random));
        sodium_memzero(random, sizeof random);
        return result.ok() ? result.value() : QString();
    }();
    return hash;
}

} // namespace

Result<QString, QString> hash(QByteArrayView password)
{
    if (!initialiseSodium())
        return fail(tr("libsodium could not be initialised"));
    char out[crypto_pwhash_STRBYTES] = {};
    if (crypto_pwhash_str_alg(out, chars(password), static_cast<quint64>(password.size()),
                              crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13)
        != 0) {
        return fail(tr("not enough memory to hash the password"));
    }
    return QString::fromLatin1(out);
}

bool verify(const QString &hash, QByteArrayView password)
{
    if (!initialiseSodium())
        return false;
    const QByteArray encoded = hash.toLatin1();
    if (encoded.isEmpty() || encoded.size() >= static_cast<qsizetype>(crypto_pwhash_STRBYTES))
        return false;
    return crypto_pwhash_str_verify(encoded.constData(), chars(password),
                                    static_cast<quint64>(password.size()))
        == 0;
}

void burnVerificationTime(QByteArrayView password)
{
    if (!initialiseSodium())
        return;
    const QString &hash = dummyHash();
    if (!hash.isEmpty())
        (void)verify(hash, password);
}

} // namespace ApiAccess::Server::PasswordHash
