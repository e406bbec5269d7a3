#include "cache/CacheFiles.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ApiAccess::CacheFiles {

namespace {

constexpr qsizetype kMaxPlainId = 64;
constexpr const char16_t *kSideSuffixes[] = {u"-journal", u"-wal", u"-shm"};
constexpr QFile::Permissions kPrivateFile = QFile::ReadOwner | QFile::WriteOwner;
constexpr QFile::Permissions kPrivateDir = kPrivateFile | QFile::ExeOwner;

bool isPlainId(const QString &id)
{
    if (id.isEmpty() || id.size() > kMaxPlainId)
        return false;
    return std::all_of(id.cbegin(), id.cend(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
            || c == u'_' || c == u'-';
    });
}

QString asidePrefix(const QString &path)
{
    return QFileInfo(path).fileName() + u".unreadable-"_s;
}

// Set-aside copies of `path` and their journals, as absolute paths.
QStringList asideCopies(const QString &path)
{
    const QFileInfo info(path);
    const QString prefix = asidePrefix(path);
    QStringList copies;
    const QDir dir = info.absoluteDir();
    const auto entries = dir.entryList(QDir::Files | QDir::Dirs | QDir::Hidden | QDir::System
                                       | QDir::NoDotAndDotDot);
    for (const QString &name : entries) {
        if (name.startsWith(prefix))
            copies.append(dir.filePath(name));
    }
    return copies;
}

bool removeFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.exists() || file.remove())
        return true;
    *error = QCoreApplication::translate("TokenListCache", "Cannot remove %1: %2")
                 .arg(path, file.errorString());
    return false;
}

} // namespace

QString defaultPath(const QString &profileId)
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (base.isEmpty())
        return {};
    const QString name = isPlainId(profileId) ? profileId
                                              : u"h."_s
            + QString::fromLatin1(QCryptographicHash::hash(profileId.toUtf8(),
                                                           QCryptographicHash::Sha256)
                                      .toHex()
                                      .left(40));
    return base + u"/tokens/"_s + name + u".sqlite"_s;
}

bool ensureDirectory(const QString &dir, QString *error)
{
    QStringList missing;
    QFileInfo level(QDir::cleanPath(QDir(dir).absolutePath()));
    while (!level.exists() && !level.isRoot()) {
        missing.prepend(level.absoluteFilePath());
        level.setFile(level.absolutePath());
    }
    if (!level.isDir()) {
        *error =
            QCoreApplication::translate(
                "TokenListCache", "Cannot create the token cache folder %1: %2 is not a folder.")
                .arg(dir, level.absoluteFilePath());
        return false;
    }
    for (const QString &path : std::as_const(missing)) {
        if (!QDir().mkdir(path, kPrivateDir)) {
            *error = QCoreApplication::translate(
                         "TokenListCache",
                         "Cannot create the token cache folder %1: no permission to write in %2.")
                         .arg(dir, QFileInfo(path).absolutePath());
            return false;
        }
    }
    return true;
}

bool exists(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() || info.isSymLink();
}

void tightenPermissions(const QString &path)
{
    if (QFileInfo(path).isFile())
        QFile::setPermissions(path, kPrivateFile);
}

bool createPrivateFile(const QString &path, QString *error)
{
    // A journal left without its database is no danger: SQLite deletes a
    // journal that sits next to an empty file instead of replaying it.
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly, kPrivateFile))
        return true;
    if (QFileInfo(path).isFile())
        return true; // another instance created it first
    *error = QCoreApplication::translate("TokenListCache", "Cannot create the token cache %1: %2")
                 .arg(path, file.errorString());
    return false;
}

QString setAside(const QString &path, QString *error)
{
    // Keep only the newest copy; one that cannot go (a directory) stays.
    for (const QString &old : asideCopies(path))
        QFile::remove(old);
    const QString aside =
        path + u".unreadable-"_s + QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd'T'HHmmss"_s);
    if (!QFile::rename(path, aside) && !QDir().rename(path, aside)) {
        *error = QCoreApplication::translate("TokenListCache", "Cannot rename %1 to %2.")
                     .arg(path, QFileInfo(aside).fileName());
        return {};
    }
    // A journal belongs to the old file and may be what repairs it: it goes
    // with the copy (next to the new, empty file SQLite would delete it).
    for (const char16_t *suffix : kSideSuffixes) {
        const QString side = path + QString::fromUtf16(suffix);
        if (exists(side) && !QFile::rename(side, aside + QString::fromUtf16(suffix))
            && !removeFile(side, error))
            return {};
    }
    return aside;
}

bool removeAll(const QString &path, QString *error)
{
    QStringList files = asideCopies(path);
    files.prepend(path);
    for (const char16_t *suffix : kSideSuffixes)
        files.append(path + QString::fromUtf16(suffix));
    bool ok = true;
    for (const QString &file : std::as_const(files))
        ok = removeFile(file, error) && ok;
    return ok;
}

} // namespace ApiAccess::CacheFiles
