#pragma once

#include "common/Result.h"

#include <QString>
#include <QUrl>

namespace ApiAccess {

// One server the admin works with (issue 6): what the profile switcher
// lists and the sign-in dialog is prefilled from. Never a password or a
// session token: those live in the keychain (SessionKeychain), by id.
struct ConnectionProfile
{
    QString id; // stable, [a-z0-9-]; names the keychain entry and the cache file
    QString displayName; // "Production", "Staging"
    QUrl serverUrl;
    QString username;
    // A PEM file with extra CA certificates to trust for this server (a
    // company CA); empty: the system's CAs only.
    QString caCertificateFile;
    bool keepSignedIn = false;

    // What is wrong with it for the admin (display name, URL, CA file), or ok.
    Result<bool, QString> validate() const;
    // "Production (tokens.example.com)", "Staging (10.0.0.5:8443)"
    QString label() const;

    friend bool operator==(const ConnectionProfile &, const ConnectionProfile &) = default;
};

} // namespace ApiAccess
