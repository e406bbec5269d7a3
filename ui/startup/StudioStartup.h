#pragma once

#include "startup/StudioCommandLine.h"

#include <QObject>
#include <QPointer>
#include <QString>

namespace ApiAccess {

class MainWindow;
class ProfileController;
class SandboxLauncher;

// What the Studio does once its window exists, given the command line:
// sign in to --server as --user, or start the local sandbox, and with
// --screenshot save the window once the tokens have loaded. It never quits
// by itself: it asks with exitRequested(), and main() stops the sandbox and
// exits, so tests can drive every path in-process.
class StudioStartup : public QObject
{
    Q_OBJECT

public:
    static constexpr int kScreenshotTimeoutMs = 60'000;

    StudioStartup(MainWindow &window, SandboxLauncher &sandbox, StudioOptions options,
                  QObject *parent = nullptr);

    // Without --sandbox, start-up goes through the admin's profiles (last
    // used one, offline cache, kept session). Without a controller: a plain
    // sign-in dialog.
    void setProfileController(ProfileController *controller) { m_profiles = controller; }

    // Call once the window is shown (the sign-in dialog needs a parent on screen).
    void begin();

Q_SIGNALS:
    // A line for standard error ("The local sandbox did not start: …").
    void problem(const QString &message);
    // --screenshot: the PNG is written (absolute path).
    void screenshotSaved(const QString &path);
    // The Studio should end with `code` (after stopping the sandbox).
    void exitRequested(int code);

private:
    void armScreenshot();
    void saveScreenshot();
    void onSandboxFailed(const QString &message);
    void finishOnce(int code);

    MainWindow &m_window;
    QPointer<SandboxLauncher> m_sandbox;
    ProfileController *m_profiles = nullptr;
    StudioOptions m_options;
    bool m_finished = false;
};

} // namespace ApiAccess
