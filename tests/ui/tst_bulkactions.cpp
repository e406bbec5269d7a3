// Acting on many tokens at once: one confirmation for all, progress when
// there are many, and a partial failure (one token's request fails with a
// 503, injected by a relay in front of the real server) reported by name,
// with the failed row left selected and Retry finishing the job. A single
// action that fails (rotate, copy) and a list that cannot be loaded are
// explained the same way, each with Retry.

#include "ApiTestClient.h"
#include "FaultProxy.h"
#include "ServerProcess.h"
#include "StudioTestSupport.h"
#include "StudioTokens.h"
#include "TokenTableModel.h"
#include "dialogs/BulkProgressDialog.h"
#include "dialogs/ConfirmActionDialog.h"
#include "dialogs/RotateDialog.h"
#include "mainwindow/ApiTokensPage.h"
#include "mainwindow/MainWindow.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QFrame>
#include <QLabel>
#include <QPointer>
#include <QTableView>

#include <memory>

using namespace ApiAccess;
using namespace ApiAccess::Testing;
using namespace Qt::StringLiterals;

class tst_BulkActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        QVERIFY(m_server.addAdmin(kTestAdmin, kTestPassword));
        m_api = std::make_unique<ApiTestClient>(m_server.baseUrl());
        QVERIFY(m_api->signIn(kTestAdmin, kTestPassword));
        m_proxy = std::make_unique<FaultProxy>(m_server.baseUrl());
        // The Studio talks to the server through the relay.
        const auto session = signInSession(m_proxy->url(), kTestAdmin, kTestPassword);
        QVERIFY(session);
        m_session = *session;
    }

    void init()
    {
        m_proxy->setFailing({});
        m_window = std::make_unique<MainWindow>();
        m_window->setSession(m_session);
        m_window->show();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->lastRefresh().isValid(), kGuiWaitMs);
    }

    void cleanup() { m_window.reset(); }

    void bulkDisableReportsThePartialFailureAndRetries()
    {
        const QStringList ids = createMany(u"Bulk"_s, 6);
        QCOMPARE(ids.size(), 6);
        const QString failing = ids.at(2);
        m_proxy->setFailing("PATCH /api/v1/tokens/" + failing.toLatin1());

        page()->selectTokens(ids);
        QCOMPARE(page()->selectedTokenIds().size(), 6);
        QVERIFY(page()->disableAction()->isEnabled());
        page()->disableAction()->trigger();
        auto *confirm = waitForVisible<ConfirmActionDialog>(m_window.get());
        QVERIFY(confirm);
        QCOMPARE(confirm->windowTitle(), u"Disable 6 API tokens"_s);
        QCOMPARE(confirm->confirmButton()->text(), u"Disable"_s);
        confirm->confirmButton()->click();
        // Six tokens: a progress dialog counts them (and offers Stop).
        QVERIFY(m_window->findChild<BulkProgressDialog *>(u"tokenStateProgress"_s));

        auto *report = waitForVisible<QMessageBox>(m_window.get(), u"actionFailureBox"_s);
        QVERIFY(report);
        const QString said = visibleText(report);
        QVERIFY2(said.contains(u"“Bulk 3”"_s), qPrintable(said));
        QVERIFY2(said.contains(u"5 tokens disabled"_s), qPrintable(said));
        QVERIFY(!m_window->findChild<BulkProgressDialog *>(u"tokenStateProgress"_s));
        // The failed one stays selected; the others did change.
        QCOMPARE(page()->selectedTokenIds(), QStringList{failing});
        for (const QString &id : ids)
            QCOMPARE(status(id), id == failing ? u"active"_s : u"disabled"_s);

        m_proxy->setFailing({});
        auto *retry = report->findChild<QPushButton *>(u"retryButton"_s);
        QVERIFY(retry);
        retry->click(); // no second confirmation
        QTRY_COMPARE_WITH_TIMEOUT(status(failing), u"disabled"_s, kGuiWaitMs);
        QTRY_COMPARE(modelStatus(failing), TokenStatus::Disabled);
        QVERIFY(!m_window->findChild<ConfirmActionDialog *>());
    }

    void bulkDeleteAsksOnceForAll()
    {
        const QStringList ids = createMany(u"Old"_s, 3);
        QCOMPARE(ids.size(), 3);
        page()->selectTokens(ids);
        page()->tokensView()->setFocus();
        QTest::keyClick(page()->tokensView(), Qt::Key_Delete);
        auto *confirm = waitForVisible<ConfirmActionDialog>(m_window.get());
        QVERIFY(confirm);
        const QString said = visibleText(confirm);
        for (const QString &name : {u"Old 1"_s, u"Old 2"_s, u"Old 3"_s})
            QVERIFY2(said.contains(name), qPrintable(said));
        confirm->confirmButton()->click();
        for (const QString &id : ids)
            QTRY_COMPARE_WITH_TIMEOUT(m_api->get(u"/api/v1/tokens/"_s + id).status, 404,
                                      kGuiWaitMs);
        for (const QString &id : ids)
            QCOMPARE(m_window->tokenModel().rowForId(id), -1);
        QVERIFY(!m_window->findChild<QMessageBox *>(u"actionFailureBox"_s));
    }

    void aFailedRotationIsExplainedWithRetry()
    {
        // A name with markup in it is shown as typed, never rendered.
        const QStringList ids = createMany(u"<b>Rotation</b> target"_s, 1);
        QCOMPARE(ids.size(), 1);
        m_proxy->setFailing("POST /api/v1/tokens/" + ids.first().toLatin1() + "/rotate");
        QVERIFY(page()->selectToken(ids.first()));
        page()->rotateAction()->trigger();
        auto *dialog = waitForVisible<RotateDialog>(m_window.get());
        QVERIFY(dialog);
        dialog->confirmButton()->click();
        auto *report = waitForVisible<QMessageBox>(m_window.get(), u"actionFailureBox"_s);
        QVERIFY(report);
        // A 503 may come from a gateway after the server acted: not known.
        QVERIFY(visibleText(report).contains(
            u"“<b>Rotation</b> target 1” may not have been rotated."_s));
        QCOMPARE(report->textFormat(), Qt::PlainText);
        QCOMPARE(m_proxy->failedCount() > 0, true);

        m_proxy->setFailing({});
        report->findChild<QPushButton *>(u"retryButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(page()->messageBar()->isVisible(), kGuiWaitMs);
        auto *text = page()->messageBar()->findChild<QLabel *>(u"messageText"_s);
        QVERIFY(text->text().contains(u"“<b>Rotation</b> target 1” was rotated"_s));
        QCOMPARE(text->textFormat(), Qt::PlainText);
    }

    void aRotationWhoseAnswerWasLostIsNotRepeatedOnRetry()
    {
        // The server rotates, the answer is lost on the way back. A second
        // rotation on Retry would end the grace of the first new secret, and
        // with it the original one's, before anyone saw the new secret.
        const CreatedToken token = createToken(*m_api, u"Lost answer"_s, u"read_only"_s);
        QVERIFY(!token.id.isEmpty());
        QVERIFY(refreshUntilListed(*m_window, {token.id}));
        const QString path = u"/api/v1/tokens/"_s + token.id;
        m_proxy->setLosingAnswers("POST " + path.toLatin1() + "/rotate");

        QVERIFY(page()->selectToken(token.id));
        page()->rotateAction()->trigger();
        auto *dialog = waitForVisible<RotateDialog>(m_window.get());
        QVERIFY(dialog);
        auto *grace = dialog->findChild<QComboBox *>(u"graceCombo"_s);
        QVERIFY(grace);
        grace->setCurrentIndex(1); // 1 hour
        dialog->confirmButton()->click();
        QPointer<QMessageBox> report =
            waitForVisible<QMessageBox>(m_window.get(), u"actionFailureBox"_s);
        QVERIFY(report);
        QCOMPARE(m_proxy->lostCount(), 1);
        QVERIFY(visibleText(report).contains(u"“Lost answer” may not have been rotated."_s));
        const QByteArray rotatedOnce = m_api->get(path).header("ETag");

        // The first Retry gets 412 and then cannot look at the token: still
        // not known, and the next Retry must not rotate either.
        m_proxy->setLosingAnswers({});
        m_proxy->setFailing("GET " + path.toLatin1() + " ");
        report->findChild<QPushButton *>(u"retryButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!report, kGuiWaitMs);
        report = waitForVisible<QMessageBox>(m_window.get(), u"actionFailureBox"_s);
        QVERIFY(report);
        QVERIFY(visibleText(report).contains(u"“Lost answer” may not have been rotated."_s));
        m_proxy->setFailing({});

        report->findChild<QPushButton *>(u"retryButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(page()->messageBar()->isVisible(), kGuiWaitMs);
        auto *text = page()->messageBar()->findChild<QLabel *>(u"messageText"_s);
        QVERIFY2(text->text().contains(u"“Lost answer” was rotated"_s), qPrintable(text->text()));

        // Rotated exactly once: the version is the one after the first
        // attempt, and the original secret is still in its grace period.
        QCOMPARE(m_api->get(path).header("ETag"), rotatedOnce);
        ApiTestClient integration(m_server.baseUrl());
        integration.setBasic(token.token);
        QCOMPARE(integration.get(u"/api/v1/verify"_s).status, 204);
    }

    void aFailedCopyIsExplainedWithRetry()
    {
        const QStringList ids = createMany(u"Copy target"_s, 1);
        QCOMPARE(ids.size(), 1);
        QApplication::clipboard()->clear();
        m_proxy->setFailing("/secret");
        m_window->copyToken(ids.first());
        auto *report = waitForVisible<QMessageBox>(m_window.get(), u"actionFailureBox"_s);
        QVERIFY(report);
        QVERIFY(visibleText(report).contains(u"“Copy target 1” was not copied."_s));
        QVERIFY(QApplication::clipboard()->text().isEmpty());

        m_proxy->setFailing({});
        report->findChild<QPushButton *>(u"retryButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            QByteArray::fromBase64(QApplication::clipboard()->text().toLatin1())
                .startsWith(QByteArray(ids.first().toLatin1() + ':')),
            kGuiWaitMs);
    }

    void aListThatCannotBeLoadedOffersRetry()
    {
        m_proxy->setFailing("GET /api/v1/tokens?");
        const QDateTime before = m_window->lastRefresh();
        m_window->refresh();
        auto *retry = waitForVisible<QPushButton>(page()->messageBar(), u"messageRetryButton"_s);
        QVERIFY(retry);
        QVERIFY2(visibleText(page()->messageBar()).contains(u"Could not load the tokens"_s),
                 qPrintable(visibleText(page()->messageBar())));
        QCOMPARE(m_window->lastRefresh(), before);

        m_proxy->setFailing({});
        retry->click();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->lastRefresh() > before, kGuiWaitMs);
        QVERIFY(!page()->messageBar()->isVisible());
    }

    void aListOlderThanALocalChangeDoesNotUndoIt()
    {
        const QStringList ids = createMany(u"Raced"_s, 1);
        QCOMPARE(ids.size(), 1);
        // The list leaves before the delete, and its answer is held back
        // (the relay answers it only after the delete is done).
        m_proxy->setHolding("GET /api/v1/tokens?");
        m_window->refresh();
        QTRY_COMPARE(m_proxy->heldCount(), 1);
        m_window->deleteTokens(ids);
        auto *confirm = waitForVisible<ConfirmActionDialog>(m_window.get());
        QVERIFY(confirm);
        confirm->confirmButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(m_window->tokenModel().rowForId(ids.first()), -1, kGuiWaitMs);
        const QDateTime before = m_window->lastRefresh();
        m_proxy->setHolding({});
        m_proxy->releaseHeld(); // the old list, which still has the token
        QTRY_VERIFY_WITH_TIMEOUT(m_window->lastRefresh() > before, kGuiWaitMs);
        QCOMPARE(m_window->tokenModel().rowForId(ids.first()), -1); // still gone
    }

private:
    ApiTokensPage *page() const { return m_window->tokensPage(); }

    QStringList createMany(const QString &prefix, int count)
    {
        QStringList ids;
        for (int i = 1; i <= count; ++i) {
            const CreatedToken created =
                createToken(*m_api, u"%1 %2"_s.arg(prefix).arg(i), u"read_only"_s);
            if (created.id.isEmpty())
                return {};
            ids.append(created.id);
        }
        return refreshUntilListed(*m_window, ids) ? ids : QStringList{};
    }

    QString status(const QString &id)
    {
        return m_api->get(u"/api/v1/tokens/"_s + id).json().value(u"status"_s).toString();
    }

    TokenStatus modelStatus(const QString &id) const
    {
        const TokenTableModel &model = m_window->tokenModel();
        return model.token(model.rowForId(id)).value_or(Token{}).status;
    }

    ServerProcess m_server;
    std::unique_ptr<ApiTestClient> m_api;
    std::unique_ptr<FaultProxy> m_proxy;
    Session m_session;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(tst_BulkActions)
#include "tst_bulkactions.moc"
