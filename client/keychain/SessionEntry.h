#pragma once

#include "keychain/SessionKeychain.h"

#include <QByteArray>

#include <optional>

// What one keychain entry holds: a StoredSession as compact UTF-8 JSON,
//   {"version":1,"serverUrl":"https://…","username":"alice",
//    "sessionToken":"<standard base64>","expiresAt":"2026-11-28T10:00:00Z"}
// and nothing else: no password (a password in the server URL's user info
// is dropped too).
namespace ApiAccess::SessionEntry {

// Nothing for a session that could not be read back: no token, no user
// name, an invalid URL or time.
std::optional<QByteArray> encode(const StoredSession &session);
// Nothing for anything that is not exactly such an entry (another version,
// a missing or malformed field): the caller treats it as unreadable.
std::optional<StoredSession> decode(const QByteArray &entry);

} // namespace ApiAccess::SessionEntry
