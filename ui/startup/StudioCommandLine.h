#pragma once

#include "startup/ColorScheme.h"

#include <QString>
#include <QStringList>
#include <QUrl>

namespace ApiAccess {

// What the Studio was asked to do at start-up (PRODUCT.md §7).
struct StudioOptions
{
    QUrl serverUrl; // --server; empty: the sign-in dialog asks
    QString username; // --user
    bool sandbox = false; // --sandbox
    QString screenshotFile; // --screenshot (needs --sandbox)
    ColorScheme::Scheme colorScheme = ColorScheme::Scheme::System; // --color-scheme
};

// apiaccess-studio's command line, parsed without exiting the process so
// that every path can be tested: main() prints and exits, not this class.
class StudioCommandLine
{
public:
    enum class Action { Run, ShowHelp, ShowVersion, Fail };

    struct Parsed
    {
        Action action = Action::Fail;
        StudioOptions options; // for Run
        QString text; // the help text for ShowHelp, the reason for Fail
    };

    // `arguments` includes the program name, as QCoreApplication::arguments().
    static Parsed parse(const QStringList &arguments);
};

} // namespace ApiAccess
