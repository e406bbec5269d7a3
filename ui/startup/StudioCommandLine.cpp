#include "startup/StudioCommandLine.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace ApiAccess {

StudioCommandLine::Parsed StudioCommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "StudioCommandLine", "Manage the API tokens of an apiaccess-server."));
    const QCommandLineOption helpOption(
        {u"h"_s, u"help"_s, u"?"_s},
        QCoreApplication::translate("StudioCommandLine", "Show this help and exit."));
    const QCommandLineOption versionOption(
        {u"v"_s, u"version"_s},
        QCoreApplication::translate("StudioCommandLine", "Print the version and exit."));
    const QCommandLineOption serverOption(
        u"server"_s, QCoreApplication::translate("StudioCommandLine", "The server to sign in to."),
        QCoreApplication::translate("StudioCommandLine", "URL",
                                    "value name in --help: --server URL"));
    const QCommandLineOption userOption(
        u"user"_s,
        QCoreApplication::translate("StudioCommandLine", "The user name to sign in with."),
        QCoreApplication::translate("StudioCommandLine", "NAME",
                                    "value name in --help: --user NAME"));
    const QCommandLineOption sandboxOption(
        u"sandbox"_s,
        QCoreApplication::translate("StudioCommandLine",
                                    "Start a private local server to try things out."));
    const QCommandLineOption screenshotOption(
        u"screenshot"_s,
        QCoreApplication::translate(
            "StudioCommandLine",
            "Save the main window as PNG once the tokens have loaded, then exit (needs "
            "--sandbox)."),
        QCoreApplication::translate("StudioCommandLine", "FILE",
                                    "value name in --help: --screenshot FILE"));
    const QCommandLineOption colorSchemeOption(
        u"color-scheme"_s,
        QCoreApplication::translate(
            "StudioCommandLine",
            "Colours: system (the default), or the Studio's own light or dark scheme."),
        QCoreApplication::translate("StudioCommandLine", "SCHEME",
                                    "value name in --help: --color-scheme SCHEME"));
    parser.addOptions({helpOption, versionOption, serverOption, userOption, sandboxOption,
                       screenshotOption, colorSchemeOption});

    Parsed parsed;
    if (!parser.parse(arguments)) {
        parsed.text = parser.errorText();
        return parsed;
    }
    if (parser.isSet(helpOption)) {
        parsed.action = Action::ShowHelp;
        parsed.text = parser.helpText();
        return parsed;
    }
    if (parser.isSet(versionOption)) {
        parsed.action = Action::ShowVersion;
        return parsed;
    }
    if (!parser.positionalArguments().isEmpty()) {
        parsed.text = QCoreApplication::translate("StudioCommandLine", "Unexpected arguments: %1")
                          .arg(parser.positionalArguments().join(u' '));
        return parsed;
    }

    StudioOptions &options = parsed.options;
    if (parser.isSet(serverOption)) {
        const QString text = parser.value(serverOption).trimmed();
        // A bare host means HTTPS: plain HTTP has to be asked for.
        options.serverUrl =
            QUrl(text.contains(u"://"_s) ? text : u"https://"_s + text, QUrl::StrictMode);
        const bool web =
            options.serverUrl.scheme() == u"https"_s || options.serverUrl.scheme() == u"http"_s;
        if (text.isEmpty() || !options.serverUrl.isValid() || !web
            || options.serverUrl.host().isEmpty()) {
            parsed.text = QCoreApplication::translate("StudioCommandLine", "Not a server URL: %1")
                              .arg(parser.value(serverOption));
            return parsed;
        }
    }
    if (parser.isSet(colorSchemeOption)) {
        const auto scheme = ColorScheme::parse(parser.value(colorSchemeOption));
        if (!scheme) {
            parsed.text =
                QCoreApplication::translate("StudioCommandLine",
                                            "--color-scheme takes system, light or dark, not %1.")
                    .arg(parser.value(colorSchemeOption));
            return parsed;
        }
        options.colorScheme = *scheme;
    }
    options.username = parser.value(userOption).trimmed();
    options.sandbox = parser.isSet(sandboxOption);
    options.screenshotFile = parser.value(screenshotOption);
    if (parser.isSet(screenshotOption) && !options.sandbox) {
        parsed.text =
            QCoreApplication::translate("StudioCommandLine", "--screenshot needs --sandbox.");
        return parsed;
    }
    if (parser.isSet(screenshotOption) && options.screenshotFile.isEmpty()) {
        parsed.text =
            QCoreApplication::translate("StudioCommandLine", "--screenshot needs a file name.");
        return parsed;
    }
    if (options.sandbox && (parser.isSet(serverOption) || parser.isSet(userOption))) {
        parsed.text = QCoreApplication::translate(
            "StudioCommandLine",
            "--sandbox starts its own server: it does not go with --server or "
            "--user.");
        return parsed;
    }
    parsed.action = Action::Run;
    return parsed;
}

} // namespace ApiAccess
