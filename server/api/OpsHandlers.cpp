#include "api/Handlers.h"
#include "common/Version.h"
#include "ops/Metrics.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace ApiAccess::Server::Handlers {

HttpResponse health(ApiContext &, HttpRequest &)
{
    HttpResponse response =
        HttpResponse::json(200, QJsonObject{{u"status"_s, u"ok"_s}, {u"version"_s, version()}});
    response.setHeader("Cache-Control", "no-store");
    return response;
}

HttpResponse metrics(ApiContext &context, HttpRequest &)
{
    return HttpResponse::text(200, "text/plain; version=0.0.4; charset=utf-8",
                              context.metrics.render());
}

} // namespace ApiAccess::Server::Handlers
