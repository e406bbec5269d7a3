// How long the Studio's offline token cache takes to open, load and save
// 1,000 and 10,000 tokens (issue #6: 1,000 cached tokens must be on screen
// before any network reply). Prints medians; asserts nothing.
//   token_cache_bench [directory]   (default: a temporary directory)
#include "cache/TokenListCache.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <functional>
#include <vector>

using namespace ApiAccess;
using namespace Qt::StringLiterals;

namespace {

constexpr int kRuns = 9;

QList<Token> makeTokens(int count)
{
    const QDateTime start(QDate(2026, 1, 1), QTime(9, 0), Qt::UTC);
    QList<Token> tokens;
    tokens.reserve(count);
    for (int i = 0; i < count; ++i) {
        Token token;
        token.id = u"tok_%1"_s.arg(i, 8, 10, QChar(u'0'));
        token.name = u"Integration number %1"_s.arg(i);
        token.accessLevel = AccessLevels::all().at(i % 5);
        if (i % 3 != 0)
            token.allowedIpRanges = {u"10.%1.0.0/16"_s.arg(i % 256), u"2001:db8::%1"_s.arg(i)};
        token.status = i % 7 == 0 ? TokenStatus::Disabled : TokenStatus::Active;
        token.createdAt = start.addSecs(i);
        token.createdBy = u"admin"_s;
        token.updatedAt = start.addSecs(2 * i);
        if (i % 2 == 0)
            token.expiresAt = start.addDays(365);
        if (i % 4 != 0) {
            token.lastUsedAt = start.addSecs(3 * i);
            token.lastUsedIp = u"10.0.%1.%2"_s.arg(i / 256 % 256).arg(i % 256);
        }
        tokens.append(token);
    }
    return tokens;
}

// Median milliseconds of kRuns calls; false from `step` aborts.
double medianMs(const std::function<bool()> &step, bool *ok)
{
    std::vector<double> times;
    for (int run = 0; run < kRuns && *ok; ++run) {
        QElapsedTimer timer;
        timer.start();
        *ok = step();
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir temporary;
    const QString dir = app.arguments().size() > 1 ? app.arguments().at(1) : temporary.path();
    QTextStream out(stdout);
    out << "token_cache_bench: median of " << kRuns << " runs in " << dir << "\n";
    // "unsynced": save() with PRAGMA synchronous = OFF, i.e. its CPU cost
    // without the disk's flushes (the Studio never runs like that).
    out << "tokens\topen ms\tload ms\tsave ms\tunsynced save ms\n";
    for (const int count : {1000, 10000}) {
        const QString path = dir + u"/bench-%1.sqlite"_s.arg(count);
        TokenListCache::Snapshot snapshot{makeTokens(count), QDateTime::currentDateTimeUtc(),
                                          QUrl(u"https://tokens.example"_s), u"admin"_s};
        bool ok = true;
        {
            TokenListCache cache(path);
            ok = cache.open() && cache.save(snapshot);
        }
        // open() as the Studio starts: a new connection, quick_check included.
        const double open = medianMs(
            [&] {
                TokenListCache cache(path);
                return cache.open();
            },
            &ok);
        TokenListCache cache(path);
        ok = ok && cache.open();
        const double load = medianMs([&] { return cache.load().tokens.size() == count; }, &ok);
        const double save = medianMs([&] { return cache.save(snapshot); }, &ok);
        QSqlQuery(QSqlDatabase::database(cache.connectionName(), false))
            .exec(u"PRAGMA synchronous = OFF"_s);
        const double unsynced = medianMs([&] { return cache.save(snapshot); }, &ok);
        if (!ok) {
            out << "failed: " << cache.errorString() << "\n";
            return 1;
        }
        out << count << "\t" << Qt::fixed << qSetRealNumberPrecision(2) << open << "\t" << load
            << "\t" << save << "\t" << unsynced << "\n";
        cache.erase();
    }
    return 0;
}
