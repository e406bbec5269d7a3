#pragma once

#include "api/ApiContext.h"
#include "common/Result.h"
#include "http/HttpMessage.h"

#include <QString>

namespace ApiAccess::Server::TokenFeed {

// The change feed of the token list (GET /api/v1/tokens?changedSince=…):
// a client that listed the tokens once asks for what changed since, and an
// unchanged list costs a few hundred bytes instead of the whole list.

// A cursor for the list as it stands now. Taken before the first page is
// read, so that nothing that changes while the pages are read is missed.
Result<QString, HttpResponse> anchor(ApiContext &context);

// The 200 TokenChangeSet since `cursor`, 400 for a cursor this server did
// not issue, 410 (Problems::changesExpired) when the changes since can no
// longer be told: the cursor is older than the change records kept, more
// than 1,000 tokens changed, or the database went back (restored).
HttpResponse changesSince(ApiContext &context, const QString &cursor);

} // namespace ApiAccess::Server::TokenFeed
