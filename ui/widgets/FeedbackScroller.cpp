#include "widgets/FeedbackScroller.h"

#include <QEvent>
#include <QLabel>
#include <QScrollBar>
#include <QStyle>

#include <algorithm>

namespace ApiAccess {

FeedbackScroller::FeedbackScroller(QLabel *label, int maxLines, QWidget *parent)
    : QScrollArea(parent)
    , m_label(label)
    , m_maxLines(maxLines)
{
    setFrameShape(QFrame::NoFrame);
    setWidgetResizable(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Usually only text under its field, with nothing to focus; once it
    // scrolls, Tab reaches it (a frame shows the focus) so the keyboard can
    // scroll what the mouse can.
    setFocusPolicy(Qt::NoFocus);
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, [this](int, int maximum) {
        const bool scrolls = maximum > 0;
        setFocusPolicy(scrolls ? Qt::TabFocus : Qt::NoFocus);
        setFrameShape(scrolls ? QFrame::StyledPanel : QFrame::NoFrame);
    });
    setBackgroundRole(QPalette::Window);
    viewport()->setBackgroundRole(QPalette::Window);
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    setWidget(label);
    // The label shows and hides itself with its text; so does its scroller.
    label->installEventFilter(this);
    setVisible(!label->isHidden());
}

FeedbackScroller::~FeedbackScroller() = default;

int FeedbackScroller::cap() const
{
    return m_label->fontMetrics().lineSpacing() * m_maxLines;
}

int FeedbackScroller::heightForWidth(int width) const
{
    const int content = m_label->heightForWidth(width);
    if (content <= cap())
        return content;
    // Scrolling: the label gets the width less the scroll bar's.
    const int bar = style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this);
    return std::min(m_label->heightForWidth(width - bar), cap());
}

QSize FeedbackScroller::sizeHint() const
{
    const QSize label = m_label->sizeHint();
    return {label.width(), std::min(label.height(), cap())};
}

QSize FeedbackScroller::minimumSizeHint() const
{
    return {m_label->minimumSizeHint().width(), 0};
}

bool FeedbackScroller::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_label) {
        if (event->type() == QEvent::ShowToParent)
            show();
        else if (event->type() == QEvent::HideToParent)
            hide();
        else if (event->type() == QEvent::LayoutRequest || event->type() == QEvent::Resize)
            updateGeometry();
    }
    return QScrollArea::eventFilter(watched, event);
}

} // namespace ApiAccess
