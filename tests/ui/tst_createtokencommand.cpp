// CreateTokenCommand end to end: the real apiaccess-server for success and
// for a server that dies; FakeHttpServer where the real one cannot be made
// to answer on demand (a canned 422, a request that never gets an answer,
// a connection dropped mid-request).
#include "ApiTestClient.h"
#include "FakeHttpServer.h"
#include "ServerProcess.h"
#include "TokenTableModel.h"
#include "api/ApiClient.h"
#include "commands/CreateTokenCommand.h"
#include "dialogs/TokenDialog.h"

#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using namespace ApiAccess;
using namespace ApiAccess::Testing;
using namespace Qt::StringLiterals;

namespace {
constexpr int kWaitMs = 15'000;

bool signIn(ApiClient &client, const QUrl &url)
{
    client.setServerUrl(url);
    std::optional<bool> ok;
    QObject context;
    client.signIn(u"admin"_s, u"admin-password"_s, &context,
                  [&ok](Result<Session, ApiError> result) { ok = result.ok(); });
    return QTest::qWaitFor([&ok] { return ok.has_value(); }, kWaitMs) && *ok;
}

// A session that points at a fake server (it never checks it).
void fakeSession(ApiClient &client, const QUrl &url)
{
    client.setSession(
        Session{url, u"admin"_s, "fake-session", QDateTime::currentDateTimeUtc().addSecs(3600)});
}

// Starts a command and fills in its dialog as an admin would.
struct Run
{
    TokenTableModel model;
    QPointer<CreateTokenCommand> command;
    QPointer<TokenDialog> dialog;
    QLineEdit *name = nullptr;
    QPushButton *create = nullptr;
    std::unique_ptr<QSignalSpy> finished, canceled, created;

    explicit Run(ApiClient &client)
    {
        command = new CreateTokenCommand(client, model, nullptr);
        finished = std::make_unique<QSignalSpy>(command.data(), &Command::finished);
        canceled = std::make_unique<QSignalSpy>(command.data(), &Command::canceled);
        created = std::make_unique<QSignalSpy>(command.data(), &CreateTokenCommand::created);
        command->start();
        dialog = command->dialog();
        name = dialog->findChild<QLineEdit *>(u"nameEdit"_s);
        create = dialog->findChild<QPushButton *>(u"createButton"_s);
    }
    ~Run() { delete command.data(); }

    void typeAndCreate(const QString &text)
    {
        QTest::keyClicks(name, text);
        QVERIFY(create->isEnabled());
        create->click();
    }
    QString text(const QString &objectName) const
    {
        const auto *label = dialog->findChild<QLabel *>(objectName);
        return label && label->isVisible() ? label->text() : QString();
    }
    bool retryShown() const
    {
        const auto *retry = dialog->findChild<QPushButton *>(u"retryButton"_s);
        return retry && retry->isVisible();
    }
};
} // namespace

class TestCreateTokenCommand : public QObject
{
    Q_OBJECT

    std::unique_ptr<ServerProcess> m_server;

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<ServerProcess>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        QVERIFY(m_server->addAdmin(u"admin"_s, u"admin-password"_s));
    }
    void cleanup() { m_server.reset(); }

    void successAddsOneRowAndCloses()
    {
        ApiClient client;
        QVERIFY(signIn(client, m_server->baseUrl()));
        Run run(client);
        QVERIFY(run.dialog->isVisible());
        QVERIFY(run.dialog->isModal());
        const TokenCreateInput input = [&] {
            QTest::keyClicks(run.name, u"  Nightly export "_s);
            return run.dialog->value();
        }();
        run.create->click();
        QTRY_COMPARE_WITH_TIMEOUT(run.finished->size(), 1, kWaitMs);
        QCOMPARE(run.canceled->size(), 0);
        QCOMPARE(run.created->size(), 1);
        QCOMPARE(run.model.rowCount(), 1);
        const Token token = *run.model.token(0);
        QCOMPARE(token.name, u"Nightly export"_s);
        QCOMPARE(token.accessLevel, input.accessLevel);
        QVERIFY(token.allowedIpRanges.isEmpty());
        QVERIFY(token.id.startsWith(u"tok_"_s));
        QCOMPARE(run.created->first().first().value<Token>().id, token.id);
        QTRY_VERIFY(!run.dialog || !run.dialog->isVisible());
        QTRY_VERIFY(!run.command); // it deletes itself

        // The server agrees: exactly that one token.
        ApiTestClient api(m_server->baseUrl());
        QVERIFY(api.signIn(u"admin"_s, u"admin-password"_s));
        const QJsonArray items = api.get(u"/api/v1/tokens"_s).json().value(u"items"_s).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first()[u"id"_s].toString(), token.id);
        QCOMPARE(items.first()[u"accessLevel"_s].toString(),
                 AccessLevels::wireId(input.accessLevel));
    }

    void serverFieldErrorsLandOnFields()
    {
        // No name passes the dialog's check (TokenNames, the server's own
        // rule) yet fails the server's, so a canned 422 stands in.
        const QByteArray body = R"({"type":"about:blank","title":"Invalid token","status":422,)"
                                R"("errors":[{"field":"name","message":"Name taken upstream"}]})";
        FakeHttpServer fake(FakeHttpServer::response(422, "Unprocessable Content",
                                                     "application/problem+json", body));
        ApiClient client;
        fakeSession(client, fake.url());
        Run run(client);
        run.typeAndCreate(u"Billing"_s);
        QTRY_VERIFY_WITH_TIMEOUT(run.text(u"nameFeedback"_s).contains(u"Name taken upstream"_s),
                                 kWaitMs);
        QVERIFY(run.dialog->isVisible());
        QVERIFY(!run.dialog->isBusy());
        QCOMPARE(run.name->text(), u"Billing"_s);
        QCOMPARE(run.model.rowCount(), 0);
        QCOMPARE(run.finished->size() + run.canceled->size(), 0);
        QCOMPARE(fake.requestCount(), 1);
    }

    void serverKilledKeepsDialogAndOffersRetry()
    {
        ApiClient client;
        QVERIFY(signIn(client, m_server->baseUrl()));
        Run run(client);
        QTest::keyClicks(run.name, u"Payroll"_s);
        m_server->kill(); // gone before Create: refused, a network failure
        run.create->click();
        QTRY_VERIFY_WITH_TIMEOUT(run.retryShown(), kWaitMs);
        QVERIFY(run.dialog->isVisible());
        QVERIFY(!run.dialog->isBusy());
        QCOMPARE(run.name->text(), u"Payroll"_s);
        QVERIFY(!run.text(u"errorLabel"_s).isEmpty());
        QCOMPARE(run.model.rowCount(), 0);
        QCOMPARE(run.finished->size() + run.canceled->size(), 0);
    }

    void serverKilledWhileCreatingKeepsDialogAndInput()
    {
        ApiClient client;
        QVERIFY(signIn(client, m_server->baseUrl()));
        Run run(client);
        // Stopped, the real server accepts the connection (the kernel does)
        // but never answers: the create is in flight when it dies.
        const auto pid = pid_t(m_server->processId());
        QVERIFY(pid > 0);
        QCOMPARE(::kill(pid, SIGSTOP), 0);
        run.typeAndCreate(u"Payroll"_s);
        QVERIFY(run.dialog->isBusy());
        QVERIFY(!run.name->isEnabled()); // locked while the request runs
        m_server->kill();
        QTRY_VERIFY_WITH_TIMEOUT(run.retryShown(), kWaitMs);
        QVERIFY(run.dialog->isVisible());
        QVERIFY(!run.dialog->isBusy());
        QVERIFY(run.name->isEnabled());
        QCOMPARE(run.name->text(), u"Payroll"_s);
        QVERIFY(!run.text(u"errorLabel"_s).isEmpty());
        QCOMPARE(run.model.rowCount(), 0);
        QCOMPARE(run.finished->size() + run.canceled->size(), 0);
    }

    void connectionDroppedMidRequestOffersRetry()
    {
        auto fake = std::make_unique<FakeHttpServer>(); // accepts, reads, never answers
        ApiClient client;
        fakeSession(client, fake->url());
        Run run(client);
        run.typeAndCreate(u"Payroll"_s);
        QTRY_COMPARE_WITH_TIMEOUT(fake->requestCount(), 1, kWaitMs);
        QVERIFY(run.dialog->isBusy());
        fake.reset(); // the server dies with the request unanswered
        QTRY_VERIFY_WITH_TIMEOUT(run.retryShown(), kWaitMs);
        QVERIFY(run.dialog->isVisible());
        QCOMPARE(run.name->text(), u"Payroll"_s);

        // Retry sends the same input again.
        FakeHttpServer again;
        fakeSession(client, again.url());
        run.dialog->findChild<QPushButton *>(u"retryButton"_s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(again.requestCount(), 1, kWaitMs);
        QVERIFY(again.request().contains("\"name\":\"Payroll\""));
        QVERIFY(run.dialog->isBusy());
    }

    void escapeCancelsHungRequestAndKeepsInput()
    {
        FakeHttpServer fake; // never answers
        ApiClient client;
        fakeSession(client, fake.url());
        Run run(client);
        run.typeAndCreate(u"Reporting"_s);
        QTRY_COMPARE_WITH_TIMEOUT(fake.requestCount(), 1, kWaitMs);
        QVERIFY(run.dialog->isBusy());
        QTest::keyClick(run.dialog, Qt::Key_Escape);
        QTRY_VERIFY(!run.dialog->isBusy());
        QVERIFY(run.dialog->isVisible());
        QCOMPARE(run.name->text(), u"Reporting"_s);
        QVERIFY(run.create->isEnabled());
        QCOMPARE(run.finished->size() + run.canceled->size(), 0);
        QVERIFY(!client.isBusy());
        // A second Escape, now idle, closes the dialog: the command is canceled.
        QTest::keyClick(run.dialog, Qt::Key_Escape);
        QTRY_COMPARE(run.canceled->size(), 1);
        QCOMPARE(run.finished->size(), 0);
    }

    void unauthorizedSaysSessionEndedAndOffersRetry()
    {
        const QByteArray body = R"({"type":"about:blank","title":"Unauthorized","status":401})";
        FakeHttpServer fake(FakeHttpServer::response(401, "Unauthorized",
                                                     "application/problem+json", body,
                                                     {{"WWW-Authenticate", "Bearer"}}));
        ApiClient client;
        fakeSession(client, fake.url());
        QSignalSpy expired(&client, &ApiClient::sessionExpired);
        Run run(client);
        run.typeAndCreate(u"Audit"_s);
        QTRY_VERIFY_WITH_TIMEOUT(run.retryShown(), kWaitMs);
        QCOMPARE(expired.size(), 1);
        QVERIFY(run.text(u"errorLabel"_s).contains(u"session has ended"_s));
        QCOMPARE(run.name->text(), u"Audit"_s);
        QVERIFY(run.dialog->isVisible());
    }
};

QTEST_MAIN(TestCreateTokenCommand)
#include "tst_createtokencommand.moc"
