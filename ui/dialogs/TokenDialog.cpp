#include "dialogs/TokenDialog.h"

#include "access/AccessLevel.h"
#include "accessibility/ComboBoxChoice.h"
#include "ui_TokenDialog.h"
#include "widgets/ContentFit.h"
#include "widgets/FeedbackScroller.h"

#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ApiAccess {

namespace {

// A field's own accessible description (a hint), before its feedback.
constexpr const char *kBaseDescription = "apiaccess_baseDescription";

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
    , m_clock(&QDateTime::currentDateTimeUtc)
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
    populateExpiryChoices();
    ComboBoxChoice::enable(m_ui->accessLevelCombo);
    ComboBoxChoice::enable(m_ui->expiryCombo);
    m_ui->advancedToggle->setContentWidget(m_ui->advancedSection);
    m_ui->nameFeedback->setAccessibleName(tr("Token Name feedback"));
    m_ui->accessLevelDescription->setAccessibleName(tr("Access level description"));
    m_ui->accessLevelFeedback->setAccessibleName(tr("Access level feedback"));
    m_ui->ipRangesFeedback->setAccessibleName(tr("Allowed IP Ranges feedback"));
    m_ui->expiryFeedback->setAccessibleName(tr("Expires feedback"));
    // The error bar: the failure (network, server) and Retry.
    m_ui->errorBar->textLabel()->setObjectName(u"errorLabel"_s);
    m_retryButton = m_ui->errorBar->addAction(tr("Retry"), u"retryButton"_s);
    m_retryButton->setAutoDefault(false);

    // textChanged, not textEdited: text set through the accessibility
    // interface (voice control, a screen reader's editing) counts as typed.
    connect(m_ui->nameEdit, &QLineEdit::textChanged, this, [this] {
        if (!m_fillingIn)
            onNameEdited();
    });
    connect(m_ui->accessLevelCombo, &QComboBox::currentIndexChanged, this,
            &TokenDialog::onAccessLevelChanged);
    connect(m_ui->allowedIpRangesEdit, &QPlainTextEdit::textChanged, this,
            &TokenDialog::onRangesEdited);
    connect(m_ui->expiryCombo, &QComboBox::currentIndexChanged, this, &TokenDialog::onExpiryEdited);
    connect(m_ui->expiryDateEdit, &QDateEdit::dateChanged, this, &TokenDialog::onExpiryEdited);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &TokenDialog::onSubmit);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &TokenDialog::reject);
    connect(m_retryButton, &QPushButton::clicked, this, &TokenDialog::onRetry);

    // A comfortable, fixed height for the ranges: six lines, whatever is typed.
    QPlainTextEdit *ranges = m_ui->allowedIpRangesEdit;
    const int margins = int(2 * ranges->document()->documentMargin()) + 2 * ranges->frameWidth()
        + ranges->contentsMargins().top() + ranges->contentsMargins().bottom();
    ranges->setFixedHeight(ranges->fontMetrics().lineSpacing() * 6 + margins);
    ranges->setProperty(kBaseDescription, m_ui->allowedIpRangesHint->text());
    // One line per range with a problem: up to ten lines, then it scrolls.
    const int feedbackAt = m_ui->advancedLayout->indexOf(m_ui->ipRangesFeedback);
    auto *scroller = new FeedbackScroller(m_ui->ipRangesFeedback, 10, m_ui->advancedSection);
    scroller->setAccessibleName(m_ui->ipRangesFeedback->accessibleName());
    m_ui->advancedLayout->insertWidget(feedbackAt, scroller);

    onAccessLevelChanged();
    refreshNameFeedback();
    refreshRangesFeedback();
    onExpiryEdited();
    m_fit = new ContentFit(this, 64);
    connect(m_ui->advancedToggle, &ExpanderSection::contentHeightChanged, m_fit,
            &ContentFit::refit);
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
    m_fillingIn = true;
    m_ui->nameEdit->setText(token.name);
    m_fillingIn = false;
    m_ui->accessLevelCombo->setCurrentIndex(
        m_ui->accessLevelCombo->findData(AccessLevels::wireId(token.accessLevel)));
    m_ui->allowedIpRangesEdit->setPlainText(token.allowedIpRanges.join(u'\n'));
    onRangesEdited();
    showExpiry(token.expiresAt);
    if (!token.allowedIpRanges.isEmpty() || token.expiresAt)
        m_ui->advancedToggle->setExpanded(true);
    refreshNameFeedback();
    updateButtons();
}

void TokenDialog::reloadToken(const Token &token)
{
    clearError();
    m_nameServerError.clear();
    m_nameTouched = false;
    setFeedback(m_ui->accessLevelFeedback, m_ui->accessLevelCombo, QString());
    setToken(token);
}

TokenCreateInput TokenDialog::value() const
{
    TokenCreateInput input;
    const auto name = TokenNames::normalize(m_ui->nameEdit->text());
    input.name = name ? name.value() : m_ui->nameEdit->text().trimmed();
    const auto level = AccessLevels::parse(m_ui->accessLevelCombo->currentData().toString());
    input.accessLevel = level ? level.value() : AccessLevels::defaultLevel();
    input.allowedIpRanges = m_ranges.allowList();
    input.expiresAt = m_expiry.value(now());
    return input;
}

TokenUpdateInput TokenDialog::changes() const
{
    if (!m_original)
        return fullUpdate();
    const TokenCreateInput shown = value();
    TokenUpdateInput update;
    if (shown.name != m_original->name)
        update.name = shown.name;
    if (shown.accessLevel != m_original->accessLevel)
        update.accessLevel = shown.accessLevel;
    if (shown.allowedIpRanges.toStringList() != m_original->allowedIpRanges)
        update.allowedIpRanges = shown.allowedIpRanges;
    if (!m_expiry.isOriginal(now()))
        update.expiresAt = shown.expiresAt;
    return update;
}

TokenUpdateInput TokenDialog::fullUpdate() const
{
    const QDateTime current = now();
    const TokenCreateInput shown = value();
    TokenUpdateInput update;
    update.name = shown.name;
    update.accessLevel = shown.accessLevel;
    update.allowedIpRanges = shown.allowedIpRanges;
    const bool passedUntouched =
        m_expiry.isOriginal(current) && shown.expiresAt && *shown.expiresAt <= current;
    if (!passedUntouched)
        update.expiresAt = shown.expiresAt;
    return update;
}

bool TokenDialog::isInputValid() const
{
    return TokenNames::normalize(m_ui->nameEdit->text()).ok() && m_ranges.isValid()
        && m_expiry.isValid(now());
}

void TokenDialog::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    if (busy) {
        m_focusBeforeBusy = focusWidget();
        // To Cancel (which cancels while busy) before the fields lock, in
        // one step: otherwise focus hops across every field being disabled,
        // and a screen reader announces each of them.
        m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setFocus(Qt::OtherFocusReason);
    }

    // Read-only would leave the fields looking editable; disabled is what a
    // locked form looks like. The Advanced toggle stays usable: looking at
    // the ranges changes nothing.
    m_ui->nameEdit->setEnabled(!busy);
    m_ui->accessLevelCombo->setEnabled(!busy);
    m_ui->allowedIpRangesEdit->setEnabled(!busy);
    m_ui->expiryCombo->setEnabled(!busy);
    m_ui->expiryDateEdit->setEnabled(!busy);
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
            setFeedback(m_ui->accessLevelFeedback, m_ui->accessLevelCombo, error.message);
            noteField(m_ui->accessLevelCombo);
        } else if (error.field == u"allowedIpRanges"_s || rangeIndexOf(error.field) >= 0) {
            m_ranges.addServerError(rangeIndexOf(error.field), error.message);
            m_ui->advancedToggle->setExpanded(true);
            noteField(m_ui->allowedIpRangesEdit);
        } else if (error.field == u"expiresAt"_s) {
            m_expiry.setServerError(error.message);
            m_ui->advancedToggle->setExpanded(true);
            noteField(m_ui->expiryCombo);
        } else {
            unplaced.append(error.message);
        }
    }
    refreshNameFeedback();
    refreshRangesFeedback();
    refreshExpiryFeedback();
    if (!unplaced.isEmpty())
        showError(unplaced.join(u'\n'), false);
    if (firstField)
        firstField->setFocus();
}

void TokenDialog::showError(const QString &message, bool retryable)
{
    setBusy(false);
    m_retryButton->setVisible(retryable);
    m_ui->errorBar->showMessage(MessageBar::Severity::Error, message);
    updateButtons();
}

void TokenDialog::clearError()
{
    m_ui->errorBar->hide();
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
    m_ui->accessLevelCombo->setProperty(kBaseDescription, m_ui->accessLevelDescription->text());
    setFeedback(m_ui->accessLevelFeedback, m_ui->accessLevelCombo, QString());
    updateButtons(); // in Edit, the level may be the only change
}

void TokenDialog::onRangesEdited()
{
    m_ranges.setText(m_ui->allowedIpRangesEdit->toPlainText());
    refreshRangesFeedback();
    updateButtons();
}

void TokenDialog::onSubmit()
{
    // The clock may have passed the chosen date since the last edit.
    refreshExpiryFeedback();
    updateButtons();
    if (!canSubmit())
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
    setFeedback(m_ui->nameFeedback, m_ui->nameEdit, text);
}

void TokenDialog::refreshRangesFeedback()
{
    setFeedback(m_ui->ipRangesFeedback, m_ui->allowedIpRangesEdit, m_ranges.displayText());
}

bool TokenDialog::canSubmit() const
{
    // Saving nothing would only bump updatedAt and the ETag.
    return !m_busy && isInputValid() && (m_mode == Mode::Create || !changes().isEmpty());
}

void TokenDialog::updateButtons()
{
    const bool enabled = canSubmit();
    createButton()->setEnabled(enabled);
    m_retryButton->setEnabled(enabled);
}

QPushButton *TokenDialog::createButton() const
{
    return m_ui->buttonBox->button(QDialogButtonBox::Ok);
}

void TokenDialog::setFeedback(QLabel *label, QWidget *field, const QString &text)
{
    label->setText(text);
    // An empty label would still take a row's spacing in the form.
    label->setVisible(!text.isEmpty());
    const QString base = field->property(kBaseDescription).toString();
    field->setAccessibleDescription(
        base.isEmpty() || text.isEmpty() ? QString(base + text) : QString(base + u'\n' + text));
}

} // namespace ApiAccess
