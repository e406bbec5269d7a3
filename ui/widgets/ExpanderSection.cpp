#include "widgets/ExpanderSection.h"

#include "widgets/MotionPreference.h"

#include <QAccessible>
#include <QAccessibleWidget>
#include <QKeyEvent>
#include <QLayout>
#include <QVariantAnimation>

using namespace Qt::StringLiterals;

namespace ApiAccess {

namespace {

constexpr int kOpeningMs = 150;

// QAccessibleButton is private to Qt, so the toggle describes itself: a
// button that is checkable and expandable, whose press action toggles it.
class ExpanderAccessible : public QAccessibleWidget
{
public:
    explicit ExpanderAccessible(ExpanderSection *expander)
        : QAccessibleWidget(expander, QAccessible::Button)
    { }

    QString text(QAccessible::Text t) const override
    {
        const auto *expander = static_cast<const ExpanderSection *>(object());
        switch (t) {
        case QAccessible::Name: {
            if (!expander->accessibleName().isEmpty())
                return expander->accessibleName();
            return QString(expander->text()).remove(u'&');
        }
        case QAccessible::Description:
            return expander->accessibleDescription();
        default:
            return QAccessibleWidget::text(t);
        }
    }

    QAccessible::State state() const override
    {
        QAccessible::State s = QAccessibleWidget::state();
        const auto *expander = static_cast<const ExpanderSection *>(object());
        s.checkable = true;
        s.checked = expander->isExpanded();
        s.expandable = true;
        s.expanded = expander->isExpanded();
        s.collapsed = !expander->isExpanded();
        return s;
    }

    QStringList actionNames() const override
    {
        QStringList names = QAccessibleWidget::actionNames();
        if (widget()->isEnabled())
            names << pressAction() << toggleAction();
        return names;
    }

    void doAction(const QString &actionName) override
    {
        auto *expander = static_cast<ExpanderSection *>(object());
        if (expander->isEnabled() && (actionName == pressAction() || actionName == toggleAction()))
            expander->click();
        else
            QAccessibleWidget::doAction(actionName);
    }
};

QAccessibleInterface *expanderFactory(const QString &className, QObject *object)
{
    if (className == QLatin1StringView(ExpanderSection::staticMetaObject.className())) {
        if (auto *expander = qobject_cast<ExpanderSection *>(object))
            return new ExpanderAccessible(expander);
    }
    return nullptr;
}

void installAccessibleFactoryOnce()
{
    static const bool installed = [] {
        QAccessible::installFactory(expanderFactory);
        return true;
    }();
    Q_UNUSED(installed);
}

} // namespace

ExpanderSection::ExpanderSection(QWidget *parent)
    : ExpanderSection(tr("Advanced"), parent)
{ }

ExpanderSection::ExpanderSection(const QString &text, QWidget *parent)
    : QToolButton(parent)
{
    installAccessibleFactoryOnce();
    setText(text);
    setCheckable(true);
    setChecked(false);
    setAutoRaise(true);
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setFocusPolicy(Qt::StrongFocus);
    connect(this, &QToolButton::toggled, this, &ExpanderSection::onToggled);

    m_animation = new QVariantAnimation(this);
    m_animation->setDuration(kOpeningMs);
    m_animation->setEasingCurve(QEasingCurve::OutCubic);
    connect(m_animation, &QVariantAnimation::valueChanged, this, [this](const QVariant &value) {
        if (m_content) {
            m_content->setMaximumHeight(value.toInt());
            Q_EMIT contentHeightChanged();
        }
    });
    connect(m_animation, &QVariantAnimation::finished, this, [this] {
        if (m_content)
            m_content->setMaximumHeight(QWIDGETSIZE_MAX);
        Q_EMIT contentHeightChanged();
    });
    applyState();
}

ExpanderSection::~ExpanderSection() = default;

void ExpanderSection::setContentWidget(QWidget *content)
{
    m_content = content;
    applyState();
}

QWidget *ExpanderSection::contentWidget() const
{
    return m_content;
}

bool ExpanderSection::isExpanded() const
{
    return isChecked();
}

void ExpanderSection::setExpanded(bool expanded)
{
    setChecked(expanded);
}

void ExpanderSection::keyPressEvent(QKeyEvent *event)
{
    // A tool button answers only Space; Enter and Return toggle the section
    // too, as they would in a tree view, instead of reaching the dialog's
    // default button and submitting a half-filled form.
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        if (event->modifiers() == Qt::NoModifier || event->modifiers() == Qt::KeypadModifier) {
            click();
            event->accept();
            return;
        }
    }
    QToolButton::keyPressEvent(event);
}

bool ExpanderSection::isAnimating() const
{
    return m_animation->state() == QAbstractAnimation::Running;
}

void ExpanderSection::onToggled(bool checked)
{
    m_animation->stop();
    if (m_content)
        m_content->setMaximumHeight(QWIDGETSIZE_MAX);
    applyState();
    if (checked && m_content && isVisible() && MotionPreference::animationsEnabled())
        animateOpening();
    else
        Q_EMIT contentHeightChanged();

    QAccessible::State changed;
    changed.expanded = true;
    changed.collapsed = true;
    changed.checked = true;
    QAccessibleStateChangeEvent event(this, changed);
    QAccessible::updateAccessibility(&event);

    Q_EMIT expandedChanged(checked);
}

void ExpanderSection::animateOpening()
{
    // The width the content gets is known once its layout has placed the
    // content just shown; its height at that width is where the slide ends.
    if (QWidget *parent = m_content->parentWidget(); parent && parent->layout())
        parent->layout()->activate();
    int target = m_content->sizeHint().height();
    if (m_content->hasHeightForWidth() && m_content->width() > 0)
        target = m_content->heightForWidth(m_content->width());
    else if (QLayout *layout = m_content->layout(); layout && layout->hasHeightForWidth())
        target = layout->totalHeightForWidth(std::max(m_content->width(), width()));
    m_content->setMaximumHeight(0);
    m_animation->setStartValue(0);
    m_animation->setEndValue(std::max(target, 1));
    m_animation->start();
}

void ExpanderSection::applyState()
{
    const bool expanded = isChecked();
    setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    // Also in the description, for tools that read names and descriptions
    // but not states (and for tests that want a plain string).
    setAccessibleDescription(expanded ? tr("expanded") : tr("collapsed"));
    if (m_content)
        m_content->setVisible(expanded);
}

} // namespace ApiAccess
