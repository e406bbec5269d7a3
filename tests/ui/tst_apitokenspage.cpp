// The API Tokens page with a model and no server: selection, the row
// actions and their menu, the keyboard, the filters, refreshes and the
// message bar.

#include "TokenFilterProxyModel.h"
#include "TokenTableModel.h"
#include "mainwindow/ApiTokensPage.h"
#include "mainwindow/TokenRowDelegate.h"
#include "startup/ColorScheme.h"
#include "widgets/PaletteColors.h"
#include "widgets/StatePlaceholder.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QFrame>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QToolTip>

#include <memory>

using namespace ApiAccess;
using namespace Qt::StringLiterals;

namespace {

using Model = TokenTableModel;

const QDateTime kNow(QDate(2026, 11, 28), QTime(12, 0), Qt::UTC);

QString idOf(char letter)
{
    return u"tok_"_s + QString(20, QLatin1Char(letter));
}

Token makeToken(char letter, const QString &name, TokenStatus status, AccessLevel level)
{
    Token token;
    token.id = idOf(letter);
    token.name = name;
    token.status = status;
    token.accessLevel = level;
    token.createdAt = kNow.addDays(-10);
    token.updatedAt = token.createdAt;
    token.createdBy = u"alice"_s;
    return token;
}

const QString kAlpha = idOf('a'); // active
const QString kBravo = idOf('b'); // disabled
const QString kCharlie = idOf('c'); // active, expires in 3 days
const QString kDelta = idOf('d'); // expired
const QString kEcho = idOf('e'); // disabled

// In view order (by name).
QList<Token> fixture()
{
    Token charlie = makeToken('c', u"Charlie bot"_s, TokenStatus::Active, AccessLevel::Editorial);
    charlie.expiresAt = kNow.addDays(3);
    return {
        makeToken('a', u"Alpha feed"_s, TokenStatus::Active, AccessLevel::ReadOnly),
        makeToken('b', u"Bravo sync"_s, TokenStatus::Disabled, AccessLevel::Administrative),
        charlie,
        makeToken('d', u"Delta analytics"_s, TokenStatus::Expired, AccessLevel::ManagingEditorial),
        makeToken('e', u"Echo hr"_s, TokenStatus::Disabled, AccessLevel::RestrictedReadOnly),
    };
}

QList<Token> numbered(int count)
{
    QList<Token> tokens;
    for (int i = 0; i < count; ++i) {
        Token token = makeToken('x', u"token %1"_s.arg(i, 3, 10, QLatin1Char('0')),
                                TokenStatus::Active, AccessLevel::ReadOnly);
        token.id = u"tok_%1"_s.arg(i, 20, 10, QLatin1Char('0'));
        tokens.append(token);
    }
    return tokens;
}

// Exposes the delegate's style option to check what a row looks like.
class DelegateProbe : public TokenRowDelegate
{
public:
    using TokenRowDelegate::initStyleOption;
    using TokenRowDelegate::TokenRowDelegate;
};

} // namespace

class tst_ApiTokensPage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Model> m_model;
    std::unique_ptr<ApiTokensPage> m_page;
    QStringList m_requests; // what the page asked for, one line per signal

    QTableView *view() const { return m_page->tokensView(); }
    QMenu *menu() const { return m_page->actionsMenu(); }

    QModelIndex proxyIndex(const QString &id, int column) const
    {
        const int row = m_model->rowForId(id);
        if (row < 0)
            return {};
        return m_page->proxyModel()->mapFromSource(m_model->index(row, column));
    }

    // The style option the page's delegate gives a cell: what it looks like.
    QStyleOptionViewItem rowOption(const QString &id, int column) const
    {
        DelegateProbe probe(Model::TokenColumn, Model::ActionsColumn, Model::StatusColumn);
        QStyleOptionViewItem option;
        option.initFrom(view());
        option.widget = view();
        probe.initStyleOption(&option, proxyIndex(id, column));
        return option;
    }

    QRect globalRowRect(const QString &id) const
    {
        const QModelIndex first = proxyIndex(id, 0);
        const QRect rect = view()->visualRect(first).united(
            view()->visualRect(first.siblingAtColumn(Model::ActionsColumn)));
        return {view()->viewport()->mapToGlobal(rect.topLeft()), rect.size()};
    }

    QRect actionsButton(const QString &id) const
    {
        const QModelIndex index = proxyIndex(id, Model::ActionsColumn);
        return m_page->rowDelegate()->actionsButtonRect(view()->visualRect(index),
                                                        view()->viewport());
    }

    QString topTokenId() const
    {
        return view()->indexAt(QPoint(1, 1)).data(Model::TokenIdRole).toString();
    }

    bool menuIsOpen() const
    {
        return QTest::qWaitFor([this] { return QApplication::activePopupWidget() == menu(); });
    }

    bool closeMenu()
    {
        QTest::keyClick(menu(), Qt::Key_Escape);
        return QTest::qWaitFor([this] { return !menu()->isVisible(); });
    }

    void clickInMenu(QAction *action)
    {
        QTest::mouseClick(menu(), Qt::LeftButton, {}, menu()->actionGeometry(action).center());
    }

    void record()
    {
        auto *page = m_page.get();
        connect(page, &ApiTokensPage::editRequested, this,
                [this](const QString &id) { m_requests << u"edit "_s + id; });
        connect(page, &ApiTokensPage::copyRequested, this,
                [this](const QString &id) { m_requests << u"copy "_s + id; });
        connect(page, &ApiTokensPage::rotateRequested, this,
                [this](const QString &id) { m_requests << u"rotate "_s + id; });
        connect(page, &ApiTokensPage::setEnabledRequested, this,
                [this](const QStringList &ids, bool enabled) {
                    m_requests << (enabled ? u"enable "_s : u"disable "_s) + ids.join(u',');
                });
        connect(page, &ApiTokensPage::deleteRequested, this,
                [this](const QStringList &ids) { m_requests << u"delete "_s + ids.join(u','); });
    }

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void init()
    {
        m_requests.clear();
        m_model = std::make_unique<Model>();
        m_model->setNow(kNow);
        m_model->setTokens(fixture());
        m_page = std::make_unique<ApiTokensPage>(*m_model);
        // As the main window has it once a list has loaded for a session.
        m_page->setSignedIn(true);
        m_page->listLoaded();
        record();
        m_page->resize(1000, 420); // every column fits
        m_page->show();
        QApplication::setActiveWindow(m_page.get());
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
        view()->setFocus();
        QTRY_VERIFY(view()->hasFocus());
    }

    void cleanup()
    {
        if (QWidget *popup = QApplication::activePopupWidget())
            popup->close();
        m_page.reset();
        m_model.reset();
    }

    void theRowActionsAreThoseOfTheProduct()
    {
        struct Expected
        {
            QAction *action;
            QString name;
            QString text;
            QKeySequence keys;
        };
        const QList<Expected> expected{
            {m_page->editAction(), u"editAction"_s, u"Edit…"_s, QKeySequence(Qt::Key_F2)},
            {m_page->copyAction(), u"copyAction"_s, u"Copy token"_s, QKeySequence::Copy},
            {m_page->rotateAction(), u"rotateAction"_s, u"Rotate…"_s, {}},
            {m_page->disableAction(), u"disableAction"_s, u"Disable…"_s, {}},
            {m_page->enableAction(), u"enableAction"_s, u"Enable…"_s, {}},
            {m_page->deleteAction(), u"deleteAction"_s, u"Delete…"_s, QKeySequence::Delete},
        };
        const QList<QAction *> inMenu = menu()->actions();
        for (const Expected &e : expected) {
            QVERIFY(e.action);
            QCOMPARE(m_page->findChild<QAction *>(e.name), e.action);
            QCOMPARE(e.action->text(), e.text);
            QCOMPARE(e.action->shortcut(), e.keys);
            QCOMPARE(e.action->shortcutContext(), Qt::WidgetWithChildrenShortcut);
            QVERIFY(m_page->actions().contains(e.action));
            QVERIFY(inMenu.contains(e.action));
        }
        QCOMPARE(view()->selectionMode(), QAbstractItemView::ExtendedSelection);
        QCOMPARE(view()->selectionBehavior(), QAbstractItemView::SelectRows);
    }

    void actionsFollowTheSelection_data()
    {
        QTest::addColumn<QStringList>("selection");
        // edit, copy, rotate, disable, enable, delete
        QTest::addColumn<QList<bool>>("enabled");
        const bool y = true;
        const bool n = false;
        QTest::newRow("nothing") << QStringList() << QList<bool>{n, n, n, n, n, n};
        QTest::newRow("one active") << QStringList{kAlpha} << QList<bool>{y, y, y, y, n, y};
        QTest::newRow("one disabled") << QStringList{kBravo} << QList<bool>{y, y, y, n, y, y};
        QTest::newRow("one expired") << QStringList{kDelta} << QList<bool>{y, y, y, y, n, y};
        QTest::newRow("two active")
            << QStringList{kAlpha, kCharlie} << QList<bool>{n, n, n, y, n, y};
        QTest::newRow("two disabled")
            << QStringList{kBravo, kEcho} << QList<bool>{n, n, n, n, y, y};
        QTest::newRow("mixed") << QStringList{kAlpha, kBravo, kDelta}
                               << QList<bool>{n, n, n, y, y, y};
    }

    void actionsFollowTheSelection()
    {
        QFETCH(QStringList, selection);
        QFETCH(QList<bool>, enabled);
        // Start from the opposite of what is expected, so each state changes.
        m_page->selectTokens(selection.isEmpty() ? QStringList{kAlpha, kBravo} : QStringList{});
        m_page->selectTokens(selection);
        QCOMPARE(m_page->selectedTokenIds().size(), selection.size());
        const QList<QAction *> actions{m_page->editAction(),   m_page->copyAction(),
                                       m_page->rotateAction(), m_page->disableAction(),
                                       m_page->enableAction(), m_page->deleteAction()};
        for (qsizetype i = 0; i < actions.size(); ++i)
            QVERIFY2(actions.at(i)->isEnabled() == enabled.at(i),
                     qPrintable(actions.at(i)->text()));
    }

    void aMouseMultiSelectionEnablesTheBulkActions()
    {
        QTest::mouseClick(view()->viewport(), Qt::LeftButton, {},
                          view()->visualRect(proxyIndex(kAlpha, 0)).center());
        QTest::mouseClick(view()->viewport(), Qt::LeftButton, Qt::ControlModifier,
                          view()->visualRect(proxyIndex(kEcho, 0)).center());
        QCOMPARE(m_page->selectedTokenIds(), (QStringList{kAlpha, kEcho}));
        QVERIFY(!m_page->editAction()->isEnabled());
        QVERIFY(m_page->disableAction()->isEnabled());
        QVERIFY(m_page->enableAction()->isEnabled());
        QVERIFY(m_page->deleteAction()->isEnabled());
    }

    void actionsFollowChangesOfTheSelectedTokens()
    {
        QVERIFY(m_page->selectToken(kBravo));
        QVERIFY(m_page->enableAction()->isEnabled());
        QVERIFY(!m_page->disableAction()->isEnabled());

        Token bravo = fixture().at(1);
        bravo.status = TokenStatus::Active; // enabled elsewhere, seen at a refresh
        m_model->upsertToken(bravo);
        QVERIFY(!m_page->enableAction()->isEnabled());
        QVERIFY(m_page->disableAction()->isEnabled());

        QVERIFY(m_model->removeToken(kBravo));
        QVERIFY(m_page->selectedTokenIds().isEmpty());
        QVERIFY(!m_page->deleteAction()->isEnabled());
        QVERIFY(!m_page->copyAction()->isEnabled());
    }

    void theMenuAsksWithTheSelectedIds_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QStringList>("selection");
        QTest::addColumn<QString>("request");
        QTest::newRow("edit") << u"editAction"_s << QStringList{kCharlie} << u"edit "_s + kCharlie;
        QTest::newRow("copy") << u"copyAction"_s << QStringList{kBravo} << u"copy "_s + kBravo;
        QTest::newRow("rotate") << u"rotateAction"_s << QStringList{kAlpha}
                                << u"rotate "_s + kAlpha;
        // Disable…: the ones not disabled; Enable…: the disabled ones.
        QTest::newRow("disable mixed")
            << u"disableAction"_s << QStringList{kEcho, kDelta, kBravo, kAlpha}
            << u"disable "_s + kAlpha + u',' + kDelta;
        QTest::newRow("enable mixed")
            << u"enableAction"_s << QStringList{kEcho, kDelta, kBravo, kAlpha}
            << u"enable "_s + kBravo + u',' + kEcho;
        QTest::newRow("disable one")
            << u"disableAction"_s << QStringList{kCharlie} << u"disable "_s + kCharlie;
        QTest::newRow("delete, in view order")
            << u"deleteAction"_s << QStringList{kEcho, kAlpha, kCharlie}
            << u"delete "_s + QStringList{kAlpha, kCharlie, kEcho}.join(u',');
    }

    void theMenuAsksWithTheSelectedIds()
    {
        QFETCH(QString, action);
        QFETCH(QStringList, selection);
        QFETCH(QString, request);
        m_page->selectTokens(selection);
        QTest::keyClick(view(), Qt::Key_F10, Qt::ShiftModifier);
        QVERIFY(menuIsOpen());
        clickInMenu(m_page->findChild<QAction *>(action));
        QTRY_VERIFY(!menu()->isVisible());
        QCOMPARE(m_requests, QStringList{request});
    }

    void keyboardShortcutsOnTheTable_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<Qt::KeyboardModifiers>("modifiers");
        QTest::addColumn<QStringList>("selection");
        QTest::addColumn<QStringList>("requests");
        const Qt::KeyboardModifiers none;
        QTest::newRow("F2") << int(Qt::Key_F2) << none << QStringList{kDelta}
                            << QStringList{u"edit "_s + kDelta};
        QTest::newRow("Return") << int(Qt::Key_Return) << none << QStringList{kDelta}
                                << QStringList{u"edit "_s + kDelta};
        QTest::newRow("Enter") << int(Qt::Key_Enter) << Qt::KeyboardModifiers(Qt::KeypadModifier)
                               << QStringList{kAlpha} << QStringList{u"edit "_s + kAlpha};
        QTest::newRow("Return, two selected")
            << int(Qt::Key_Return) << none << QStringList{kAlpha, kBravo} << QStringList();
        QTest::newRow("Ctrl+C") << int(Qt::Key_C) << Qt::KeyboardModifiers(Qt::ControlModifier)
                                << QStringList{kEcho} << QStringList{u"copy "_s + kEcho};
        QTest::newRow("Ctrl+C, two selected")
            << int(Qt::Key_C) << Qt::KeyboardModifiers(Qt::ControlModifier)
            << QStringList{kAlpha, kEcho} << QStringList();
        QTest::newRow("Del") << int(Qt::Key_Delete) << none << QStringList{kBravo, kAlpha}
                             << QStringList{u"delete "_s + kAlpha + u',' + kBravo};
    }

    void keyboardShortcutsOnTheTable()
    {
        QFETCH(int, key);
        QFETCH(Qt::KeyboardModifiers, modifiers);
        QFETCH(QStringList, selection);
        QFETCH(QStringList, requests);
        m_page->selectTokens(selection);
        QTest::keyClick(view(), Qt::Key(key), modifiers);
        QCOMPARE(m_requests, requests);
    }

    void theSearchFieldKeepsItsOwnCopyAndDelete()
    {
        QVERIFY(m_page->selectToken(kAlpha));
        QLineEdit *search = m_page->searchEdit();
        search->setFocus();
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClicks(search, u"feed"_s);
        search->selectAll();
        QTest::keyClick(search, Qt::Key_C, Qt::ControlModifier);
        QTest::keyClick(search, Qt::Key_Home);
        QTest::keyClick(search, Qt::Key_Delete);
        QCOMPARE(search->text(), u"eed"_s);
        QCOMPARE(m_requests, QStringList());
        // F2 is no key of the field's: it edits the selected token.
        QTest::keyClick(search, Qt::Key_F2);
        QCOMPARE(m_requests, QStringList{u"edit "_s + kAlpha});
    }

    void theActionsButtonOpensTheMenuOnItsRow()
    {
        QVERIFY(m_page->selectToken(kAlpha));
        const QRect button = actionsButton(kDelta);
        QVERIFY(view()->viewport()->rect().contains(button));
        QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, button.center());
        QVERIFY(menuIsOpen());
        QCOMPARE(m_page->selectedTokenIds(), QStringList{kDelta});
        QCOMPARE(m_page->selectedTokenId(), kDelta);
        const QRect row = globalRowRect(kDelta);
        QVERIFY2(
            menu()->y() >= row.top() && menu()->y() <= row.bottom() + 1,
            qPrintable(
                u"menu at %1, row %2..%3"_s.arg(menu()->y()).arg(row.top()).arg(row.bottom())));
        QVERIFY(menu()->x() <= view()->viewport()->mapToGlobal(button.topRight()).x());
        QVERIFY(closeMenu());
        QCOMPARE(m_requests, QStringList()); // the menu alone asks nothing
    }

    void theActionsButtonOfASelectedRowKeepsTheSelection()
    {
        m_page->selectTokens({kAlpha, kCharlie, kEcho});
        QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, actionsButton(kCharlie).center());
        QVERIFY(menuIsOpen());
        QCOMPARE(m_page->selectedTokenIds(), (QStringList{kAlpha, kCharlie, kEcho}));
        QCOMPARE(m_page->selectedTokenId(), kCharlie);
        clickInMenu(m_page->deleteAction());
        QTRY_COMPARE(m_requests,
                     QStringList{u"delete "_s + kAlpha + u',' + kCharlie + u',' + kEcho});
    }

    void theActionsButtonIsNamedAndExplained()
    {
        QAccessibleInterface *table = QAccessible::queryAccessibleInterface(view());
        QVERIFY(table && table->tableInterface());
        const QModelIndex index = proxyIndex(kCharlie, Model::ActionsColumn);
        QAccessibleInterface *cell = table->tableInterface()->cellAt(index.row(), index.column());
        QVERIFY(cell);
        QCOMPARE(cell->text(QAccessible::Name), u"Actions for Charlie bot"_s);

        const QRect button = actionsButton(kCharlie);
        QHelpEvent help(QEvent::ToolTip, button.center(),
                        view()->viewport()->mapToGlobal(button.center()));
        QApplication::sendEvent(view()->viewport(), &help);
        QTRY_COMPARE(QToolTip::text(), u"Actions"_s);
        QToolTip::hideText();
    }

    void rightClickOpensTheMenuForThatRow()
    {
        QVERIFY(m_page->selectToken(kAlpha));
        const QPoint pos = view()->visualRect(proxyIndex(kBravo, Model::NameColumn)).center();
        const QPoint global = view()->viewport()->mapToGlobal(pos);
        QContextMenuEvent event(QContextMenuEvent::Mouse, pos, global);
        QApplication::sendEvent(view()->viewport(), &event);
        QVERIFY(menuIsOpen());
        QCOMPARE(m_page->selectedTokenIds(), QStringList{kBravo});
        QCOMPARE(menu()->pos(), global);
        clickInMenu(m_page->enableAction());
        QTRY_COMPARE(m_requests, QStringList{u"enable "_s + kBravo});
    }

    void rightClickBelowTheRowsOpensNothing()
    {
        m_model->setTokens({fixture().at(0)});
        const QPoint pos(5, view()->viewport()->height() - 5);
        QVERIFY(!view()->indexAt(pos).isValid());
        QContextMenuEvent event(QContextMenuEvent::Mouse, pos,
                                view()->viewport()->mapToGlobal(pos));
        QApplication::sendEvent(view()->viewport(), &event);
        QCOMPARE(QApplication::activePopupWidget(), nullptr);
    }

    void theMenuKeyOpensTheMenuOnTheCurrentRow_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<Qt::KeyboardModifiers>("modifiers");
        QTest::newRow("Menu") << int(Qt::Key_Menu) << Qt::KeyboardModifiers();
        QTest::newRow("Shift+F10") << int(Qt::Key_F10) << Qt::KeyboardModifiers(Qt::ShiftModifier);
    }

    void theMenuKeyOpensTheMenuOnTheCurrentRow()
    {
        QFETCH(int, key);
        QFETCH(Qt::KeyboardModifiers, modifiers);
        QVERIFY(m_page->selectToken(kCharlie));
        QTest::keyClick(view(), Qt::Key(key), modifiers);
        QVERIFY(menuIsOpen());
        const QRect row = globalRowRect(kCharlie);
        QVERIFY(menu()->y() >= row.top() && menu()->y() <= row.bottom() + 1);
        // A keyboard context menu event that follows the key opens no second one.
        QSignalSpy shown(menu(), &QMenu::aboutToShow);
        QContextMenuEvent event(QContextMenuEvent::Keyboard, QPoint(1, 1),
                                view()->mapToGlobal(QPoint(1, 1)));
        QApplication::sendEvent(view(), &event);
        QCOMPARE(shown.count(), 0);
        QVERIFY(closeMenu());
        QCOMPARE(m_page->selectedTokenIds(), QStringList{kCharlie});
    }

    void theFiltersShowTheirRows_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("level");
        QTest::addColumn<QStringList>("shown");
        const QString all = u"All statuses"_s;
        const QString anyLevel = u"All access levels"_s;
        QTest::newRow("all") << all << anyLevel
                             << QStringList{kAlpha, kBravo, kCharlie, kDelta, kEcho};
        QTest::newRow("active") << u"Active"_s << anyLevel << QStringList{kAlpha, kCharlie};
        QTest::newRow("disabled") << u"Disabled"_s << anyLevel << QStringList{kBravo, kEcho};
        QTest::newRow("expired") << u"Expired"_s << anyLevel << QStringList{kDelta};
        QTest::newRow("administrative") << all << u"Administrative"_s << QStringList{kBravo};
        QTest::newRow("managing editorial")
            << all << u"Managing Editorial"_s << QStringList{kDelta};
        QTest::newRow("editorial") << all << u"Editorial"_s << QStringList{kCharlie};
        QTest::newRow("read-only") << all << u"Read-only"_s << QStringList{kAlpha};
        QTest::newRow("restricted") << all << u"Restricted Read-only"_s << QStringList{kEcho};
        QTest::newRow("disabled administrative")
            << u"Disabled"_s << u"Administrative"_s << QStringList{kBravo};
        QTest::newRow("active administrative")
            << u"Active"_s << u"Administrative"_s << QStringList();
    }

    void theFiltersShowTheirRows()
    {
        QFETCH(QString, status);
        QFETCH(QString, level);
        QFETCH(QStringList, shown);
        auto *statusFilter = m_page->findChild<QComboBox *>(u"statusFilter"_s);
        auto *levelFilter = m_page->findChild<QComboBox *>(u"accessLevelFilter"_s);
        QVERIFY(statusFilter && levelFilter);
        QCOMPARE(statusFilter->accessibleName(), u"Filter by status"_s);
        QCOMPARE(levelFilter->accessibleName(), u"Filter by access level"_s);
        QStringList statusItems;
        for (int i = 0; i < statusFilter->count(); ++i)
            statusItems << statusFilter->itemText(i);
        QCOMPARE(statusItems,
                 (QStringList{u"All statuses"_s, u"Active"_s, u"Disabled"_s, u"Expired"_s}));
        QStringList levelItems;
        for (int i = 0; i < levelFilter->count(); ++i)
            levelItems << levelFilter->itemText(i);
        QCOMPARE(levelItems,
                 (QStringList{u"All access levels"_s, u"Administrative"_s, u"Managing Editorial"_s,
                              u"Editorial"_s, u"Read-only"_s, u"Restricted Read-only"_s}));

        statusFilter->setCurrentIndex(statusFilter->findText(status));
        levelFilter->setCurrentIndex(levelFilter->findText(level));
        QStringList ids;
        for (int row = 0; row < view()->model()->rowCount(); ++row)
            ids << view()->model()->index(row, 0).data(Model::TokenIdRole).toString();
        QCOMPARE(ids, shown);

        statusFilter->setCurrentIndex(0);
        levelFilter->setCurrentIndex(0);
        QCOMPARE(view()->model()->rowCount(), 5);
    }

    void selectTokensSelectsThoseShown()
    {
        m_page->selectTokens({kEcho, u"tok_unknown"_s, kAlpha});
        QCOMPARE(m_page->selectedTokenIds(), (QStringList{kAlpha, kEcho}));
        QCOMPARE(m_page->selectedTokenId(), kEcho); // the first given is current
        QCOMPARE(view()->currentIndex().data(Model::TokenIdRole).toString(), kEcho);

        m_page->searchEdit()->setText(u"alpha"_s);
        QCOMPARE(m_page->selectedTokenIds(), QStringList{kAlpha});
        QVERIFY(!m_page->selectToken(kEcho));
        m_page->selectTokens({kEcho, kBravo});
        QVERIFY(m_page->selectedTokenIds().isEmpty());
        QCOMPARE(m_page->selectedTokenId(), QString());
    }

    void selectionAndScrollSurviveARefresh()
    {
        const QList<Token> tokens = numbered(100);
        m_model->setTokens(tokens);
        QTRY_VERIFY(view()->verticalScrollBar()->maximum() > 50);
        const QString top = tokens.at(40).id;
        view()->scrollTo(proxyIndex(top, 0), QAbstractItemView::PositionAtTop);
        QTRY_COMPARE(topTokenId(), top);
        const QStringList selected{tokens.at(42).id, tokens.at(45).id};
        m_page->selectTokens(selected);
        const int scrolled = view()->verticalScrollBar()->value();

        // Changes below the viewport only: nothing moves.
        QList<Token> next = tokens;
        next.removeAt(90);
        next.removeAt(80);
        next.append(numbered(101).constLast()); // "token 100", last by name
        m_model->setTokens(next);
        QCOMPARE(m_page->selectedTokenIds(), selected);
        QCOMPARE(view()->verticalScrollBar()->value(), scrolled);
        QCOMPARE(topTokenId(), top);

        // Rows come and go above it: the same token stays at the top.
        next.removeAt(20);
        next.removeAt(10);
        Token early = tokens.at(5);
        early.id = u"tok_early"_s;
        early.name = u"token 005b"_s;
        next.append(early);
        for (Token &token : next) {
            if (token.id == selected.constFirst())
                token.name = u"token 042 (renamed)"_s; // changed, same place
        }
        m_model->setTokens(next);
        QCOMPARE(m_page->selectedTokenIds(), selected);
        QCOMPARE(m_page->selectedTokenId(), selected.constFirst());
        QTRY_COMPARE(topTokenId(), top);
    }

    void theMessageBar()
    {
        QFrame *bar = m_page->messageBar();
        auto *text = bar->findChild<QLabel *>(u"messageText"_s);
        auto *copy = bar->findChild<QPushButton *>(u"messageCopyButton"_s);
        auto *close = bar->findChild<QToolButton *>(u"messageCloseButton"_s);
        QVERIFY(text && copy && close);
        QVERIFY(!bar->isVisible());
        QCOMPARE(close->accessibleName(), u"Close message"_s);

        m_page->showMessage(MessageBar::Severity::Information, u"“Bravo sync” was disabled."_s);
        QVERIFY(bar->isVisible());
        QCOMPARE(m_page->messageBar()->severity(), MessageBar::Severity::Information);
        QCOMPARE(text->text(), u"“Bravo sync” was disabled."_s);
        QVERIFY(!copy->isVisible());

        m_page->showMessage(MessageBar::Severity::Success,
                            u"“Alpha feed” was rotated. Copy the new token now."_s, kAlpha);
        QCOMPARE(text->text(), u"“Alpha feed” was rotated. Copy the new token now."_s);
        QVERIFY(copy->isVisible());
        QCOMPARE(copy->text(), u"Copy token"_s);
        copy->click();
        QCOMPARE(m_requests, QStringList{u"copy "_s + kAlpha});

        QTest::mouseClick(close, Qt::LeftButton);
        QVERIFY(!bar->isVisible());
        m_page->showMessage(MessageBar::Severity::Warning, u"Nothing to copy"_s);
        QVERIFY(!copy->isVisible());

        m_page->showCreatedMessage(u"Echo hr"_s, kEcho);
        QVERIFY(text->text().contains(u"“Echo hr”"_s));
        QVERIFY(copy->isVisible());
        copy->click();
        QCOMPARE(m_requests.constLast(), u"copy "_s + kEcho);
        m_page->hideMessage();
        QVERIFY(!bar->isVisible());
    }

    void rowsShowOperationsAndSoonExpiry()
    {
        const auto option = [this](const QString &id, int column) {
            return rowOption(id, column);
        };
        QVERIFY(!option(kAlpha, Model::NameColumn).font.italic());
        m_model->setOperation(kAlpha, u"Disabling…"_s);
        for (int column = 0; column < Model::ColumnCount; ++column)
            QVERIFY(option(kAlpha, column).font.italic());
        QVERIFY(!option(kBravo, Model::NameColumn).font.italic());
        QCOMPARE(option(kAlpha, Model::StatusColumn).text, u"Disabling…"_s);

        // Charlie expires in 3 days: a warning before its status.
        const QStyleOptionViewItem charlie = option(kCharlie, Model::StatusColumn);
        QVERIFY(charlie.features.testFlag(QStyleOptionViewItem::HasDecoration));
        QVERIFY(!charlie.icon.isNull());
        QCOMPARE(charlie.text, u"Expires in 3 days"_s);
        QVERIFY(!option(kCharlie, Model::NameColumn)
                     .features.testFlag(QStyleOptionViewItem::HasDecoration));
        QVERIFY(!option(kAlpha, Model::StatusColumn)
                     .features.testFlag(QStyleOptionViewItem::HasDecoration));
    }

    void disabledRowsAreDimmedAndMarked()
    {
        const auto option = [this](const QString &id, int column) {
            return rowOption(id, column);
        };
        const QPalette palette = view()->palette();
        const QColor normal = palette.color(QPalette::Active, QPalette::Text);
        const QColor dimmed = option(kBravo, Model::NameColumn).palette.color(QPalette::Text);
        // Visibly fainter, and still readable on both row colours (WCAG AA).
        QVERIFY(PaletteColors::contrastRatio(dimmed, palette.color(QPalette::Base))
                < PaletteColors::contrastRatio(normal, palette.color(QPalette::Base)) - 2.0);
        QVERIFY(PaletteColors::contrastRatio(dimmed, palette.color(QPalette::Base)) >= 4.5);
        QVERIFY(PaletteColors::contrastRatio(dimmed, palette.color(QPalette::AlternateBase))
                >= 4.5);
        for (int column = 0; column < Model::ColumnCount; ++column) {
            QCOMPARE(option(kBravo, column).palette.color(QPalette::Text), dimmed);
            QCOMPARE(option(kAlpha, column).palette.color(QPalette::Text), normal);
        }
        const QStyleOptionViewItem bravo = option(kBravo, Model::StatusColumn);
        QVERIFY(bravo.features.testFlag(QStyleOptionViewItem::HasDecoration));
        QVERIFY(!bravo.icon.isNull());
        QCOMPARE(bravo.text, u"Disabled"_s);
    }

    void bulkActionsSayHowManyTokens()
    {
        m_page->selectTokens({kAlpha, kBravo, kCharlie});
        QCOMPARE(m_page->deleteAction()->text(), u"Delete 3 tokens…"_s);
        QCOMPARE(m_page->disableAction()->text(), u"Disable 2 tokens…"_s); // alpha, charlie
        QCOMPARE(m_page->enableAction()->text(), u"Enable…"_s); // bravo alone
        m_page->selectTokens({kBravo, kEcho});
        QCOMPARE(m_page->enableAction()->text(), u"Enable 2 tokens…"_s);
        m_page->selectToken(kAlpha);
        QCOMPARE(m_page->deleteAction()->text(), u"Delete…"_s);
        QCOMPARE(m_page->disableAction()->text(), u"Disable…"_s);
    }

    void tabLeavesTheTable()
    {
        m_page->selectToken(kAlpha);
        view()->setFocus();
        QTRY_VERIFY(view()->hasFocus());
        const QModelIndex before = view()->currentIndex();
        QTest::keyClick(view(), Qt::Key_Tab);
        QTRY_VERIFY(!view()->hasFocus());
        QCOMPARE(view()->currentIndex(), before); // not moved to the next cell
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab, Qt::ShiftModifier);
        QTRY_VERIFY(view()->hasFocus());
    }

    void signedOutSaysSoAndOffersToSignIn()
    {
        m_model->setTokens({});
        m_page->setSignedIn(false);
        QVERIFY(m_page->placeholder()->isVisible());
        QVERIFY(!view()->isVisible());
        QCOMPARE(m_page->placeholder()->title(), u"You are signed out"_s);
        QVERIFY(!m_page->createButton()->isEnabled());
        QCOMPARE(m_page->placeholder()->button()->text(), u"Sign in…"_s);
        QSignalSpy signIn(m_page.get(), &ApiTokensPage::signInRequested);
        m_page->placeholder()->button()->click();
        QCOMPARE(signIn.size(), 1);
    }

    void anEmptyServerSaysNoTokensYet()
    {
        m_model->setTokens({});
        QCOMPARE(m_page->placeholder()->title(), u"No tokens yet"_s);
        QVERIFY(!m_page->placeholder()->text().isEmpty());
        QCOMPARE(m_page->placeholder()->button()->text(), u"Create API token"_s);
        QSignalSpy create(m_page.get(), &ApiTokensPage::createRequested);
        m_page->placeholder()->button()->click();
        QCOMPARE(create.size(), 1);
        // A refresh of the empty list does not flicker to "Loading".
        m_page->setLoading(true);
        QCOMPARE(m_page->placeholder()->title(), u"No tokens yet"_s);
        m_page->setLoading(false);
        // Before the first list of a session, "Loading" rather than a claim
        // of emptiness.
        m_page->setSignedIn(false);
        m_page->setSignedIn(true);
        QCOMPARE(m_page->placeholder()->title(), u"Loading tokens…"_s);
        QVERIFY(m_page->placeholder()->button()->isHidden());
        m_page->listLoaded();
        QCOMPARE(m_page->placeholder()->title(), u"No tokens yet"_s);
    }

    void aFilterThatHidesTokensSaysSoAndClears()
    {
        QVERIFY(!m_page->filterSummary()->isVisible());
        m_page->statusFilter()->setCurrentIndex(m_page->statusFilter()->findText(u"Disabled"_s));
        QCOMPARE(m_page->proxyModel()->rowCount(), 2);
        QVERIFY(m_page->filterSummary()->isVisible());
        QCOMPARE(m_page->filterSummary()->text(), u"Showing 2 of 5 tokens (status: Disabled)."_s);
        QVERIFY(view()->isVisible());

        m_page->searchEdit()->setText(u"zzz"_s);
        QCOMPARE(m_page->proxyModel()->rowCount(), 0);
        QVERIFY(m_page->placeholder()->isVisible());
        QCOMPARE(m_page->placeholder()->title(), u"No tokens match"_s);
        QVERIFY2(m_page->placeholder()->text().contains(u"“zzz”"_s),
                 qPrintable(m_page->placeholder()->text()));
        QVERIFY(m_page->placeholder()->text().contains(u"Disabled"_s));
        QCOMPARE(m_page->placeholder()->button()->text(), u"Clear filters"_s);
        m_page->placeholder()->button()->click();
        QCOMPARE(m_page->searchEdit()->text(), QString());
        QCOMPARE(m_page->statusFilter()->currentIndex(), 0);
        QCOMPARE(m_page->proxyModel()->rowCount(), 5);
        QVERIFY(view()->isVisible());
        QVERIFY(!m_page->filterSummary()->isVisible());

        // The summary line's own button does the same.
        m_page->accessLevelFilter()->setCurrentIndex(1);
        QVERIFY(m_page->filterSummary()->isVisible());
        m_page->clearFiltersButton()->click();
        QVERIFY(!m_page->hasActiveFilters());
    }

    void aFailedRefreshMarksTheRowsOutOfDate()
    {
        m_page->selectToken(kAlpha);
        QVERIFY(m_page->editAction()->isEnabled());
        m_page->showRefreshFailure(u"Could not load the tokens: the server answered 503."_s);
        QVERIFY(m_page->isStale());
        QVERIFY(m_page->rowDelegate()->isStale());
        QVERIFY(view()->isVisible()); // the rows stay, dimmed
        QCOMPARE(m_page->messageBar()->severity(), MessageBar::Severity::Error);
        QVERIFY(m_page->messageBar()->text().contains(u"out of date"_s));
        auto *retry = m_page->messageBar()->findChild<QPushButton *>(u"messageRetryButton"_s);
        QVERIFY(retry && retry->isVisible());
        // Nothing is done to tokens the list may show wrongly; copying
        // changes nothing and stays possible, by every way alike.
        QVERIFY(!m_page->createButton()->isEnabled());
        QVERIFY(!m_page->editAction()->isEnabled());
        QVERIFY(!m_page->deleteAction()->isEnabled());
        QVERIFY(m_page->copyAction()->isEnabled());
        QVERIFY(m_page->canCopy());
        QSignalSpy refresh(m_page.get(), &ApiTokensPage::refreshRequested);
        retry->click();
        QCOMPARE(refresh.size(), 1);

        m_page->listLoaded();
        QVERIFY(!m_page->isStale());
        QVERIFY(!m_page->rowDelegate()->isStale());
        QVERIFY(!m_page->messageBar()->isVisible());
        QVERIFY(m_page->createButton()->isEnabled());
        QVERIFY(m_page->editAction()->isEnabled());
    }

    void aFailureWithNothingToShowExplainsItself()
    {
        m_model->setTokens({});
        m_page->showRefreshFailure(u"Could not load the tokens: connection refused."_s);
        QCOMPARE(m_page->placeholder()->title(), u"The tokens could not be loaded"_s);
        QVERIFY(m_page->placeholder()->text().contains(u"connection refused"_s));
        QCOMPARE(m_page->placeholder()->button()->text(), u"Retry"_s);
        QSignalSpy refresh(m_page.get(), &ApiTokensPage::refreshRequested);
        m_page->placeholder()->button()->click();
        QCOMPARE(refresh.size(), 1);
    }

    void messagesSaySeverityWithIconAndPaletteColour()
    {
        MessageBar *bar = m_page->messageBar();
        const QColor window = bar->palette().color(QPalette::Window);
        QSet<QRgb> accents;
        for (const auto severity :
             {MessageBar::Severity::Information, MessageBar::Severity::Success,
              MessageBar::Severity::Warning, MessageBar::Severity::Error}) {
            m_page->showMessage(severity, u"Something happened"_s);
            QCOMPARE(bar->severity(), severity);
            QVERIFY(!bar->findChild<QLabel *>(u"messageIcon"_s)->pixmap().isNull());
            accents.insert(bar->accentColor(severity).rgb());
        }
        QCOMPARE(accents.size(), 4); // four different colours, from the style's icons
        QVERIFY(!accents.contains(window.rgb()));

        // Readable text (WCAG AA) on every tint, in a light, a dark and a
        // high-contrast palette; and in the first two, a tint one can see.
        QPalette highContrast;
        highContrast.setColor(QPalette::Window, Qt::black);
        highContrast.setColor(QPalette::WindowText, Qt::white);
        const QList<std::pair<QPalette, bool>> palettes{{QApplication::palette(), true},
                                                        {ColorScheme::darkPalette(), true},
                                                        {highContrast, false}};
        for (const auto &[palette, tinted] : palettes) {
            const QColor paletteWindow = palette.color(QPalette::Window);
            const QColor text = palette.color(QPalette::WindowText);
            for (const QRgb accent : std::as_const(accents)) {
                const QColor tint = PaletteColors::tint(paletteWindow, QColor(accent), text);
                QVERIFY2(PaletteColors::contrastRatio(tint, text) >= 4.5,
                         qPrintable(tint.name() + u" with "_s + text.name()));
                if (tinted)
                    QVERIFY2(tint != paletteWindow, qPrintable(tint.name()));
            }
        }
    }
};

QTEST_MAIN(tst_ApiTokensPage)
#include "tst_apitokenspage.moc"
