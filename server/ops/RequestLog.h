#pragma once

#include "http/HttpMessage.h"

#include <chrono>

namespace ApiAccess::Server {

// One line per request on the "apiaccess.request" logging category:
//   method=GET route=/api/v1/tokens/{id} status=200 duration_ms=0.412 token_id=tok_...
// Only the route pattern is logged, never the raw target, a header, a body,
// a secret, a session token or an Authorization value.
void logRequest(const HttpRequest &request, const HttpResponse &response,
                std::chrono::nanoseconds duration);

} // namespace ApiAccess::Server
