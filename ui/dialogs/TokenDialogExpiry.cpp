// TokenDialog's expiry: the Expires choices (Never, in N days, on a date),
// their feedback, and the clock they count from.

#include "dialogs/TokenDialog.h"
#include "ui_TokenDialog.h"

#include <QSignalBlocker>

#include <algorithm>

namespace ApiAccess {

void TokenDialog::populateExpiryChoices()
{
    for (const ExpiryFeedback::Choice choice : ExpiryFeedback::choices())
        m_ui->expiryCombo->addItem(ExpiryFeedback::label(choice), static_cast<int>(choice));
    m_ui->expiryCombo->setCurrentIndex(0); // Never
}

void TokenDialog::showExpiry(const std::optional<QDateTime> &expiresAt)
{
    m_expiry.setOriginal(expiresAt);
    const QDate tomorrow = now().toLocalTime().date().addDays(1);
    {
        const QSignalBlocker comboBlocker(m_ui->expiryCombo);
        const QSignalBlocker dateBlocker(m_ui->expiryDateEdit);
        auto choice = ExpiryFeedback::Choice::Never;
        if (expiresAt) {
            // An expired token's date stays visible, so the minimum yields to it.
            const QDate date = expiresAt->toLocalTime().date();
            m_ui->expiryDateEdit->setMinimumDate(std::min(date, tomorrow));
            m_ui->expiryDateEdit->setDate(date);
            choice = ExpiryFeedback::Choice::OnDate;
        } else {
            m_ui->expiryDateEdit->setMinimumDate(tomorrow);
        }
        m_expiryDatePicked = expiresAt.has_value();
        m_ui->expiryCombo->setCurrentIndex(m_ui->expiryCombo->findData(static_cast<int>(choice)));
    }
    onExpiryEdited();
}

void TokenDialog::onExpiryEdited()
{
    const ExpiryFeedback::Choice choice = expiryChoice();
    const bool onDate = choice == ExpiryFeedback::Choice::OnDate;
    if (onDate && !m_expiryDatePicked) {
        // First time on "On a date…": start a month out, refuse the past.
        const QSignalBlocker blocker(m_ui->expiryDateEdit);
        const QDate today = now().toLocalTime().date();
        m_ui->expiryDateEdit->setMinimumDate(today.addDays(1));
        m_ui->expiryDateEdit->setDate(today.addDays(30));
    }
    if (onDate)
        m_expiryDatePicked = true;
    m_ui->expiryDateEdit->setVisible(onDate);
    m_expiry.setChoice(choice, m_ui->expiryDateEdit->date());
    refreshExpiryFeedback();
    updateButtons();
}

ExpiryFeedback::Choice TokenDialog::expiryChoice() const
{
    return static_cast<ExpiryFeedback::Choice>(m_ui->expiryCombo->currentData().toInt());
}

void TokenDialog::refreshExpiryFeedback()
{
    setFeedback(m_ui->expiryFeedback, m_ui->expiryCombo, m_expiry.displayText(now()));
}

QDateTime TokenDialog::now() const
{
    return (m_clock ? m_clock() : QDateTime::currentDateTimeUtc()).toUTC();
}

void TokenDialog::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
    refreshExpiryFeedback();
    updateButtons();
}

} // namespace ApiAccess
