#include "widgets/ExpanderSection.h"
#include "widgets/MotionPreference.h"

#include <QAccessible>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

#include <memory>

using namespace ApiAccess;
using namespace Qt::StringLiterals;

namespace {

// A window with an "Advanced" toggle above the content it hides.
struct Form
{
    QWidget window;
    ExpanderSection *expander = new ExpanderSection(&window);
    QLabel *content = new QLabel(u"Allowed IP Ranges"_s, &window);

    Form()
    {
        auto *layout = new QVBoxLayout(&window);
        layout->addWidget(expander);
        layout->addWidget(content);
        expander->setContentWidget(content);
        window.show();
    }
};

} // namespace

class tst_ExpanderSection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isCalledAdvancedAndCollapsedByDefault()
    {
        Form form;
        QVERIFY(QTest::qWaitForWindowExposed(&form.window));
        QCOMPARE(form.expander->text(), u"Advanced"_s);
        QVERIFY(form.expander->isCheckable());
        QVERIFY(!form.expander->isExpanded());
        QVERIFY(!form.content->isVisible());
        QCOMPARE(form.expander->arrowType(), Qt::RightArrow);
    }

    void aClickExpandsAndASecondClickCollapses()
    {
        Form form;
        QVERIFY(QTest::qWaitForWindowExposed(&form.window));
        QSignalSpy expandedChanged(form.expander, &ExpanderSection::expandedChanged);

        QTest::mouseClick(form.expander, Qt::LeftButton);
        QTRY_VERIFY(form.content->isVisible());
        QVERIFY(form.expander->isExpanded());
        QCOMPARE(form.expander->arrowType(), Qt::DownArrow);

        QTest::mouseClick(form.expander, Qt::LeftButton);
        QTRY_VERIFY(!form.content->isVisible());
        QCOMPARE(form.expander->arrowType(), Qt::RightArrow);

        QCOMPARE(expandedChanged.count(), 2);
        QCOMPARE(expandedChanged.at(0).at(0).toBool(), true);
        QCOMPARE(expandedChanged.at(1).at(0).toBool(), false);
    }

    void spaceAndEnterToggleFromTheKeyboard()
    {
        Form form;
        QVERIFY(QTest::qWaitForWindowExposed(&form.window));
        QVERIFY(form.expander->focusPolicy() & Qt::TabFocus);
        form.expander->setFocus();

        QTest::keyClick(form.expander, Qt::Key_Space);
        QTRY_VERIFY(form.content->isVisible());
        QTest::keyClick(form.expander, Qt::Key_Return);
        QTRY_VERIFY(!form.content->isVisible());
        QTest::keyClick(form.expander, Qt::Key_Enter, Qt::KeypadModifier);
        QTRY_VERIFY(form.content->isVisible());
    }

    void contentGivenLaterFollowsTheState()
    {
        ExpanderSection expander;
        QWidget content;
        content.show();
        expander.setContentWidget(&content);
        QVERIFY(!content.isVisible());
        expander.setExpanded(true);
        QVERIFY(content.isVisible());
    }

    void screenReadersSeeTheExpandedState()
    {
        Form form;
        QVERIFY(QTest::qWaitForWindowExposed(&form.window));
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(form.expander);
        QVERIFY(iface);
        QCOMPARE(iface->role(), QAccessible::Button);
        QCOMPARE(iface->text(QAccessible::Name), u"Advanced"_s);
        QVERIFY(iface->state().expandable);
        QVERIFY(iface->state().collapsed);
        QVERIFY(!iface->state().expanded);
        QCOMPARE(iface->text(QAccessible::Description), u"collapsed"_s);

        form.expander->setExpanded(true);
        QVERIFY(iface->state().expanded);
        QVERIFY(!iface->state().collapsed);
        QCOMPARE(iface->text(QAccessible::Description), u"expanded"_s);
    }

    void theAccessiblePressActionToggles()
    {
        Form form;
        QVERIFY(QTest::qWaitForWindowExposed(&form.window));
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(form.expander);
        QVERIFY(iface);
        QAccessibleActionInterface *actions = iface->actionInterface();
        QVERIFY(actions);
        QVERIFY(actions->actionNames().contains(QAccessibleActionInterface::pressAction()));
        actions->doAction(QAccessibleActionInterface::pressAction());
        QVERIFY(form.expander->isExpanded());
        QVERIFY(form.content->isVisible());
    }

    void openingSlidesTheContentInUnlessMotionIsReduced()
    {
        MotionPreference::setOverride(true);
        {
            Form form;
            QVERIFY(QTest::qWaitForWindowExposed(&form.window));
            const int fullHeight = form.content->sizeHint().height();
            QSignalSpy frames(form.expander, &ExpanderSection::contentHeightChanged);
            form.expander->setExpanded(true);
            // Visible (and so reachable by focus and screen readers) at once,
            // growing from nothing to its full height.
            QVERIFY(form.content->isVisible());
            QVERIFY(form.expander->isAnimating());
            QVERIFY(form.content->maximumHeight() < fullHeight);
            QTRY_VERIFY(!form.expander->isAnimating());
            QVERIFY(frames.size() >= 2);
            QCOMPARE(form.content->maximumHeight(), QWIDGETSIZE_MAX);
            QCOMPARE(form.content->height(), fullHeight);

            // Closed in the middle of opening: no height is left capped.
            form.expander->setExpanded(false);
            form.expander->setExpanded(true);
            QVERIFY(form.expander->isAnimating());
            form.expander->setExpanded(false);
            QVERIFY(!form.expander->isAnimating());
            QVERIFY(!form.content->isVisible());
            QCOMPARE(form.content->maximumHeight(), QWIDGETSIZE_MAX);
        }
        MotionPreference::setOverride(false);
        {
            Form form;
            QVERIFY(QTest::qWaitForWindowExposed(&form.window));
            form.expander->setExpanded(true);
            QVERIFY(!form.expander->isAnimating());
            QCOMPARE(form.content->maximumHeight(), QWIDGETSIZE_MAX);
        }
        MotionPreference::clearOverride();
    }
};

QTEST_MAIN(tst_ExpanderSection)
#include "tst_expandersection.moc"
