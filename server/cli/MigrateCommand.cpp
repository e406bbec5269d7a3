#include "cli/MigrateCommand.h"

#include "crypto/MasterKey.h"
#include "crypto/SecretVault.h"
#include "store/Schema.h"
#include "store/SqlRows.h"
#include "store/Stores.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringBuilder>

using namespace Qt::StringLiterals;

namespace ApiAccess::Server {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("MigrateCommand", text);
}

struct Table
{
    const char16_t *name;
    QString columns;
    const char16_t *order;
};

// What is copied, in an order the foreign keys accept.
QList<Table> tables()
{
    return {
        {u"admins", u"username, password_hash, created_at, updated_at"_s, u"username"},
        {u"tokens", SqlRows::tokenColumns(), u"created_at, id"},
        // New ids, in the old order: the trail reads the same.
        {u"audit_events", SqlRows::auditColumns(), u"id"},
    };
}

Result<qint64, QString> copyTable(QSqlDatabase &from, QSqlDatabase &to, const Table &table)
{
    const QString name = QString::fromUtf16(table.name);
    QSqlQuery rows(from);
    if (auto error = runSql(rows,
                            u"SELECT "_s % table.columns % u" FROM "_s % name % u" ORDER BY "_s
                                % QString::fromUtf16(table.order)))
        return fail(tr("cannot read %1: %2").arg(name, error->message));
    const int columns = int(table.columns.count(u',')) + 1;
    QSqlQuery insert(to);
    if (!insert.prepare(u"INSERT INTO "_s % name % u" ("_s % table.columns % u") VALUES ("_s
                        % QStringList(columns, u"?"_s).join(u", "_s) % u')'))
        return fail(tr("cannot write %1: %2").arg(name, sqlErrorText(insert.lastError())));
    qint64 copied = 0;
    while (rows.next()) {
        for (int i = 0; i < columns; ++i)
            insert.bindValue(i, rows.value(i));
        if (!insert.exec())
            return fail(tr("cannot write %1: %2").arg(name, sqlErrorText(insert.lastError())));
        ++copied;
    }
    return copied;
}

// The check value of the key the copied secrets are sealed with: the data
// directory's master.key when it is there (and, if the database recorded
// one, the same), else what the database recorded; empty if neither.
Result<QString, QString> sourceKeyCheck(QSqlDatabase &from, const QString &dataDir)
{
    const auto recorded = Schema::recordedKeyCheck(from);
    if (!recorded)
        return fail(recorded.error());
    const QString keyFile = QDir(dataDir).filePath(u"master.key"_s);
    if (!QFileInfo::exists(keyFile))
        return recorded.value();
    auto key = MasterKey::loadOrCreate(dataDir, keyFile);
    if (!key)
        return fail(key.error());
    const QString check = SecretVault(key.value()).keyCheck();
    if (!recorded->isEmpty() && recorded.value() != check)
        return fail(tr("%1 is not the key this database was used with; the secrets would not "
                       "open")
                        .arg(keyFile));
    return check;
}

Result<qint64, QString> rowsIn(QSqlDatabase &db, const QString &table)
{
    QSqlQuery count(db);
    if (auto error = runSql(count, u"SELECT count(*) FROM "_s % table))
        return fail(error->message);
    return count.next() ? count.value(0).toLongLong() : 0;
}

} // namespace

int runMigrate(const MigrateInvocation &invocation, QTextStream &out, QTextStream &err)
{
    const auto done = [&err](const QString &message) {
        err << u"apiaccess-server: "_s << message << u'\n';
        err.flush();
        return 1;
    };
    // No master key is needed: secrets are copied sealed, as they are.
    auto source = Database::open(DatabaseConfig::sqlite(invocation.fromDataDir), {});
    if (!source)
        return done(source.error());
    auto target = Database::open(invocation.to, {});
    if (!target)
        return done(target.error());
    auto from = source.value()->connections().connection();
    auto to = target.value()->connections().connection();
    if (!from || !to)
        return done(tr("cannot open the databases"));

    for (const Table &table : tables()) {
        const auto existing = rowsIn(to.value(), QString::fromUtf16(table.name));
        if (!existing)
            return done(existing.error());
        if (existing.value() > 0)
            return done(tr("%1 is not empty (%2 already holds %3 rows); migrate only into a new "
                           "database")
                            .arg(invocation.to.describe(), QString::fromUtf16(table.name))
                            .arg(existing.value()));
    }

    const auto keyCheck = sourceKeyCheck(from.value(), invocation.fromDataDir);
    if (!keyCheck)
        return done(keyCheck.error());

    // One snapshot of the source (a running server may still write to it:
    // WAL readers see the database as of their first read) into one
    // transaction on the target: all of it arrives, or nothing.
    QSqlQuery snapshot(from.value());
    if (auto error = runSql(snapshot, u"BEGIN"_s))
        return done(error->message);
    QSqlQuery begin(to.value());
    if (auto error = runSql(begin, u"BEGIN"_s))
        return done(error->message);
    QStringList report;
    for (const Table &table : tables()) {
        const auto copied = copyTable(from.value(), to.value(), table);
        if (!copied) {
            QSqlQuery rollback(to.value());
            (void)runSql(rollback, u"ROLLBACK"_s);
            return done(copied.error());
        }
        report.append(u"%1 %2"_s.arg(copied.value()).arg(QString::fromUtf16(table.name)));
    }
    // The key the copied secrets are sealed with must be the one the
    // PostgreSQL instances run with: its check value comes along, and an
    // instance started with another key is refused.
    if (!keyCheck->isEmpty()) {
        QSqlQuery key(to.value());
        if (auto error = runSql(key,
                                u"INSERT INTO settings (name, value) VALUES ('key_check', ?) "
                                u"ON CONFLICT (name) DO UPDATE SET value = excluded.value"_s,
                                {keyCheck.value()})) {
            QSqlQuery rollback(to.value());
            (void)runSql(rollback, u"ROLLBACK"_s);
            return done(error->message);
        }
    }
    QSqlQuery commit(to.value());
    if (auto error = runSql(commit, u"COMMIT"_s))
        return done(error->message);
    QSqlQuery endSnapshot(from.value());
    (void)runSql(endSnapshot, u"COMMIT"_s);
    out << tr("copied %1 from %2 to %3")
               .arg(report.join(u", "_s), invocation.fromDataDir, invocation.to.describe())
        << u'\n';
    if (keyCheck->isEmpty())
        out << tr("%1 has no master.key: start the PostgreSQL instances with the key this "
                  "installation used (--key-file), or the secrets will not open")
                   .arg(invocation.fromDataDir)
            << u'\n';
    else
        out << tr("start the PostgreSQL instances with --key-file %1 (or a copy of it)")
                   .arg(QDir(invocation.fromDataDir).filePath(u"master.key"_s))
            << u'\n';
    out.flush();
    return 0;
}

} // namespace ApiAccess::Server
