// The main window against a real apiaccess-server, and the real
// apiaccess-studio binary on its own sandbox.

#include "ApiTestClient.h"
#include "ProcessScan.h"
#include "ServerProcess.h"
#include "StudioTestSupport.h"
#include "StudioTokens.h"
#include "TokenFilterProxyModel.h"
#include "TokenTableModel.h"
#include "api/ApiClient.h"
#include "common/Version.h"
#include "dialogs/AboutDialog.h"
#include "dialogs/ShortcutsDialog.h"
#include "dialogs/SignInDialog.h"
#include "dialogs/TokenDialog.h"
#include "mainwindow/ApiTokensPage.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/NavigationSidebar.h"
#include "mainwindow/TokenRowDelegate.h"
#include "widgets/StatePlaceholder.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFrame>
#include <QImage>
#include <QKeySequence>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

#include <memory>

using namespace ApiAccess;
using namespace ApiAccess::Testing;
using namespace Qt::StringLiterals;

namespace { } // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        QVERIFY(m_server.addAdmin(kTestAdmin, kTestPassword));
        m_api = std::make_unique<ApiTestClient>(m_server.baseUrl());
        QVERIFY(m_api->signIn(kTestAdmin, kTestPassword));
        const QList<QPair<QString, QString>> wanted{{u"RSS reader"_s, u"read_only"_s},
                                                    {u"Deploy bot"_s, u"administrative"_s},
                                                    {u"Newsletter"_s, u"editorial"_s}};
        for (const auto &[name, level] : wanted) {
            const CreatedToken token = createToken(*m_api, name, level);
            QVERIFY2(!token.id.isEmpty(), qPrintable(name));
            m_tokens.append(token);
        }

        ApiClient client;
        client.setServerUrl(m_server.baseUrl());
        bool done = false;
        client.signIn(kTestAdmin, kTestPassword, this, [&](Result<Session, ApiError> result) {
            done = true;
            if (result)
                m_session = result.value();
        });
        QTRY_VERIFY(done);
        QVERIFY(!m_session.sessionToken.isEmpty());
    }

    void init()
    {
        QApplication::clipboard()->clear();
        m_window = std::make_unique<MainWindow>();
        m_window->setSession(m_session);
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTRY_VERIFY(m_window->lastRefresh().isValid());
    }

    void cleanup() { m_window.reset(); }

    void listsTheTokensUnderSettingsApiAccess()
    {
        const TokenTableModel &model = m_window->tokenModel();
        for (const CreatedToken &token : std::as_const(m_tokens))
            QVERIFY2(model.rowForId(token.id) >= 0, qPrintable(token.name));
        QCOMPARE(view()->model()->rowCount(), model.rowCount());
        QCOMPARE(m_window->windowTitle(),
                 u"API Access — 127.0.0.1:%1"_s.arg(m_server.baseUrl().port()));

        NavigationSidebar *navigation = m_window->navigation();
        QCOMPARE(navigation->heading(), u"Settings"_s);
        QCOMPARE(navigation->titles(), QStringList{u"API Access"_s});
        QCOMPARE(navigation->list()->currentItem()->text(), u"API Access"_s);
        QCOMPARE(navigation->currentPage(), page());
        QCOMPARE(m_window->currentPage(), page());

        auto *createButton = page()->findChild<QPushButton *>(u"createTokenButton"_s);
        QVERIFY(createButton);
        QCOMPARE(createButton->text(), u"Create API token"_s);
        // The shortcut as the platform writes it: Ctrl+N here, ⌘N on macOS.
        QCOMPARE(createButton->toolTip(),
                 u"Create API token (%1)"_s.arg(
                     QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
        auto *refreshButton = page()->findChild<QToolButton *>(u"refreshButton"_s);
        QVERIFY(refreshButton);
        QCOMPARE(refreshButton->toolTip(), u"Refresh the list (F5)"_s);
        auto *search = page()->findChild<QLineEdit *>(u"searchEdit"_s);
        QVERIFY(search);
        QCOMPARE(search->placeholderText(), u"Search tokens"_s);
        QVERIFY(view()->isSortingEnabled());
        QCOMPARE(view()->selectionBehavior(), QAbstractItemView::SelectRows);
        QVERIFY(view()->alternatingRowColors());
    }

    void theTokenColumnShowsTheMaskedIdBesideItsButton()
    {
        // The column fits the masked id and the drawn Copy button, so the
        // button never hides which token the row is.
        const QModelIndex index = proxyIndex(m_tokens.at(0).id, TokenTableModel::TokenColumn);
        const int textWidth = view()->fontMetrics().horizontalAdvance(index.data().toString());
        const auto room = [&] {
            const QRect cell = view()->visualRect(index);
            return page()->rowDelegate()->copyButtonRect(cell, view()->viewport()).left()
                - cell.left();
        };
        QTRY_VERIFY2(room() >= textWidth,
                     qPrintable(u"%1 px before the button, the id needs %2 px"_s.arg(room()).arg(
                         textWidth)));
    }

    void theColumnsAreThoseOfTheProduct()
    {
        QStringList headers;
        for (int c = 0; c < view()->model()->columnCount(); ++c)
            headers << view()->model()->headerData(c, Qt::Horizontal).toString();
        QCOMPARE(headers,
                 (QStringList{u"Name"_s, u"Token"_s, u"Access level"_s, u"Allowed IP Ranges"_s,
                              u"Status"_s, u"Created"_s, u"Last used"_s, u"Actions"_s}));
    }

    void theCopyButtonPutsExactlyTheTokenOnTheClipboard()
    {
        const CreatedToken &token = m_tokens.at(1);
        const QModelIndex index = proxyIndex(token.id, TokenTableModel::TokenColumn);
        QVERIFY(index.isValid());
        view()->scrollTo(index);
        const QRect button =
            page()->rowDelegate()->copyButtonRect(view()->visualRect(index), view()->viewport());
        QVERIFY(view()->viewport()->rect().contains(button));
        QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, button.center());
        QTRY_COMPARE(QApplication::clipboard()->text(), QString::fromLatin1(token.token));
        QVERIFY(m_window->secretClipboard().holdsSecret());
    }

    void eachCopyButtonIsAnAccessibleCopyToken()
    {
        // What a screen reader gets for the painted button: the Token cell,
        // through the view's own accessibility interface.
        QAccessibleInterface *table = QAccessible::queryAccessibleInterface(view());
        QVERIFY(table && table->tableInterface());
        for (const CreatedToken &token : std::as_const(m_tokens)) {
            const QModelIndex index = proxyIndex(token.id, TokenTableModel::TokenColumn);
            QAccessibleInterface *cell =
                table->tableInterface()->cellAt(index.row(), index.column());
            QVERIFY(cell);
            QCOMPARE(cell->text(QAccessible::Name), u"Copy token"_s);
            const QString description = cell->text(QAccessible::Description);
            QVERIFY2(description.contains(token.id.left(8)) && description.contains(token.name),
                     qPrintable(description));
            // Neither says anything secret.
            QVERIFY(!description.contains(QString::fromLatin1(token.token)));
        }
    }

    void aClickBesideTheButtonCopiesNothing()
    {
        const QModelIndex index = proxyIndex(m_tokens.at(0).id, TokenTableModel::NameColumn);
        QTest::mouseClick(view()->viewport(), Qt::LeftButton, {},
                          view()->visualRect(index).center());
        QCOMPARE(page()->selectedTokenId(), m_tokens.at(0).id);
        QTRY_VERIFY(!m_window->isRefreshing());
        QVERIFY(QApplication::clipboard()->text().isEmpty());
    }

    void ctrlCCopiesTheSelectedToken()
    {
        // The page's Copy token is the window's only Ctrl+C: no ambiguous
        // shortcut, and the search field keeps its own.
        QList<QAction *> copyActions;
        for (QAction *action : m_window->findChildren<QAction *>()) {
            if (action->shortcuts().contains(QKeySequence(QKeySequence::Copy)))
                copyActions.append(action);
        }
        QCOMPARE(copyActions, QList<QAction *>{page()->copyAction()});

        const CreatedToken &token = m_tokens.at(2);
        QVERIFY(page()->selectToken(token.id));
        view()->setFocus();
        QSignalSpy triggered(page()->copyAction(), &QAction::triggered);
        QTest::keyClick(view(), Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(triggered.count(), 1);
        QTRY_COMPARE(QApplication::clipboard()->text(), QString::fromLatin1(token.token));
    }

    void ctrlFFocusesSearchAndTypingFilters()
    {
        view()->setFocus();
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        QLineEdit *search = page()->searchEdit();
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClicks(search, u"newsletter"_s);
        QTRY_COMPARE(view()->model()->rowCount(), 1);
        QCOMPARE(view()->model()->index(0, 0).data().toString(), u"Newsletter"_s);
        search->clear();
        QCOMPARE(view()->model()->rowCount(), m_window->tokenModel().rowCount());
    }

    void f5Refreshes()
    {
        const CreatedToken later = createToken(*m_api, u"Added later"_s, u"restricted_read_only"_s);
        QVERIFY(!later.id.isEmpty());
        QCOMPARE(m_window->tokenModel().rowForId(later.id), -1);
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QTRY_VERIFY(m_window->tokenModel().rowForId(later.id) >= 0);
        QVERIFY(proxyIndex(later.id, 0).isValid());
    }

    void f5BringsInWhatOthersChangedAndDeleted()
    {
        // After the first full list, a refresh asks only for what changed
        // (GET /api/v1/tokens?changedSince): the table must still end up
        // exactly as the server's list.
        const CreatedToken renamed = createToken(*m_api, u"To be renamed"_s, u"read_only"_s);
        const CreatedToken doomed = createToken(*m_api, u"To be deleted"_s, u"read_only"_s);
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QTRY_VERIFY(m_window->tokenModel().rowForId(doomed.id) >= 0);

        QCOMPARE(
            m_api->patch(u"/api/v1/tokens/"_s + renamed.id, {{u"name"_s, u"Renamed"_s}}).status,
            200);
        QCOMPARE(m_api->del(u"/api/v1/tokens/"_s + doomed.id).status, 204);
        const CreatedToken added = createToken(*m_api, u"Added by someone else"_s, u"editorial"_s);
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QTRY_VERIFY(m_window->tokenModel().rowForId(added.id) >= 0);
        QCOMPARE(m_window->tokenModel().rowForId(doomed.id), -1);
        const TokenTableModel &model = m_window->tokenModel();
        QCOMPARE(model.token(model.rowForId(renamed.id))->name, u"Renamed"_s);

        const ApiReply list = m_api->get(u"/api/v1/tokens?limit=1000"_s);
        QCOMPARE(list.status, 200);
        const auto page = TokenPage::fromJson(list.json());
        QVERIFY(page.ok());
        QCOMPARE(model.rowCount(), page->items.size());
        for (const Token &token : page->items)
            QCOMPARE(model.token(model.rowForId(token.id)), std::optional<Token>(token));
    }

    void ctrlNOpensTheCreateDialogAndTheNewRowIsSelected()
    {
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
        TokenDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<TokenDialog *>()) && dialog->isVisible());
        QCOMPARE(dialog->windowTitle(), u"Create API token"_s);

        const int rowsBefore = m_window->tokenModel().rowCount();
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"nameEdit"_s), u"From the window"_s);
        auto *buttons = dialog->findChild<QDialogButtonBox *>(u"buttonBox"_s);
        QVERIFY(buttons);
        QPushButton *createButton = nullptr;
        for (QAbstractButton *b : buttons->buttons()) {
            if (b->text() == u"Create"_s)
                createButton = qobject_cast<QPushButton *>(b);
        }
        QVERIFY(createButton);
        QTRY_VERIFY(createButton->isEnabled());
        createButton->click();

        QTRY_COMPARE(m_window->tokenModel().rowCount(), rowsBefore + 1);
        QTRY_VERIFY(page()->messageBar()->isVisible());
        const QString newId = page()->selectedTokenId();
        QVERIFY(!newId.isEmpty());
        const int row = m_window->tokenModel().rowForId(newId);
        QCOMPARE(m_window->tokenModel().token(row)->name, u"From the window"_s);

        // "Copy token" in the message bar copies the new token.
        auto *copy = page()->messageBar()->findChild<QPushButton *>(u"messageCopyButton"_s);
        QVERIFY(copy);
        QCOMPARE(copy->text(), u"Copy token"_s);
        copy->click();
        QTRY_VERIFY(QApplication::clipboard()->text().size() > newId.size());
        const QByteArray decoded =
            QByteArray::fromBase64(QApplication::clipboard()->text().toLatin1());
        QVERIFY(decoded.startsWith(QByteArray(newId.toLatin1() + ':')));
    }

    void afterCreateTheFocusIsOnCopyToken()
    {
        m_window->createToken();
        TokenDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<TokenDialog *>()) && dialog->isVisible());
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"nameEdit"_s), u"Keyboard only"_s);
        QTest::keyClick(dialog, Qt::Key_Return);
        QTRY_VERIFY(page()->messageBar()->isVisible());
        auto *copy = page()->messageBar()->findChild<QPushButton *>(u"messageCopyButton"_s);
        // The next thing to do is copying it: Return or Space does that.
        QTRY_COMPARE(m_window->focusWidget(), copy);
    }

    void theMenuBarFollowsDesktopConventions()
    {
        QStringList titles;
        for (QAction *menu : m_window->menuBar()->actions())
            titles.append(menu->text().remove(u'&'));
        QCOMPARE(titles, (QStringList{u"File"_s, u"Tokens"_s, u"Help"_s}));
        QCOMPARE(m_window->quitAction()->menuRole(), QAction::QuitRole);
        const QKeySequence quit(QKeySequence::Quit);
        QCOMPARE(m_window->quitAction()->shortcut(),
                 quit.isEmpty() ? QKeySequence(Qt::CTRL | Qt::Key_Q) : quit);
        QCOMPARE(m_window->aboutAction()->menuRole(), QAction::AboutRole);
        QCOMPARE(m_window->shortcutsAction()->shortcut(), QKeySequence(QKeySequence::HelpContents));

        // The Tokens menu holds what the page does, so the menu bar reaches all of it.
        auto *tokens = m_window->menuBar()->findChild<QMenu *>(u"tokensMenu"_s);
        QVERIFY(tokens);
        for (QAction *action :
             {m_window->createAction(), page()->editAction(), page()->copyAction(),
              page()->rotateAction(), page()->disableAction(), page()->enableAction(),
              page()->deleteAction(), m_window->refreshAction()})
            QVERIFY2(tokens->actions().contains(action), qPrintable(action->text()));

        // Signed in: File offers Sign out, not Sign in.
        auto *file = m_window->menuBar()->findChild<QMenu *>(u"fileMenu"_s);
        QMetaObject::invokeMethod(file, "aboutToShow");
        QVERIFY(file->actions().contains(m_window->signOutAction()));
        QVERIFY(!file->actions().contains(m_window->signInAction()));
        QVERIFY(file->actions().contains(m_window->quitAction()));
    }

    void helpListsTheShortcutsAndAboutNamesVersionAndLicence()
    {
        m_window->shortcutsAction()->trigger();
        auto *shortcuts = waitForVisible<ShortcutsDialog>(m_window.get());
        QVERIFY(shortcuts);
        QStringList rows;
        for (QTreeWidgetItemIterator it(shortcuts->list()); *it; ++it)
            rows.append((*it)->text(0) + u" = "_s + (*it)->text(1));
        const auto native = [](QKeySequence keys) {
            return keys.toString(QKeySequence::NativeText);
        };
        const QStringList expected{u"Create API token… = "_s + native(QKeySequence::New),
                                   u"Search tokens = "_s + native(QKeySequence::Find),
                                   u"Refresh = F5"_s,
                                   u"Copy token = "_s + native(QKeySequence::Copy),
                                   u"Delete… = "_s + native(QKeySequence::Delete),
                                   u"Edit… = F2"_s};
        for (const QString &row : expected)
            QVERIFY2(rows.contains(row), qPrintable(row + u" not in "_s + rows.join(u"; "_s)));
        shortcuts->close();

        m_window->aboutAction()->trigger();
        auto *about = waitForVisible<AboutDialog>(m_window.get());
        QVERIFY(about);
        QStringList texts;
        for (const QLabel *label : about->findChildren<QLabel *>())
            texts.append(label->text());
        const QString all = texts.join(u'\n');
        QVERIFY2(all.contains(QCoreApplication::applicationVersion()), qPrintable(all));
        QVERIFY(all.contains(u"Apache License, Version 2.0"_s));
        QVERIFY(about->librariesText().contains(QString::fromLatin1(qVersion())));
        about->close();
    }

    void quitClosesTheWindow()
    {
        QVERIFY(m_window->isVisible());
        QTest::keyClick(m_window.get(), m_window->quitAction()->shortcut()[0].key(),
                        m_window->quitAction()->shortcut()[0].keyboardModifiers());
        QTRY_VERIFY(!m_window->isVisible());
    }

    void aNewProfileStartsWithoutTheOldFilters()
    {
        page()->searchEdit()->setText(u"backup"_s);
        page()->statusFilter()->setCurrentIndex(2);
        QVERIFY(page()->hasActiveFilters());
        m_window->closeSession(); // what switching profiles does
        QVERIFY(!page()->hasActiveFilters());
        QCOMPARE(page()->searchEdit()->text(), QString());
    }

    void cancelingTheSignInLeavesAWindowThatSaysSo()
    {
        MainWindow window;
        window.setServerUrl(m_server.baseUrl());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.signIn();
        auto *dialog = waitForVisible<SignInDialog>(&window);
        QVERIFY(dialog);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!window.findChild<SignInDialog *>());

        // Nothing that needs a session looks as if it worked.
        QVERIFY(!window.createAction()->isEnabled());
        QVERIFY(!window.refreshAction()->isEnabled());
        QVERIFY(!window.tokensPage()->createButton()->isEnabled());
        QVERIFY(!window.tokensPage()->findChild<QToolButton *>(u"refreshButton"_s)->isEnabled());
        QCOMPARE(window.tokensPage()->placeholder()->title(), u"You are signed out"_s);
        // Sign in is offered where the admin looks: the menus and the page.
        QMetaObject::invokeMethod(window.connectionMenu(), "aboutToShow");
        QVERIFY(window.connectionMenu()->actions().contains(window.signInAction()));
        QVERIFY(window.signInAction()->isEnabled());
        QVERIFY(!window.connectionMenu()->actions().contains(window.signOutAction()));
        window.tokensPage()->placeholder()->button()->click();
        QVERIFY(waitForVisible<SignInDialog>(&window));
    }

    void theStudioPrintsItsVersion()
    {
        // No display needed for that.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &name : {u"QT_QPA_PLATFORM"_s, u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s})
            env.remove(name);
        QProcess studio;
        studio.setProcessEnvironment(env);
        studio.start(QStringLiteral(APIACCESS_STUDIO_BINARY), {u"--version"_s});
        QVERIFY(studio.waitForFinished(30'000));
        QCOMPARE(studio.exitStatus(), QProcess::NormalExit);
        QCOMPARE(studio.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(studio.readAllStandardOutput().trimmed()),
                 u"apiaccess-studio/"_s + version());
    }

    void theStudioScreenshotsItsSandboxAndLeavesNoServerBehind()
    {
        QTemporaryDir xdg; // the sandbox's data dir goes below it
        QTemporaryDir out; // not below xdg: the Studio's own command line names the PNG
        QVERIFY(xdg.isValid() && out.isValid());
        const QString png = out.filePath(u"shot.png"_s);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"XDG_DATA_HOME"_s, xdg.path());
        QProcess studio;
        studio.setProcessEnvironment(env);
        studio.start(QStringLiteral(APIACCESS_STUDIO_BINARY),
                     {u"--sandbox"_s, u"--screenshot"_s, png});
        QVERIFY(studio.waitForStarted());

        // The sandbox's processes are the ones naming its private data dir.
        // Collected, not sampled: QTRY evaluates its condition once more
        // after the loop, and a short-lived one (the sandbox's admin command)
        // may be gone by then; that made this check fail at random.
        QList<qint64> seen;
        const auto sandboxSeenOrStudioDone = [&] {
            seen += processesMentioning(xdg.path());
            return !seen.isEmpty() || studio.state() == QProcess::NotRunning;
        };
        QTRY_VERIFY_WITH_TIMEOUT(sandboxSeenOrStudioDone(), 60'000);
        QVERIFY2(!seen.isEmpty(), "no sandbox server process was seen");
        QTRY_COMPARE_WITH_TIMEOUT(studio.state(), QProcess::NotRunning, 90'000);
        QCOMPARE(studio.exitStatus(), QProcess::NormalExit);
        QCOMPARE(studio.exitCode(), 0);
        // Stopped gracefully before the Studio quit (SIGTERM, exit code 0),
        // not killed on the way out.
        const QByteArray log = studio.readAllStandardError();
        QVERIFY2(log.contains("sandbox server exited with 0"), log.constData());

        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY2(image.width() >= 400 && image.height() >= 300,
                 qPrintable(u"%1x%2"_s.arg(image.width()).arg(image.height())));

        // The Studio stops its server before it exits; allow for reaping.
        QTRY_VERIFY_WITH_TIMEOUT(processesMentioning(xdg.path()).isEmpty(), 10'000);
    }

private:
    ApiTokensPage *page() const { return m_window->tokensPage(); }
    QTableView *view() const { return page()->tokensView(); }
    QModelIndex proxyIndex(const QString &id, int column) const
    {
        const TokenTableModel &model = m_window->tokenModel();
        const int row = model.rowForId(id);
        if (row < 0)
            return {};
        return page()->proxyModel()->mapFromSource(model.index(row, column));
    }

    ServerProcess m_server;
    std::unique_ptr<ApiTestClient> m_api;
    QList<CreatedToken> m_tokens;
    Session m_session;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
