#pragma once

#include <QString>

// The file-system side of TokenListCache: where the files live, who may read
// them, and how an unreadable one is moved out of the way. Errors are
// translated sentences naming the path, never file contents.
namespace ApiAccess::CacheFiles {

// See TokenListCache::defaultPath().
QString defaultPath(const QString &profileId);

// Creates the missing levels of `dir`, each 0700. An existing directory is
// left as it is: it may be shared (a test's /tmp, say).
bool ensureDirectory(const QString &dir, QString *error);

// True if anything (a file, a directory, a dangling link) is at `path`.
bool exists(const QString &path);

// An existing cache file becomes 0600; best effort (it may not be ours).
void tightenPermissions(const QString &path);

// Creates `path` empty and 0600 (an empty file is an empty SQLite
// database); true as well when another instance just created it.
bool createPrivateFile(const QString &path, QString *error);

// Renames `path` and its journal to "<path>.unreadable-<UTC
// yyyyMMddTHHmmss>" after removing older such copies. Returns the new name,
// or an empty string and `error`.
QString setAside(const QString &path, QString *error);

// Removes `path`, its journal files and its set-aside copies.
bool removeAll(const QString &path, QString *error);

} // namespace ApiAccess::CacheFiles
