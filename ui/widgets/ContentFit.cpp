#include "widgets/ContentFit.h"

#include <QCoreApplication>
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
    // Nested sections (Advanced) lay themselves out first: their size, as
    // the window's layout caches it, is only current once they have.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QLayout *layout = m_window->layout();
    layout->invalidate();
    const int minimumWidth = layout->totalMinimumSize().width();
    m_window->setMinimumWidth(minimumWidth);
    const int width = std::max(m_window->width(), minimumWidth);
    const int height = layout->hasHeightForWidth() ? layout->totalHeightForWidth(width)
                                                   : layout->totalSizeHint().height();
    m_window->setFixedHeight(std::max(height, layout->totalMinimumSize().height()));
    if (m_window->width() != width)
        m_window->resize(width, m_window->height());
    m_fitting = false;
}

bool ContentFit::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window) {
        switch (event->type()) {
        case QEvent::LayoutRequest:
            // Let the layout take in the change first, then follow it.
            m_window->layout()->activate();
            refit();
            break;
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
