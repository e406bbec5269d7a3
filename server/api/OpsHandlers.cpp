#include "api/Handlers.h"
#include "common/Version.h"
#include "ops/Metrics.h"
#include "store/DatabaseHealth.h"
#include "wire/Rfc3339.h"

#include <QCoreApplication>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace ApiAccess::Server::Handlers {

HttpResponse health(ApiContext &context, HttpRequest &)
{
    // Ready while the database is in reach; otherwise 503 with the reason,
    // so a load balancer sends the traffic elsewhere. The database's own
    // error (which may name hosts) stays in the server log.
    const DatabaseHealth &database = context.health;
    QJsonObject body{{u"version"_s, version()}};
    int status = 200;
    if (database.isReachable()) {
        body.insert(u"status"_s, u"ok"_s);
        body.insert(u"database"_s, u"ok"_s);
    } else {
        status = 503;
        const QDateTime since = QDateTime::fromMSecsSinceEpoch(database.lostSinceMs(), Qt::UTC);
        const qint64 graceLeftMs =
            qMax<qint64>(0, database.lostSinceMs() + database.cacheGraceMs() - context.nowMs());
        body.insert(u"status"_s, u"unavailable"_s);
        body.insert(u"database"_s, u"unreachable"_s);
        body.insert(u"unreachableSince"_s, formatRfc3339(since));
        body.insert(
            u"reason"_s,
            graceLeftMs > 0
                ? QCoreApplication::translate("Handlers",
                                              "The database cannot be reached. Token checks answer "
                                              "from the cache for a few more seconds; changes are "
                                              "refused until the database is back.")
                : QCoreApplication::translate("Handlers",
                                              "The database cannot be reached. Token checks and "
                                              "changes answer 503 until the database is back."));
    }
    HttpResponse response = HttpResponse::json(status, body);
    response.setHeader("Cache-Control", "no-store");
    if (status == 503)
        response.setHeader("Retry-After", "5");
    return response;
}

HttpResponse metrics(ApiContext &context, HttpRequest &)
{
    return HttpResponse::text(200, "text/plain; version=0.0.4; charset=utf-8",
                              context.metrics.render());
}

} // namespace ApiAccess::Server::Handlers
