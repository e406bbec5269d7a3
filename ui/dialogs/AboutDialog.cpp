#include "dialogs/AboutDialog.h"

#include "widgets/ContentFit.h"
#include "widgets/StudioIcons.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSslSocket>
#include <QStyle>
#include <QVBoxLayout>
#include <QtGlobal>

using namespace Qt::StringLiterals;

namespace ApiAccess {

namespace {

QLabel *wrappedLabel(const QString &text, const QString &name, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse
                                   | Qt::LinksAccessibleByKeyboard);
    return label;
}

} // namespace

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"aboutDialog"_s);
    setWindowTitle(tr("About API Access Studio"));

    auto *icon = new QLabel(this);
    const int side = 2 * style()->pixelMetric(QStyle::PM_LargeIconSize, nullptr, this);
    icon->setPixmap(windowIcon().isNull()
                        ? StudioIcons::icon(StudioIcons::Symbol::Key)
                              .pixmap(QSize(side, side), devicePixelRatioF())
                        : windowIcon().pixmap(QSize(side, side), devicePixelRatioF()));
    icon->setAlignment(Qt::AlignTop);

    auto *title = new QLabel(tr("API Access Studio"), this);
    title->setObjectName(u"aboutTitle"_s);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *version = wrappedLabel(tr("Version %1").arg(QCoreApplication::applicationVersion()),
                                 u"aboutVersion"_s, this);
    auto *summary = wrappedLabel(
        tr("Manage the API tokens that third-party services use: create, copy, rotate, "
           "disable and delete them, and limit where each may be used from."),
        u"aboutSummary"_s, this);
    auto *licence = wrappedLabel(
        tr("Licensed under the <a href=\"https://www.apache.org/licenses/LICENSE-2.0\">Apache "
           "License, Version 2.0</a>."),
        u"aboutLicence"_s, this);
    licence->setTextFormat(Qt::RichText);
    licence->setOpenExternalLinks(true);
    m_libraries = wrappedLabel(
        tr("Built with Qt %1 (running on Qt %2), QtKeychain for the system keychain, SQLite "
           "through Qt SQL for the offline copy, and %3 for secure connections. Each is used "
           "under its own licence; see the licenses folder installed with the Studio.")
            .arg(QString::fromLatin1(QT_VERSION_STR), QString::fromLatin1(qVersion()),
                 QSslSocket::sslLibraryVersionString().isEmpty()
                     ? tr("the system's TLS library")
                     : QSslSocket::sslLibraryVersionString()),
        u"aboutLibraries"_s, this);
    m_libraries->setTextFormat(Qt::PlainText);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setObjectName(u"closeButton"_s);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *text = new QVBoxLayout;
    text->addWidget(title);
    text->addWidget(version);
    text->addSpacing(6);
    text->addWidget(summary);
    text->addWidget(licence);
    text->addWidget(m_libraries);
    auto *row = new QHBoxLayout;
    row->addWidget(icon, 0, Qt::AlignTop);
    row->addLayout(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
    // A readable measure; the height follows the wrapped text.
    new ContentFit(this, 70);
}

AboutDialog::~AboutDialog() = default;

QString AboutDialog::librariesText() const
{
    return m_libraries->text();
}

} // namespace ApiAccess
