#include "widgets/StatePlaceholder.h"

#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ApiAccess {

StatePlaceholder::StatePlaceholder(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"statePlaceholder"_s);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);

    m_icon = new QLabel(this);
    m_icon->setObjectName(u"placeholderIcon"_s);
    m_icon->setAlignment(Qt::AlignCenter);
    m_title = new QLabel(this);
    m_title->setObjectName(u"placeholderTitle"_s);
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_text = new QLabel(this);
    m_text->setObjectName(u"placeholderText"_s);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText); // it may quote a search
    m_button = new QPushButton(this);
    m_button->setObjectName(u"placeholderButton"_s);

    auto *column = new QVBoxLayout;
    column->setSpacing(8);
    column->addWidget(m_icon);
    column->addWidget(m_title);
    column->addWidget(m_text);
    column->addSpacing(4);
    column->addWidget(m_button, 0, Qt::AlignHCenter);

    // A readable measure for the text, centred in whatever room there is.
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addLayout(column, 4);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);

    connect(m_button, &QPushButton::clicked, this, &StatePlaceholder::buttonClicked);
}

StatePlaceholder::~StatePlaceholder() = default;

void StatePlaceholder::setState(const QIcon &icon, const QString &title, const QString &text,
                                const QString &buttonText)
{
    m_iconSource = icon;
    updateIcon();
    m_title->setText(title);
    m_text->setText(text);
    m_text->setVisible(!text.isEmpty());
    m_button->setText(buttonText);
    m_button->setVisible(!buttonText.isEmpty());
    setAccessibleName(title);
    setAccessibleDescription(text);
}

QString StatePlaceholder::title() const
{
    return m_title->text();
}

QString StatePlaceholder::text() const
{
    return m_text->text();
}

void StatePlaceholder::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::StyleChange || event->type() == QEvent::FontChange)
        updateIcon();
}

void StatePlaceholder::updateIcon()
{
    const int side = 3 * style()->pixelMetric(QStyle::PM_LargeIconSize, nullptr, this) / 2;
    m_icon->setPixmap(m_iconSource.pixmap(QSize(side, side), devicePixelRatioF()));
    m_icon->setVisible(!m_iconSource.isNull());
}

} // namespace ApiAccess
