#include "ops/RequestLog.h"

#include <QLoggingCategory>

#include <algorithm>
#include <array>

namespace ApiAccess::Server {

Q_LOGGING_CATEGORY(lcRequest, "apiaccess.request")

void logRequest(const HttpRequest &request, const HttpResponse &response,
                std::chrono::nanoseconds duration)
{
    if (!lcRequest().isInfoEnabled())
        return;
    // The method is logged only when it is one we know: it is client input.
    static const std::array<std::string_view, 7> known{"GET",    "POST",    "PATCH", "PUT",
                                                       "DELETE", "OPTIONS", "HEAD"};
    const bool knownMethod =
        std::find(known.begin(), known.end(), std::string_view(request.method)) != known.end();
    const double ms = std::chrono::duration<double, std::milli>(duration).count();
    qCInfo(lcRequest).noquote().nospace()
        << "method="
        << (knownMethod ? QString::fromLatin1(request.method) : QStringLiteral("other"))
        << " route="
        << (request.route.empty() ? QStringLiteral("-") : QString::fromStdString(request.route))
        << " status=" << response.status << " duration_ms=" << QString::number(ms, 'f', 3)
        << " token_id="
        << (response.logTokenId.empty() ? QStringLiteral("-")
                                        : QString::fromStdString(response.logTokenId));
}

} // namespace ApiAccess::Server
