#include "cache/TokenListCache.h"

#include "cache/CacheFiles.h"
#include "cache/TokenCacheRows.h"
#include "cache/TokenCacheSchema.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

using namespace Qt::StringLiterals;

namespace ApiAccess {

Q_LOGGING_CATEGORY(lcTokenCache, "apiaccess.client.cache")

namespace {

std::atomic<quint64> nextConnectionSerial{1};

// Long enough to wait out another Studio's save of the same profile (a few
// milliseconds), short enough not to stall the start behind a stuck one.
constexpr auto kConnectOptions = u"QSQLITE_BUSY_TIMEOUT=1000";

// Runs `sql` without bound values; false leaves the error in `query`.
bool run(QSqlQuery &query, const QString &sql)
{
    query.setForwardOnly(true);
    return query.exec(sql);
}

} // namespace

TokenListCache::TokenListCache(QString filePath)
    : m_path(std::move(filePath))
    , m_connection(u"apiaccess-tokencache-"_s % QString::number(nextConnectionSerial.fetch_add(1)))
{ }

TokenListCache::~TokenListCache()
{
    close();
}

QString TokenListCache::defaultPath(const QString &profileId)
{
    return CacheFiles::defaultPath(profileId);
}

bool TokenListCache::isOpen() const
{
    return database().isOpen();
}

QSqlDatabase TokenListCache::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

void TokenListCache::close()
{
    if (!QSqlDatabase::contains(m_connection))
        return;
    database().close();
    // No QSqlDatabase or QSqlQuery copy of this connection is alive here.
    QSqlDatabase::removeDatabase(m_connection);
}

bool TokenListCache::fail(const QString &message)
{
    m_error = message;
    qCWarning(lcTokenCache, "%s", qUtf8Printable(message));
    return false;
}

TokenListCache::Check TokenListCache::openAndPrepare(QString *problem, bool *fresh)
{
    close();
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QString::fromUtf16(kConnectOptions));
    if (!db.open()) {
        *problem = db.lastError().databaseText();
        return TokenCacheSchema::isBusy(db.lastError()) ? Check::Busy : Check::Bad;
    }
    auto prepared = TokenCacheSchema::prepare(db);
    if (!prepared) {
        *problem = prepared.error().text;
        db.close();
        return prepared.error().busy ? Check::Busy : Check::Bad;
    }
    *fresh = *prepared;
    return Check::Ok;
}

bool TokenListCache::setAside(const QString &problem)
{
    close();
    QString error;
    const QString aside = CacheFiles::setAside(m_path, &error);
    if (aside.isEmpty())
        return fail(QCoreApplication::translate(
                        "TokenListCache",
                        "The token cache %1 is unreadable (%2) and cannot be moved aside: %3")
                        .arg(m_path, problem, error));
    m_outcome = OpenOutcome::Recovered;
    m_reason =
        QCoreApplication::translate(
            "TokenListCache", "%1 was unreadable (%2); moved it to %3 and started a new cache")
            .arg(QFileInfo(m_path).fileName(), problem, QFileInfo(aside).fileName());
    qCWarning(lcTokenCache, "%s", qUtf8Printable(m_reason));
    return true;
}

bool TokenListCache::open()
{
    m_outcome = OpenOutcome::Opened;
    m_reason.clear();
    m_error.clear();
    close();
    if (m_path.isEmpty())
        return fail(
            QCoreApplication::translate("TokenListCache", "No file name for the token cache."));
    QString error;
    if (!CacheFiles::ensureDirectory(QFileInfo(m_path).absolutePath(), &error))
        return fail(error);

    if (CacheFiles::exists(m_path)) {
        CacheFiles::tightenPermissions(m_path);
        QString problem;
        bool fresh = false;
        switch (openAndPrepare(&problem, &fresh)) {
        case Check::Ok:
            m_outcome = fresh ? OpenOutcome::Created : OpenOutcome::Opened;
            return true;
        case Check::Busy:
            close();
            return fail(QCoreApplication::translate(
                            "TokenListCache", "The token cache %1 is in use by another program: %2")
                            .arg(m_path, problem));
        case Check::Bad:
            if (!setAside(problem))
                return false;
            break;
        }
    }

    if (!CacheFiles::createPrivateFile(m_path, &error))
        return fail(error);
    QString problem;
    bool fresh = false;
    if (openAndPrepare(&problem, &fresh) != Check::Ok) {
        close();
        return fail(
            QCoreApplication::translate("TokenListCache", "Cannot create the token cache %1: %2")
                .arg(m_path, problem));
    }
    if (m_outcome != OpenOutcome::Recovered)
        m_outcome = OpenOutcome::Created;
    return true;
}

TokenListCache::Snapshot TokenListCache::load()
{
    Snapshot snapshot;
    QSqlDatabase db = database();
    if (!db.isOpen())
        return snapshot;
    QSqlQuery query(db);
    // One read transaction: the snapshot row and the tokens belong together
    // even if another Studio saves in between.
    if (!run(query, u"BEGIN"_s)) {
        fail(QCoreApplication::translate("TokenListCache", "Cannot read the token cache: %1")
                 .arg(query.lastError().text()));
        return snapshot;
    }
    bool ok = run(query, TokenCacheRows::selectSnapshotSql());
    if (ok && query.next()) {
        snapshot.savedAt = TokenCacheRows::fromMsecs(query.value(0));
        snapshot.serverUrl = QUrl(query.value(1).toString(), QUrl::StrictMode);
        snapshot.username = query.value(2).toString();
        snapshot.tokens.reserve(query.value(3).toLongLong());
        ok = run(query, TokenCacheRows::selectTokensSql());
        while (ok && query.next()) {
            QString problem;
            if (auto token = TokenCacheRows::readToken(query, &problem))
                snapshot.tokens.append(std::move(*token));
            else
                qCWarning(lcTokenCache, "skipped a cached token: %s", qUtf8Printable(problem));
        }
        ok = ok && query.lastError().type() == QSqlError::NoError;
    }
    const QString error = query.lastError().text();
    query.finish();
    QSqlQuery end(db);
    (void)run(end, u"COMMIT"_s);
    if (!ok) {
        fail(QCoreApplication::translate("TokenListCache", "Cannot read the token cache: %1")
                 .arg(error));
        return Snapshot();
    }
    return snapshot;
}

bool TokenListCache::save(const Snapshot &snapshot)
{
    QSqlDatabase db = database();
    if (!db.isOpen())
        return fail(QCoreApplication::translate("TokenListCache", "The token cache is not open."));
    QSqlQuery query(db);
    if (!run(query, u"BEGIN IMMEDIATE"_s))
        return fail(
            QCoreApplication::translate("TokenListCache", "Cannot write the token cache: %1")
                .arg(query.lastError().text()));

    QString error;
    const auto write = [&] {
        if (!run(query, u"DELETE FROM tokens"_s) || !run(query, u"DELETE FROM snapshot"_s)
            || !query.prepare(TokenCacheRows::insertSnapshotSql()))
            return false;
        const QDateTime savedAt =
            snapshot.savedAt.isValid() ? snapshot.savedAt : QDateTime::currentDateTimeUtc();
        query.bindValue(0, TokenCacheRows::toMsecs(savedAt));
        query.bindValue(1, TokenCacheRows::storableUrl(snapshot.serverUrl));
        query.bindValue(2, snapshot.username);
        if (!query.exec() || !query.prepare(TokenCacheRows::insertTokenSql()))
            return false;
        for (qsizetype row = 0; row < snapshot.tokens.size(); ++row) {
            TokenCacheRows::bindToken(query, row, snapshot.tokens.at(row));
            if (!query.exec())
                return false;
            if (m_rowHook && !m_rowHook(row)) {
                error = QCoreApplication::translate("TokenListCache", "interrupted after row %1")
                            .arg(row);
                return false;
            }
        }
        return run(query, u"COMMIT"_s);
    };
    if (write())
        return true;
    if (error.isEmpty())
        error = query.lastError().text();
    QSqlQuery rollback(db);
    (void)run(rollback, u"ROLLBACK"_s);
    return fail(QCoreApplication::translate("TokenListCache", "Cannot write the token cache: %1")
                    .arg(error));
}

bool TokenListCache::touch(const QDateTime &savedAt)
{
    QSqlDatabase db = database();
    if (!db.isOpen())
        return fail(QCoreApplication::translate("TokenListCache", "The token cache is not open."));
    QSqlQuery query(db);
    if (!query.prepare(u"UPDATE snapshot SET saved_at = ? WHERE id = 1"_s))
        return fail(
            QCoreApplication::translate("TokenListCache", "Cannot write the token cache: %1")
                .arg(query.lastError().text()));
    query.addBindValue(TokenCacheRows::toMsecs(savedAt));
    if (!query.exec())
        return fail(
            QCoreApplication::translate("TokenListCache", "Cannot write the token cache: %1")
                .arg(query.lastError().text()));
    if (query.numRowsAffected() != 1)
        return fail(QCoreApplication::translate("TokenListCache", "No list is saved yet."));
    return true;
}

bool TokenListCache::erase()
{
    close();
    m_error.clear();
    QString error;
    if (!CacheFiles::removeAll(m_path, &error))
        return fail(error);
    return true;
}

} // namespace ApiAccess
