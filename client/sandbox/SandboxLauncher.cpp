#include "sandbox/SandboxLauncher.h"

#include "api/Wipe.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>

#include <array>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

using namespace Qt::StringLiterals;

namespace ApiAccess {

Q_LOGGING_CATEGORY(lcSandbox, "apiaccess.client.sandbox")

namespace {

constexpr auto kProgramName = "apiaccess-server";
constexpr int kPasswordBytes = 32;
constexpr int kStopGraceMs = 10'000; // then SIGKILL
constexpr qsizetype kMaxKeptOutput = 16 * 1024;

// 256 bits from the OS's CSPRNG, base64url: never typed, never shown.
QByteArray randomPassword()
{
    std::array<quint32, kPasswordBytes / 4> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    QByteArray raw(reinterpret_cast<const char *>(words.data()), kPasswordBytes);
    QByteArray password =
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    wipe(raw);
    volatile quint32 *p = words.data();
    for (std::size_t i = 0; i < words.size(); ++i)
        p[i] = 0;
    return password;
}

void appendCapped(QByteArray &buffer, const QByteArray &more)
{
    buffer += more;
    if (buffer.size() > kMaxKeptOutput)
        buffer = buffer.right(kMaxKeptOutput);
}

QString lastLine(const QByteArray &output)
{
    const QList<QByteArray> lines = output.trimmed().split('\n');
    return lines.isEmpty() ? QString() : QString::fromUtf8(lines.last().trimmed());
}

// Last resort for a launcher destroyed while a child still runs (the
// Studio's quit path stops the sandbox gracefully first, asynchronously).
// SIGKILL cannot be ignored or delayed, so QProcess reaps the child in its
// own destructor at once: no timed wait here, nothing outlives the Studio.
void killNow(QProcess *process)
{
    if (process && process->state() != QProcess::NotRunning)
        process->kill();
}

} // namespace

SandboxLauncher::SandboxLauncher(QObject *parent)
    : QObject(parent)
{
    m_startTimer.setSingleShot(true);
    m_killTimer.setSingleShot(true);
    connect(&m_startTimer, &QTimer::timeout, this, [this] {
        abortStart(tr("The sandbox server did not report that it was ready within %1 seconds.")
                       .arg(m_startTimeout.count() / 1000));
    });
    connect(&m_killTimer, &QTimer::timeout, this, [this] {
        if (m_server) {
            qCWarning(lcSandbox) << "sandbox server ignored SIGTERM; killing it";
            m_server->kill();
        }
    });
}

SandboxLauncher::~SandboxLauncher()
{
    m_startTimer.stop();
    m_killTimer.stop();
    for (QProcess *process : {m_admin.get(), m_server.get()}) {
        if (!process)
            continue;
        disconnect(process, nullptr, this, nullptr);
        killNow(process);
    }
    wipePassword();
}

QString SandboxLauncher::findServerBinary()
{
    const QString program = QString::fromLatin1(kProgramName);
    const QString appDir = QCoreApplication::applicationDirPath();
    // Installed side by side, or the build tree: build/<preset>/app and build/<preset>/server.
    for (const QString &dir : QStringList{appDir, appDir + u"/../server"_s}) {
        const QString found = QStandardPaths::findExecutable(program, {dir});
        if (!found.isEmpty())
            return QDir::cleanPath(found);
    }
    return QStandardPaths::findExecutable(program);
}

void SandboxLauncher::setServerBinary(const QString &path)
{
    m_binaryOverride = path;
}

QString SandboxLauncher::serverBinary() const
{
    return m_binaryOverride.isEmpty() ? findServerBinary() : m_binaryOverride;
}

bool SandboxLauncher::isServerInstalled() const
{
    const QString binary = serverBinary();
    if (binary.isEmpty())
        return false;
    const QFileInfo info(binary);
    return info.isFile() && info.isExecutable();
}

QString SandboxLauncher::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/sandbox"_s;
}

void SandboxLauncher::setDataDir(const QString &path)
{
    m_dataDirOverride = path;
}

QString SandboxLauncher::dataDir() const
{
    return m_dataDirOverride.isEmpty() ? defaultDataDir() : m_dataDirOverride;
}

void SandboxLauncher::setStartTimeout(std::chrono::milliseconds timeout)
{
    m_startTimeout = timeout;
}

qint64 SandboxLauncher::serverProcessId() const
{
    return m_server && m_server->state() != QProcess::NotRunning ? m_server->processId() : 0;
}

void SandboxLauncher::setState(State state)
{
    m_state = state;
}

void SandboxLauncher::wipePassword()
{
    wipe(m_password);
}

void SandboxLauncher::start()
{
    if (m_state != State::Idle)
        return;
    setState(State::Preparing);
    // Report even the first failure from the event loop, so that callers
    // may connect after start() and never get an answer inside it.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_state != State::Preparing)
                return;
            m_binary = serverBinary();
            const QFileInfo binary(m_binary);
            if (m_binary.isEmpty()) {
                abortStart(tr("The sandbox needs the program %1, but it is neither next to the "
                              "Studio nor on the PATH.")
                               .arg(QString::fromLatin1(kProgramName)));
                return;
            }
            if (!binary.isFile() || !binary.isExecutable()) {
                abortStart(tr("The sandbox server program %1 does not exist or cannot be run.")
                               .arg(QDir::toNativeSeparators(m_binary)));
                return;
            }
            const QString dir = dataDir();
            const bool made = QDir().mkpath(dir);
            // Owner only: the store and its master key live here.
            if (!made
                || !QFile::setPermissions(dir,
                                          QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                              | QFileDevice::ExeOwner)) {
                abortStart(tr("Cannot create the private sandbox folder %1.")
                               .arg(QDir::toNativeSeparators(dir)));
                return;
            }
            Q_EMIT progress(tr("Preparing the sandbox…"));
            runAdminList();
        },
        Qt::QueuedConnection);
}

std::unique_ptr<QProcess> SandboxLauncher::newProcess(const QStringList &arguments)
{
    auto process = std::make_unique<QProcess>();
    process->setProgram(m_binary);
    process->setArguments(arguments + QStringList{u"--data-dir"_s, dataDir()});
    process->setProcessChannelMode(QProcess::SeparateChannels);
#ifdef Q_OS_LINUX
    // Should the Studio die without its destructor running, the kernel
    // stops the server for us.
    process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    return process;
}

QString SandboxLauncher::processFailure(QProcess &process, const QString &what) const
{
    if (process.error() == QProcess::FailedToStart)
        return tr("Cannot run the sandbox server program %1: %2")
            .arg(QDir::toNativeSeparators(m_binary), process.errorString());
    const QString reason = lastLine(process.readAllStandardError());
    if (process.exitStatus() != QProcess::NormalExit)
        return tr("%1 failed: the server program crashed.").arg(what);
    if (reason.isEmpty())
        return tr("%1 failed (exit code %2).").arg(what).arg(process.exitCode());
    return tr("%1 failed: %2").arg(what, reason);
}

void SandboxLauncher::runAdminList()
{
    m_admin = newProcess({u"admin"_s, u"list"_s});
    m_admin->setStandardInputFile(QProcess::nullDevice());
    connect(m_admin.get(), &QProcess::finished, this, &SandboxLauncher::onAdminListFinished);
    connect(m_admin.get(), &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart && m_admin)
            abortStart(processFailure(*m_admin, tr("Setting up the sandbox")));
    });
    m_admin->start();
}

void SandboxLauncher::onAdminListFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_state != State::Preparing || !m_admin)
        return;
    if (status != QProcess::NormalExit || exitCode != 0) {
        abortStart(processFailure(*m_admin, tr("Reading the sandbox's administrators")));
        return;
    }
    const QList<QByteArray> names = m_admin->readAllStandardOutput().split('\n');
    const bool exists = names.contains(kAdminName.toLatin1());
    m_admin.release()->deleteLater();
    runSetPassword(exists);
}

void SandboxLauncher::runSetPassword(bool userExists)
{
    m_password = randomPassword();
    const QString command = userExists ? u"passwd"_s : u"add"_s;
    m_admin = newProcess({u"admin"_s, command, kAdminName.toString(), u"--password-stdin"_s});
    connect(m_admin.get(), &QProcess::started, this, [this] {
        if (!m_admin)
            return;
        // Standard input is a pipe only we hold: the one private way in.
        QByteArray line = m_password + '\n';
        m_admin->write(line);
        wipe(line);
        m_admin->closeWriteChannel();
    });
    connect(m_admin.get(), &QProcess::finished, this, &SandboxLauncher::onSetPasswordFinished);
    connect(m_admin.get(), &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart && m_admin)
            abortStart(processFailure(*m_admin, tr("Setting up the sandbox administrator")));
    });
    m_admin->start(QIODevice::ReadWrite);
}

void SandboxLauncher::onSetPasswordFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_state != State::Preparing || !m_admin)
        return;
    if (status != QProcess::NormalExit || exitCode != 0) {
        abortStart(processFailure(*m_admin, tr("Setting up the sandbox administrator")));
        return;
    }
    m_admin.release()->deleteLater();
    startServer();
}

void SandboxLauncher::startServer()
{
    setState(State::Starting);
    Q_EMIT progress(tr("Starting the sandbox server…"));
    m_serverStdout.clear();
    m_serverStderr.clear();
    m_server = newProcess({u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s});
    m_server->setStandardInputFile(QProcess::nullDevice());
    connect(m_server.get(), &QProcess::readyReadStandardOutput, this,
            &SandboxLauncher::onServerOutput);
    connect(m_server.get(), &QProcess::readyReadStandardError, this, [this] {
        if (m_server)
            appendCapped(m_serverStderr, m_server->readAllStandardError());
    });
    connect(m_server.get(), &QProcess::finished, this, &SandboxLauncher::onServerFinished);
    connect(m_server.get(), &QProcess::errorOccurred, this, &SandboxLauncher::onServerError);
    m_startTimer.start(m_startTimeout);
    m_server->start(QIODevice::ReadOnly);
}

void SandboxLauncher::onServerOutput()
{
    if (!m_server)
        return;
    appendCapped(m_serverStdout, m_server->readAllStandardOutput());
    if (m_state != State::Starting)
        return;
    const qsizetype end = m_serverStdout.indexOf('\n');
    if (end < 0)
        return;
    static const QRegularExpression readyLine(u"^listening on (http://127\\.0\\.0\\.1:\\d+)$"_s);
    const QString line = QString::fromUtf8(m_serverStdout.left(end)).trimmed();
    const QRegularExpressionMatch match = readyLine.match(line);
    if (!match.hasMatch()) {
        abortStart(tr("The sandbox server printed something unexpected instead of its "
                      "address: %1")
                       .arg(line.left(200)));
        return;
    }
    m_startTimer.stop();
    m_serverUrl = QUrl(match.captured(1));
    qCInfo(lcSandbox) << "sandbox server listening on" << m_serverUrl.toDisplayString();
    signIn();
}

void SandboxLauncher::signIn()
{
    setState(State::SigningIn);
    Q_EMIT progress(tr("Signing in to the sandbox…"));
    m_client.setServerUrl(m_serverUrl);
    QString password = QString::fromLatin1(m_password);
    m_signInCall = m_client.signIn(
        kAdminName.toString(), password, this, [this](Result<Session, ApiError> result) {
            m_signInCall = nullptr;
            if (m_state != State::SigningIn)
                return; // abandoned
            if (!result) {
                abortStart(
                    tr("Cannot sign in to the sandbox server: %1").arg(result.error().message()));
                return;
            }
            Session session = std::move(result).value();
            session.sandbox = true;
            m_client.clearSession(); // the Studio keeps the only copy
            setState(State::Running);
            Q_EMIT progress(tr("Sandbox running at %1.").arg(m_serverUrl.toDisplayString()));
            Q_EMIT ready(session);
            wipe(session.sessionToken);
        });
    // The request body holds its own copy now; ours are no longer needed.
    wipe(password);
    wipePassword();
}

void SandboxLauncher::abortStart(const QString &message)
{
    if (m_state != State::Preparing && m_state != State::Starting && m_state != State::SigningIn)
        return;
    qCWarning(lcSandbox).noquote() << "sandbox start failed:" << message;
    wipePassword();
    m_startTimer.stop();
    const bool serverRunning = m_server && m_server->state() != QProcess::NotRunning;
    setState(serverRunning ? State::Stopping : State::Idle);
    if (m_signInCall)
        m_signInCall->abort(); // its callback sees the state and returns
    if (m_admin) {
        disconnect(m_admin.get(), nullptr, this, nullptr);
        m_admin->kill();
        m_admin.release()->deleteLater(); // QProcess reaps it
    }
    m_quietStop = true;
    if (serverRunning) {
        m_server->terminate();
        m_killTimer.start(kStopGraceMs);
    }
    Q_EMIT failed(message);
}

void SandboxLauncher::stop()
{
    if (m_state == State::Idle || m_state == State::Stopping)
        return;
    wipePassword();
    m_startTimer.stop();
    const bool serverRunning = m_server && m_server->state() != QProcess::NotRunning;
    setState(serverRunning ? State::Stopping : State::Idle);
    if (m_signInCall)
        m_signInCall->abort();
    if (m_admin) {
        disconnect(m_admin.get(), nullptr, this, nullptr);
        m_admin->kill();
        m_admin.release()->deleteLater();
    }
    if (!serverRunning) {
        Q_EMIT stopped();
        return;
    }
    m_quietStop = false;
    Q_EMIT progress(tr("Stopping the sandbox server…"));
    m_server->terminate(); // SIGTERM: the server stops gracefully
    m_killTimer.start(kStopGraceMs);
}

void SandboxLauncher::onServerError(QProcess::ProcessError error)
{
    if (error == QProcess::FailedToStart && m_server)
        abortStart(processFailure(*m_server, tr("Starting the sandbox server")));
}

void SandboxLauncher::onServerFinished(int exitCode, QProcess::ExitStatus status)
{
    m_startTimer.stop();
    m_killTimer.stop();
    if (!m_server)
        return;
    appendCapped(m_serverStderr, m_server->readAllStandardError());
    const State was = m_state;
    m_server.release()->deleteLater();
    m_serverUrl.clear();
    setState(State::Idle);
    qCInfo(lcSandbox) << "sandbox server exited with" << exitCode;

    if (was == State::Stopping) {
        if (!m_quietStop)
            Q_EMIT stopped();
        return;
    }
    const QString reason = lastLine(m_serverStderr);
    QString message;
    if (status != QProcess::NormalExit)
        message = tr("The sandbox server crashed.");
    else if (reason.isEmpty())
        message = tr("The sandbox server stopped unexpectedly (exit code %1).").arg(exitCode);
    else
        message = tr("The sandbox server stopped unexpectedly: %1").arg(reason);
    if (was == State::Starting || was == State::SigningIn) {
        // abortStart needs a starting state; we are Idle already, so report here.
        wipePassword();
        if (m_signInCall)
            m_signInCall->abort();
        Q_EMIT failed(message);
        return;
    }
    Q_EMIT failed(message);
    Q_EMIT stopped();
}

} // namespace ApiAccess
