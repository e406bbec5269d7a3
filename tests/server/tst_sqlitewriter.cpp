// SQLite's single writer: group commit that keeps every write's own
// outcome, on a real SQLite file.

#include "store/SqlConnections.h"

#include <QDir>
#include <QSemaphore>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using namespace ApiAccess::Server;

class TestSqliteWriter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SqlConnections> m_pool;

    SqliteWriter &writer() { return *m_pool->writer(); }

    // Rows of `t` as one string, in order.
    QStringList rows()
    {
        auto db = m_pool->connection();
        if (!db)
            return {u"cannot open"_s};
        QSqlQuery query(db.value());
        QStringList values;
        if (!query.exec(u"SELECT v FROM t ORDER BY v"_s))
            return {u"cannot read"_s};
        while (query.next())
            values.append(query.value(0).toString());
        return values;
    }

    static SqliteWriter::Write insert(const QString &value, bool succeed = true)
    {
        return [value, succeed](QSqlDatabase &db) {
            QSqlQuery query(db);
            query.prepare(u"INSERT INTO t (v) VALUES (?)"_s);
            query.addBindValue(value);
            return query.exec() && succeed; // false: written, then rolled back
        };
    }

    // Holds the writer thread in a write until released, so that what is
    // queued meanwhile forms the next group.
    std::thread holdWriter(QSemaphore &entered, QSemaphore &release)
    {
        return std::thread([this, &entered, &release] {
            (void)writer().run(u"holding", [&](QSqlDatabase &) {
                entered.release();
                return release.tryAcquire(1, 30'000);
            });
        });
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        const QString dataDir = m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()));
        QVERIFY(QDir().mkpath(dataDir));
        m_pool = std::make_unique<SqlConnections>(DatabaseConfig::sqlite(dataDir));
        QVERIFY(m_pool->writer());
        auto db = m_pool->connection();
        QVERIFY(db.ok());
        QSqlQuery create(db.value());
        QVERIFY(create.exec(u"CREATE TABLE t (v TEXT PRIMARY KEY)"_s));
    }

    void cleanup() { m_pool.reset(); }

    void concurrentWritesShareOneCommit()
    {
        QSemaphore entered;
        QSemaphore release;
        std::thread holder = holdWriter(entered, release);
        QVERIFY(entered.tryAcquire(1, 30'000));

        constexpr int kWriters = 8;
        std::vector<std::thread> writers;
        std::vector<std::optional<StoreError>> outcomes(kWriters);
        for (int i = 0; i < kWriters; ++i) {
            writers.emplace_back([this, i, &outcomes] {
                outcomes[std::size_t(i)] = writer().run(u"insert", insert(QString::number(i)));
            });
        }
        QTRY_COMPARE(writer().stats().queued, std::size_t(kWriters));
        release.release();
        holder.join();
        for (std::thread &thread : writers)
            thread.join();

        for (const auto &outcome : outcomes)
            QVERIFY(!outcome);
        QCOMPARE(rows(),
                 (QStringList{u"0"_s, u"1"_s, u"2"_s, u"3"_s, u"4"_s, u"5"_s, u"6"_s, u"7"_s}));
        // The holder's group, then all eight in one.
        QCOMPARE(writer().stats().groups, quint64(2));
        QCOMPARE(writer().stats().writes, quint64(kWriters + 1));
    }

    void aFailedWriteLeavesTheOthersOfItsGroup()
    {
        QSemaphore entered;
        QSemaphore release;
        std::thread holder = holdWriter(entered, release);
        QVERIFY(entered.tryAcquire(1, 30'000));

        // Queued in this order: kept, rolled back by its own answer, a
        // duplicate key (fails in SQL), kept.
        const std::vector<std::pair<QString, bool>> writes{
            {u"a"_s, true}, {u"b"_s, false}, {u"a"_s, true}, {u"c"_s, true}};
        std::vector<std::thread> threads;
        std::vector<int> answered(writes.size(), -1);
        for (std::size_t i = 0; i < writes.size(); ++i) {
            threads.emplace_back([this, i, &writes, &answered] {
                bool succeeded = false;
                const auto lost = writer().run(u"insert", [&](QSqlDatabase &db) {
                    succeeded = insert(writes[i].first, writes[i].second)(db);
                    return succeeded;
                });
                answered[i] = !lost && succeeded ? 1 : 0;
            });
            QTRY_COMPARE(writer().stats().queued, i + 1); // keeps the order
        }
        release.release();
        holder.join();
        for (std::thread &thread : threads)
            thread.join();

        QCOMPARE(answered, (std::vector<int>{1, 0, 0, 1}));
        QCOMPARE(rows(), (QStringList{u"a"_s, u"c"_s}));
        QCOMPARE(writer().stats().groups, quint64(2)); // still one commit for the four
    }

    void everyAcknowledgedWriteIsInTheFile()
    {
        // Many writers at once, without holding: whatever the grouping,
        // each acknowledged write is there for a new connection to read.
        constexpr int kThreads = 8;
        constexpr int kEach = 40;
        std::vector<std::thread> threads;
        std::atomic<int> acknowledged{0};
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([this, t, &acknowledged] {
                for (int i = 0; i < kEach; ++i) {
                    if (!writer().run(u"insert",
                                      insert(u"%1-%2"_s.arg(t).arg(i, 3, 10, QChar(u'0')))))
                        acknowledged.fetch_add(1);
                }
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        QCOMPARE(acknowledged.load(), kThreads * kEach);
        m_pool.reset(); // closes every connection; a fresh one reads the file
        m_pool = std::make_unique<SqlConnections>(
            DatabaseConfig::sqlite(m_dir.filePath(u"everyAcknowledgedWriteIsInTheFile"_s)));
        QCOMPARE(rows().size(), kThreads * kEach);
    }
};

QTEST_GUILESS_MAIN(TestSqliteWriter)
#include "tst_sqlitewriter.moc"
