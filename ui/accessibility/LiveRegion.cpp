#include "accessibility/LiveRegion.h"

#include <QAccessible>
#include <QAccessibleWidget>
#include <QLabel>

namespace ApiAccess::LiveRegion {

namespace {

constexpr const char *kUrgencyProperty = "apiaccess_liveRegionUrgency";

// The role follows the widget's urgency, which may change while it lives
// (a message bar goes from a note to an error).
class LiveRegionAccessible : public QAccessibleWidget
{
public:
    explicit LiveRegionAccessible(QWidget *widget)
        : QAccessibleWidget(widget, QAccessible::Notification)
    { }

    QAccessible::Role role() const override
    {
        return widget()->property(kUrgencyProperty).toInt() == int(Urgency::Assertive)
            ? QAccessible::AlertMessage
            : QAccessible::Notification;
    }

    QString text(QAccessible::Text t) const override
    {
        if (t == QAccessible::Name) {
            if (const auto *label = qobject_cast<const QLabel *>(widget()))
                return label->text();
            return widget()->accessibleName();
        }
        return QAccessibleWidget::text(t);
    }
};

QAccessibleInterface *liveRegionFactory(const QString &, QObject *object)
{
    auto *widget = qobject_cast<QWidget *>(object);
    if (!widget)
        return nullptr;
    if (!widget->property(kUrgencyProperty).isValid())
        return nullptr;
    return new LiveRegionAccessible(widget);
}

} // namespace

void mark(QWidget *widget, Urgency urgency)
{
    static const bool installed = [] {
        QAccessible::installFactory(liveRegionFactory);
        return true;
    }();
    Q_UNUSED(installed);
    widget->setProperty(kUrgencyProperty, int(urgency));
}

void announce(QWidget *region)
{
    if (!region || !region->isVisible() || !QAccessible::isActive())
        return;
    QAccessibleEvent nameChanged(region, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&nameChanged);
    QAccessibleEvent shown(region, QAccessible::ObjectShow);
    QAccessible::updateAccessibility(&shown);
}

} // namespace ApiAccess::LiveRegion
