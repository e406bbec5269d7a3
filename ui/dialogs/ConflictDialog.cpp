#include "dialogs/ConflictDialog.h"

#include "access/AccessLevel.h"
#include "dialogs/LocalTimeText.h"

#include <QCommandLinkButton>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ApiAccess {

namespace {

QString rangesText(const QStringList &ranges)
{
    return ranges.isEmpty() ? ConflictDialog::tr("Any address") : ranges.join(u", "_s);
}

// Both dates alone when they differ; with the times when only those do.
QString expiryText(const std::optional<QDateTime> &expiresAt, bool withTime)
{
    if (!expiresAt)
        return ConflictDialog::tr("Never");
    const QString date = LocalTimeText::date(*expiresAt, LocalTimeText::Month::Short);
    return withTime ? date + u' ' + LocalTimeText::timeOfDay(*expiresAt) : date;
}

} // namespace

ConflictDialog::ConflictDialog(const Token &original, const Token &theirs,
                               const TokenUpdateInput &mine, QWidget *parent)
    : QDialog(parent)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowModality(Qt::WindowModal);
    setWindowTitle(tr("API token changed"));
    setMinimumWidth(460);

    auto *message = new QLabel(
        tr("Someone else changed “%1” while you were editing it.").arg(original.name), this);
    message->setObjectName(u"messageLabel"_s);

    QStringList lines;
    for (const Difference &difference : differencesByField(original, theirs)) {
        lines.append(changes(mine, difference.field)
                         ? tr("%1 (you changed this too)").arg(difference.text)
                         : difference.text);
    }
    if (lines.isEmpty())
        lines.append(tr("None of the fields you can edit changed; only the version did."));
    auto *changesView = new QLabel(lines.join(u'\n'), this);
    changesView->setObjectName(u"changesView"_s);
    changesView->setAccessibleName(tr("Their changes"));
    changesView->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (QLabel *label : {message, changesView}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText); // names and ranges are data, not markup
    }

    m_reload = new QCommandLinkButton(tr("Reload"),
                                      tr("Show their version; your changes are discarded"), this);
    m_reload->setObjectName(u"reloadButton"_s);
    m_overwrite = new QCommandLinkButton(
        tr("Overwrite"), tr("Save your version; their changes to the same fields are replaced"),
        this);
    m_overwrite->setObjectName(u"overwriteButton"_s);
    for (QCommandLinkButton *button : {m_reload, m_overwrite}) {
        button->setAccessibleName(button->text());
        button->setAccessibleDescription(button->description());
        // Each discards someone's work: Enter alone must choose neither.
        button->setAutoDefault(false);
    }

    auto *buttons = new QDialogButtonBox(this);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(u"cancelButton"_s);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setAccessibleName(m_cancel->text());
    m_cancel->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(message);
    layout->addWidget(changesView);
    layout->addWidget(m_reload);
    layout->addWidget(m_overwrite);
    layout->addStretch();
    layout->addWidget(buttons);

    connect(m_reload, &QPushButton::clicked, this,
            [this] { choose(&ConflictDialog::reloadRequested); });
    connect(m_overwrite, &QPushButton::clicked, this,
            [this] { choose(&ConflictDialog::overwriteRequested); });
    connect(buttons, &QDialogButtonBox::rejected, this, &ConflictDialog::reject);
}

ConflictDialog::~ConflictDialog() = default;

QStringList ConflictDialog::differences(const Token &a, const Token &b)
{
    QStringList lines;
    for (const Difference &difference : differencesByField(a, b))
        lines.append(difference.text);
    return lines;
}

QPushButton *ConflictDialog::reloadButton() const
{
    return m_reload;
}

QPushButton *ConflictDialog::overwriteButton() const
{
    return m_overwrite;
}

QPushButton *ConflictDialog::cancelButton() const
{
    return m_cancel;
}

QList<ConflictDialog::Difference> ConflictDialog::differencesByField(const Token &a, const Token &b)
{
    QList<Difference> result;
    if (a.name != b.name)
        result.append({Field::Name, tr("Name: “%1” → “%2”").arg(a.name, b.name)});
    if (a.accessLevel != b.accessLevel) {
        result.append({Field::AccessLevel,
                       tr("Access level: %1 → %2")
                           .arg(AccessLevels::displayName(a.accessLevel),
                                AccessLevels::displayName(b.accessLevel))});
    }
    if (a.allowedIpRanges != b.allowedIpRanges) {
        result.append({Field::AllowedIpRanges,
                       tr("Allowed IP Ranges: %1 → %2")
                           .arg(rangesText(a.allowedIpRanges), rangesText(b.allowedIpRanges))});
    }
    if (a.expiresAt != b.expiresAt) {
        const bool sameDay = a.expiresAt && b.expiresAt
            && a.expiresAt->toLocalTime().date() == b.expiresAt->toLocalTime().date();
        result.append(
            {Field::ExpiresAt,
             tr("Expires: %1 → %2")
                 .arg(expiryText(a.expiresAt, sameDay), expiryText(b.expiresAt, sameDay))});
    }
    if (a.status != b.status) {
        result.append(
            {Field::Status,
             tr("Status: %1 → %2")
                 .arg(TokenStatuses::displayName(a.status), TokenStatuses::displayName(b.status))});
    }
    return result;
}

bool ConflictDialog::changes(const TokenUpdateInput &mine, Field field)
{
    switch (field) {
    case Field::Name:
        return mine.name.has_value();
    case Field::AccessLevel:
        return mine.accessLevel.has_value();
    case Field::AllowedIpRanges:
        return mine.allowedIpRanges.has_value();
    case Field::ExpiresAt:
        return mine.expiresAt.has_value();
    case Field::Status:
        break;
    }
    return mine.enabled.has_value();
}

void ConflictDialog::choose(void (ConflictDialog::*signal)())
{
    const QPointer<ConflictDialog> self(this);
    Q_EMIT(this->*signal)();
    if (self) // the receiver may have deleted us
        accept();
}

} // namespace ApiAccess
