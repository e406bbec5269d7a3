#include "dialogs/ExpiryFeedback.h"

#include "dialogs/LocalTimeText.h"

#include <QTime>

using namespace Qt::StringLiterals;

namespace ApiAccess {

namespace {

QDateTime wholeSecondsUtc(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    return utc.addMSecs(-utc.time().msec());
}

} // namespace

QList<ExpiryFeedback::Choice> ExpiryFeedback::choices()
{
    return {Choice::Never, Choice::In30Days, Choice::In90Days, Choice::In365Days, Choice::OnDate};
}

QString ExpiryFeedback::label(Choice choice)
{
    switch (choice) {
    case Choice::Never:
        return tr("Never");
    case Choice::In30Days:
        return tr("In 30 days");
    case Choice::In90Days:
        return tr("In 90 days");
    case Choice::In365Days:
        return tr("In 365 days");
    case Choice::OnDate:
        break;
    }
    return tr("On a date…");
}

int ExpiryFeedback::days(Choice choice)
{
    switch (choice) {
    case Choice::In30Days:
        return 30;
    case Choice::In90Days:
        return 90;
    case Choice::In365Days:
        return 365;
    case Choice::Never:
    case Choice::OnDate:
        break;
    }
    return 0;
}

QDateTime ExpiryFeedback::endOfLocalDay(QDate date)
{
    return QDateTime(date, QTime(23, 59, 59), Qt::LocalTime).toUTC();
}

void ExpiryFeedback::setOriginal(const std::optional<QDateTime> &expiresAt)
{
    m_hasOriginal = true;
    m_original = expiresAt ? std::optional(wholeSecondsUtc(*expiresAt)) : std::nullopt;
    m_serverError.clear();
}

void ExpiryFeedback::setChoice(Choice choice, QDate date)
{
    m_choice = choice;
    m_date = date;
    m_serverError.clear();
}

std::optional<QDateTime> ExpiryFeedback::value(const QDateTime &now) const
{
    switch (m_choice) {
    case Choice::Never:
        return std::nullopt;
    case Choice::In30Days:
    case Choice::In90Days:
    case Choice::In365Days:
        return wholeSecondsUtc(now).addDays(days(m_choice));
    case Choice::OnDate:
        break;
    }
    // The day the token already ends on keeps its exact time: showing it
    // must not move it to the end of that day.
    if (m_original && m_original->toLocalTime().date() == m_date)
        return m_original;
    return m_date.isValid() ? std::optional(endOfLocalDay(m_date)) : std::nullopt;
}

bool ExpiryFeedback::isOriginal(const QDateTime &now) const
{
    return m_hasOriginal && value(now) == m_original;
}

bool ExpiryFeedback::isValid(const QDateTime &now) const
{
    if (m_choice != Choice::OnDate || isOriginal(now))
        return true;
    const auto expiresAt = value(now);
    return expiresAt && *expiresAt > now;
}

QString ExpiryFeedback::displayText(const QDateTime &now) const
{
    if (!m_serverError.isEmpty())
        return m_serverError;
    if (!isValid(now))
        return tr("The expiry date must be in the future.");
    const auto expiresAt = value(now);
    if (!expiresAt)
        return tr("The token never expires.");
    const QString date = LocalTimeText::date(*expiresAt);
    const QString time = LocalTimeText::timeOfDay(*expiresAt);
    if (*expiresAt <= now)
        return tr("Expired on %1 at %2").arg(date, time);
    return tr("Expires on %1 at %2").arg(date, time);
}

} // namespace ApiAccess
