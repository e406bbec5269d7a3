#include "widgets/ContentFit.h"

#include <QEvent>
#include <QLayout>
#include <QWidget>

#include <algorithm>

namespace ApiAccess {

ContentFit::ContentFit(QWidget *window, int preferredWidthInChars)
    : QObject(window)
    , m_window(window)
{
    Q_ASSERT(window->layout());
    // The height is ours to set; the layout only reports what it needs.
    window->layout()->setSizeConstraint(QLayout::SetNoConstraint);
    window->installEventFilter(this);
    const int preferred = window->fontMetrics().averageCharWidth() * preferredWidthInChars;
    window->resize(std::max(preferred, window->layout()->totalSizeHint().width()),
                   window->height());
    refit();
}

ContentFit::~ContentFit() = default;

void ContentFit::refit()
{
    if (m_fitting)
        return;
    m_fitting = true;
    QLayout *layout = m_window->layout();
    // activate() takes in what changed; it does nothing when nothing did.
    // (Invalidating here would post a new layout request every time, and
    // the window would refit itself forever.) A nested section that lays
    // itself out later posts a request of its own, and we follow again.
    layout->activate();
    const int minimumWidth = layout->totalMinimumSize().width();
    if (m_window->minimumWidth() != minimumWidth)
        m_window->setMinimumWidth(minimumWidth);
    const int width = std::max(m_window->width(), minimumWidth);
    const int needed = layout->hasHeightForWidth() ? layout->totalHeightForWidth(width)
                                                   : layout->totalSizeHint().height();
    const int height = std::max(needed, layout->totalMinimumSize().height());
    if (m_window->minimumHeight() != height || m_window->maximumHeight() != height)
        m_window->setFixedHeight(height);
    if (m_window->width() != width)
        m_window->resize(width, m_window->height());
    m_fitting = false;
}

bool ContentFit::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window) {
        switch (event->type()) {
        case QEvent::LayoutRequest:
        case QEvent::Resize:
        case QEvent::Show:
        case QEvent::FontChange:
        case QEvent::StyleChange:
            refit();
            break;
        default:
            break;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace ApiAccess
