#include "widgets/MotionPreference.h"

#include <QDir>
#include <QObject>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QtGlobal>

#include <optional>

#ifdef Q_OS_WIN
#ifndef NOMINMAX
#define NOMINMAX
#endif
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <windows.h>
#endif

using namespace Qt::StringLiterals;

namespace ApiAccess::MotionPreference {

namespace {

std::optional<bool> &overridden()
{
    static std::optional<bool> value;
    return value;
}

// What gsettings answered for GNOME, once it has.
std::optional<bool> &gnomeAnimations()
{
    static std::optional<bool> value;
    return value;
}

bool platformAllowsAnimations()
{
#ifdef Q_OS_WIN
    BOOL animate = TRUE;
    if (SystemParametersInfoW(SPI_GETCLIENTAREAANIMATION, 0, &animate, 0))
        return animate != FALSE;
    return true;
#else
    const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    const QSettings kde(QDir(config).filePath(u"kdeglobals"_s), QSettings::IniFormat);
    if (kde.value(u"KDE/AnimationDurationFactor"_s, 1.0).toDouble() <= 0.0)
        return false;
    const QSettings gtk(QDir(config).filePath(u"gtk-3.0/settings.ini"_s), QSettings::IniFormat);
    const QString gtkAnimations =
        gtk.value(u"Settings/gtk-enable-animations"_s, u"true"_s).toString().toLower();
    return gtkAnimations != u"false"_s && gtkAnimations != u"0"_s;
#endif
}

} // namespace

bool animationsEnabled()
{
    if (overridden())
        return *overridden();
    if (qEnvironmentVariableIntValue("APIACCESS_REDUCE_MOTION") != 0)
        return false;
    if (gnomeAnimations() && !*gnomeAnimations())
        return false;
    static const bool platform = platformAllowsAnimations();
    return platform;
}

void readDesktopSettings(QObject *context)
{
#ifdef Q_OS_WIN
    Q_UNUSED(context);
#else
    const QString gsettings = QStandardPaths::findExecutable(u"gsettings"_s);
    if (gsettings.isEmpty())
        return;
    auto *process = new QProcess(context);
    QObject::connect(process, &QProcess::finished, process, [process](int code) {
        if (code == 0) {
            const QByteArray answer = process->readAllStandardOutput().trimmed();
            if (answer == "true" || answer == "false")
                gnomeAnimations() = answer == "true";
        }
        process->deleteLater();
    });
    QObject::connect(process, &QProcess::errorOccurred, process,
                     [process] { process->deleteLater(); });
    process->start(gsettings, {u"get"_s, u"org.gnome.desktop.interface"_s, u"enable-animations"_s});
#endif
}

void setOverride(bool enabled)
{
    overridden() = enabled;
}

void clearOverride()
{
    overridden().reset();
}

} // namespace ApiAccess::MotionPreference
