#include "TokenStatusText.h"

#include "RelativeTime.h"

#include <QTimeZone>

#include <algorithm>

namespace ApiAccess {

namespace {

constexpr qint64 kMinute = 60;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

int toInt(qint64 value)
{
    return static_cast<int>(value);
}

bool hasExpiry(const Token &token)
{
    return token.expiresAt && token.expiresAt->isValid();
}

} // namespace

TokenStatus TokenStatusText::effectiveStatus(const Token &token, const QDateTime &now)
{
    if (token.status == TokenStatus::Active && hasExpiry(token) && now.isValid()
        && *token.expiresAt <= now)
        return TokenStatus::Expired;
    return token.status;
}

bool TokenStatusText::isExpiringSoon(const Token &token, const QDateTime &now)
{
    if (token.status != TokenStatus::Active || !hasExpiry(token) || !now.isValid())
        return false;
    return *token.expiresAt > now && *token.expiresAt <= now.addDays(kExpiringSoonDays);
}

QString TokenStatusText::text(const Token &token, const QDateTime &now)
{
    const TokenStatus status = effectiveStatus(token, now);
    if (!isExpiringSoon(token, now))
        return TokenStatuses::displayName(status);

    // Whole sentences rather than "Active · " + RelativeTime, so that
    // translators see what they translate. Minutes and hours count down;
    // days are calendar days where the admin is, as RelativeTime's are.
    const qint64 seconds = now.secsTo(*token.expiresAt);
    if (seconds < kHour) {
        const int n = std::max(1, toInt(seconds / kMinute));
        return n == 1 ? tr("Expires in 1 minute") : tr("Expires in %n minutes", nullptr, n);
    }
    if (seconds < kDay) {
        const int n = toInt(seconds / kHour);
        return n == 1 ? tr("Expires in 1 hour") : tr("Expires in %n hours", nullptr, n);
    }
    const QDate expiryDate = token.expiresAt->toTimeZone(now.timeZone()).date();
    const int days = toInt(now.date().daysTo(expiryDate));
    return days <= 1 ? tr("Expires tomorrow") : tr("Expires in %n days", nullptr, days);
}

QString TokenStatusText::toolTip(const Token &token, const QDateTime &now)
{
    QString expiry;
    if (hasExpiry(token)) {
        const QString exact = RelativeTime::exact(*token.expiresAt, now);
        const QString relative = RelativeTime::format(*token.expiresAt, now);
        expiry = *token.expiresAt <= now ? tr("Expired %1\n%2").arg(relative, exact)
                                         : tr("Expires %1\n%2").arg(relative, exact);
    }
    switch (effectiveStatus(token, now)) {
    case TokenStatus::Active:
        return expiry.isEmpty() ? tr("Never expires") : expiry;
    case TokenStatus::Expired:
        return expiry.isEmpty() ? tr("Expired") : expiry;
    case TokenStatus::Disabled: {
        const QString disabled = tr("Disabled: integrations using this token are refused");
        return expiry.isEmpty() ? disabled : disabled + u'\n' + expiry;
    }
    }
    return {};
}

} // namespace ApiAccess
