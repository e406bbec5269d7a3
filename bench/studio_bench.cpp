// API Access Studio's speed goals (issue #15), each beside its goal and,
// where there is one, its reference in the same run:
//
// 1. First load of --tokens tokens (default 100,000) from a real
//    apiaccess-server (SQLite): from the session set on the window to the
//    table populated (goal ≤ 1.5 s), and resident memory then (≤ 100 MiB).
// 2. Search: --keystrokes keys typed into the search field, one at a time,
//    then erased: key event to filter applied, and to settled (median ≤ 16 ms).
// 3. The longest GUI stall (a 5 ms timer on the GUI thread) in the first
//    load, a refresh of the unchanged list, while the offline cache is
//    written after each, and in the 30-second times refresh (≤ 50 ms each).
// 4. Refresh (F5) of the unchanged list: wall time (≤ 50 ms) and bytes on
//    the wire (≤ 2 KiB), counted by a TCP relay between window and server.
// 5. Cold start of the real apiaccess-studio with --cached tokens in its
//    offline cache, beside a Qt Widgets hello world, --pairs pairs: wall
//    time to the first painted table and peak memory (≤ 1.5× hello world).
//
// All of it offscreen (QT_QPA_PLATFORM=offscreen), with HOME, the XDG
// folders and the D-Bus session bus of its own (no keychain). Prints
// markdown; exits 1 when a step failed, never for a goal not met.
//   studio_bench [--tokens N] [--keystrokes K] [--refreshes R] [--pairs P]
//                [--cached C] [--only coldstart,window]
#include "bench_goals.h"
#include "server_bench_load.h"
#include "server_bench_targets.h"
#include "studio_bench_coldstart.h"
#include "studio_bench_support.h"
#include "studio_bench_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QVersionNumber>

#include <optional>
#include <thread>

using namespace Qt::StringLiterals;
using namespace ApiAccess::Bench;

namespace {

QTextStream out(stdout);
QTextStream err(stderr);

// HOME, XDG folders and a D-Bus address where no bus is, for this process
// and its children, before anything reads them.
void usePrivateHome(const QString &home)
{
    const QString runtime = home + u"/runtime"_s;
    for (const QString &dir : {u"/.config"_s, u"/.cache"_s, u"/.local/share"_s, u"/runtime"_s})
        QDir().mkpath(home + dir);
    QFile::setPermissions(runtime,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    qputenv("HOME", QFile::encodeName(home));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(home + u"/.config"_s));
    qputenv("XDG_CACHE_HOME", QFile::encodeName(home + u"/.cache"_s));
    qputenv("XDG_DATA_HOME", QFile::encodeName(home + u"/.local/share"_s));
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime));
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + QFile::encodeName(home + u"/no-bus"_s));
    qunsetenv("DISPLAY"); // no D-Bus autolaunch through X11 either
    qunsetenv("WAYLAND_DISPLAY");
    qputenv("QT_QPA_PLATFORM", "offscreen");
}

// `tokens` on the server in all, with the one BenchServer made: 8 clients
// at once, as server_bench's listing does.
bool seed(const BenchServer &bench, int tokens)
{
    const std::string bearer = bench.bearer.toStdString();
    const auto make = [&bearer](int client, int i) {
        return createRequest(bearer, benchTokenName(client, i).toStdString());
    };
    const int others = tokens - 1;
    const int each = others / 8;
    int failed = concurrently(bench.port(), 8, each, 201, make).failedClients;
    if (const int rest = others - 8 * each; rest > 0)
        failed += concurrently(bench.port(), 1, rest, 201, [&make](int, int i) {
                      return make(8, i);
                  }).failedClients;
    return failed == 0;
}

QString number(double value, int decimals = 0)
{
    return QLocale(QLocale::English).toString(value, 'f', decimals);
}

QString ms(double value)
{
    return number(value, value < 100 ? 1 : 0) + u" ms"_s;
}

QString mib(double kib)
{
    return number(kib / 1024, 1) + u" MiB"_s;
}

void row(const QString &figure, const QString &value, const QString &goal = u"—"_s,
         std::optional<bool> met = std::nullopt)
{
    out << u"| "_s << figure << u" | "_s << value << u" | "_s << goal << u" | "_s
        << (met ? (*met ? u"met"_s : u"**not met**"_s) : u"—"_s) << u" |"_s << Qt::endl;
    if (met)
        recordGoal(u"Studio: "_s + figure, value, goal, *met);
}

double maxOf(const std::vector<double> &values)
{
    return values.empty() ? 0 : *std::max_element(values.begin(), values.end());
}

void printWindow(const WindowFigures &f)
{
    const QString n = number(f.rows);
    row(u"First load of %1 tokens: session set → table populated (tokensLoaded)"_s.arg(n),
        ms(f.loadMs), u"≤ 1,500 ms"_s, f.loadMs <= 1500);
    row(u"… the list's last byte through the relay (%1 bytes)"_s.arg(number(double(f.loadBytes))),
        ms(f.loadLastByteMs));
    row(u"… settled: nothing left for the GUI thread (layout, paint, column widths)"_s,
        ms(f.loadSettledMs));
    row(u"Resident memory after the first load, VmRSS (window shown empty: %1)"_s.arg(
            mib(double(f.rssBeforeKiB))),
        mib(double(f.rssAfterKiB)), u"≤ 100 MiB"_s, f.rssAfterKiB <= 100 * 1024);
    row(u"Peak resident memory by then, VmHWM"_s, mib(double(f.hwmAfterKiB)), u"≤ 100 MiB"_s,
        f.hwmAfterKiB <= 100 * 1024);
    const int keys = int(f.keyHandledMs.size());
    const double handled = medianOf(f.keyHandledMs);
    const double settled = medianOf(f.keySettledMs);
    row(u"Search keystroke at %1 rows: key event handled, filter applied (median of %2)"_s.arg(n)
            .arg(keys),
        ms(handled), u"≤ 16 ms"_s, handled <= 16);
    row(u"… the slowest of the %1"_s.arg(keys), ms(maxOf(f.keyHandledMs)));
    row(u"Search keystroke: key to laid out, painted, settled (median)"_s, ms(settled),
        u"≤ 16 ms"_s, settled <= 16);
    row(u"… the slowest of the %1"_s.arg(keys), ms(maxOf(f.keySettledMs)));
    const auto stall = [](const QString &what, double value) {
        const QString figure = what.startsWith(u'…') ? what : u"Longest GUI stall: "_s + what;
        row(figure, ms(value), u"≤ 50 ms"_s, value <= 50);
    };
    stall(u"first load (session set → tokensLoaded)"_s, f.loadStallMs);
    stall(u"… its last step as one block (the ticks before and after tokensLoaded)"_s,
          f.loadBlockMs);
    stall(u"… while the offline cache is written after it (%1 until seen done; the "
          u"controller's slot %2)"_s.arg(ms(f.loadSaveMs), ms(f.loadSlotMs)),
          f.loadSaveStallMs);
    const int refreshes = int(f.refreshMs.size());
    stall(u"refresh of the unchanged list (F5 → tokensLoaded; worst of %1)"_s.arg(refreshes),
          f.refreshStallMs);
    stall(u"… its last step as one block"_s, f.refreshBlockMs);
    stall(u"… while the offline cache is written after it (%1 until seen done; the "
          u"controller's slot %2)"_s.arg(ms(f.refreshSaveMs), ms(f.refreshSlotMs)),
          f.refreshSaveStallMs);
    stall(u"refreshTimes() (the window's 30-second timer)"_s, f.timesStallMs);
    std::vector<double> bytes;
    for (const qint64 b : f.refreshBytes)
        bytes.push_back(double(b));
    const double refresh = medianOf(f.refreshMs);
    const double wire = medianOf(bytes);
    row(u"Refresh of the unchanged list: F5 → tokensLoaded (median of %1)"_s.arg(refreshes),
        ms(refresh), u"≤ 50 ms"_s, refresh <= 50);
    row(u"… of which the server: its last request's last byte to the answer's (median)"_s,
        ms(medianOf(f.refreshServerMs)));
    row(u"… bytes on the wire, both ways (median)"_s, number(wire) + u" B"_s, u"≤ 2,048 B"_s,
        wire <= 2048);
}

void printColdStart(const ColdStartFigures &f)
{
    const auto ratio = [](double value) -> QString {
        return number(value, 2) + u"×"_s;
    };
    const int pairs = int(f.studioMs.size());
    row(u"Cold start, %1 cached tokens: wall time to the first painted table, Studio ÷ "
        u"hello world (median of %2 pairs; medians %3 and %4)"_s.arg(number(f.cachedTokens))
            .arg(pairs)
            .arg(ms(medianOf(f.studioMs)), ms(medianOf(f.helloMs))),
        ratio(f.wallRatio), u"≤ 1.5×"_s, f.wallRatio <= 1.5);
    row(u"Cold start: peak memory (VmHWM) then, Studio ÷ hello world (medians %1 and %2)"_s.arg(
            mib(medianOf(f.studioPeakMiB) * 1024), mib(medianOf(f.helloPeakMiB) * 1024)),
        ratio(f.memoryRatio), u"≤ 1.5×"_s, f.memoryRatio <= 1.5);
}

} // namespace

int main(int argc, char **argv)
{
    QTemporaryDir home;
    if (!home.isValid())
        return 1;
    usePrivateHome(home.path());
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption tokens(u"tokens"_s, u"Tokens on the server."_s, u"N"_s, u"100000"_s);
    const QCommandLineOption keystrokes(u"keystrokes"_s, u"Search keys, typed then erased."_s,
                                        u"K"_s, u"20"_s);
    const QCommandLineOption refreshes(u"refreshes"_s, u"Refreshes measured."_s, u"R"_s, u"3"_s);
    const QCommandLineOption pairs(u"pairs"_s, u"Cold starts of each program."_s, u"P"_s, u"5"_s);
    const QCommandLineOption cached(u"cached"_s, u"Tokens in the offline cache at cold start."_s,
                                    u"C"_s, u"1000"_s);
    const QCommandLineOption only(u"only"_s, u"Only these parts: coldstart, window."_s, u"LIST"_s,
                                  u"coldstart,window"_s);
    parser.addOptions({tokens, keystrokes, refreshes, pairs, cached, only});
    parser.process(app);
    const QStringList parts = parser.value(only).split(u',');

    std::optional<ColdStartFigures> cold;
    if (parts.contains(u"coldstart"_s)) {
        // First, while nothing else runs: no server, no window with timers.
        err << "cold start: " << parser.value(pairs) << " pairs" << Qt::endl;
        cold = measureColdStart(home.filePath(u"coldstart"_s), parser.value(pairs).toInt(),
                                parser.value(cached).toInt());
    }
    std::optional<WindowFigures> window;
    if (parts.contains(u"window"_s)) {
        BenchServer bench;
        if (!bench.start("sqlite")) {
            err << "the server did not start: "
                << (bench.server ? bench.server->errorString() : QString()) << Qt::endl;
            return 1;
        }
        const int n = parser.value(tokens).toInt();
        err << "creating " << n << " tokens" << Qt::endl;
        QElapsedTimer seeding;
        seeding.start();
        if (!seed(bench, n)) {
            err << "creating the tokens failed" << Qt::endl;
            return 1;
        }
        err << "created in " << seeding.elapsed() / 1000 << " s; measuring the window" << Qt::endl;
        WindowRun run;
        run.server = bench.server->baseUrl();
        run.username = kAdmin;
        run.password = kPassword;
        run.keystrokes = parser.value(keystrokes).toInt();
        run.refreshes = parser.value(refreshes).toInt();
        window = measureWindow(run);
    }

    out << "# API Access Studio benchmarks (" << QSysInfo::prettyProductName() << ", "
        << std::thread::hardware_concurrency() << " cores, Qt "
        << QLibraryInfo::version().toString()
        << ", offscreen)\n\n| figure | measured | goal | verdict |\n|---|---:|---:|---|"
        << Qt::endl;
    if (window && window->error.isEmpty())
        printWindow(*window);
    if (cold && cold->error.isEmpty())
        printColdStart(*cold);

    int status = 0;
    if (window) {
        out << "\nSearch: "
            << (window->debounced ? "debounced; the figures are the cost of "
                                    "applying the filter, not the delay"
                                  : "not debounced (the filter runs inside the "
                                    "key event)")
            << ". Each key: rows after it, key event ms, settled ms:";
        for (qsizetype i = 0; i < window->rowsAfterKey.size(); ++i)
            out << u" %1 %2 %3;"_s.arg(window->rowsAfterKey[i])
                       .arg(number(window->keyHandledMs[std::size_t(i)], 1))
                       .arg(number(window->keySettledMs[std::size_t(i)], 1));
        out << Qt::endl;
        if (!window->error.isEmpty()) {
            out << "\nThe window: " << window->error << Qt::endl;
            status = 1;
        }
    }
    if (cold) {
        out << "\nCold start runs (ms, MiB), Studio | hello world, the Studio painting "
            << cold->studioRows << " rows:";
        for (std::size_t i = 0; i < cold->studioMs.size(); ++i)
            out << u" %1 %2 | %3 %4;"_s.arg(number(cold->studioMs[i], 1))
                       .arg(number(cold->studioPeakMiB[i], 1))
                       .arg(number(cold->helloMs[i], 1))
                       .arg(number(cold->helloPeakMiB[i], 1));
        out << Qt::endl;
        if (!cold->error.isEmpty()) {
            out << "\nCold start: " << cold->error << Qt::endl;
            status = 1;
        }
    }
    return status;
}
