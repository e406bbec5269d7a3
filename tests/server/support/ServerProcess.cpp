#include "ServerProcess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>

#include <csignal>
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace ApiAccess::Testing {

namespace {
constexpr int kStartTimeoutMs = 20'000;
constexpr int kStopTimeoutMs = 20'000;
} // namespace

ServerProcess::ServerProcess()
    : m_ownDatabase(std::make_unique<TestDatabase>())
    , m_database(m_ownDatabase.get())
{ }

ServerProcess::ServerProcess(TestDatabase &shared)
    : m_database(&shared)
    , m_instanceDir(std::make_unique<QTemporaryDir>())
    , m_keyFile(shared.sharedKeyFile())
{ }

QString ServerProcess::dataDir() const
{
    return m_instanceDir ? m_instanceDir->path() : m_database->dataDir();
}

QStringList ServerProcess::storageArguments() const
{
    QStringList arguments{u"--data-dir"_s, dataDir()};
    arguments += m_database->databaseArguments();
    if (!m_keyFile.isEmpty())
        arguments += QStringList{u"--key-file"_s, m_keyFile};
    return arguments;
}

ServerProcess::~ServerProcess()
{
    if (m_process && m_process->state() != QProcess::NotRunning)
        stop();
}

QString ServerProcess::binaryPath()
{
    return QStringLiteral(APIACCESS_SERVER_BINARY);
}

bool ServerProcess::start(const QStringList &extraArguments, const QString &listen)
{
    if (!m_database->isValid()) {
        m_error = u"no database: "_s + m_database->errorString();
        return false;
    }
    m_process = std::make_unique<QProcess>();
    m_stdout.clear();
    m_stderr.clear();
    m_process->setProgram(binaryPath());
    m_process->setArguments(QStringList{u"serve"_s, u"--listen"_s, listen} + storageArguments()
                            + QStringList{u"--threads"_s, u"4"_s} + extraArguments);
#ifdef Q_OS_LINUX
    // A test that crashes never runs this object's destructor: the kernel
    // then ends the server with it, instead of leaving it running.
    const pid_t testProcess = ::getpid();
    m_process->setChildProcessModifier([testProcess] {
        if (::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || ::getppid() != testProcess)
            ::_exit(127);
    });
#endif
    if (!m_logFile.isEmpty())
        m_process->setStandardErrorFile(m_logFile, QIODevice::Append);
    m_process->start(QIODevice::ReadOnly);
    if (!m_process->waitForStarted(kStartTimeoutMs)) {
        m_error = u"could not start %1: %2"_s.arg(binaryPath(), m_process->errorString());
        return false;
    }
    // The ready line is the contract: exactly "listening on http(s)://HOST:PORT".
    static const QRegularExpression ready(u"^listening on (https?://\\S+)\n"_s);
    const QDeadlineTimer deadline(kStartTimeoutMs);
    while (!deadline.hasExpired()) {
        m_stdout += m_process->readAllStandardOutput();
        const auto match = ready.match(QString::fromUtf8(m_stdout));
        if (match.hasMatch()) {
            m_baseUrl = QUrl(match.captured(1));
            return true;
        }
        if (m_process->state() == QProcess::NotRunning)
            break;
        m_process->waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
    }
    m_stderr += m_process->readAllStandardError();
    m_error = u"no ready line; stdout: %1; stderr: %2"_s.arg(QString::fromUtf8(m_stdout),
                                                             QString::fromUtf8(m_stderr));
    m_process->kill();
    m_process->waitForFinished(kStopTimeoutMs);
    return false;
}

int ServerProcess::stop()
{
    if (!m_process)
        return -1;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate(); // SIGTERM
        if (!m_process->waitForFinished(kStopTimeoutMs)) {
            m_process->kill();
            m_process->waitForFinished(kStopTimeoutMs);
            return -1;
        }
    }
    m_stdout += m_process->readAllStandardOutput();
    m_stderr += m_process->readAllStandardError();
    if (m_process->exitStatus() != QProcess::NormalExit)
        return -1;
    return m_process->exitCode();
}

void ServerProcess::kill()
{
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished(kStopTimeoutMs);
    m_stderr += m_process->readAllStandardError();
}

qint64 ServerProcess::processId() const
{
    return m_process ? m_process->processId() : 0;
}

QByteArray ServerProcess::log()
{
    if (!m_logFile.isEmpty()) {
        QFile file(m_logFile);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    if (m_process)
        m_stderr += m_process->readAllStandardError();
    return m_stderr;
}

ServerProcess::AdminResult ServerProcess::admin(const QStringList &arguments,
                                                const QByteArray &input) const
{
    QProcess process;
    QStringList storage{u"--data-dir"_s, dataDir()};
    storage += m_database->databaseArguments();
    process.start(binaryPath(), QStringList{u"admin"_s} + arguments + storage);
    AdminResult result;
    if (!process.waitForStarted(kStartTimeoutMs))
        return result;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60'000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

bool ServerProcess::addAdmin(const QString &name, const QString &password) const
{
    return admin({u"add"_s, name, u"--password-stdin"_s}, password.toUtf8() + '\n').exitCode == 0;
}

} // namespace ApiAccess::Testing
