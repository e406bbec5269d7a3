#include "dialogs/SignInDialog.h"

#include "ui_SignInDialog.h"
#include "widgets/ContentFit.h"

#include <QHostAddress>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace ApiAccess {

SignInDialog::SignInDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SignInDialog>())
{
    m_ui->setupUi(this);
    // Server messages are shown as they are, never interpreted as markup.
    m_ui->errorBar->textLabel()->setObjectName(u"errorLabel"_s);
    // The error explains a disabled Sign in: it stays until what caused it changes.
    m_ui->errorBar->setClosable(false);
    m_ui->serverUrlFeedback->setTextFormat(Qt::PlainText);

    connect(m_ui->serverUrlEdit, &QLineEdit::textChanged, this, &SignInDialog::onUrlEdited);
    // Credentials the server refused are not sent again until they or the
    // server change: Return after a typo must not spend a sign-in attempt.
    for (QLineEdit *edit : {m_ui->usernameEdit, m_ui->passwordEdit}) {
        connect(edit, &QLineEdit::textChanged, this, &SignInDialog::onCredentialsEdited);
    }
    connect(m_ui->insecureConfirm, &QCheckBox::toggled, this, &SignInDialog::updateButtons);
    connect(m_ui->signInButton, &QPushButton::clicked, this, &SignInDialog::signInRequested);
    connect(m_ui->sandboxButton, &QPushButton::clicked, this, &SignInDialog::sandboxRequested);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &SignInDialog::reject);
    onUrlEdited();
    // The error appears under the fields and the dialog grows by exactly
    // its height, once; the fields the admin is typing in do not move.
    new ContentFit(this, 52);
}

SignInDialog::~SignInDialog() = default;

void SignInDialog::setServerUrl(const QUrl &url)
{
    m_ui->serverUrlEdit->setText(url.toString());
    focusFirstEmpty();
}

void SignInDialog::setUsername(const QString &username)
{
    m_ui->usernameEdit->setText(username);
    focusFirstEmpty();
}

void SignInDialog::setKeepSignedIn(bool keep)
{
    m_ui->keepSignedInCheck->setChecked(keep);
}

void SignInDialog::setSandboxAvailable(bool available)
{
    m_sandboxAvailable = available;
    m_ui->sandboxButton->setVisible(available);
    updateButtons();
}

SignInValue SignInDialog::value() const
{
    return {QUrl(m_ui->serverUrlEdit->text().trimmed(), QUrl::StrictMode),
            m_ui->usernameEdit->text().trimmed(), m_ui->passwordEdit->text(),
            m_ui->keepSignedInCheck->isChecked()};
}

bool SignInDialog::isInputValid() const
{
    const QString url = m_ui->serverUrlEdit->text();
    return !urlProblem(url) && !m_ui->usernameEdit->text().trimmed().isEmpty()
        && !m_ui->passwordEdit->text().isEmpty()
        && (!needsInsecureConfirmation(url) || m_ui->insecureConfirm->isChecked());
}

void SignInDialog::setBusy(bool busy)
{
    m_busy = busy;
    // Focus to Cancel before the fields lock, in one step (not across every
    // field being disabled, each announced by a screen reader).
    if (busy)
        m_ui->cancelButton->setFocus(Qt::OtherFocusReason);
    for (QWidget *input :
         {static_cast<QWidget *>(m_ui->serverUrlEdit), static_cast<QWidget *>(m_ui->usernameEdit),
          static_cast<QWidget *>(m_ui->passwordEdit), static_cast<QWidget *>(m_ui->insecureConfirm),
          static_cast<QWidget *>(m_ui->keepSignedInCheck)})
        input->setEnabled(!busy);
    m_ui->busyIndicator->setVisible(busy);
    if (busy)
        clearError();
    updateButtons();
}

void SignInDialog::showError(const QString &message)
{
    setBusy(false);
    m_ui->errorBar->showMessage(MessageBar::Severity::Error, message);
    // Back where the admin can act on it at once.
    focusFirstEmpty();
}

void SignInDialog::showCredentialsRefused(const QString &message)
{
    setBusy(false);
    m_credentialsRefused = true;
    updateButtons();
    m_ui->errorBar->showMessage(MessageBar::Severity::Error, message);
    // Read with the field the focus goes to.
    m_ui->passwordEdit->setAccessibleDescription(message);
    // Typing replaces the refused password; the user name stays.
    m_ui->passwordEdit->setFocus(Qt::OtherFocusReason);
    m_ui->passwordEdit->selectAll();
}

void SignInDialog::showWarning(const QString &message)
{
    m_ui->errorBar->showMessage(MessageBar::Severity::Warning, message);
}

void SignInDialog::clearError()
{
    m_ui->errorBar->hide();
}

void SignInDialog::clearPassword()
{
    m_ui->passwordEdit->clear();
}

std::optional<QString> SignInDialog::urlProblem(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter the address of the token server.");
    const QUrl url(trimmed, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != u"http"_s && scheme != u"https"_s))
        return tr("The address must start with https:// (or http://).");
    if (url.host().isEmpty())
        return tr("The address needs a host name, as in https://tokens.example.com.");
    return std::nullopt;
}

bool SignInDialog::isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool SignInDialog::needsInsecureConfirmation(const QString &text)
{
    if (urlProblem(text))
        return false;
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    return url.scheme().toLower() == u"http"_s && !isLoopbackHost(url.host());
}

void SignInDialog::reject()
{
    // Escape must not leave a request running behind a closed dialog: the
    // owner cancels it, and the dialog stays with what was typed.
    if (m_busy) {
        Q_EMIT cancelRequested();
        return;
    }
    QDialog::reject();
}

void SignInDialog::onCredentialsEdited()
{
    m_credentialsRefused = false;
    m_ui->passwordEdit->setAccessibleDescription(QString());
    updateButtons();
}

void SignInDialog::onUrlEdited()
{
    onCredentialsEdited(); // another server may know these credentials
    const QString text = m_ui->serverUrlEdit->text();
    const std::optional<QString> problem =
        text.trimmed().isEmpty() ? std::nullopt : urlProblem(text);
    m_ui->serverUrlFeedback->setText(problem.value_or(QString()));
    m_ui->serverUrlFeedback->setVisible(problem.has_value());
    const bool insecure = needsInsecureConfirmation(text);
    // Any change of address needs a new decision about sending the password.
    m_ui->insecureConfirm->setChecked(false);
    m_ui->insecureConfirm->setVisible(insecure);
    updateButtons();
}

void SignInDialog::updateButtons()
{
    m_ui->signInButton->setEnabled(!m_busy && isInputValid() && !m_credentialsRefused);
    m_ui->sandboxButton->setEnabled(!m_busy && m_sandboxAvailable);
}

void SignInDialog::focusFirstEmpty()
{
    if (m_ui->serverUrlEdit->text().isEmpty())
        m_ui->serverUrlEdit->setFocus();
    else if (m_ui->usernameEdit->text().isEmpty())
        m_ui->usernameEdit->setFocus();
    else
        m_ui->passwordEdit->setFocus();
}

} // namespace ApiAccess
