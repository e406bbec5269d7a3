#include "dialogs/RotateDialog.h"

#include "accessibility/ComboBoxChoice.h"
#include "dialogs/LocalTimeText.h"
#include "widgets/ContentFit.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ApiAccess {

namespace {

QLabel *wrappingLabel(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText); // the token name is the admin's text, not markup
    return label;
}

} // namespace

RotateDialog::RotateDialog(const QString &tokenName, QWidget *parent)
    : QDialog(parent)
    , m_clock(&QDateTime::currentDateTimeUtc)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowModality(Qt::WindowModal);
    setWindowTitle(tr("Rotate API token"));

    auto *question = wrappingLabel(tr("Rotate “%1”?").arg(tokenName), u"questionLabel"_s, this);
    QFont bold = question->font();
    bold.setBold(true);
    question->setFont(bold);
    auto *explanation = wrappingLabel(
        tr("A new secret replaces the current one. The token ID and permissions stay the same. "
           "Integrations using this token must be updated with the new token."),
        u"explanationLabel"_s, this);

    m_grace = new QComboBox(this);
    m_grace->setObjectName(u"graceCombo"_s);
    m_grace->addItem(tr("No time: it stops working at once"));
    m_grace->addItem(tr("1 hour"), kOneHour);
    m_grace->addItem(tr("24 hours"), kOneDay);
    m_grace->addItem(tr("7 days"), kOneWeek);
    m_grace->setAccessibleName(tr("Keep the previous secret valid for"));
    ComboBoxChoice::enable(m_grace);
    auto *graceLabel = new QLabel(tr("Keep the previous secret valid for"), this);
    graceLabel->setObjectName(u"graceLabel"_s);
    graceLabel->setBuddy(m_grace);
    m_graceExplanation = wrappingLabel(QString(), u"graceExplanation"_s, this);
    m_graceExplanation->setAccessibleName(tr("What happens to the previous secret"));

    auto *buttons = new QDialogButtonBox(this);
    m_confirm = buttons->addButton(tr("Rotate"), QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(u"confirmButton"_s);
    m_confirm->setAccessibleName(m_confirm->text());
    m_confirm->setDefault(true);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(u"cancelButton"_s);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setAccessibleName(m_cancel->text());

    auto *form = new QFormLayout;
    form->addRow(graceLabel, m_grace);
    form->addRow(QString(), m_graceExplanation);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(question);
    layout->addWidget(explanation);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(m_grace, &QComboBox::currentIndexChanged, this, &RotateDialog::refreshGraceExplanation);
    connect(buttons, &QDialogButtonBox::accepted, this, &RotateDialog::onConfirm);
    connect(buttons, &QDialogButtonBox::rejected, this, &RotateDialog::reject);
    refreshGraceExplanation();
    // As tall as the explanation that the chosen grace period needs, at
    // any width and text size.
    new ContentFit(this, 56);
    m_grace->setFocus();
}

RotateDialog::~RotateDialog() = default;

std::optional<int> RotateDialog::previousSecretValidForSeconds() const
{
    const QVariant seconds = m_grace->currentData();
    return seconds.isValid() ? std::optional(seconds.toInt()) : std::nullopt;
}

QPushButton *RotateDialog::confirmButton() const
{
    return m_confirm;
}

QPushButton *RotateDialog::cancelButton() const
{
    return m_cancel;
}

void RotateDialog::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
    refreshGraceExplanation();
}

void RotateDialog::onConfirm()
{
    const QPointer<RotateDialog> self(this);
    Q_EMIT confirmed(previousSecretValidForSeconds());
    if (self) // the receiver may have deleted us
        accept();
}

void RotateDialog::refreshGraceExplanation()
{
    const std::optional<int> seconds = previousSecretValidForSeconds();
    if (!seconds) {
        m_graceExplanation->setText(
            tr("Integrations using the current token stop working as soon as you rotate."));
        m_grace->setAccessibleDescription(m_graceExplanation->text());
        return;
    }
    const QDateTime now = m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
    const QDateTime until = now.addSecs(*seconds);
    m_graceExplanation->setText(
        tr("Integrations keep working with the previous token for %1, until %2 at %3.")
            .arg(m_grace->currentText(), LocalTimeText::date(until),
                 LocalTimeText::timeOfDay(until)));
    m_grace->setAccessibleDescription(m_graceExplanation->text());
}

} // namespace ApiAccess
