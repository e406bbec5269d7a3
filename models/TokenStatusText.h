#pragma once

#include "wire/Token.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace ApiAccess {

// What the Status column says about a token at a given moment: the cell's
// text, its tooltip, and whether the token is about to expire. Kept apart
// from TokenTableModel so the wording can be read and tested on its own.
class TokenStatusText
{
    Q_DECLARE_TR_FUNCTIONS(TokenStatusText)

public:
    // An active token expiring within this many days of now is marked.
    static constexpr int kExpiringSoonDays = 7;

    // The status as of `now`: the server's, except that an active token
    // whose expiry has passed is Expired (the server derives that too, and
    // says so at the next refresh).
    static TokenStatus effectiveStatus(const Token &token, const QDateTime &now);
    // Active, expiry in the future but within kExpiringSoonDays.
    static bool isExpiringSoon(const Token &token, const QDateTime &now);

    // "Active", "Disabled", "Expired"; "Expires in 3 days" (or
    // "tomorrow", "in 5 hours", "in 1 minute") when expiring soon.
    static QString text(const Token &token, const QDateTime &now);
    // What the status means, then the expiry for every token that has one:
    // relative wording and the exact moment on the next line.
    static QString toolTip(const Token &token, const QDateTime &now);
};

} // namespace ApiAccess
