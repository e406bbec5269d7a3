// BackgroundTokenCache with real SQLite files: the offline cache's work runs
// on its own thread while the caller's event loop goes on, only the newest
// pending list is written, and nothing asked for is lost when it closes.
#include "cache/BackgroundTokenCache.h"

#include <QDir>
#include <QFile>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>

using namespace ApiAccess;
using namespace Qt::StringLiterals;
using Snapshot = TokenListCache::Snapshot;
using Opened = BackgroundTokenCache::Opened;

namespace {

constexpr int kWaitMs = 10'000;

Snapshot snapshotOf(int count, const QString &prefix)
{
    Snapshot snapshot;
    snapshot.savedAt = QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC);
    snapshot.serverUrl = QUrl(u"https://tokens.example.org"_s);
    snapshot.username = u"alice"_s;
    for (int i = 0; i < count; ++i) {
        Token token;
        token.id = u"tok_%1"_s.arg(i, 8, 10, QChar(u'0'));
        token.name = u"%1 %2"_s.arg(prefix).arg(i);
        token.createdAt = snapshot.savedAt.addDays(-1);
        token.createdBy = u"alice"_s;
        token.updatedAt = token.createdAt;
        snapshot.tokens.append(token);
    }
    return snapshot;
}

Snapshot readBack(const QString &path)
{
    TokenListCache cache(path);
    return cache.open() ? cache.load() : Snapshot();
}

} // namespace

class TestBackgroundTokenCache : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name + u".sqlite"_s); }

private Q_SLOTS:
    void opensAndReadsOnItsOwnThread()
    {
        const Snapshot saved = snapshotOf(3, u"kept"_s);
        {
            TokenListCache cache(path(u"read"_s));
            QVERIFY(cache.open());
            QVERIFY(cache.save(saved));
        }
        BackgroundTokenCache background;
        QSignalSpy opened(&background, &BackgroundTokenCache::opened);
        background.open(path(u"read"_s));
        QCOMPARE(opened.size(), 0); // returns at once; the answer comes later
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, kWaitMs);
        const auto result = opened.first().first().value<Opened>();
        QVERIFY(result.available);
        QCOMPARE(result.path, path(u"read"_s));
        QCOMPARE(result.outcome, TokenListCache::OpenOutcome::Opened);
        QCOMPARE(result.snapshot, saved);
    }

    void saveRunsElsewhereWhileTheEventLoopGoesOn()
    {
        BackgroundTokenCache background;
        QSemaphore entered;
        QSemaphore release;
        std::atomic<QThread *> writer{nullptr};
        background.setRowWrittenHookForTesting([&](qsizetype row) {
            if (row == 0) {
                writer = QThread::currentThread();
                entered.release();
                release.acquire(); // held here until the test lets go
            }
            return true;
        });
        QSignalSpy saved(&background, &BackgroundTokenCache::saved);
        background.open(path(u"busy"_s));
        background.save(snapshotOf(50, u"slow"_s));

        // While the cache's thread is held inside the write, this thread's
        // event loop still runs timers: nothing waits for the disk here.
        QTRY_VERIFY_WITH_TIMEOUT(entered.available() == 1, kWaitMs);
        bool ticked = false;
        QTimer::singleShot(0, this, [&ticked] { ticked = true; });
        QTRY_VERIFY_WITH_TIMEOUT(ticked, kWaitMs);
        QVERIFY(writer.load() != nullptr);
        QVERIFY(writer.load() != QThread::currentThread());
        QCOMPARE(saved.size(), 0);

        release.release();
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, kWaitMs);
        QCOMPARE(saved.first().at(1).toBool(), true);
        QCOMPARE(readBack(path(u"busy"_s)).tokens.size(), 50);
    }

    void onlyTheNewestPendingListIsWritten()
    {
        BackgroundTokenCache background;
        QSemaphore entered;
        QSemaphore release;
        std::atomic<bool> holdFirst{true};
        background.setRowWrittenHookForTesting([&](qsizetype row) {
            if (row == 0 && holdFirst.exchange(false)) {
                entered.release();
                release.acquire();
            }
            return true;
        });
        QSignalSpy saved(&background, &BackgroundTokenCache::saved);
        background.open(path(u"newest"_s));
        background.save(snapshotOf(2, u"first"_s));
        QTRY_VERIFY_WITH_TIMEOUT(entered.available() == 1, kWaitMs);
        // Queued while the first is being written: each replaces the last.
        background.save(snapshotOf(4, u"second"_s));
        background.save(snapshotOf(6, u"third"_s));
        const QDateTime touched(QDate(2026, 12, 8), QTime(3, 0), Qt::UTC);
        background.touch(touched);
        release.release();

        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 2, kWaitMs); // the first, then the newest
        QSignalSpy opened(&background, &BackgroundTokenCache::opened);
        background.open(path(u"newest"_s)); // answered after every earlier job
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, kWaitMs);
        QCOMPARE(saved.size(), 2);
        const Snapshot last = readBack(path(u"newest"_s));
        QCOMPARE(last.tokens.size(), 6);
        QCOMPARE(last.tokens.first().name, u"third 0"_s);
        QCOMPARE(last.savedAt, touched);
    }

    void touchMovesOnlyTheTime()
    {
        BackgroundTokenCache background;
        QSignalSpy saved(&background, &BackgroundTokenCache::saved);
        background.open(path(u"touch"_s));
        background.touch(QDateTime::currentDateTimeUtc()); // nothing saved yet
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, kWaitMs);
        QCOMPARE(saved.first().at(1).toBool(), false);
        QVERIFY(!saved.first().at(2).toString().isEmpty());

        const Snapshot snapshot = snapshotOf(3, u"kept"_s);
        background.save(snapshot);
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 2, kWaitMs);
        const QDateTime later = snapshot.savedAt.addSecs(3600);
        background.touch(later);
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 3, kWaitMs);
        QCOMPARE(saved.at(2).at(1).toBool(), true);
        Snapshot expected = snapshot;
        expected.savedAt = later;
        QCOMPARE(readBack(path(u"touch"_s)), expected);
    }

    void closingFinishesWhatWasAsked()
    {
        {
            BackgroundTokenCache background;
            background.open(path(u"closing"_s));
            background.save(snapshotOf(500, u"last words"_s));
        } // destroyed at once, before its thread could have started
        QCOMPARE(readBack(path(u"closing"_s)).tokens.size(), 500);
    }

    void eraseClosesAndRemovesTheFiles()
    {
        BackgroundTokenCache background;
        QSignalSpy saved(&background, &BackgroundTokenCache::saved);
        background.open(path(u"erased"_s));
        background.save(snapshotOf(3, u"gone"_s));
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, kWaitMs);
        QVERIFY(QFile::exists(path(u"erased"_s)));
        background.erase(path(u"erased"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(path(u"erased"_s)), kWaitMs);
        // Closed with it: a later save has no file to go to. (Jobs run in
        // order, so once the next open has answered, the save is done.)
        background.save(snapshotOf(1, u"after"_s));
        QSignalSpy opened(&background, &BackgroundTokenCache::opened);
        background.open(path(u"next"_s));
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, kWaitMs);
        QVERIFY(!QFile::exists(path(u"erased"_s)));
        QCOMPARE(saved.size(), 1);
    }

    void aFileThatCannotBeMadeIsReported()
    {
        QFile blocker(m_dir.filePath(u"not-a-directory"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        BackgroundTokenCache background;
        QSignalSpy opened(&background, &BackgroundTokenCache::opened);
        background.open(m_dir.filePath(u"not-a-directory/profile.sqlite"_s));
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, kWaitMs);
        const auto result = opened.first().first().value<Opened>();
        QVERIFY(!result.available);
        QVERIFY(!result.error.isEmpty());
        QVERIFY(!result.snapshot.savedAt.isValid());
    }
};

QTEST_GUILESS_MAIN(TestBackgroundTokenCache)
#include "tst_backgroundtokencache.moc"
