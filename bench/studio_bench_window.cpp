#include "studio_bench_window.h"

#include "StudioTestSupport.h"
#include "TokenFilterProxyModel.h"
#include "keychain/SessionKeychain.h"
#include "mainwindow/MainWindow.h"
#include "profiles/ProfileStore.h"
#include "server_bench_targets.h"
#include "session/ProfileController.h"
#include "studio_bench_support.h"

#include <QAction>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileSystemWatcher>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ApiAccess::Bench {

namespace {

constexpr int kListTimeoutMs = 300'000;
// Typed one key at a time, then erased: every key re-filters the list.
const QString kQuery = u"backup nightly 3-1234"_s;

qint64 ownKiB(QByteArrayView field)
{
    return statusKiB(QCoreApplication::applicationPid(), field);
}

// When the window's tokensLoaded reached the slots before and after the
// ProfileController's, which has the offline cache written there.
struct LoadMarks
{
    qint64 loaded = 0;
    qint64 saved = 0;
    int cacheChanges = 0; // CacheWatch::changes() then
};

// The offline cache is written on a thread the ProfileController keeps to
// itself. Seen from outside, a write is SQLite's rollback journal
// (journal_mode = DELETE) coming and going in the cache folder.
class CacheWatch
{
public:
    explicit CacheWatch(const QString &folder)
        : m_folder(folder)
    {
        QDir().mkpath(folder);
        QFile::setPermissions(
            folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QObject::connect(&m_watcher, &QFileSystemWatcher::directoryChanged, &m_watcher,
                         [this] { ++m_changes; });
        m_watcher.addPath(folder);
    }
    int changes() const { return m_changes; }
    // Once the folder changed after `changesBefore` and holds no journal:
    // when that was seen on this thread, or -1 after `timeoutMs`.
    qint64 waitForWrite(int changesBefore, int timeoutMs)
    {
        QSignalSpy changed(&m_watcher, &QFileSystemWatcher::directoryChanged);
        const QDeadlineTimer deadline(timeoutMs);
        while (m_changes <= changesBefore || hasJournal()) {
            if (deadline.hasExpired() || !changed.wait(int(deadline.remainingTime())))
                return -1;
        }
        return nowNs();
    }

private:
    bool hasJournal() const
    {
        return !QDir(m_folder).entryList({u"*-journal"_s}, QDir::Files).isEmpty();
    }

    QString m_folder;
    QFileSystemWatcher m_watcher;
    int m_changes = 0;
};

} // namespace

WindowFigures measureWindow(const WindowRun &run)
{
    WindowFigures figures;
    CountingProxy proxy(quint16(run.server.port()));
    if (!proxy.start()) {
        figures.error = u"the counting proxy did not start"_s;
        return figures;
    }
    QUrl viaProxy = run.server;
    viaProxy.setPort(proxy.port());
    const auto session = Testing::signInSession(viaProxy, run.username, run.password);
    if (!session) {
        figures.error = u"signing in failed"_s;
        return figures;
    }

    QTemporaryDir dir;
    StallWatchdog watchdog;
    LoadMarks marks;
    CacheWatch cache(dir.filePath(u"cache"_s));
    MainWindow window;
    window.setAutoRefreshInterval(std::chrono::hours(24)); // only the refreshes measured here
    // Connected before the controller is: runs before its cache save.
    QObject::connect(&window, &MainWindow::tokensLoaded, &window, [&marks, &cache] {
        marks.loaded = nowNs();
        marks.cacheChanges = cache.changes();
    });
    ProfileStore profiles(dir.filePath(u"studio.ini"_s));
    SessionKeychain keychain(u"io.github.apiaccess.Studio.bench"_s);
    ProfileController controller(window, profiles, keychain);
    controller.setCacheDirectory(dir.filePath(u"cache"_s));
    QObject::connect(&window, &MainWindow::tokensLoaded, &window,
                     [&marks] { marks.saved = nowNs(); });
    window.show();
    auto *search = window.findChild<QLineEdit *>(u"searchEdit"_s);
    auto *view = window.findChild<QTableView *>(u"tokensView"_s);
    auto *filter = view ? qobject_cast<TokenFilterProxyModel *>(view->model()) : nullptr;
    if (!search || !view || !filter) {
        figures.error = u"searchEdit or tokensView not found"_s;
        return figures;
    }
    QSignalSpy loaded(&window, &MainWindow::tokensLoaded);
    QSignalSpy failed(&window, &MainWindow::refreshFailed);
    const auto waitForList = [&] {
        if (loaded.wait(kListTimeoutMs))
            return true;
        figures.error = u"the list did not load: %1"_s.arg(
            failed.isEmpty() ? u"timed out"_s : failed.last().first().toString());
        return false;
    };
    watchdog.start();
    settle();
    figures.rssBeforeKiB = ownKiB("VmRSS");

    // 1. The first load, as after a sign-in through the dialog: the session
    // set on the window (which starts the list), then signedIn, on which the
    // ProfileController adopts the profile and opens its offline cache.
    qint64 bytesBefore = proxy.bytes();
    const qint64 start = nowNs();
    window.setSession(*session);
    Q_EMIT window.signedIn(*session, false);
    if (!waitForList())
        return figures;
    const qint64 settled = settle();
    const qint64 written = cache.waitForWrite(marks.cacheChanges, kListTimeoutMs);
    watchdog.waitForTick();
    if (settled < 0 || written < 0) {
        figures.error = u"the window did not settle, or the cache was not written"_s;
        return figures;
    }
    figures.rows = view->model()->rowCount();
    figures.loadMs = msBetween(start, marks.loaded);
    figures.loadLastByteMs = msBetween(start, proxy.lastDownstreamNs());
    figures.loadSettledMs = msBetween(start, settled);
    figures.loadBytes = proxy.bytes() - bytesBefore;
    figures.rssAfterKiB = ownKiB("VmRSS");
    figures.hwmAfterKiB = ownKiB("VmHWM");
    figures.loadStallMs = watchdog.longestMs(start, marks.loaded);
    figures.loadBlockMs = watchdog.gapAroundMs(marks.loaded);
    figures.loadSlotMs = msBetween(marks.loaded, marks.saved);
    figures.loadSaveMs = msBetween(marks.loaded, written);
    figures.loadSaveStallMs = watchdog.longestMs(marks.loaded, written);

    // 2. Search keystrokes. Not debounced if the proxy has the new text as
    // soon as the key event returns; if it were, the cost of applying the
    // filter is what counts, not the timer's delay.
    window.focusSearch();
    const int typed = std::min(int(kQuery.size()), run.keystrokes / 2);
    for (int key = 0; key < 2 * typed; ++key) {
        settle();
        const qint64 pressed = nowNs();
        if (key < typed)
            QTest::keyClick(search, kQuery.at(key).toLatin1());
        else
            QTest::keyClick(search, Qt::Key_Backspace);
        qint64 handled = nowNs();
        if (filter->searchText() != search->text()) {
            figures.debounced = true;
            const qint64 applying = nowNs();
            filter->setSearchText(search->text());
            handled = pressed + (nowNs() - applying);
        }
        const qint64 keySettled = settle();
        figures.keyHandledMs.push_back(msBetween(pressed, handled));
        figures.keySettledMs.push_back(msBetween(pressed, keySettled));
        figures.rowsAfterKey.append(view->model()->rowCount());
    }

    // 3. Refreshes of the unchanged list (F5).
    for (int i = 0; i < run.refreshes; ++i) {
        settle();
        bytesBefore = proxy.bytes();
        const qint64 asked = nowNs();
        window.refreshAction()->trigger();
        if (!waitForList())
            return figures;
        settle();
        const qint64 refreshWritten = cache.waitForWrite(marks.cacheChanges, kListTimeoutMs);
        watchdog.waitForTick();
        if (refreshWritten < 0) {
            figures.error = u"the cache was not written after a refresh"_s;
            return figures;
        }
        figures.refreshMs.push_back(msBetween(asked, marks.loaded));
        figures.refreshServerMs.push_back(
            msBetween(proxy.lastUpstreamNs(), proxy.lastDownstreamNs()));
        figures.refreshBytes.push_back(proxy.bytes() - bytesBefore);
        const auto worst = [](double &figure, double value) {
            figure = std::max(figure, value);
        };
        worst(figures.refreshStallMs, watchdog.longestMs(asked, marks.loaded));
        worst(figures.refreshBlockMs, watchdog.gapAroundMs(marks.loaded));
        worst(figures.refreshSlotMs, msBetween(marks.loaded, marks.saved));
        worst(figures.refreshSaveMs, msBetween(marks.loaded, refreshWritten));
        worst(figures.refreshSaveStallMs, watchdog.longestMs(marks.loaded, refreshWritten));
    }

    // 4. What the window's 30-second timer does to keep "3 minutes ago" true.
    settle();
    const qint64 timesStart = nowNs();
    window.tokenModel().refreshTimes();
    const qint64 timesSettled = settle();
    figures.timesStallMs = watchdog.longestMs(timesStart, timesSettled);
    return figures;
}

} // namespace ApiAccess::Bench
