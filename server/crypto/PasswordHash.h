#pragma once

#include "common/Result.h"

#include <QByteArrayView>
#include <QString>

namespace ApiAccess::Server {

// Argon2id password hashing (libsodium crypto_pwhash_str, interactive limits).
namespace PasswordHash {
Result<QString, QString> hash(QByteArrayView password);
bool verify(const QString &hash, QByteArrayView password);
// Verify against a fixed dummy hash: spends the same time when the user does not exist.
void burnVerificationTime(QByteArrayView password);
} // namespace PasswordHash

} // namespace ApiAccess::Server
