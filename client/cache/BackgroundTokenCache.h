#pragma once

#include "cache/TokenListCache.h"

#include <QObject>
#include <QString>

#include <memory>

class QThread;

namespace ApiAccess {

// The offline cache (TokenListCache) on a thread of its own, so that
// opening, reading and writing even 100,000 tokens never holds up the
// window (issue #15): every call returns at once, and the results come back
// as signals on the owner's thread.
//
// One file at a time. The work runs in the order it was asked for, except
// that a save or touch not started yet is replaced by a newer one for the
// same file: only the newest list is written. Destroying the object
// finishes what was asked (a list being saved is not lost) and joins the
// thread.
class BackgroundTokenCache : public QObject
{
    Q_OBJECT

public:
    struct Opened
    {
        QString path;
        bool available = false; // false: `error` says why; the Studio works without
        TokenListCache::OpenOutcome outcome = TokenListCache::OpenOutcome::Opened;
        QString reason; // why the old file was set aside (outcome Recovered)
        QString error;
        TokenListCache::Snapshot snapshot; // empty when nothing was saved
    };

    explicit BackgroundTokenCache(QObject *parent = nullptr);
    ~BackgroundTokenCache() override;

    // Closes the current file, then opens (or creates, or rebuilds) `path`
    // and reads its snapshot: opened().
    void open(const QString &path);
    // Writes `snapshot` to the open file: saved().
    void save(TokenListCache::Snapshot snapshot);
    // The list was found unchanged at `savedAt`: moves the saved time only.
    void touch(const QDateTime &savedAt);
    // Closes the current file if it is `path`, and deletes `path`'s files.
    void erase(const QString &path);
    void close();

    // Test seam: passed on to the TokenListCache of every file opened later
    // (called on the cache's thread).
    void setRowWrittenHookForTesting(TokenListCache::RowHook hook);

Q_SIGNALS:
    void opened(const ApiAccess::BackgroundTokenCache::Opened &result);
    // After each save or touch; `error` is empty when it worked.
    void saved(const QString &path, bool ok, const QString &error);

private:
    class Worker;
    void post();

    std::unique_ptr<Worker> m_worker;
    QThread *m_thread = nullptr;
};

} // namespace ApiAccess
