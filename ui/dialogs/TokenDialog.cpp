#include "dialogs/TokenDialog.h"

#include "access/AccessLevel.h"
#include "ui_TokenDialog.h"

#include <QPushButton>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace ApiAccess {

namespace {

// "allowedIpRanges[3]" -> 3; -1 if `field` is not of that form.
int rangeIndexOf(const QString &field)
{
    static const QRegularExpression pattern(u"^allowedIpRanges\\[(\\d{1,9})\\]$"_s);
    const auto match = pattern.match(field);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

} // namespace

TokenDialog::TokenDialog(QWidget *parent)
    : TokenDialog(Mode::Create, parent)
{ }

TokenDialog::TokenDialog(Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::TokenDialog>())
    , m_mode(mode)
{
    m_ui->setupUi(this);

    QPushButton *primary = createButton();
    primary->setObjectName(u"createButton"_s);
    primary->setDefault(true);
    QPushButton *cancel = m_ui->buttonBox->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(u"cancelButton"_s);
    cancel->setText(tr("Cancel"));
    cancel->setAccessibleName(tr("Cancel"));
    if (m_mode == Mode::Create) {
        setWindowTitle(tr("Create API token"));
        primary->setText(tr("Create"));
        m_ui->busyIndicator->setAccessibleName(tr("Creating the token"));
    } else {
        setWindowTitle(tr("Edit API token"));
        primary->setText(tr("Save"));
        m_ui->busyIndicator->setAccessibleName(tr("Saving the token"));
    }
    primary->setAccessibleName(primary->text());

    populateAccessLevels();
    m_ui->advancedToggle->setContentWidget(m_ui->advancedSection);
    m_ui->nameFeedback->setAccessibleName(tr("Token Name feedback"));
    m_ui->accessLevelDescription->setAccessibleName(tr("Access level description"));
    m_ui->accessLevelFeedback->setAccessibleName(tr("Access level feedback"));
    m_ui->ipRangesFeedback->setAccessibleName(tr("Allowed IP Ranges feedback"));
    m_ui->errorLabel->setAccessibleName(tr("Error message"));

    connect(m_ui->nameEdit, &QLineEdit::textEdited, this, &TokenDialog::onNameEdited);
    connect(m_ui->accessLevelCombo, &QComboBox::currentIndexChanged, this,
            &TokenDialog::onAccessLevelChanged);
    connect(m_ui->allowedIpRangesEdit, &QPlainTextEdit::textChanged, this,
            &TokenDialog::onRangesEdited);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &TokenDialog::onSubmit);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &TokenDialog::reject);
    connect(m_ui->retryButton, &QPushButton::clicked, this, &TokenDialog::onRetry);

    onAccessLevelChanged();
    refreshNameFeedback();
    refreshRangesFeedback();
    updateButtons();
    m_ui->nameEdit->setFocus();
}

TokenDialog::~TokenDialog() = default;

void TokenDialog::populateAccessLevels()
{
    for (const AccessLevel level : AccessLevels::all())
        m_ui->accessLevelCombo->addItem(AccessLevels::displayName(level),
                                        AccessLevels::wireId(level));
    const int preselected =
        m_ui->accessLevelCombo->findData(AccessLevels::wireId(AccessLevels::defaultLevel()));
    m_ui->accessLevelCombo->setCurrentIndex(preselected);
}

void TokenDialog::setToken(const Token &token)
{
    m_original = token;
    m_ui->nameEdit->setText(token.name);
    m_ui->accessLevelCombo->setCurrentIndex(
        m_ui->accessLevelCombo->findData(AccessLevels::wireId(token.accessLevel)));
    m_ui->allowedIpRangesEdit->setPlainText(token.allowedIpRanges.join(u'\n'));
    if (!token.allowedIpRanges.isEmpty())
        m_ui->advancedToggle->setExpanded(true);
    refreshNameFeedback();
    updateButtons();
}

TokenCreateInput TokenDialog::value() const
{
    TokenCreateInput input;
    const auto name = TokenNames::normalize(m_ui->nameEdit->text());
    input.name = name ? name.value() : m_ui->nameEdit->text().trimmed();
    const auto level = AccessLevels::parse(m_ui->accessLevelCombo->currentData().toString());
    input.accessLevel = level ? level.value() : AccessLevels::defaultLevel();
    input.allowedIpRanges = m_ranges.allowList();
    if (m_original)
        input.expiresAt = m_original->expiresAt;
    return input;
}

TokenUpdateInput TokenDialog::changes() const
{
    const TokenCreateInput now = value();
    TokenUpdateInput update;
    if (!m_original) {
        update.name = now.name;
        update.accessLevel = now.accessLevel;
        update.allowedIpRanges = now.allowedIpRanges;
        return update;
    }
    if (now.name != m_original->name)
        update.name = now.name;
    if (now.accessLevel != m_original->accessLevel)
        update.accessLevel = now.accessLevel;
    if (now.allowedIpRanges.toStringList() != m_original->allowedIpRanges)
        update.allowedIpRanges = now.allowedIpRanges;
    return update;
}

bool TokenDialog::isInputValid() const
{
    return TokenNames::normalize(m_ui->nameEdit->text()).ok() && m_ranges.isValid();
}

void TokenDialog::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    if (busy)
        m_focusBeforeBusy = focusWidget();

    // Read-only would leave the fields looking editable; disabled is what a
    // locked form looks like. The Advanced toggle stays usable: looking at
    // the ranges changes nothing.
    m_ui->nameEdit->setEnabled(!busy);
    m_ui->accessLevelCombo->setEnabled(!busy);
    m_ui->allowedIpRangesEdit->setEnabled(!busy);
    m_ui->busyIndicator->setVisible(busy);
    updateButtons();

    if (!busy && m_focusBeforeBusy && m_focusBeforeBusy->isEnabled())
        m_focusBeforeBusy->setFocus();
}

void TokenDialog::showFieldErrors(const QList<FieldError> &errors)
{
    setBusy(false);
    QStringList unplaced;
    QWidget *firstField = nullptr;
    auto noteField = [&firstField](QWidget *field) {
        if (!firstField)
            firstField = field;
    };
    for (const FieldError &error : errors) {
        if (error.field == u"name"_s) {
            m_nameServerError = error.message;
            noteField(m_ui->nameEdit);
        } else if (error.field == u"accessLevel"_s) {
            setFeedback(m_ui->accessLevelFeedback, error.message);
            noteField(m_ui->accessLevelCombo);
        } else if (error.field == u"allowedIpRanges"_s || rangeIndexOf(error.field) >= 0) {
            m_ranges.addServerError(rangeIndexOf(error.field), error.message);
            m_ui->advancedToggle->setExpanded(true);
            noteField(m_ui->allowedIpRangesEdit);
        } else {
            unplaced.append(error.message);
        }
    }
    refreshNameFeedback();
    refreshRangesFeedback();
    if (!unplaced.isEmpty())
        showError(unplaced.join(u'\n'), false);
    if (firstField)
        firstField->setFocus();
}

void TokenDialog::showError(const QString &message, bool retryable)
{
    setBusy(false);
    m_ui->errorLabel->setText(message);
    m_ui->retryButton->setVisible(retryable);
    m_ui->errorBar->setVisible(true);
    updateButtons();
}

void TokenDialog::clearError()
{
    m_ui->errorBar->setVisible(false);
    m_ui->errorLabel->clear();
}

void TokenDialog::reject()
{
    // Escape must not throw away a request in flight and the admin's input
    // with it: it asks the owner to cancel, and the dialog stays.
    if (m_busy) {
        Q_EMIT cancelRequested();
        return;
    }
    QDialog::reject();
}

void TokenDialog::onNameEdited()
{
    m_nameTouched = true;
    m_nameServerError.clear();
    refreshNameFeedback();
    updateButtons();
}

void TokenDialog::onAccessLevelChanged()
{
    const auto level = AccessLevels::parse(m_ui->accessLevelCombo->currentData().toString());
    m_ui->accessLevelDescription->setText(level ? AccessLevels::description(level.value())
                                                : QString());
    setFeedback(m_ui->accessLevelFeedback, QString());
}

void TokenDialog::onRangesEdited()
{
    m_ranges.setText(m_ui->allowedIpRangesEdit->toPlainText());
    refreshRangesFeedback();
    updateButtons();
}

void TokenDialog::onSubmit()
{
    if (m_busy || !isInputValid())
        return;
    clearError();
    Q_EMIT submitRequested(value());
}

void TokenDialog::onRetry()
{
    if (m_busy || !isInputValid())
        return;
    clearError();
    Q_EMIT retryRequested();
}

void TokenDialog::refreshNameFeedback()
{
    QString text = m_nameServerError;
    if (text.isEmpty() && m_nameTouched) {
        // Nothing is said before the admin has typed: an empty form is not
        // an error yet, and the disabled Create button already tells.
        const auto name = TokenNames::normalize(m_ui->nameEdit->text());
        if (!name)
            text = name.error();
    }
    setFeedback(m_ui->nameFeedback, text);
}

void TokenDialog::refreshRangesFeedback()
{
    setFeedback(m_ui->ipRangesFeedback, m_ranges.displayText());
}

void TokenDialog::updateButtons()
{
    const bool canSubmit = !m_busy && isInputValid();
    createButton()->setEnabled(canSubmit);
    m_ui->retryButton->setEnabled(canSubmit);
}

QPushButton *TokenDialog::createButton() const
{
    return m_ui->buttonBox->button(QDialogButtonBox::Ok);
}

void TokenDialog::setFeedback(QLabel *label, const QString &text)
{
    label->setText(text);
    // An empty label would still take a row's spacing in the form.
    label->setVisible(!text.isEmpty());
}

} // namespace ApiAccess
