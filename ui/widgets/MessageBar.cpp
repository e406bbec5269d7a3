#include "widgets/MessageBar.h"

#include "accessibility/LiveRegion.h"
#include "widgets/PaletteColors.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace ApiAccess {

namespace {

QStyle::StandardPixmap iconOf(MessageBar::Severity severity)
{
    switch (severity) {
    case MessageBar::Severity::Success:
        return QStyle::SP_DialogApplyButton;
    case MessageBar::Severity::Warning:
        return QStyle::SP_MessageBoxWarning;
    case MessageBar::Severity::Error:
        return QStyle::SP_MessageBoxCritical;
    case MessageBar::Severity::Information:
        break;
    }
    return QStyle::SP_MessageBoxInformation;
}

constexpr int kStripeWidth = 4;

} // namespace

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
{
    LiveRegion::mark(this, LiveRegion::Urgency::Polite);
    setFrameShape(QFrame::NoFrame);
    setAutoFillBackground(false);

    m_icon = new QLabel(this);
    m_icon->setObjectName(u"messageIcon"_s);
    m_icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    m_text = new QLabel(this);
    m_text->setObjectName(u"messageText"_s);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText); // token names are not markup
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_close = new QToolButton(this);
    m_close->setObjectName(u"messageCloseButton"_s);
    m_close->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton, nullptr, this));
    m_close->setAutoRaise(true);
    m_close->setAccessibleName(tr("Close message"));
    m_close->setToolTip(tr("Close message"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(kStripeWidth + 8, 6, 6, 6);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    m_actionsLayout = new QHBoxLayout;
    m_actionsLayout->setContentsMargins({});
    layout->addLayout(m_actionsLayout);
    layout->addWidget(m_close, 0, Qt::AlignTop);

    connect(m_close, &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT closed();
    });
    applySeverity();
    QFrame::hide();
}

MessageBar::~MessageBar() = default;

void MessageBar::showMessage(Severity severity, const QString &text, bool announce)
{
    m_severity = severity;
    m_text->setText(text);
    // The severity is said, not only drawn.
    switch (severity) {
    case Severity::Error:
        setAccessibleName(tr("Error: %1").arg(text));
        break;
    case Severity::Warning:
        setAccessibleName(tr("Warning: %1").arg(text));
        break;
    case Severity::Information:
    case Severity::Success:
        setAccessibleName(text);
        break;
    }
    applySeverity();
    show();
    if (announce)
        LiveRegion::announce(this);
}

void MessageBar::setClosable(bool closable)
{
    m_close->setVisible(closable);
}

QPushButton *MessageBar::addAction(const QString &text, const QString &objectName)
{
    auto *button = new QPushButton(text, this);
    button->setObjectName(objectName);
    m_actionsLayout->addWidget(button, 0, Qt::AlignTop);
    m_actions.append(button);
    return button;
}

void MessageBar::clearActions()
{
    qDeleteAll(m_actions);
    m_actions.clear();
}

QString MessageBar::text() const
{
    return m_text->text();
}

QColor MessageBar::accentColor(Severity severity) const
{
    const QIcon icon = style()->standardIcon(iconOf(severity), nullptr, this);
    const QColor colour = PaletteColors::iconColor(icon, QColor());
    if (colour.isValid())
        return colour;
    // A monochrome icon theme: distinct colours of the palette instead.
    switch (severity) {
    case Severity::Information:
        return palette().color(QPalette::Highlight);
    case Severity::Success:
        return palette().color(QPalette::LinkVisited);
    case Severity::Warning:
        return palette().color(QPalette::Link);
    case Severity::Error:
        break;
    }
    return palette().color(QPalette::WindowText);
}

void MessageBar::applySeverity()
{
    const int side = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()
                          ->standardIcon(iconOf(m_severity), nullptr, this)
                          .pixmap(QSize(side, side), devicePixelRatioF()));
    m_icon->setFixedWidth(side);
    m_accent = accentColor(m_severity);
    update();
}

void MessageBar::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    const QColor window = palette().color(QPalette::Window);
    const QColor text = palette().color(QPalette::WindowText);
    const QColor &accent = m_accent;
    QPainter painter(this);
    painter.fillRect(rect(), PaletteColors::tint(window, accent, text));
    painter.fillRect(QRect(0, 0, kStripeWidth, height()), accent);
    painter.setPen(PaletteColors::blend(window, accent, 0.5));
    painter.drawRect(rect().adjusted(0, 0, -1, -1));
}

void MessageBar::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::StyleChange || event->type() == QEvent::PaletteChange)
        applySeverity();
}

} // namespace ApiAccess
