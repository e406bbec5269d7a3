#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace ApiAccess {

// What the token dialog's "Expires" row means: the choice, the date picked
// for "On a date…", the token's expiry in Edit mode, and what to say under
// the row. Kept apart from the dialog, as IpRangesFeedback is, so the dialog
// is only widgets. Every answer takes `now` (UTC) so tests fix the time.
class ExpiryFeedback
{
    Q_DECLARE_TR_FUNCTIONS(ApiAccess::ExpiryFeedback)

public:
    // The entries of the "Expires" box, in this order.
    enum class Choice { Never, In30Days, In90Days, In365Days, OnDate };
    static QList<Choice> choices();
    static QString label(Choice choice);
    // 30, 90, 365; 0 for Never and OnDate.
    static int days(Choice choice);

    // 23:59:59 local time on `date`, in UTC.
    static QDateTime endOfLocalDay(QDate date);

    // Edit: the token's expiry as loaded. Until the admin picks something
    // else it is what value() gives, to the second, and it is valid even if
    // it has passed: an expired token may still be renamed.
    void setOriginal(const std::optional<QDateTime> &expiresAt);
    const std::optional<QDateTime> &original() const { return m_original; }

    // Drops a server error: it was about another choice.
    void setChoice(Choice choice, QDate date);
    Choice choice() const { return m_choice; }

    // nullopt = never. Whole seconds, UTC.
    std::optional<QDateTime> value(const QDateTime &now) const;
    // True while value() is the token's expiry as loaded (Edit only).
    bool isOriginal(const QDateTime &now) const;
    bool isValid(const QDateTime &now) const;

    // The server's complaint about "expiresAt", shown until the next choice.
    void setServerError(const QString &message) { m_serverError = message; }

    // "Expires on 27 February 2027 at 23:59", "The token never expires.",
    // or what is wrong.
    QString displayText(const QDateTime &now) const;

private:
    std::optional<QDateTime> m_original;
    bool m_hasOriginal = false;
    Choice m_choice = Choice::Never;
    QDate m_date;
    QString m_serverError;
};

} // namespace ApiAccess
