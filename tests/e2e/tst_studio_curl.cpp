// End to end, the seed flow of PRODUCT.md §2 and the promise of §4: a token
// an admin creates in the Studio, on the Studio's own sandbox server, and
// copies with the message bar's "Copy token" works with `curl -u id:secret`
// exactly as far as the admin allowed it (access level, allowed IP range),
// and not a step further. Everything is the real thing: the SandboxLauncher
// starting the apiaccess-server binary, the MainWindow wired to it by the
// Studio's own start-up code for `apiaccess-studio --sandbox`, the system
// clipboard (offscreen), and the curl binary.
//
// The test functions run in order and share one sandbox, as one admin's
// session would.
#include "ProcessScan.h"
#include "ServerProcess.h"
#include "api/ApiClient.h"
#include "dialogs/TokenDialog.h"
#include "mainwindow/ApiTokensPage.h"
#include "mainwindow/MainWindow.h"
#include "sandbox/SandboxLauncher.h"
#include "startup/StudioCommandLine.h"
#include "startup/StudioStartup.h"
#include "token/TokenFormat.h"
#include "widgets/ExpanderSection.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFrame>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMap>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <memory>
#include <sys/types.h>

using namespace ApiAccess;
using namespace ApiAccess::Testing;
using namespace Qt::StringLiterals;

namespace {

constexpr int kSandboxMs = 60'000;
constexpr int kWaitMs = 15'000;
const QString kTokenName = u"Newsroom sync"_s;
const QString kAllowedRange = u"127.0.0.1"_s;

bool processGone(qint64 pid)
{
    return ::kill(pid_t(pid), 0) == -1 && errno == ESRCH;
}

// One curl run: `curl -s -S -i [extra] -u USER:PASSWORD URL`, the answer split
// into status, headers (names in lower case) and body.
struct CurlAnswer
{
    int status = 0;
    QMap<QByteArray, QByteArray> headers;
    QByteArray body;
    QString failure; // why there is no answer (curl failed to run or to connect)

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    QByteArray describe() const
    {
        if (!failure.isEmpty())
            return failure.toLocal8Bit();
        return "HTTP " + QByteArray::number(status) + ": " + body.left(400);
    }
};

CurlAnswer runCurl(const QString &curl, const QString &userPassword, const QUrl &url,
                   const QStringList &extra = {})
{
    CurlAnswer answer;
    QProcess process;
    process.start(curl,
                  QStringList{u"-s"_s, u"-S"_s, u"-i"_s, u"--max-time"_s, u"20"_s} + extra
                      + QStringList{u"-u"_s, userPassword, url.toString()});
    if (!process.waitForFinished(30'000)) {
        process.kill();
        process.waitForFinished();
        answer.failure = u"curl did not finish"_s;
        return answer;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        answer.failure = u"curl exited with %1: %2"_s.arg(process.exitCode())
                             .arg(QString::fromLocal8Bit(process.readAllStandardError()));
        return answer;
    }
    const QByteArray out = process.readAllStandardOutput();
    const qsizetype end = out.indexOf("\r\n\r\n");
    if (end < 0) {
        answer.failure = u"no HTTP head in curl's output: "_s + QString::fromLatin1(out.left(200));
        return answer;
    }
    const QList<QByteArray> lines = out.left(end).split('\n');
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    answer.status = statusLine.size() >= 2 ? statusLine.at(1).toInt() : 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            answer.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                  lines.at(i).mid(colon + 1).trimmed());
    }
    answer.body = out.mid(end + 4);
    return answer;
}

} // namespace

class TestStudioCurl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void createsATokenInTheDialogAndCopiesIt();
    void curlWithTheCopiedTokenIsAllowed();
    void curlIsRefusedBeyondWhatTheAdminAllowed();
    void theStudioShowsTheIntegrationsUse();
    void stoppingTheSandboxLeavesNoProcess();

private:
    ApiTokensPage *page() const { return m_window->tokensPage(); }
    QUrl url(const QString &pathAndQuery) const
    {
        return m_sandbox->serverUrl().resolved(QUrl(pathAndQuery));
    }
    QString userPassword(const QByteArray &secret) const
    {
        return m_credentials.id + u':' + QString::fromLatin1(secret);
    }
    std::optional<Token> createdToken() const
    {
        const TokenTableModel &model = m_window->tokenModel();
        return model.token(model.rowForId(m_credentials.id));
    }

    QString m_curl;
    QTemporaryDir m_tmp;
    QString m_dataDir;
    // Declared before the window so that it outlives it, as in the Studio.
    std::unique_ptr<SandboxLauncher> m_sandbox;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<StudioStartup> m_startup;
    qint64 m_serverPid = 0;
    TokenCredentials m_credentials; // what the clipboard held, decoded
};

void TestStudioCurl::initTestCase()
{
    // Keeps anything the Studio stores away from the real user's files.
    QStandardPaths::setTestModeEnabled(true);
    m_curl = QStandardPaths::findExecutable(u"curl"_s);
    QVERIFY2(!m_curl.isEmpty(),
             "curl is not installed: scripts/test must install the curl package "
             "(PRODUCT.md §4 promises that `curl -u id:secret` works)");
    QVERIFY(m_tmp.isValid());
    m_dataDir = m_tmp.filePath(u"sandbox"_s);

    m_sandbox = std::make_unique<SandboxLauncher>();
    m_sandbox->setServerBinary(ServerProcess::binaryPath());
    m_sandbox->setDataDir(m_dataDir);
    m_window = std::make_unique<MainWindow>();
    // What `apiaccess-studio --sandbox` does, through the same start-up code.
    const auto parsed = StudioCommandLine::parse({u"apiaccess-studio"_s, u"--sandbox"_s});
    QCOMPARE(parsed.action, StudioCommandLine::Action::Run);
    m_startup = std::make_unique<StudioStartup>(*m_window, *m_sandbox, parsed.options);

    QSignalSpy failed(m_sandbox.get(), &SandboxLauncher::failed);
    QSignalSpy loaded(m_window.get(), &MainWindow::tokensLoaded);
    QSignalSpy refreshFailed(m_window.get(), &MainWindow::refreshFailed);
    m_window->show();
    m_startup->begin();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty() || !failed.isEmpty() || !refreshFailed.isEmpty(),
                             kSandboxMs);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    QVERIFY2(refreshFailed.isEmpty(), qPrintable(refreshFailed.value(0).value(0).toString()));

    QVERIFY(m_sandbox->isRunning());
    m_serverPid = m_sandbox->serverProcessId();
    QVERIFY(m_serverPid > 0);
    QCOMPARE(m_sandbox->serverUrl().host(), u"127.0.0.1"_s);
    QCOMPARE(m_window->client().serverUrl(), m_sandbox->serverUrl());
    QVERIFY(m_window->lastRefresh().isValid());
    QCOMPARE(m_window->tokenModel().rowCount(), 0); // a new sandbox starts empty
}

void TestStudioCurl::cleanupTestCase()
{
    // After a failure half-way: the launcher kills a server still running.
    m_startup.reset();
    m_window.reset();
    m_sandbox.reset();
}

void TestStudioCurl::createsATokenInTheDialogAndCopiesIt()
{
    QApplication::clipboard()->clear();
    QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
    QPointer<TokenDialog> dialog;
    QTRY_VERIFY((dialog = m_window->findChild<TokenDialog *>()) && dialog->isVisible());
    QCOMPARE(dialog->windowTitle(), u"Create API token"_s);
    auto *name = dialog->findChild<QLineEdit *>(u"nameEdit"_s);
    auto *level = dialog->findChild<QComboBox *>(u"accessLevelCombo"_s);
    auto *advanced = dialog->findChild<ExpanderSection *>(u"advancedToggle"_s);
    auto *ranges = dialog->findChild<QPlainTextEdit *>(u"allowedIpRangesEdit"_s);
    auto *create = dialog->findChild<QPushButton *>(u"createButton"_s);
    QVERIFY(name && level && advanced && ranges && create);
    QCOMPARE(create->text(), u"Create"_s);

    QTest::keyClicks(name, kTokenName);
    // From the most powerful level down: Administrative, Managing
    // Editorial, Editorial.
    level->setFocus();
    QTest::keyClick(level, Qt::Key_Home);
    QTest::keyClick(level, Qt::Key_Down);
    QTest::keyClick(level, Qt::Key_Down);
    QCOMPARE(level->currentText(), u"Editorial"_s);
    QCOMPARE(level->currentData().toString(), u"editorial"_s);
    QVERIFY(!ranges->isVisible()); // Advanced starts collapsed
    QTest::mouseClick(advanced, Qt::LeftButton);
    QTRY_VERIFY(ranges->isVisible());
    QTest::keyClicks(ranges, kAllowedRange);

    QTRY_VERIFY(create->isEnabled());
    create->click();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), kWaitMs);
    QTRY_COMPARE(m_window->tokenModel().rowCount(), 1);
    QTRY_VERIFY(page()->messageBar()->isVisible());

    // The new row is selected and holds what the admin chose.
    m_credentials.id = page()->selectedTokenId();
    QVERIFY(m_credentials.id.startsWith(TokenFormat::kIdPrefix));
    const std::optional<Token> token = createdToken();
    QVERIFY(token);
    QCOMPARE(token->name, kTokenName);
    QCOMPARE(token->accessLevel, AccessLevel::Editorial);
    QCOMPARE(token->allowedIpRanges, QStringList{kAllowedRange});

    auto *copy = page()->messageBar()->findChild<QPushButton *>(u"messageCopyButton"_s);
    QVERIFY(copy);
    QCOMPARE(copy->text(), u"Copy token"_s);
    copy->click();
    QTRY_VERIFY_WITH_TIMEOUT(!QApplication::clipboard()->text().isEmpty(), kWaitMs);
    QVERIFY(m_window->secretClipboard().holdsSecret());

    // base64("tok_…:aas_…"), shape and checksum intact, for the new token.
    const QString copied = QApplication::clipboard()->text();
    QCOMPARE(copied.size(), TokenFormat::kTokenLength);
    const auto decoded = TokenFormat::decode(copied.toLatin1());
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message));
    QCOMPARE(decoded->id, m_credentials.id);
    QVERIFY(decoded->secret.startsWith(TokenFormat::kSecretPrefix));
    m_credentials.secret = decoded->secret;
}

void TestStudioCurl::curlWithTheCopiedTokenIsAllowed()
{
    QVERIFY2(!m_credentials.secret.isEmpty(), "no token was copied");
    const QString credentials = userPassword(m_credentials.secret);

    // The gateway check (docs/api/openapi.yaml): 204, naming the token and
    // its level in headers a gateway forwards.
    const CurlAnswer verify =
        runCurl(m_curl, credentials, url(u"/api/v1/verify?minLevel=read_only"_s));
    QVERIFY2(verify.status == 204, verify.describe().constData());
    QCOMPARE(verify.header("X-Token-Id"), m_credentials.id.toLatin1());
    QCOMPARE(verify.header("X-Access-Level"), "editorial"_ba);
    QCOMPARE(verify.header("Cache-Control"), "no-store"_ba);
    QVERIFY(verify.body.isEmpty());

    // Its own level is enough.
    const CurlAnswer sameLevel =
        runCurl(m_curl, credentials, url(u"/api/v1/verify?minLevel=editorial"_s));
    QVERIFY2(sameLevel.status == 204, sameLevel.describe().constData());

    // The integration asks who it is: the JSON names the token as created.
    const CurlAnswer self = runCurl(m_curl, credentials, url(u"/api/v1/token"_s));
    QVERIFY2(self.status == 200, self.describe().constData());
    QVERIFY2(self.header("Content-Type").startsWith("application/json"),
             self.header("Content-Type").constData());
    const QJsonObject json = self.json();
    QCOMPARE(json.value(u"id"_s).toString(), m_credentials.id);
    QCOMPARE(json.value(u"name"_s).toString(), kTokenName);
    QCOMPARE(json.value(u"accessLevel"_s).toString(), u"editorial"_s);
    QCOMPARE(json.value(u"allowedIpRanges"_s).toArray(), QJsonArray{kAllowedRange});
    QCOMPARE(json.value(u"status"_s).toString(), u"active"_s);
    QCOMPARE(json.value(u"createdBy"_s).toString(), SandboxLauncher::kAdminName.toString());
    QVERIFY2(!self.body.contains(m_credentials.secret), "the secret came back in the metadata");
}

void TestStudioCurl::curlIsRefusedBeyondWhatTheAdminAllowed()
{
    QVERIFY2(!m_credentials.secret.isEmpty(), "no token was copied");
    const QString credentials = userPassword(m_credentials.secret);

    // Above the chosen level: a valid token that may not do this.
    const CurlAnswer tooHigh =
        runCurl(m_curl, credentials, url(u"/api/v1/verify?minLevel=administrative"_s));
    QVERIFY2(tooHigh.status == 403, tooHigh.describe().constData());
    QVERIFY(tooHigh.header("X-Token-Id").isEmpty());
    QCOMPARE(tooHigh.json().value(u"status"_s).toInt(), 403);

    // Another secret, well formed and with a valid checksum, so the server
    // compares it instead of rejecting its shape: the copied one was the key.
    const QByteArray otherSecret = TokenFormat::generateSecret();
    QVERIFY(otherSecret != m_credentials.secret);
    const CurlAnswer wrongSecret =
        runCurl(m_curl, userPassword(otherSecret), url(u"/api/v1/verify?minLevel=read_only"_s));
    QVERIFY2(wrongSecret.status == 401, wrongSecret.describe().constData());
    QVERIFY(wrongSecret.header("WWW-Authenticate").startsWith("Basic"));
    QVERIFY(wrongSecret.header("X-Token-Id").isEmpty());

    // From an address outside the range typed under Advanced (127.0.0.2 is
    // loopback too on Linux, and the server sees it as the TCP peer): the
    // allow-list the Studio sent is the one the server enforces.
    const CurlAnswer elsewhere =
        runCurl(m_curl, credentials, url(u"/api/v1/verify?minLevel=read_only"_s),
                {u"--interface"_s, u"127.0.0.2"_s});
    QVERIFY2(elsewhere.status == 403, elsewhere.describe().constData());
    QVERIFY(elsewhere.header("X-Token-Id").isEmpty());
}

void TestStudioCurl::theStudioShowsTheIntegrationsUse()
{
    QVERIFY2(!m_credentials.id.isEmpty(), "no token was created");
    // The server records uses in batches (about once a second); F5 until the
    // list shows it. Only allowed checks count, so the refused one from
    // 127.0.0.2 must not be what the Studio shows.
    // The offscreen platform leaves no window active once the Create dialog
    // has closed; a desktop's window manager gives the focus back to the
    // main window, whose F5 is a window shortcut.
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    const auto lastUsedIp = [this] {
        const std::optional<Token> token = createdToken();
        return token ? token->lastUsedIp : QString();
    };
    const auto refreshedUntilUsed = [&] {
        if (lastUsedIp().isEmpty() && !m_window->isRefreshing())
            QTest::keyClick(m_window.get(), Qt::Key_F5);
        return !lastUsedIp().isEmpty();
    };
    QTRY_VERIFY_WITH_TIMEOUT(refreshedUntilUsed(), kWaitMs);
    QCOMPARE(lastUsedIp(), kAllowedRange);
    QVERIFY(createdToken()->lastUsedAt.has_value());
}

void TestStudioCurl::stoppingTheSandboxLeavesNoProcess()
{
    QVERIFY(m_serverPid > 0);
    QVERIFY(!processGone(m_serverPid));
    QSignalSpy stopped(m_sandbox.get(), &SandboxLauncher::stopped);
    QSignalSpy failed(m_sandbox.get(), &SandboxLauncher::failed);
    // Asynchronous, as the Studio quits: SIGTERM now, stopped() later.
    m_sandbox->stop();
    QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, 30'000);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(m_sandbox->state(), SandboxLauncher::State::Idle);
    QCOMPARE(m_sandbox->serverProcessId(), 0);
    QVERIFY(processGone(m_serverPid));
    // Nor any of its `admin` helpers.
    QCOMPARE(processesMentioning(m_dataDir), QList<qint64>());
}

QTEST_MAIN(TestStudioCurl)
#include "tst_studio_curl.moc"
