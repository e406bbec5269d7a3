#include "startup/StudioStartup.h"

#include "mainwindow/MainWindow.h"
#include "sandbox/SandboxLauncher.h"
#include "session/ProfileController.h"

#include <QFileInfo>
#include <QImage>
#include <QTimer>

namespace ApiAccess {

StudioStartup::StudioStartup(MainWindow &window, SandboxLauncher &sandbox, StudioOptions options,
                             QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_sandbox(&sandbox)
    , m_options(std::move(options))
{ }

void StudioStartup::begin()
{
    m_window.setSandbox(m_sandbox);
    if (!m_options.screenshotFile.isEmpty())
        armScreenshot();

    if (m_options.sandbox) {
        connect(m_sandbox, &SandboxLauncher::ready, &m_window, &MainWindow::setSession);
        connect(m_sandbox, &SandboxLauncher::failed, this, &StudioStartup::onSandboxFailed);
        m_sandbox->start();
        return;
    }
    if (m_profiles) {
        m_profiles->start(m_options.serverUrl, m_options.username);
        return;
    }
    if (m_options.serverUrl.isValid())
        m_window.setServerUrl(m_options.serverUrl);
    // Once the window is up, so that the dialog has a parent on screen.
    QTimer::singleShot(0, &m_window, [this] { m_window.signIn(m_options.username); });
}

void StudioStartup::armScreenshot()
{
    connect(&m_window, &MainWindow::tokensLoaded, this, [this] {
        // Once the rows are laid out and painted.
        QTimer::singleShot(0, this, &StudioStartup::saveScreenshot);
    });
    connect(&m_window, &MainWindow::refreshFailed, this, [this](const QString &message) {
        Q_EMIT problem(message);
        finishOnce(1);
    });
    QTimer::singleShot(kScreenshotTimeoutMs, this, [this] {
        Q_EMIT problem(tr("Timed out waiting for the token list."));
        finishOnce(3);
    });
}

void StudioStartup::saveScreenshot()
{
    if (m_finished)
        return;
    const QImage image = m_window.grab().toImage();
    if (image.isNull() || !image.save(m_options.screenshotFile, "PNG")) {
        Q_EMIT problem(tr("Could not write %1").arg(m_options.screenshotFile));
        finishOnce(1);
        return;
    }
    Q_EMIT screenshotSaved(QFileInfo(m_options.screenshotFile).absoluteFilePath());
    finishOnce(0);
}

void StudioStartup::onSandboxFailed(const QString &message)
{
    const QString text = tr("The local sandbox did not start: %1").arg(message);
    Q_EMIT problem(text);
    if (m_options.screenshotFile.isEmpty())
        m_window.signIn({}, text); // the admin can still sign in to a real server
    else
        finishOnce(1);
}

void StudioStartup::finishOnce(int code)
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT exitRequested(code);
}

} // namespace ApiAccess
