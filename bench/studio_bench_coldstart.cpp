#include "studio_bench_coldstart.h"

#include "cache/TokenListCache.h"
#include "profiles/ProfileStore.h"
#include "studio_bench_support.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ApiAccess::Bench {

namespace {

constexpr int kRunTimeoutMs = 60'000;

struct Launch
{
    double wallMs = -1;
    double peakMiB = -1;
    int rows = -1;
    QString error;
};

// The last used profile in the Studio's own settings file, and its offline
// cache with `count` tokens, where the Studio looks for them under `home`.
// Keep me signed in is off: the Studio shows the cached list, then opens
// the sign-in dialog; no keychain, no network before the first paint.
bool prepareProfile(const QString &home, int count)
{
    ProfileStore store(home + u"/.config/apiaccess/apiaccess-studio.conf"_s);
    ConnectionProfile profile;
    profile.displayName = u"Bench"_s;
    profile.serverUrl = QUrl(u"http://127.0.0.1:9"_s); // discard: nothing answers
    profile.username = u"bench"_s;
    profile = store.add(profile);
    store.setLastUsedId(profile.id);
    TokenListCache cache(home + u"/.cache/apiaccess/apiaccess-studio/tokens/"_s
                         + QFileInfo(TokenListCache::defaultPath(profile.id)).fileName());
    if (!cache.open())
        return false;
    TokenListCache::Snapshot snapshot;
    snapshot.serverUrl = profile.serverUrl;
    snapshot.username = profile.username;
    snapshot.savedAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
    const QList<AccessLevel> levels = AccessLevels::all();
    for (int i = 0; i < count; ++i) {
        Token token;
        token.id = u"tok_%1"_s.arg(qulonglong(QRandomGenerator::global()->generate64()), 16, 36,
                                   QLatin1Char('0'));
        token.name = benchTokenName(i % 8, i);
        token.accessLevel = levels.at(i % levels.size());
        token.createdBy = profile.username;
        token.createdAt = snapshot.savedAt.addDays(-1 - i % 300);
        token.updatedAt = token.createdAt;
        if (i % 3 == 0)
            token.lastUsedAt = snapshot.savedAt.addSecs(-i);
        snapshot.tokens.append(token);
    }
    return cache.save(snapshot);
}

// `rows`: the probe waits for a table painted with at least that many.
Launch launch(const QString &program, QProcessEnvironment environment, int rows)
{
    Launch result;
    QProcess process;
    environment.insert(u"QT_QPA_GENERIC_PLUGINS"_s, u"studiobenchprobe:%1"_s.arg(rows));
    process.setProcessEnvironment(environment);
    process.setProgram(program);
    const qint64 start = nowNs();
    process.start();
    if (!process.waitForFinished(kRunTimeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    const QList<QByteArray> fields = process.readAllStandardOutput().trimmed().split(' ');
    if (fields.size() != 5 || fields[0] != "apiaccess-bench-first-paint") {
        result.error = u"%1 painted no table: %2"_s.arg(
            QFileInfo(program).fileName(),
            QString::fromLocal8Bit(process.readAllStandardError().right(2000)));
        return result;
    }
    result.wallMs = msBetween(start, fields[1].toLongLong());
    result.rows = fields[2].toInt();
    result.peakMiB = double(fields[3].toLongLong()) / 1024;
    return result;
}

double medianRatio(const std::vector<double> &a, const std::vector<double> &b)
{
    std::vector<double> ratios;
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
        ratios.push_back(a[i] / std::max(b[i], 1e-9));
    return medianOf(ratios);
}

} // namespace

ColdStartFigures measureColdStart(const QString &home, int pairs, int cachedTokens)
{
    ColdStartFigures figures;
    figures.cachedTokens = cachedTokens;
    if (!prepareProfile(home, cachedTokens)) {
        figures.error = u"the profile's offline cache could not be written"_s;
        return figures;
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : {u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s, u"SESSION_MANAGER"_s})
        environment.remove(name);
    environment.insert(u"HOME"_s, home);
    environment.insert(u"XDG_CONFIG_HOME"_s, home + u"/.config"_s);
    environment.insert(u"XDG_CACHE_HOME"_s, home + u"/.cache"_s);
    environment.insert(u"XDG_DATA_HOME"_s, home + u"/.local/share"_s);
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    environment.insert(u"QT_PLUGIN_PATH"_s, QStringLiteral(APIACCESS_PROBE_PLUGIN_DIR));

    const QString studio = QStringLiteral(APIACCESS_STUDIO_BINARY);
    const QString hello = QStringLiteral(APIACCESS_HELLO_BINARY);
    // One of each first, unmeasured: the binaries and libraries into the page cache.
    for (const QString &program : {hello, studio}) {
        const Launch warm = launch(program, environment, program == studio ? cachedTokens : 0);
        if (!warm.error.isEmpty()) {
            figures.error = warm.error;
            return figures;
        }
    }
    for (int pair = 0; pair < pairs; ++pair) {
        // Which goes first alternates, so neither always follows the other.
        Launch s, h;
        if (pair % 2 == 0)
            h = launch(hello, environment, 0);
        s = launch(studio, environment, cachedTokens);
        if (pair % 2 == 1)
            h = launch(hello, environment, 0);
        if (!s.error.isEmpty() || !h.error.isEmpty()) {
            figures.error = s.error.isEmpty() ? h.error : s.error;
            return figures;
        }
        figures.studioRows = s.rows;
        figures.studioMs.push_back(s.wallMs);
        figures.helloMs.push_back(h.wallMs);
        figures.studioPeakMiB.push_back(s.peakMiB);
        figures.helloPeakMiB.push_back(h.peakMiB);
    }
    figures.wallRatio = medianRatio(figures.studioMs, figures.helloMs);
    figures.memoryRatio = medianRatio(figures.studioPeakMiB, figures.helloPeakMiB);
    return figures;
}

} // namespace ApiAccess::Bench
