#include "api/TokenFeed.h"

#include "api/ChangeCursor.h"
#include "api/HandlerSupport.h"
#include "api/Problems.h"
#include "api/TokenJson.h"
#include "store/TokenStore.h"

#include <QCoreApplication>
#include <QSet>

#include <limits>

using namespace Qt::StringLiterals;

namespace ApiAccess::Server::TokenFeed {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TokenFeed", text);
}

// A cursor is answered while the change records after it are surely kept;
// the minute less allows for instances whose clocks differ.
constexpr qint64 kCursorLifetimeMs =
    std::chrono::milliseconds(kChangeRecordRetention - std::chrono::minutes(1)).count();
// Last use is written in batches (about a second late), and instances'
// clocks differ: tokens used this long before the cursor are sent again.
constexpr qint64 kUseMarginMs = 5'000;
// Expiry is evaluated against the clock of whichever instance answers.
constexpr qint64 kExpiryMarginMs = 5'000;
// More changed tokens than this: listing afresh is cheaper.
constexpr qsizetype kMaxChangedTokens = 1000;
constexpr int kReadBatch = 500;
// How far back an anchor looks for generations not committed yet.
constexpr int kAnchorLookBack = 1000;

HttpResponse tooOld()
{
    return Problems::changesExpired(
        tr("The changes since this cursor are no longer kept. List the tokens again (without "
           "changedSince) and follow the new changesCursor."));
}

} // namespace

Result<QString, HttpResponse> anchor(ApiContext &context)
{
    const qint64 now = context.nowMs();
    const auto newest = context.tokens.changesSince(std::numeric_limits<qint64>::max(), 1);
    if (!newest)
        return fail(HandlerSupport::storeFailure(newest.error(), QString()));
    ChangeCursor cursor{ChangePosition(newest->latestGeneration), now};
    // Generations just below the newest that are not visible yet may be
    // transactions still committing (PostgreSQL): the cursor looks for them.
    const qint64 from = std::max<qint64>(0, newest->latestGeneration - kAnchorLookBack);
    const auto recent = context.tokens.changesSince(from, kAnchorLookBack);
    if (!recent)
        return fail(HandlerSupport::storeFailure(recent.error(), QString()));
    if (!recent->changes.isEmpty()) {
        qint64 expected = recent->changes.constFirst().generation;
        for (const TokenChange &change : recent->changes) {
            for (; expected < change.generation; ++expected)
                cursor.position.addGap(expected, now);
            expected = change.generation + 1;
        }
    }
    cursor.position.keepNewestGaps(ChangeCursor::kMaxGaps);
    return cursor.encode();
}

HttpResponse changesSince(ApiContext &context, const QString &text)
{
    auto cursor = ChangeCursor::decode(text);
    if (!cursor)
        return Problems::badRequest(tr("Some query parameters are not valid."),
                                    {{u"changedSince"_s,
                                      tr("is not a changes cursor of this server; use the "
                                         "changesCursor of a list or change answer")}});
    const qint64 now = context.nowMs();
    if (now - cursor->issuedAtMs > kCursorLifetimeMs
        || cursor->issuedAtMs - now > kCursorLifetimeMs)
        return tooOld();

    ChangePosition &position = cursor->position;
    const qint64 before = position.generation();
    QStringList ids;
    QSet<QString> seen;
    bool readAny = false;
    qint64 newest = 0;
    for (qint64 from = position.readAfter();;) {
        const auto batch = context.tokens.changesSince(from, kReadBatch);
        if (!batch)
            return HandlerSupport::storeFailure(batch.error(), QString());
        newest = batch->latestGeneration;
        for (const TokenChange &change : batch->changes) {
            readAny = true;
            switch (position.see(change.generation, now)) {
            case ChangePosition::Seen::Old:
                break;
            case ChangePosition::Seen::Jumped:
                return tooOld();
            case ChangePosition::Seen::New:
            case ChangePosition::Seen::LateCommit:
                if (!seen.contains(change.tokenId)) {
                    seen.insert(change.tokenId);
                    ids.append(change.tokenId);
                }
                break;
            }
        }
        if (ids.size() > kMaxChangedTokens)
            return Problems::changesExpired(
                tr("More than %1 tokens changed since this cursor. List the tokens again "
                   "(without changedSince) and follow the new changesCursor.")
                    .arg(kMaxChangedTokens));
        if (batch->changes.size() < kReadBatch)
            break;
        from = batch->changes.constLast().generation;
    }
    if (!readAny && newest < before)
        return tooOld(); // the feed stands before the cursor: the database went back
    position.forgetGapsMissedBefore(now - std::chrono::milliseconds(kLateCommitPatience).count());
    position.keepNewestGaps(ChangeCursor::kMaxGaps);

    TouchedTokensQuery query;
    query.ids = ids;
    query.usedSinceMs = cursor->issuedAtMs - kUseMarginMs;
    query.expiredAfterMs = cursor->issuedAtMs - kExpiryMarginMs;
    query.nowMs = now;
    const auto touched = context.tokens.touchedTokens(query);
    if (!touched)
        return HandlerSupport::storeFailure(touched.error(), QString());

    TokenChangeSet changes;
    const QDateTime nowTime = QDateTime::fromMSecsSinceEpoch(now / 1000 * 1000, Qt::UTC);
    QSet<QString> present;
    changes.items.reserve(touched->size());
    for (const StoredToken &token : touched.value()) {
        present.insert(token.id);
        changes.items.append(token.toWire(nowTime));
    }
    for (const QString &id : std::as_const(ids)) {
        if (!present.contains(id))
            changes.deletedIds.append(id);
    }
    changes.changesCursor = ChangeCursor{position, now}.encode();

    HttpResponse response;
    response.contentType = "application/json";
    response.body = tokenChangeSetJson(changes);
    return response;
}

} // namespace ApiAccess::Server::TokenFeed
