#pragma once

#include "api/ApiClient.h"

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <memory>

namespace ApiAccess {

// Runs a private apiaccess-server on 127.0.0.1 for trying things out
// (issue 4, "Local sandbox") and hands the Studio an admin session:
//
//   1. `admin list`, then `admin add sandbox --password-stdin` (or `admin
//      passwd` when the user exists) with a fresh random password written to
//      the child's standard input: never on a command line, in the
//      environment, on screen or in a log. The password lives in memory
//      only until the sign-in request is built.
//   2. `serve --listen 127.0.0.1:0 --data-dir DIR`, reading the ready line
//      "listening on http://127.0.0.1:PORT" as it arrives.
//   3. Sign in with ApiClient; ready(Session).
//
// Everything is asynchronous: it runs in the GUI thread and never waits.
// Quit through stop() and wait for stopped(); a launcher destroyed while
// its server runs kills it (SIGKILL), so no server outlives the Studio.
class SandboxLauncher : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Preparing, Starting, SigningIn, Running, Stopping };
    Q_ENUM(State)

    static constexpr QStringView kAdminName = u"sandbox";

    explicit SandboxLauncher(QObject *parent = nullptr);
    ~SandboxLauncher() override; // kills a server still running (stop() first for a graceful end)

    // Where the server program is: next to the Studio's executable, in
    // ../server beside it (the build tree), else on PATH. Empty if nowhere.
    static QString findServerBinary();
    // Tests and packagers: use exactly this program.
    void setServerBinary(const QString &path);
    QString serverBinary() const; // the override, else findServerBinary()
    // Whether serverBinary() names a program that can run. The Studio
    // package only recommends the server, and the Windows build ships
    // without it: the sign-in dialog offers the sandbox only when true.
    bool isServerInstalled() const;

    // AppDataLocation + "/sandbox" unless overridden (tests).
    static QString defaultDataDir();
    void setDataDir(const QString &path);
    QString dataDir() const;

    // How long the server may take to print its ready line (default 30 s).
    void setStartTimeout(std::chrono::milliseconds timeout);

    State state() const { return m_state; }
    bool isRunning() const { return m_state == State::Running; }
    QUrl serverUrl() const { return m_serverUrl; }
    // The server's process id while it runs, else 0 (for tests and diagnostics).
    qint64 serverProcessId() const;

    // Ends in ready() or failed(). Ignored unless Idle.
    void start();
    // SIGTERM; stopped() once the process has exited. A start in progress
    // is abandoned (no ready() or failed() follows).
    void stop();

Q_SIGNALS:
    void progress(const QString &message);
    void ready(const ApiAccess::Session &session);
    void failed(const QString &message);
    void stopped();

private:
    void runAdminList();
    void onAdminListFinished(int exitCode, QProcess::ExitStatus status);
    void runSetPassword(bool userExists);
    void onSetPasswordFinished(int exitCode, QProcess::ExitStatus status);
    void startServer();
    void onServerOutput();
    void onServerFinished(int exitCode, QProcess::ExitStatus status);
    void onServerError(QProcess::ProcessError error);
    void signIn();
    void abortStart(const QString &message);
    void setState(State state);
    std::unique_ptr<QProcess> newProcess(const QStringList &arguments);
    QString processFailure(QProcess &process, const QString &what) const;
    void wipePassword();

    QString m_binaryOverride;
    QString m_dataDirOverride;
    QString m_binary; // resolved at start()
    std::chrono::milliseconds m_startTimeout{30'000};
    State m_state = State::Idle;
    QByteArray m_password; // between steps 1 and 3 only
    std::unique_ptr<QProcess> m_admin;
    std::unique_ptr<QProcess> m_server;
    QByteArray m_serverStdout;
    QByteArray m_serverStderr;
    QUrl m_serverUrl;
    QTimer m_startTimer;
    QTimer m_killTimer;
    ApiClient m_client;
    QPointer<ApiCall> m_signInCall;
    bool m_quietStop = false; // failed() was emitted already: no stopped()
};

} // namespace ApiAccess
