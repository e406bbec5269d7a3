#include "dialogs/ProfilesDialog.h"

#include "dialogs/ProfileEditDialog.h"
#include "profiles/ProfileStore.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace ApiAccess {

namespace {

constexpr int kIdRole = Qt::UserRole;

QPushButton *makeButton(const QString &text, const QString &objectName,
                        const QString &accessibleName, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setAccessibleName(accessibleName);
    return button;
}

} // namespace

ProfilesDialog::ProfilesDialog(ProfileStore &store, const QString &currentProfileId,
                               QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_currentId(currentProfileId)
{
    buildUi();
    reload(currentProfileId);
    m_list->setFocus();
}

ProfilesDialog::~ProfilesDialog() = default;

void ProfilesDialog::buildUi()
{
    setObjectName(u"ProfilesDialog"_s);
    setWindowTitle(tr("Connection profiles"));
    // Created in tab order: the focus chain follows construction.
    m_list = new QListWidget(this);
    m_list->setObjectName(u"profilesList"_s);
    m_list->setAccessibleName(tr("Connection profiles"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_add = makeButton(tr("Add…"), u"addButton"_s, tr("Add a connection profile"), this);
    m_edit = makeButton(tr("Edit…"), u"editButton"_s, tr("Edit the connection profile"), this);
    m_remove =
        makeButton(tr("Remove…"), u"removeButton"_s, tr("Remove the connection profile"), this);
    auto *buttons = new QDialogButtonBox(this);
    buttons->setObjectName(u"buttonBox"_s);
    m_open = makeButton(tr("Open"), u"openButton"_s, tr("Open the connection profile"), this);
    buttons->addButton(m_open, QDialogButtonBox::AcceptRole);
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    close->setObjectName(u"closeButton"_s);
    close->setText(tr("Close"));
    close->setAccessibleName(tr("Close"));
    // Enter in the list opens the selected profile.
    m_open->setDefault(true);

    auto *side = new QVBoxLayout;
    side->addWidget(m_add);
    side->addWidget(m_edit);
    side->addWidget(m_remove);
    side->addStretch(1);
    auto *top = new QHBoxLayout;
    top->addWidget(m_list, 1);
    top->addLayout(side);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);

    auto *removeKey = new QShortcut(QKeySequence::Delete, m_list);
    removeKey->setContext(Qt::WidgetShortcut);
    connect(removeKey, &QShortcut::activated, this, &ProfilesDialog::removeProfile);
    connect(m_list, &QListWidget::itemSelectionChanged, this, &ProfilesDialog::updateButtons);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &ProfilesDialog::onItemDoubleClicked);
    connect(m_add, &QPushButton::clicked, this, &ProfilesDialog::addProfile);
    connect(m_edit, &QPushButton::clicked, this, &ProfilesDialog::editProfile);
    connect(m_remove, &QPushButton::clicked, this, &ProfilesDialog::removeProfile);
    connect(m_open, &QPushButton::clicked, this, &ProfilesDialog::openProfile);
    connect(buttons, &QDialogButtonBox::rejected, this, &ProfilesDialog::reject);
}

QString ProfilesDialog::selectedId() const
{
    const QList<QListWidgetItem *> selected = m_list->selectedItems();
    return selected.isEmpty() ? QString() : selected.first()->data(kIdRole).toString();
}

void ProfilesDialog::reload(const QString &selectId)
{
    const int previousRow = std::max(m_list->currentRow(), 0);
    m_list->clear();
    const QList<ConnectionProfile> profiles = m_store.profiles();
    QListWidgetItem *select = nullptr;
    for (const ConnectionProfile &profile : profiles) {
        QString text = profile.label();
        if (profile.id == m_currentId)
            text += u' ' + tr("(current)");
        auto *item = new QListWidgetItem(text, m_list);
        item->setData(kIdRole, profile.id);
        item->setToolTip(profile.username.isEmpty()
                             ? profile.serverUrl.toString()
                             : tr("%1 at %2").arg(profile.username, profile.serverUrl.toString()));
        if (profile.id == selectId)
            select = item;
    }
    // After a removal the neighbour is selected, so Remove… can go on.
    if (!select && m_list->count() > 0)
        select = m_list->item(std::min(previousRow, m_list->count() - 1));
    if (select)
        m_list->setCurrentItem(select);
    updateButtons();
}

void ProfilesDialog::updateButtons()
{
    const bool selected = !selectedId().isEmpty();
    m_edit->setEnabled(selected);
    m_remove->setEnabled(selected);
    m_open->setEnabled(selected);
}

void ProfilesDialog::addProfile()
{
    auto *dialog = new ProfileEditDialog(ProfileEditDialog::Mode::Add, {}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const ConnectionProfile added = m_store.add(dialog->profile());
        reload(added.id);
        Q_EMIT profileChanged(added.id);
    });
    dialog->open();
}

void ProfilesDialog::editProfile()
{
    const std::optional<ConnectionProfile> profile = m_store.profile(selectedId());
    if (!profile) {
        reload(QString());
        return;
    }
    auto *dialog = new ProfileEditDialog(ProfileEditDialog::Mode::Edit, *profile, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const ConnectionProfile edited = dialog->profile();
        const bool stored = m_store.update(edited);
        reload(edited.id);
        if (stored)
            Q_EMIT profileChanged(edited.id);
    });
    dialog->open();
}

void ProfilesDialog::removeProfile()
{
    const std::optional<ConnectionProfile> profile = m_store.profile(selectedId());
    if (!profile)
        return;
    auto *box = new QMessageBox(this);
    box->setObjectName(u"removeConfirmation"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    // Profile names are the admin's text, never markup.
    box->setTextFormat(Qt::PlainText);
    box->setIcon(QMessageBox::Warning);
    box->setWindowTitle(tr("Remove connection profile"));
    box->setText(tr("Remove the connection profile “%1”?").arg(profile->label()));
    box->setInformativeText(tr("Its kept session and its offline copy of the tokens are deleted "
                               "too. The tokens on the server stay as they are."));
    QPushButton *confirm = box->addButton(tr("Remove"), QMessageBox::AcceptRole);
    confirm->setObjectName(u"confirmButton"_s);
    confirm->setAccessibleName(confirm->text());
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(u"cancelButton"_s);
    cancel->setText(tr("Cancel"));
    cancel->setAccessibleName(cancel->text());
    box->setEscapeButton(cancel);
    // Removal cannot be undone: Enter alone never removes.
    box->setDefaultButton(cancel);
    const QString id = profile->id;
    connect(box, &QMessageBox::buttonClicked, this, [this, confirm, id](QAbstractButton *button) {
        if (button != confirm || !m_store.remove(id))
            return;
        reload(QString());
        Q_EMIT profileRemoved(id);
    });
    box->open();
}

void ProfilesDialog::openProfile()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    Q_EMIT openRequested(id);
    accept();
}

void ProfilesDialog::onItemDoubleClicked(QListWidgetItem *item)
{
    m_list->setCurrentItem(item);
    openProfile();
}

} // namespace ApiAccess
