#pragma once

#include "wire/Token.h"

#include <string>

namespace ApiAccess::Server {

// A page of the token list (or a change feed answer) as JSON, written straight into the response's
// buffer: the same bytes as QJsonDocument(page.toJson()).toJson(Compact)
// (keys in the same order, the same escapes), without building a
// QJsonObject per token, a document, and a copy of it.
std::string tokenPageJson(const TokenPage &page);
// The same for a change feed answer.
std::string tokenChangeSetJson(const TokenChangeSet &changes);

// One token, appended to `out` (exposed for the test that holds the two
// writers to the same bytes).
void appendTokenJson(std::string &out, const Token &token);

} // namespace ApiAccess::Server
