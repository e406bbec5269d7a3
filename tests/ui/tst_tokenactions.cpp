// Every row action of the API Tokens page, driven from the keyboard and the
// page's actions against a real apiaccess-server, each confirmation answered
// as an admin would: Edit (F2 / Return), Rotate with and without a grace
// period (observed through /api/v1/verify), Disable / Enable, Delete (Del),
// canceling, the row that shows its operation in progress, and expiry.

#include "ApiTestClient.h"
#include "ServerProcess.h"
#include "StudioTestSupport.h"
#include "StudioTokens.h"
#include "TokenTableModel.h"
#include "dialogs/ConfirmActionDialog.h"
#include "dialogs/RotateDialog.h"
#include "dialogs/TokenDialog.h"
#include "mainwindow/ApiTokensPage.h"
#include "mainwindow/MainWindow.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QFrame>
#include <QJsonArray>
#include <QJsonObject>
#include <QLineEdit>
#include <QTableView>

#include <csignal>
#include <memory>
#include <sys/types.h>

using namespace ApiAccess;
using namespace ApiAccess::Testing;
using namespace Qt::StringLiterals;

namespace { } // namespace

class tst_TokenActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        QVERIFY(m_server.addAdmin(kTestAdmin, kTestPassword));
        m_api = std::make_unique<ApiTestClient>(m_server.baseUrl());
        QVERIFY(m_api->signIn(kTestAdmin, kTestPassword));
        const auto session = signInSession(m_server.baseUrl(), kTestAdmin, kTestPassword);
        QVERIFY(session);
        m_session = *session;
    }

    void init()
    {
        QApplication::clipboard()->clear();
        m_window = std::make_unique<MainWindow>();
        m_window->setSession(m_session);
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->lastRefresh().isValid(), kGuiWaitMs);
    }

    void cleanup()
    {
        if (m_stopped)
            ::kill(pid_t(m_server.processId()), SIGCONT);
        m_stopped = false;
        m_window.reset();
    }

    void f2EditsAndSavesOnlyWhatChanged()
    {
        const CreatedToken token = create(u"Edit me"_s, u"read_only"_s, {u"10.0.0.0/8"_s});
        selectInView(token.id);
        QTest::keyClick(view(), Qt::Key_F2);
        TokenDialog *dialog = waitForVisible<TokenDialog>(m_window.get());
        QVERIFY(dialog);
        QCOMPARE(dialog->windowTitle(), u"Edit API token"_s);
        auto *name = dialog->findChild<QLineEdit *>(u"nameEdit"_s);
        QCOMPARE(name->text(), u"Edit me"_s);
        QAbstractButton *save = buttonWithText(dialog, u"Save"_s);
        QVERIFY(save);
        QVERIFY(!save->isEnabled()); // nothing changed yet

        name->selectAll();
        QTest::keyClicks(name, u"Edited in the Studio"_s);
        QTRY_VERIFY(save->isEnabled());
        save->click();
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->findChild<TokenDialog *>(), kGuiWaitMs);
        QCOMPARE(modelToken(token.id).name, u"Edited in the Studio"_s);
        const QJsonObject onServer = serverToken(token.id);
        QCOMPARE(onServer.value(u"name"_s).toString(), u"Edited in the Studio"_s);
        QCOMPARE(onServer.value(u"accessLevel"_s).toString(), u"read_only"_s);
        QCOMPARE(onServer.value(u"allowedIpRanges"_s).toArray().size(), 1);
    }

    void returnEditsAndEscapeChangesNothing()
    {
        const CreatedToken token = create(u"Looked at"_s, u"editorial"_s);
        selectInView(token.id);
        QTest::keyClick(view(), Qt::Key_Return);
        TokenDialog *dialog = waitForVisible<TokenDialog>(m_window.get());
        QVERIFY(dialog);
        QCOMPARE(dialog->findChild<QLineEdit *>(u"nameEdit"_s)->text(), u"Looked at"_s);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!m_window->findChild<TokenDialog *>());
        QCOMPARE(serverToken(token.id).value(u"updatedAt"_s),
                 serverToken(token.id).value(u"createdAt"_s));
    }

    void rotateWithGraceKeepsThePreviousSecretWorking()
    {
        const CreatedToken token = create(u"Rotated with grace"_s, u"read_only"_s);
        QVERIFY(rotate(token, 2)); // "24 hours"
        const QByteArray fresh = copiedFromMessageBar(token);
        QVERIFY(!fresh.isEmpty());
        QVERIFY(fresh != token.token);
        QCOMPARE(verify(fresh), 204);
        QCOMPARE(verify(token.token), 204); // within the grace period
    }

    void rotateWithoutGraceEndsThePreviousSecretAtOnce()
    {
        const CreatedToken token = create(u"Rotated at once"_s, u"read_only"_s);
        QVERIFY(rotate(token, 0));
        const QByteArray fresh = copiedFromMessageBar(token);
        QVERIFY(!fresh.isEmpty() && fresh != token.token);
        QCOMPARE(verify(fresh), 204);
        QCOMPARE(verify(token.token), 401);
    }

    void disableThenEnableEachBehindAConfirmation()
    {
        const CreatedToken token = create(u"Switched off and on"_s, u"read_only"_s);
        selectInView(token.id);
        page()->disableAction()->trigger();
        auto *confirm = waitForVisible<ConfirmActionDialog>(m_window.get());
        QVERIFY(confirm);
        QCOMPARE(confirm->confirmButton()->text(), u"Disable"_s);
        const QString said = visibleText(confirm);
        QVERIFY2(said.contains(u"“Switched off and on”"_s), qPrintable(said));
        QVERIFY2(said.contains(u"stop working"_s), qPrintable(said));
        confirm->confirmButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(modelToken(token.id).status, TokenStatus::Disabled, kGuiWaitMs);
        QCOMPARE(serverToken(token.id).value(u"status"_s).toString(), u"disabled"_s);
        QCOMPARE(verify(token.token), 401);

        QTRY_VERIFY(page()->enableAction()->isEnabled());
        QVERIFY(!page()->disableAction()->isEnabled());
        page()->enableAction()->trigger();
        confirm = waitForVisible<ConfirmActionDialog>(m_window.get());
        QVERIFY(confirm);
        QCOMPARE(confirm->confirmButton()->text(), u"Enable"_s);
        QVERIFY(visibleText(confirm).contains(u"“Switched off and on”"_s));
        confirm->confirmButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(modelToken(token.id).status, TokenStatus::Active, kGuiWaitMs);
        QCOMPARE(verify(token.token), 204);
    }

    void delDeletesAfterConfirmingAndEscapeCancels()
    {
        const CreatedToken token = create(u"Doomed"_s, u"restricted_read_only"_s);
        selectInView(token.id);
        QTest::keyClick(view(), Qt::Key_Delete);
        auto *confirm = waitForVisible<ConfirmActionDialog>(m_window.get());
        QVERIFY(confirm);
        QCOMPARE(confirm->confirmButton()->text(), u"Delete"_s);
        QVERIFY(visibleText(confirm).contains(u"cannot be undone"_s));
        QTest::keyClick(confirm, Qt::Key_Escape); // Cancel
        QTRY_VERIFY(!m_window->findChild<ConfirmActionDialog *>());
        QCOMPARE(m_api->get(u"/api/v1/tokens/"_s + token.id).status, 200);
        QVERIFY(m_window->tokenModel().rowForId(token.id) >= 0);

        selectInView(token.id);
        QTest::keyClick(view(), Qt::Key_Delete);
        confirm = waitForVisible<ConfirmActionDialog>(m_window.get());
        QVERIFY(confirm);
        confirm->confirmButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(m_window->tokenModel().rowForId(token.id), -1, kGuiWaitMs);
        QCOMPARE(m_api->get(u"/api/v1/tokens/"_s + token.id).status, 404);
        QCOMPARE(verify(token.token), 401);
    }

    void aRowShowsTheOperationInProgress()
    {
        const CreatedToken token = create(u"Slow to disable"_s, u"read_only"_s);
        selectInView(token.id);
        page()->disableAction()->trigger();
        auto *confirm = waitForVisible<ConfirmActionDialog>(m_window.get());
        QVERIFY(confirm);
        // The server answers nothing while stopped: the request is in flight.
        QCOMPARE(::kill(pid_t(m_server.processId()), SIGSTOP), 0);
        m_stopped = true;
        confirm->confirmButton()->click();
        const TokenTableModel &model = m_window->tokenModel();
        const QModelIndex status =
            model.index(model.rowForId(token.id), TokenTableModel::StatusColumn);
        QTRY_COMPARE(status.data(TokenTableModel::OperationRole).toString(), u"Disabling…"_s);
        QCOMPARE(status.data().toString(), u"Disabling…"_s);
        QVERIFY(m_window->isEnabled()); // nothing froze

        QCOMPARE(::kill(pid_t(m_server.processId()), SIGCONT), 0);
        m_stopped = false;
        QTRY_COMPARE_WITH_TIMEOUT(modelToken(token.id).status, TokenStatus::Disabled, kGuiWaitMs);
        QVERIFY(status.data(TokenTableModel::OperationRole).toString().isEmpty());
    }

    void expiryChosenInTheDialogReachesTheServer()
    {
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
        TokenDialog *dialog = waitForVisible<TokenDialog>(m_window.get());
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"nameEdit"_s), u"Expires in 30 days"_s);
        auto *expiry = dialog->findChild<QComboBox *>(u"expiryCombo"_s);
        QVERIFY(expiry);
        expiry->setCurrentIndex(expiry->findText(u"In 30 days"_s));
        const QDateTime before = QDateTime::currentDateTimeUtc();
        QAbstractButton *createButton = buttonWithText(dialog, u"Create"_s);
        QTRY_VERIFY(createButton->isEnabled());
        createButton->click();
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->findChild<TokenDialog *>(), kGuiWaitMs);

        const QString id = page()->selectedTokenId();
        const QDateTime expiresAt =
            QDateTime::fromString(serverToken(id).value(u"expiresAt"_s).toString(), Qt::ISODate);
        QVERIFY(expiresAt.isValid());
        const qint64 days = before.secsTo(expiresAt);
        QVERIFY2(days >= 30 * 86400 - 5 && days <= 30 * 86400 + 60,
                 qPrintable(expiresAt.toString()));
        QVERIFY(!modelIndex(id).data(TokenTableModel::ExpiringSoonRole).toBool());
    }

    void aTokenExpiringWithinAWeekIsMarked()
    {
        QJsonObject body{
            {u"name"_s, u"Ends on Tuesday"_s},
            {u"accessLevel"_s, u"read_only"_s},
            {u"expiresAt"_s, QDateTime::currentDateTimeUtc().addDays(3).toString(Qt::ISODate)}};
        const ApiReply reply = m_api->post(u"/api/v1/tokens"_s, body);
        QCOMPARE(reply.status, 201);
        const QString id = reply.json().value(u"id"_s).toString();
        m_window->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->tokenModel().rowForId(id) >= 0, kGuiWaitMs);
        QVERIFY(modelIndex(id).data(TokenTableModel::ExpiringSoonRole).toBool());
        const QString tip =
            modelIndex(id, TokenTableModel::StatusColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(u"xpires"_s), qPrintable(tip));
    }

    void theListRefreshesByItselfWhileTheWindowIsActive()
    {
        QCOMPARE(m_window->autoRefreshInterval(), std::chrono::milliseconds(60'000));
        m_window->setAutoRefreshInterval(std::chrono::milliseconds(100));
        const ApiReply reply = m_api->createToken(u"Made by someone else"_s, u"read_only"_s);
        QCOMPARE(reply.status, 201);
        const QString id = reply.json().value(u"id"_s).toString();
        // No F5, no refresh() call: the timer brings it in.
        QTRY_VERIFY_WITH_TIMEOUT(m_window->tokenModel().rowForId(id) >= 0, kGuiWaitMs);
    }

private:
    ApiTokensPage *page() const { return m_window->tokensPage(); }
    QTableView *view() const { return page()->tokensView(); }

    CreatedToken create(const QString &name, const QString &level, const QStringList &ranges = {})
    {
        const CreatedToken created = createToken(*m_api, name, level, ranges);
        if (created.id.isEmpty() || !refreshUntilListed(*m_window, {created.id}))
            return {};
        return created;
    }

    void selectInView(const QString &id)
    {
        QVERIFY(!id.isEmpty());
        QVERIFY(page()->selectToken(id));
        // The offscreen platform has no window manager to give the window
        // back its activation when a dialog closes; a desktop does that.
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        view()->setFocus();
        QTRY_VERIFY(view()->hasFocus());
    }

    QModelIndex modelIndex(const QString &id, int column = 0) const
    {
        const TokenTableModel &model = m_window->tokenModel();
        return model.index(model.rowForId(id), column);
    }

    Token modelToken(const QString &id) const
    {
        const TokenTableModel &model = m_window->tokenModel();
        return model.token(model.rowForId(id)).value_or(Token{});
    }

    QJsonObject serverToken(const QString &id)
    {
        return m_api->get(u"/api/v1/tokens/"_s + id).json();
    }

    int verify(const QByteArray &token)
    {
        ApiTestClient gateway(m_server.baseUrl());
        gateway.setBasic(token);
        return gateway.get(u"/api/v1/verify"_s).status;
    }

    // Rotate through the page's action, choosing the grace combo's entry.
    bool rotate(const CreatedToken &token, int graceIndex)
    {
        if (token.id.isEmpty() || !page()->selectToken(token.id))
            return false;
        page()->rotateAction()->trigger();
        auto *dialog = waitForVisible<RotateDialog>(m_window.get());
        if (!dialog || !visibleText(dialog).contains(u"“"_s + token.name + u"”"_s))
            return false;
        auto *grace = dialog->findChild<QComboBox *>(u"graceCombo"_s);
        if (!grace || grace->count() != 4)
            return false;
        grace->setCurrentIndex(graceIndex);
        if (dialog->confirmButton()->text() != u"Rotate"_s)
            return false;
        dialog->confirmButton()->click();
        return QTest::qWaitFor([&] { return page()->messageBar()->isVisible(); }, kGuiWaitMs);
    }

    // The message bar's "Copy token" after a rotation, read off the clipboard.
    QByteArray copiedFromMessageBar(const CreatedToken &token)
    {
        auto *copy = page()->messageBar()->findChild<QPushButton *>(u"messageCopyButton"_s);
        if (!copy || !copy->isVisible())
            return {};
        QApplication::clipboard()->clear();
        copy->click();
        if (!QTest::qWaitFor([] { return !QApplication::clipboard()->text().isEmpty(); },
                             kGuiWaitMs))
            return {};
        const QByteArray copied = QApplication::clipboard()->text().toLatin1();
        const QByteArray decoded = QByteArray::fromBase64(copied);
        return decoded.startsWith(QByteArray(token.id.toLatin1() + ':')) ? copied : QByteArray();
    }

    ServerProcess m_server;
    std::unique_ptr<ApiTestClient> m_api;
    Session m_session;
    std::unique_ptr<MainWindow> m_window;
    bool m_stopped = false;
};

QTEST_MAIN(tst_TokenActions)
#include "tst_tokenactions.moc"
