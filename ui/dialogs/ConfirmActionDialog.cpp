#include "dialogs/ConfirmActionDialog.h"

#include <QPushButton>
#include <QStyle>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ApiAccess {

ConfirmActionDialog *ConfirmActionDialog::create(TokenAction action, const QStringList &names,
                                                 QWidget *parent)
{
    return new ConfirmActionDialog(action, names, parent);
}

ConfirmActionDialog::ConfirmActionDialog(TokenAction action, const QStringList &names,
                                         QWidget *parent)
    : QMessageBox(parent)
    , m_action(action)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowModality(Qt::WindowModal);
    // Token names are the admin's text, never markup.
    setTextFormat(Qt::PlainText);
    const qsizetype count = std::max<qsizetype>(names.size(), 1);
    setWindowTitle(title(action, count));
    setText(question(action, names));
    setInformativeText(consequence(action, count));
    setIcon(action == TokenAction::Enable ? QMessageBox::Question : QMessageBox::Warning);

    // Delete cannot be undone: the platform's destructive role (placed and
    // styled as such where the platform does, e.g. macOS) and the trash
    // icon; it is never the default button.
    const bool destructive = action == TokenAction::Delete;
    m_confirm = addButton(verb(action),
                          destructive ? QMessageBox::DestructiveRole : QMessageBox::AcceptRole);
    m_confirm->setObjectName(u"confirmButton"_s);
    m_confirm->setAccessibleName(m_confirm->text());
    if (destructive) {
        m_confirm->setIcon(style()->standardIcon(QStyle::SP_TrashIcon, nullptr, m_confirm));
        m_confirm->setAccessibleDescription(tr("Deletes for good; this cannot be undone"));
    }
    m_cancel = addButton(QMessageBox::Cancel);
    m_cancel->setObjectName(u"cancelButton"_s);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setAccessibleName(m_cancel->text());
    setEscapeButton(m_cancel);
    setDefaultButton(action == TokenAction::Delete ? m_cancel.data() : m_confirm.data());

    connect(this, &QMessageBox::buttonClicked, this, &ConfirmActionDialog::onButtonClicked);
}

ConfirmActionDialog::~ConfirmActionDialog() = default;

QPushButton *ConfirmActionDialog::confirmButton() const
{
    return m_confirm;
}

QPushButton *ConfirmActionDialog::cancelButton() const
{
    return m_cancel;
}

void ConfirmActionDialog::onButtonClicked(QAbstractButton *button)
{
    if (button && button == m_confirm)
        Q_EMIT confirmed();
}

QString ConfirmActionDialog::verb(TokenAction action)
{
    switch (action) {
    case TokenAction::Disable:
        return tr("Disable");
    case TokenAction::Enable:
        return tr("Enable");
    case TokenAction::Delete:
        break;
    }
    return tr("Delete");
}

QString ConfirmActionDialog::title(TokenAction action, qsizetype count)
{
    if (count == 1) {
        switch (action) {
        case TokenAction::Disable:
            return tr("Disable API token");
        case TokenAction::Enable:
            return tr("Enable API token");
        case TokenAction::Delete:
            break;
        }
        return tr("Delete API token");
    }
    const int n = static_cast<int>(count);
    switch (action) {
    case TokenAction::Disable:
        return tr("Disable %n API tokens", nullptr, n);
    case TokenAction::Enable:
        return tr("Enable %n API tokens", nullptr, n);
    case TokenAction::Delete:
        break;
    }
    return tr("Delete %n API tokens", nullptr, n);
}

QString ConfirmActionDialog::question(TokenAction action, const QStringList &names)
{
    if (names.size() <= 1) {
        const QString name = names.value(0);
        switch (action) {
        case TokenAction::Disable:
            return tr("Disable “%1”?").arg(name);
        case TokenAction::Enable:
            return tr("Enable “%1”?").arg(name);
        case TokenAction::Delete:
            break;
        }
        return tr("Delete “%1”?").arg(name);
    }
    const int n = static_cast<int>(names.size());
    QString text;
    switch (action) {
    case TokenAction::Disable:
        text = tr("Disable these %n tokens?", nullptr, n);
        break;
    case TokenAction::Enable:
        text = tr("Enable these %n tokens?", nullptr, n);
        break;
    case TokenAction::Delete:
        text = tr("Delete these %n tokens?", nullptr, n);
        break;
    }
    text += u"\n"_s;
    for (const QString &name : names.first(std::min<qsizetype>(names.size(), kMaxNamesListed)))
        text += u"\n• "_s + name;
    if (names.size() > kMaxNamesListed)
        text += u"\n"_s + tr("and %n more", nullptr, n - kMaxNamesListed);
    return text;
}

QString ConfirmActionDialog::consequence(TokenAction action, qsizetype count)
{
    const bool one = count == 1;
    switch (action) {
    case TokenAction::Disable:
        return one ? tr("Integrations using this token stop working until it is enabled again.")
                   : tr("Integrations using these tokens stop working until they are enabled "
                        "again.");
    case TokenAction::Enable:
        return one ? tr("Integrations using this token can connect again.")
                   : tr("Integrations using these tokens can connect again.");
    case TokenAction::Delete:
        break;
    }
    return one ? tr("Integrations using this token stop working. This cannot be undone.")
               : tr("Integrations using these tokens stop working. This cannot be undone.");
}

} // namespace ApiAccess
