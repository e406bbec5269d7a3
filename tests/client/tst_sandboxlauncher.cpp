// SandboxLauncher with the real apiaccess-server binary: it starts, hands
// over a working session, keeps the password out of every command line and
// environment, and leaves no process behind.
#include "api/ApiClient.h"
#include "sandbox/SandboxLauncher.h"

#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <sys/types.h>

using namespace ApiAccess;
using namespace Qt::StringLiterals;

namespace {
constexpr int kStartMs = 60'000;

bool processGone(qint64 pid)
{
    return ::kill(pid_t(pid), 0) == -1 && errno == ESRCH;
}

QList<QByteArray> nulSeparated(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> parts = file.readAll().split('\0');
    if (!parts.isEmpty() && parts.last().isEmpty())
        parts.removeLast();
    return parts;
}

// Every entry of a child's environment must be one the test itself has:
// nothing was added on the way (a password, say).
QString unexpectedEnvironment(const QList<QByteArray> &environment)
{
    const QStringList own = QProcessEnvironment::systemEnvironment().toStringList();
    for (const QByteArray &entry : environment) {
        if (!own.contains(QString::fromLocal8Bit(entry)))
            return QString::fromLocal8Bit(entry.left(entry.indexOf('=')));
    }
    return {};
}
} // namespace

class TestSandboxLauncher : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxLauncher>
    launcher(const QString &dataDir,
             const QString &binary = QStringLiteral(APIACCESS_SERVER_BINARY))
    {
        auto sandbox = std::make_unique<SandboxLauncher>();
        sandbox->setServerBinary(binary);
        sandbox->setDataDir(dataDir);
        return sandbox;
    }

    // Starts and waits for ready(); the session it handed over.
    std::optional<Session> startAndWait(SandboxLauncher &sandbox)
    {
        QSignalSpy ready(&sandbox, &SandboxLauncher::ready);
        QSignalSpy failed(&sandbox, &SandboxLauncher::failed);
        sandbox.start();
        if (!QTest::qWaitFor([&] { return !ready.isEmpty() || !failed.isEmpty(); }, kStartMs))
            return std::nullopt;
        if (!failed.isEmpty()) {
            qWarning() << "failed:" << failed.first().first().toString();
            return std::nullopt;
        }
        return ready.first().first().value<Session>();
    }

    static bool canList(const Session &session)
    {
        ApiClient client;
        client.setSession(session);
        QObject context;
        std::optional<bool> ok;
        client.listTokens(TokenListQuery{}, &context,
                          [&ok](Result<TokenPage, ApiError> page) { ok = page.ok(); });
        if (!QTest::qWaitFor([&ok] { return ok.has_value(); }, 15'000))
            return false;
        return ok.value_or(false);
    }

private Q_SLOTS:
    void startsAndHandsOverAWorkingSession()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(u"sandbox"_s);
        auto sandbox = launcher(dir);
        QSignalSpy progress(sandbox.get(), &SandboxLauncher::progress);
        const auto session = startAndWait(*sandbox);
        QVERIFY(session);
        QVERIFY(sandbox->isRunning());
        QCOMPARE(session->username, u"sandbox"_s);
        QCOMPARE(session->serverUrl, sandbox->serverUrl());
        QCOMPARE(session->serverUrl.host(), u"127.0.0.1"_s);
        QVERIFY(session->serverUrl.port() > 0);
        QVERIFY(canList(*session));
        QVERIFY(progress.count() >= 3);
        // Owner rwx (0x7000), nothing for group and others (0x0077).
        QCOMPARE(QFileInfo(dir).permissions().toInt() & 0x7077, 0x7000);

        // The running server's command line is exactly what we expect, and its
        // environment is ours: no password anywhere.
        const qint64 pid = sandbox->serverProcessId();
        QVERIFY(pid > 0);
        const QList<QByteArray> cmdline = nulSeparated(u"/proc/%1/cmdline"_s.arg(pid));
        QCOMPARE(cmdline.mid(1),
                 (QList<QByteArray>{"serve", "--listen", "127.0.0.1:0", "--data-dir",
                                    QFile::encodeName(dir)}));
        const QList<QByteArray> environment = nulSeparated(u"/proc/%1/environ"_s.arg(pid));
        QVERIFY(!environment.isEmpty());
        QCOMPARE(unexpectedEnvironment(environment), QString());
    }

    void secondStartOnTheSameDataDirAndNoSecretInAnyChild()
    {
        // A wrapper records each child's arguments and environment, then
        // becomes the real server: admin list/add/passwd included.
        QTemporaryDir tmp;
        const QString log = tmp.filePath(u"calls"_s);
        const QString wrapper = tmp.filePath(u"apiaccess-server"_s);
        {
            QFile script(wrapper);
            QVERIFY(script.open(QIODevice::WriteOnly));
            script.write("#!/bin/sh\nn=$(ls '" + QFile::encodeName(log)
                         + "' 2>/dev/null | grep -c '^args')\n"
                           "mkdir -p '"
                         + QFile::encodeName(log)
                         + "'\n"
                           "printf '%s\\0' \"$@\" > '"
                         + QFile::encodeName(log)
                         + "'/args.$n\n"
                           "cat /proc/$$/environ > '"
                         + QFile::encodeName(log)
                         + "'/env.$n\n"
                           "exec '"
                         + QByteArray(APIACCESS_SERVER_BINARY) + "' \"$@\"\n");
            script.close();
            QVERIFY(script.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                          | QFileDevice::ExeOwner));
        }
        const QString dir = tmp.filePath(u"data"_s);
        for (int round = 0; round < 2; ++round) {
            auto sandbox = launcher(dir, wrapper);
            const auto session = startAndWait(*sandbox);
            QVERIFY2(session, qPrintable(u"round %1"_s.arg(round)));
            QVERIFY(canList(*session));
            QSignalSpy stopped(sandbox.get(), &SandboxLauncher::stopped);
            sandbox->stop();
            QVERIFY(stopped.wait(30'000));
        }

        const QByteArray dirName = QFile::encodeName(dir);
        const QList<QList<QByteArray>> expected{
            {"admin", "list", "--data-dir", dirName},
            {"admin", "add", "sandbox", "--password-stdin", "--data-dir", dirName},
            {"serve", "--listen", "127.0.0.1:0", "--data-dir", dirName},
            {"admin", "list", "--data-dir", dirName},
            {"admin", "passwd", "sandbox", "--password-stdin", "--data-dir", dirName},
            {"serve", "--listen", "127.0.0.1:0", "--data-dir", dirName},
        };
        for (int i = 0; i < expected.size(); ++i) {
            const QString base = log + u'/';
            QCOMPARE(nulSeparated(base + u"args."_s + QString::number(i)), expected.at(i));
            QCOMPARE(unexpectedEnvironment(nulSeparated(base + u"env."_s + QString::number(i))),
                     QString());
        }
        QVERIFY(!QFileInfo::exists(log + u"/args.6"_s));
    }

    void stopEndsTheProcess()
    {
        QTemporaryDir tmp;
        auto sandbox = launcher(tmp.filePath(u"sandbox"_s));
        QVERIFY(startAndWait(*sandbox));
        const qint64 pid = sandbox->serverProcessId();
        QVERIFY(pid > 0);
        QVERIFY(!processGone(pid));
        QSignalSpy stopped(sandbox.get(), &SandboxLauncher::stopped);
        QSignalSpy failed(sandbox.get(), &SandboxLauncher::failed);
        sandbox->stop();
        QVERIFY(stopped.wait(30'000));
        QCOMPARE(stopped.count(), 1);
        QCOMPARE(failed.count(), 0);
        QVERIFY(processGone(pid));
        QCOMPARE(sandbox->state(), SandboxLauncher::State::Idle);
        QCOMPARE(sandbox->serverProcessId(), 0);
    }

    void destroyingTheLauncherLeavesNoProcess()
    {
        QTemporaryDir tmp;
        auto sandbox = launcher(tmp.filePath(u"sandbox"_s));
        QVERIFY(startAndWait(*sandbox));
        const qint64 pid = sandbox->serverProcessId();
        QVERIFY(pid > 0);
        sandbox.reset();
        QVERIFY(processGone(pid));
    }

    void stopDuringStartAbandonsIt()
    {
        QTemporaryDir tmp;
        auto sandbox = launcher(tmp.filePath(u"sandbox"_s));
        QSignalSpy ready(sandbox.get(), &SandboxLauncher::ready);
        QSignalSpy failed(sandbox.get(), &SandboxLauncher::failed);
        QSignalSpy stopped(sandbox.get(), &SandboxLauncher::stopped);
        sandbox->start();
        QTRY_VERIFY(sandbox->state() == SandboxLauncher::State::Starting
                    || sandbox->state() == SandboxLauncher::State::Preparing);
        sandbox->stop();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, 30'000);
        QCOMPARE(sandbox->state(), SandboxLauncher::State::Idle);
        QCOMPARE(ready.count(), 0);
        QCOMPARE(failed.count(), 0);
    }

    void missingBinaryFailsClearly()
    {
        QTemporaryDir tmp;
        const QString missing = tmp.filePath(u"no-such-server"_s);
        auto sandbox = launcher(tmp.filePath(u"sandbox"_s), missing);
        QSignalSpy ready(sandbox.get(), &SandboxLauncher::ready);
        QSignalSpy failed(sandbox.get(), &SandboxLauncher::failed);
        sandbox->start();
        QCOMPARE(failed.count(), 0); // reported from the event loop, not inside start()
        QVERIFY(failed.wait(5'000));
        const QString message = failed.first().first().toString();
        QVERIFY2(message.contains(missing), qPrintable(message));
        QVERIFY2(message.contains(u"does not exist"_s), qPrintable(message));
        QCOMPARE(ready.count(), 0);
        QCOMPARE(sandbox->state(), SandboxLauncher::State::Idle);
    }
};

QTEST_GUILESS_MAIN(TestSandboxLauncher)
#include "tst_sandboxlauncher.moc"
