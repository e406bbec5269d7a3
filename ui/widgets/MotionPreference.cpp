#include "widgets/MotionPreference.h"

#include <QDir>
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
    static const bool platform = platformAllowsAnimations();
    return platform;
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
