#pragma once

#include <QPointer>
#include <QToolButton>

class QVariantAnimation;

namespace ApiAccess {

// The toggle of a collapsible section, as Kleopatra does "Advanced": a flat
// tool button with an arrow and a label that shows or hides one content
// widget. Collapsed by default, so the common case stays short.
//
// It is a QToolButton (not a container) so a Designer form can place it by
// promotion and keep the content widget in the form's own layout. Being a
// checkable button, Space toggles it and the checked state is the expanded
// state; screen readers additionally get the expandable/expanded/collapsed
// states and a StateChanged event, which a plain checkable button lacks;
// its press and toggle actions do what a click does.
//
// Opening slides the content in (about 150 ms) unless the user asked the
// platform to reduce motion (MotionPreference); closing is immediate. The
// content is visible from the first frame, so focus and accessibility
// find it at once; contentHeightChanged() comes with every frame so a
// dialog can follow.
class ExpanderSection : public QToolButton
{
    Q_OBJECT
    Q_PROPERTY(bool expanded READ isExpanded WRITE setExpanded NOTIFY expandedChanged)

public:
    explicit ExpanderSection(QWidget *parent = nullptr);
    explicit ExpanderSection(const QString &text, QWidget *parent = nullptr);
    ~ExpanderSection() override;

    // The widget shown while expanded; hidden at once if collapsed.
    void setContentWidget(QWidget *content);
    QWidget *contentWidget() const;

    bool isExpanded() const;
    void setExpanded(bool expanded);
    bool isAnimating() const;

Q_SIGNALS:
    void expandedChanged(bool expanded);
    // The content's visible height changed (shown, hidden, or a frame of
    // the opening animation).
    void contentHeightChanged();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void onToggled(bool checked);
    void applyState();
    void animateOpening();

    QPointer<QWidget> m_content;
    QVariantAnimation *m_animation = nullptr;
};

} // namespace ApiAccess
