#pragma once

#include "common/Result.h"

#include <QString>

#include <array>

namespace ApiAccess::Server {

// The server's master key (32 random bytes) and the keys derived from it.
// Kept in locked, guarded memory (libsodium) and wiped when destroyed.
class MasterKey
{
public:
    static constexpr int kSize = 32;

    // Reads `keyFile` if given; otherwise `<dataDir>/master.key`, creating it
    // (mode 0600) with fresh random bytes on first start. Refuses a key file
    // that others may read, or of the wrong size, with a clear message.
    static Result<MasterKey, QString> loadOrCreate(const QString &dataDir, const QString &keyFile);

    MasterKey(MasterKey &&) noexcept;
    MasterKey &operator=(MasterKey &&) noexcept;
    MasterKey(const MasterKey &) = delete;
    MasterKey &operator=(const MasterKey &) = delete;
    ~MasterKey();

    // A 32-byte subkey for one purpose (libsodium crypto_kdf, context "apiacces").
    std::array<unsigned char, 32> deriveKey(quint64 purpose) const;

private:
    explicit MasterKey(unsigned char *guarded);
    unsigned char *m_key = nullptr; // sodium_malloc'd
};

// Initialises libsodium once; false (with a logged reason) if it cannot.
bool initialiseSodium();

} // namespace ApiAccess::Server
