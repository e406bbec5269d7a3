#include "dialogs/ProfileEditDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ApiAccess {

namespace {

QUrl urlFrom(const QLineEdit *edit)
{
    return QUrl(edit->text().trimmed(), QUrl::StrictMode);
}

// The host of a usable server address, or empty.
QString suggestedName(const QUrl &url)
{
    const QString scheme = url.scheme();
    return url.isValid() && (scheme == u"https"_s || scheme == u"http"_s) ? url.host() : QString();
}

QLabel *labelFor(const QString &text, const QString &objectName, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setBuddy(buddy);
    return label;
}

} // namespace

ProfileEditDialog::ProfileEditDialog(Mode mode, const ConnectionProfile &profile, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_id(profile.id)
    , m_edited(mode == Mode::Edit)
{
    buildForm();
    m_name->setText(profile.displayName);
    m_url->setText(profile.serverUrl.toString());
    m_username->setText(profile.username);
    m_caFile->setText(QDir::toNativeSeparators(profile.caCertificateFile));
    m_keepSignedIn->setChecked(profile.keepSignedIn);

    for (QLineEdit *edit : {m_name, m_url, m_username, m_caFile}) {
        connect(edit, &QLineEdit::textChanged, this, &ProfileEditDialog::revalidate);
        connect(edit, &QLineEdit::textEdited, this, [this] {
            m_edited = true;
            revalidate();
        });
    }
    connect(m_browse, &QPushButton::clicked, this, &ProfileEditDialog::browseCaFile);
    revalidate();
    m_name->setFocus();
}

ProfileEditDialog::~ProfileEditDialog() = default;

void ProfileEditDialog::buildForm()
{
    setObjectName(u"ProfileEditDialog"_s);
    setWindowTitle(m_mode == Mode::Add ? tr("Add connection profile")
                                       : tr("Edit connection profile"));
    // Created in tab order: the focus chain follows construction.
    m_name = new QLineEdit(this);
    m_name->setObjectName(u"displayNameEdit"_s);
    m_name->setAccessibleName(tr("Name"));
    m_url = new QLineEdit(this);
    m_url->setObjectName(u"serverUrlEdit"_s);
    m_url->setAccessibleName(tr("Server URL"));
    m_url->setPlaceholderText(tr("https://tokens.example.com"));
    m_username = new QLineEdit(this);
    m_username->setObjectName(u"usernameEdit"_s);
    m_username->setAccessibleName(tr("User name"));
    m_caFile = new QLineEdit(this);
    m_caFile->setObjectName(u"caFileEdit"_s);
    m_caFile->setAccessibleName(tr("Extra CA certificate"));
    m_caFile->setToolTip(tr("A PEM file with the certificate authorities to trust for this "
                            "server besides the system's, such as a company CA."));
    m_caFile->setClearButtonEnabled(true);
    m_browse = new QPushButton(tr("Browse…"), this);
    m_browse->setObjectName(u"caBrowseButton"_s);
    m_browse->setAccessibleName(tr("Browse for the extra CA certificate"));
    m_browse->setAutoDefault(false);
    m_keepSignedIn = new QCheckBox(tr("Keep me signed in"), this);
    m_keepSignedIn->setObjectName(u"keepSignedInCheck"_s);
    m_keepSignedIn->setToolTip(tr("Keeps the session, never the password, in the system "
                                  "keychain, so the Studio opens signed in next time."));

    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_browse);
    auto *form = new QFormLayout;
    form->addRow(labelFor(tr("Name"), u"displayNameLabel"_s, m_name, this), m_name);
    form->addRow(labelFor(tr("Server URL"), u"serverUrlLabel"_s, m_url, this), m_url);
    form->addRow(labelFor(tr("User name"), u"usernameLabel"_s, m_username, this), m_username);
    form->addRow(labelFor(tr("Extra CA certificate"), u"caFileLabel"_s, m_caFile, this), caRow);
    form->addRow(QString(), m_keepSignedIn);

    // Paths and server addresses are shown as they are, never as markup.
    m_error = new QLabel(this);
    m_error->setObjectName(u"errorLabel"_s);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setVisible(false);

    auto *buttons = new QDialogButtonBox(this);
    buttons->setObjectName(u"buttonBox"_s);
    m_accept = buttons->addButton(m_mode == Mode::Add ? tr("Add") : tr("Save"),
                                  QDialogButtonBox::AcceptRole);
    m_accept->setObjectName(u"acceptButton"_s);
    m_accept->setDefault(true);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(u"cancelButton"_s);
    cancel->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ProfileEditDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ProfileEditDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

ConnectionProfile ProfileEditDialog::profile() const
{
    ConnectionProfile profile;
    profile.id = m_id;
    profile.serverUrl = urlFrom(m_url);
    profile.displayName = m_name->text().trimmed();
    if (profile.displayName.isEmpty())
        profile.displayName = suggestedName(profile.serverUrl);
    profile.username = m_username->text().trimmed();
    profile.caCertificateFile = QDir::fromNativeSeparators(m_caFile->text().trimmed());
    profile.keepSignedIn = m_keepSignedIn->isChecked();
    return profile;
}

QString ProfileEditDialog::problem() const
{
    const Result<bool, QString> valid = profile().validate();
    return valid ? QString() : valid.error();
}

QFileDialog *ProfileEditDialog::caFileDialog() const
{
    return m_fileDialog;
}

void ProfileEditDialog::accept()
{
    // Enter must not store what the disabled button would refuse.
    if (!problem().isEmpty()) {
        m_edited = true;
        revalidate();
        return;
    }
    QDialog::accept();
}

void ProfileEditDialog::browseCaFile()
{
    if (m_fileDialog) {
        m_fileDialog->raise();
        m_fileDialog->activateWindow();
        return;
    }
    const QString current = m_caFile->text().trimmed();
    auto *dialog =
        new QFileDialog(this, tr("Choose the extra CA certificate"),
                        current.isEmpty() ? QDir::homePath() : QFileInfo(current).absolutePath());
    dialog->setObjectName(u"caFileDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters({tr("PEM certificates (*.pem *.crt *.cer)"), tr("All files (*)")});
    if (!current.isEmpty())
        dialog->selectFile(current);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) {
        m_edited = true;
        m_caFile->setText(QDir::toNativeSeparators(file));
        m_caFile->setFocus();
    });
    m_fileDialog = dialog;
    dialog->open();
}

void ProfileEditDialog::revalidate()
{
    const QString suggestion = suggestedName(urlFrom(m_url));
    m_name->setPlaceholderText(suggestion);
    m_name->setAccessibleDescription(
        suggestion.isEmpty() ? QString()
                             : tr("Left empty, the profile is named %1.").arg(suggestion));

    const QString message = problem();
    m_accept->setEnabled(message.isEmpty());
    const QString shown = m_edited ? message : QString();
    m_error->setText(shown);
    m_error->setVisible(!shown.isEmpty());
}

} // namespace ApiAccess
