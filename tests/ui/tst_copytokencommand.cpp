// CopyTokenCommand against the real apiaccess-server: the clipboard gets
// exactly the token GET /secret returns, marked as sensitive; a failure
// leaves the clipboard alone and ends with failed() then canceled().
#include "ApiTestClient.h"
#include "ServerProcess.h"
#include "api/ApiClient.h"
#include "clipboard/SecretClipboard.h"
#include "commands/CopyTokenCommand.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

using namespace ApiAccess;
using namespace ApiAccess::Testing;
using namespace Qt::StringLiterals;

namespace {
constexpr int kWaitMs = 15'000;
}

class TestCopyTokenCommand : public QObject
{
    Q_OBJECT

    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<ApiTestClient> m_api;

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<ServerProcess>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        QVERIFY(m_server->addAdmin(u"admin"_s, u"admin-password"_s));
        m_api = std::make_unique<ApiTestClient>(m_server->baseUrl());
        QVERIFY(m_api->signIn(u"admin"_s, u"admin-password"_s));
        m_client = std::make_unique<ApiClient>();
        m_client->setServerUrl(m_server->baseUrl());
        std::optional<bool> ok;
        m_client->signIn(u"admin"_s, u"admin-password"_s, this,
                         [&ok](Result<Session, ApiError> result) { ok = result.ok(); });
        QTRY_VERIFY_WITH_TIMEOUT(ok.has_value(), kWaitMs);
        QVERIFY(*ok);
        QGuiApplication::clipboard()->setText(u"something of mine"_s);
    }
    void cleanup()
    {
        m_client.reset();
        m_api.reset();
        m_server.reset();
    }

    void copiesExactlyTheTokenMarkedSensitive()
    {
        const ApiReply created = m_api->createToken(u"Feed reader"_s, u"restricted_read_only"_s);
        QVERIFY2(created.status == 201, created.describe().constData());
        const QString id = created.json().value(u"id"_s).toString();
        const ApiReply secret = m_api->get(u"/api/v1/tokens/%1/secret"_s.arg(id));
        QCOMPARE(secret.status, 200);
        const QString expected = secret.json().value(u"token"_s).toString();
        QVERIFY(!expected.isEmpty());

        SecretClipboard clipboard;
        QPointer<CopyTokenCommand> command = new CopyTokenCommand(*m_client, clipboard, id);
        QSignalSpy finished(command.data(), &Command::finished);
        QSignalSpy canceled(command.data(), &Command::canceled);
        QSignalSpy status(command.data(), &Command::statusMessage);
        command->start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
        QCOMPARE(canceled.size(), 0);

        const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
        QVERIFY(mime);
        QCOMPARE(mime->text(), expected);
        QCOMPARE(mime->data(u"x-kde-passwordManagerHint"_s), QByteArrayLiteral("secret"));
        QVERIFY(clipboard.holdsSecret());
        QVERIFY(!status.isEmpty());
        QCOMPARE(status.last().first().toString(), clipboard.statusText());
        QVERIFY(status.last().first().toString().contains(u"30"_s));
        // No status line ever shows the token.
        for (const QList<QVariant> &line : std::as_const(status))
            QVERIFY(!line.first().toString().contains(expected));
        QTRY_VERIFY(!command); // it deletes itself
    }

    void unknownTokenFailsAndLeavesClipboard()
    {
        SecretClipboard clipboard;
        QPointer<CopyTokenCommand> command =
            new CopyTokenCommand(*m_client, clipboard, u"tok_doesnotexist0000000000"_s);
        QSignalSpy finished(command.data(), &Command::finished);
        QSignalSpy canceled(command.data(), &Command::canceled);
        QSignalSpy failed(command.data(), &CopyTokenCommand::failed);
        QList<QString> order;
        connect(command.data(), &CopyTokenCommand::failed, this,
                [&order] { order.append(u"failed"_s); });
        connect(command.data(), &Command::canceled, this,
                [&order] { order.append(u"canceled"_s); });
        command->start();
        QTRY_COMPARE_WITH_TIMEOUT(canceled.size(), 1, kWaitMs);
        QCOMPARE(finished.size(), 0);
        QCOMPARE(failed.size(), 1);
        const auto error = failed.first().first().value<ApiError>();
        QVERIFY2(error.kind == ApiError::Kind::NotFound || error.kind == ApiError::Kind::Validation,
                 qPrintable(ApiError::kindName(error.kind)));
        QCOMPARE(order, (QList<QString>{u"failed"_s, u"canceled"_s}));
        QCOMPARE(QGuiApplication::clipboard()->text(), u"something of mine"_s);
        QVERIFY(!clipboard.holdsSecret());
    }
};

QTEST_MAIN(TestCopyTokenCommand)
#include "tst_copytokencommand.moc"
