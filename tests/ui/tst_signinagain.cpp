// When the session ends mid-work (signed out elsewhere, expired), the real
// server answers 401: the main window opens the sign-in dialog, and once the
// admin has signed in again the action that was refused happens after all:
// the copy lands on the clipboard, the create creates. Signing in as
// someone else, or canceling, repeats nothing. Against a real apiaccess-server.

#include "ApiTestClient.h"
#include "ServerProcess.h"
#include "TokenTableModel.h"
#include "api/ApiClient.h"
#include "dialogs/SignInDialog.h"
#include "dialogs/TokenDialog.h"
#include "mainwindow/ApiTokensPage.h"
#include "mainwindow/MainWindow.h"
#include "widgets/StatePlaceholder.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace ApiAccess;
using namespace ApiAccess::Testing;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 15'000;
const QString kAdmin = u"admin"_s;
const QString kPassword = u"correct horse battery staple"_s;
const QString kOther = u"other-admin"_s;
const QString kOtherPassword = u"another long password"_s;

template<typename T>
T *child(QWidget *parent, const QString &name)
{
    return parent ? parent->findChild<T *>(name) : nullptr;
}

QPushButton *buttonWithText(QDialogButtonBox *box, const QString &text)
{
    for (QAbstractButton *button : box->buttons()) {
        if (button->text() == text)
            return qobject_cast<QPushButton *>(button);
    }
    return nullptr;
}

} // namespace

class tst_SignInAgain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        QVERIFY(m_server.addAdmin(kAdmin, kPassword));
        QVERIFY(m_server.addAdmin(kOther, kOtherPassword));
        m_api = std::make_unique<ApiTestClient>(m_server.baseUrl());
        QVERIFY(m_api->signIn(kAdmin, kPassword));
        const ApiReply reply = m_api->createToken(u"Existing token"_s, u"read_only"_s);
        QCOMPARE(reply.status, 201);
        m_tokenId = reply.json().value(u"id"_s).toString();
        m_tokenValue = reply.json().value(u"token"_s).toString();
    }

    // Each test starts with a window on a fresh session of its own, so that
    // ending it on the server affects nothing else.
    void init()
    {
        QApplication::clipboard()->clear();
        ApiClient client;
        client.setServerUrl(m_server.baseUrl());
        std::optional<Session> session;
        client.signIn(kAdmin, kPassword, this, [&](Result<Session, ApiError> result) {
            session = result ? std::optional(result.value()) : Session{};
        });
        QTRY_VERIFY_WITH_TIMEOUT(session.has_value(), kWaitMs);
        QVERIFY(!session->sessionToken.isEmpty());
        m_sessionToken = session->sessionToken;

        m_window = std::make_unique<MainWindow>();
        m_window->setSession(*session);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->lastRefresh().isValid(), kWaitMs);
        QVERIFY(m_window->tokenModel().rowForId(m_tokenId) >= 0);
    }

    void cleanup() { m_window.reset(); }

    void copyIsDoneAfterSigningInAgain()
    {
        endSessionOnServer();
        m_window->copyToken(m_tokenId);

        SignInDialog *dialog = waitForSignInDialog();
        QVERIFY(dialog);
        // Says why, and asks only for the password.
        QVERIFY(child<QLabel>(dialog, u"errorLabel"_s)->text().contains(u"session has ended"_s));
        QCOMPARE(child<QLineEdit>(dialog, u"serverUrlEdit"_s)->text(),
                 m_server.baseUrl().toString());
        QCOMPARE(child<QLineEdit>(dialog, u"usernameEdit"_s)->text(), kAdmin);
        QVERIFY(QApplication::clipboard()->text().isEmpty());

        signInWith(dialog, kPassword);
        QTRY_COMPARE_WITH_TIMEOUT(QApplication::clipboard()->text(), m_tokenValue, kWaitMs);
        QVERIFY(m_window->secretClipboard().holdsSecret());
        QVERIFY(m_window->client().session()->sessionToken != m_sessionToken);
    }

    void createIsSentAfterSigningInAgainWithNothingLost()
    {
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
        TokenDialog *create = nullptr;
        QTRY_VERIFY((create = m_window->findChild<TokenDialog *>()) && create->isVisible());
        QTest::keyClicks(child<QLineEdit>(create, u"nameEdit"_s), u"Made after sign-in"_s);
        QPushButton *createButton =
            buttonWithText(child<QDialogButtonBox>(create, u"buttonBox"_s), u"Create"_s);
        QVERIFY(createButton);
        QTRY_VERIFY(createButton->isEnabled());

        endSessionOnServer();
        const int rowsBefore = m_window->tokenModel().rowCount();
        createButton->click();

        SignInDialog *dialog = waitForSignInDialog();
        QVERIFY(dialog);
        // The create dialog is still there, with its input and the reason.
        QVERIFY(create->isVisible());
        QCOMPARE(child<QLineEdit>(create, u"nameEdit"_s)->text(), u"Made after sign-in"_s);
        QVERIFY(child<QLabel>(create, u"errorLabel"_s)->text().contains(u"Sign in again"_s));
        QCOMPARE(countOnServer(u"Made after sign-in"_s), 0);

        signInWith(dialog, kPassword);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->tokenModel().rowCount(), rowsBefore + 1, kWaitMs);
        QTRY_VERIFY(!m_window->findChild<TokenDialog *>());
        QCOMPARE(countOnServer(u"Made after sign-in"_s), 1); // exactly once
        const QString newId = m_window->tokensPage()->selectedTokenId();
        QCOMPARE(m_window->tokenModel().token(m_window->tokenModel().rowForId(newId))->name,
                 u"Made after sign-in"_s);
    }

    void signingInAsSomeoneElseRepeatsNothing()
    {
        endSessionOnServer();
        m_window->copyToken(m_tokenId);
        SignInDialog *dialog = waitForSignInDialog();
        QVERIFY(dialog);
        auto *user = child<QLineEdit>(dialog, u"usernameEdit"_s);
        user->clear();
        QTest::keyClicks(user, kOther);
        signInWith(dialog, kOtherPassword);

        QTRY_COMPARE_WITH_TIMEOUT(m_window->client().session()->username, kOther, kWaitMs);
        QTRY_VERIFY(m_window->statusMessage().contains(u"not repeated"_s));
        // The list is loaded for the new user, and nothing was copied.
        QTRY_VERIFY(!m_window->isRefreshing());
        QVERIFY(QApplication::clipboard()->text().isEmpty());
        QVERIFY(!m_window->secretClipboard().holdsSecret());
    }

    void cancelingTheSignInRepeatsNothing()
    {
        endSessionOnServer();
        m_window->copyToken(m_tokenId);
        SignInDialog *dialog = waitForSignInDialog();
        QVERIFY(dialog);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!m_window->findChild<SignInDialog *>());
        QTRY_VERIFY(m_window->statusMessage().contains(u"not copied"_s));
        QVERIFY(QApplication::clipboard()->text().isEmpty());
        // The ended session is gone here too: the window says it is signed
        // out (not "Loading…" forever, nor a list that nothing can act on).
        QVERIFY(!m_window->client().session());
        QCOMPARE(m_window->tokensPage()->placeholder()->title(), u"You are signed out"_s);
        QVERIFY(!m_window->createAction()->isEnabled());
    }

private:
    void endSessionOnServer()
    {
        ApiTestClient api(m_server.baseUrl());
        api.setBearer(m_sessionToken);
        QCOMPARE(api.del(u"/api/v1/sessions/current"_s).status, 204);
        QCOMPARE(api.get(u"/api/v1/tokens"_s).status, 401);
    }

    SignInDialog *waitForSignInDialog()
    {
        // The caller checks the result with QVERIFY.
        SignInDialog *dialog = nullptr;
        const bool shown = QTest::qWaitFor(
            [&] { return (dialog = m_window->findChild<SignInDialog *>()) && dialog->isVisible(); },
            kWaitMs);
        return shown ? dialog : nullptr;
    }

    void signInWith(SignInDialog *dialog, const QString &password)
    {
        QTest::keyClicks(child<QLineEdit>(dialog, u"passwordEdit"_s), password);
        auto *signIn = child<QPushButton>(dialog, u"signInButton"_s);
        QVERIFY(signIn && signIn->isEnabled());
        signIn->click();
    }

    int countOnServer(const QString &name)
    {
        const ApiReply reply = m_api->get(u"/api/v1/tokens?limit=100"_s);
        int count = 0;
        const auto items = reply.json().value(u"items"_s).toArray();
        for (const auto &item : items)
            count += item.toObject().value(u"name"_s).toString() == name ? 1 : 0;
        return count;
    }

    ServerProcess m_server;
    std::unique_ptr<ApiTestClient> m_api;
    QString m_tokenId;
    QString m_tokenValue;
    QByteArray m_sessionToken;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(tst_SignInAgain)
#include "tst_signinagain.moc"
