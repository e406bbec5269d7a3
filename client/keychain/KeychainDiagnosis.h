#pragma once

#include "keychain/SessionKeychain.h"

#include <qt6keychain/keychain.h>

#include <functional>

// From a QtKeychain outcome to what the Studio tells the admin. QtKeychain's
// codes say "not found" and "no backend" well, but on the D-Bus platforms
// (libsecret, KWallet) two gaps need the session bus asked directly:
// - OtherError carries only GLib's message (often translated) for a missing
//   session bus, a missing Secret Service, or a keyring with no default
//   collection. Is there a bus, and does anyone own org.freedesktop.secrets?
// - A locked keyring whose unlock prompt was refused (or cannot be shown)
//   looks like silence: a lookup finds nothing, a delete deletes nothing
//   without an error. Is the default collection locked?
namespace ApiAccess::KeychainDiagnosis {

// Calls `done` once, with `context` as receiver (at once, or after one
// asynchronous D-Bus call); not at all if `context` is destroyed first.
// `error` NoError is diagnosed only for deletes: "nothing deleted" and
// "deleted" look the same.
void diagnose(QKeychain::Error error, const QString &detail, QObject *context,
              std::function<void(KeychainResult)> done);

KeychainResult timedOut(std::chrono::milliseconds after);

} // namespace ApiAccess::KeychainDiagnosis
