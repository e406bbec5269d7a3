#include "crypto/MasterKey.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

using namespace Qt::StringLiterals;

namespace ApiAccess::Server {

namespace {

Q_LOGGING_CATEGORY(lcCrypto, "apiaccess.crypto")

// crypto_kdf contexts are exactly 8 bytes; changing it changes every derived key.
constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES + 1] = "apiacces";

QString tr(const char *text)
{
    return QCoreApplication::translate("MasterKey", text);
}

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// Closes a file descriptor on every path out of a function.
class Fd
{
public:
    explicit Fd(int fd)
        : m_fd(fd)
    { }
    ~Fd()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    int get() const { return m_fd; }
    int release() { return std::exchange(m_fd, -1); }

private:
    int m_fd;
};

// Guarded memory that is freed (and wiped by sodium_free) unless released.
class Guarded
{
public:
    Guarded()
        : m_ptr(static_cast<unsigned char *>(sodium_malloc(MasterKey::kSize)))
    { }
    ~Guarded()
    {
        if (m_ptr)
            sodium_free(m_ptr);
    }
    Guarded(const Guarded &) = delete;
    Guarded &operator=(const Guarded &) = delete;
    unsigned char *get() const { return m_ptr; }
    unsigned char *release() { return std::exchange(m_ptr, nullptr); }

private:
    unsigned char *m_ptr;
};

bool readExactly(int fd, unsigned char *buffer, size_t size)
{
    size_t done = 0;
    while (done < size) {
        const ssize_t n = ::read(fd, buffer + done, size - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += static_cast<size_t>(n);
    }
    return true;
}

bool writeExactly(int fd, const unsigned char *buffer, size_t size)
{
    size_t done = 0;
    while (done < size) {
        const ssize_t n = ::write(fd, buffer + done, size - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += static_cast<size_t>(n);
    }
    return true;
}

// Reads a key file the way ssh reads a private key: a regular file, exactly
// kSize bytes, no permission bits for group or others. The checks use fstat
// on the opened descriptor so the file cannot be swapped in between.
Result<unsigned char *, QString> readKeyFile(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    Fd fd(::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY));
    if (fd.get() < 0) {
        const int error = errno;
        return fail(tr("cannot open master key file %1: %2").arg(path, errnoText(error)));
    }
    struct stat info = {};
    if (::fstat(fd.get(), &info) != 0) {
        const int error = errno;
        return fail(tr("cannot inspect master key file %1: %2").arg(path, errnoText(error)));
    }
    if (!S_ISREG(info.st_mode))
        return fail(tr("master key file %1 is not a regular file").arg(path));
    if ((info.st_mode & 077) != 0) {
        return fail(
            tr("master key file %1 is accessible by other users (mode %2); "
               "restrict it with: chmod 600 %1")
                .arg(path, QString::number(info.st_mode & 0777, 8).rightJustified(4, u'0')));
    }
    if (info.st_size != MasterKey::kSize) {
        return fail(tr("master key file %1 must be exactly %2 bytes, it has %3")
                        .arg(path)
                        .arg(MasterKey::kSize)
                        .arg(static_cast<qint64>(info.st_size)));
    }
    Guarded key;
    if (!key.get())
        return fail(tr("cannot allocate protected memory for the master key"));
    if (!readExactly(fd.get(), key.get(), MasterKey::kSize))
        return fail(tr("cannot read master key file %1").arg(path));
    return key.release();
}

// macOS's fsync() leaves the data in the drive's cache (its fsync(2) says so);
// F_FULLFSYNC flushes that too. File systems that refuse it still get fsync().
int syncToDisk(int fd)
{
#if defined(__APPLE__) && defined(F_FULLFSYNC)
    if (::fcntl(fd, F_FULLFSYNC) == 0)
        return 0;
#endif
    return ::fsync(fd);
}

bool fsyncDirectory(const QString &dir)
{
    Fd fd(::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    return fd.get() >= 0 && syncToDisk(fd.get()) == 0;
}

enum class CreateOutcome { Created, AlreadyExists };

// Writes a fresh key to a private temporary file and links it into place:
// link() fails if the key appeared meanwhile, so two processes starting at
// once agree on one key and nobody ever sees a half-written file.
Result<CreateOutcome, QString> createKeyFile(const QString &dir, const QString &path)
{
    Guarded key;
    if (!key.get())
        return fail(tr("cannot allocate protected memory for the master key"));
    randombytes_buf(key.get(), MasterKey::kSize);

    unsigned char suffix[8];
    randombytes_buf(suffix, sizeof suffix);
    const QString temporary =
        path % u".tmp-"_s
        % QString::fromLatin1(
            QByteArray(reinterpret_cast<const char *>(suffix), sizeof suffix).toHex());
    const QByteArray nativeTemporary = QFile::encodeName(temporary);
    {
        Fd fd(::open(nativeTemporary.constData(),
                     O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, S_IRUSR | S_IWUSR));
        if (fd.get() < 0) {
            const int error = errno;
            return fail(tr("cannot create master key file in %1: %2").arg(dir, errnoText(error)));
        }
        if (!writeExactly(fd.get(), key.get(), MasterKey::kSize) || syncToDisk(fd.get()) != 0) {
            const int error = errno;
            ::unlink(nativeTemporary.constData());
            return fail(tr("cannot write master key file %1: %2").arg(path, errnoText(error)));
        }
    }
    const int linked = ::link(nativeTemporary.constData(), QFile::encodeName(path).constData());
    const int linkError = errno;
    ::unlink(nativeTemporary.constData());
    if (linked != 0) {
        if (linkError == EEXIST)
            return CreateOutcome::AlreadyExists;
        return fail(tr("cannot create master key file %1: %2").arg(path, errnoText(linkError)));
    }
    if (!fsyncDirectory(dir))
        return fail(tr("cannot sync data directory %1").arg(dir));
    qCInfo(lcCrypto, "created a new master key in %s", qPrintable(path));
    return CreateOutcome::Created;
}

} // namespace

bool initialiseSodium()
{
    static std::once_flag once;
    static bool ready = false;
    std::call_once(once, [] {
        ready = sodium_init() >= 0;
        if (!ready)
            qCCritical(lcCrypto, "libsodium could not be initialised");
    });
    return ready;
}

Result<MasterKey, QString> MasterKey::loadOrCreate(const QString &dataDir, const QString &keyFile)
{
    if (!initialiseSodium())
        return fail(tr("libsodium could not be initialised"));

    if (!keyFile.isEmpty()) {
        auto key = readKeyFile(keyFile);
        if (!key)
            return fail(key.error());
        return MasterKey(key.value());
    }

    if (dataDir.isEmpty())
        return fail(tr("no data directory for the master key"));
    if (!QFileInfo::exists(dataDir)) {
        if (!QDir().mkpath(dataDir))
            return fail(tr("cannot create data directory %1").arg(dataDir));
        QFile::setPermissions(dataDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    const QString path = QDir(dataDir).filePath(u"master.key"_s);
    if (!QFileInfo::exists(path)) {
        auto created = createKeyFile(dataDir, path);
        if (!created)
            return fail(created.error());
    }
    auto key = readKeyFile(path);
    if (!key)
        return fail(key.error());
    return MasterKey(key.value());
}

MasterKey::MasterKey(unsigned char *guarded)
    : m_key(guarded)
{
    sodium_mprotect_readonly(m_key);
}

MasterKey::MasterKey(MasterKey &&other) noexcept
    : m_key(std::exchange(other.m_key, nullptr))
{ }

MasterKey &MasterKey::operator=(MasterKey &&other) noexcept
{
    if (this != &other) {
        if (m_key)
            sodium_free(m_key);
        m_key = std::exchange(other.m_key, nullptr);
    }
    return *this;
}

MasterKey::~MasterKey()
{
    // sodium_free makes the pages writable again, wipes and unlocks them.
    if (m_key)
        sodium_free(m_key);
}

std::array<unsigned char, 32> MasterKey::deriveKey(quint64 purpose) const
{
    Q_ASSERT(m_key);
    std::array<unsigned char, 32> subkey{};
    crypto_kdf_derive_from_key(subkey.data(), subkey.size(), purpose, kKdfContext, m_key);
    return subkey;
}

} // namespace ApiAccess::Server
