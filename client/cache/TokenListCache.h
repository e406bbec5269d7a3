#pragma once

#include "wire/Token.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>

#include <functional>

class QSqlDatabase;

namespace ApiAccess {

// The Studio's offline copy of one profile's token list (issue #6): one
// SQLite file per profile in the cache location, so the table can show the
// last known list before (or without) any network reply.
//
// It holds token metadata only. Token has no secret member, the table has
// no column for one, and the server URL is stored without user info, query
// or fragment, so neither a secret nor a session token can reach the file.
//
// The file is disposable: whatever is wrong with it (not SQLite, damaged,
// written by a newer Studio, unreadable) it is moved aside and rebuilt, and
// the next refresh fills it again.
//
// Each instance owns one named QSqlDatabase connection; use an instance
// from one thread only (Qt's rule for connections). Several instances, on
// the same or different threads and files, do not interfere.
class TokenListCache
{
public:
    struct Snapshot
    {
        QList<Token> tokens; // in the order the server listed them
        QDateTime savedAt; // UTC; invalid = nothing cached
        QUrl serverUrl; // without user info, query and fragment once loaded
        QString username;

        friend bool operator==(const Snapshot &, const Snapshot &) = default;
    };

    // Meaningful once open() returned true.
    enum class OpenOutcome {
        Opened, // an existing cache
        Created, // a new, empty one
        Recovered, // the old file was set aside (see reason()); a new, empty one
    };

    static constexpr int kSchemaVersion = 1;

    // `filePath`: one SQLite file per profile. Nothing is opened yet.
    explicit TokenListCache(QString filePath);
    // Closes and removes its QSqlDatabase connection.
    ~TokenListCache();
    TokenListCache(const TokenListCache &) = delete;
    TokenListCache &operator=(const TokenListCache &) = delete;

    // <CacheLocation>/tokens/<profileId>.sqlite. An id made only of
    // [A-Za-z0-9_-] (at most 64 characters) is used as it is; any other id
    // becomes "h.<40 hex digits of its SHA-256>", which contains a dot and
    // so never collides with a plain id nor leaves the directory.
    static QString defaultPath(const QString &profileId);

    // Opens or creates the file. Directories it creates are 0700, the file
    // is 0600 (an existing one is tightened). A file that is not SQLite, is
    // damaged (PRAGMA quick_check), has an unknown or newer schema, or cannot
    // be read is renamed to "<file>.unreadable-<UTC yyyyMMddTHHmmss>" (only
    // the latest such copy is kept) and a fresh one is created: outcome()
    // is Recovered and reason() says why, for one log line.
    // Returns false, with errorString(), when even a fresh file cannot be
    // created (disk full, no permission), or when another process holds
    // the file locked for longer than the busy timeout: a healthy cache in
    // use is never set aside.
    bool open();
    bool isOpen() const;
    OpenOutcome outcome() const { return m_outcome; }
    QString reason() const { return m_reason; }
    QString errorString() const { return m_error; }

    const QString &filePath() const { return m_path; }
    const QString &connectionName() const { return m_connection; }

    // The last saved list; an empty snapshot with invalid savedAt when
    // nothing was saved, the cache is not open, or reading fails (then
    // errorString()). Rows this build cannot read are skipped and logged.
    Snapshot load();

    // Replaces everything in one transaction: after a crash or a failure the
    // previous snapshot is intact. An invalid savedAt is stored as now.
    bool save(const Snapshot &snapshot);

    // Moves the saved snapshot's time to `savedAt` (the list was found
    // unchanged then) without rewriting it. False when nothing is saved.
    bool touch(const QDateTime &savedAt);

    // Closes and deletes the file, its journal and any set-aside copy
    // (sign-out, profile removed). True when none of them is left.
    bool erase();

    // Test seam: called inside save()'s transaction after each token row is
    // written, with the row's index. Returning false fails the save there.
    using RowHook = std::function<bool(qsizetype row)>;
    void setRowWrittenHookForTesting(RowHook hook) { m_rowHook = std::move(hook); }

private:
    enum class Check { Ok, Busy, Bad };
    Check openAndPrepare(QString *problem, bool *fresh);
    bool setAside(const QString &problem);
    void close();
    QSqlDatabase database() const;
    bool fail(const QString &message);

    QString m_path;
    QString m_connection;
    OpenOutcome m_outcome = OpenOutcome::Opened;
    QString m_reason;
    QString m_error;
    RowHook m_rowHook;
};

} // namespace ApiAccess
