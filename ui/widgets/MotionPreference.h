#pragma once

class QObject;

namespace ApiAccess::MotionPreference {

// Whether the user wants interface animations: false when the platform's
// reduce-motion setting says so, as far as Qt 6.4 lets us read it (it has
// no API for it on Linux and macOS):
// - Windows: "Show animations in Windows" (SPI_GETCLIENTAREAANIMATION);
// - KDE Plasma: AnimationDurationFactor=0 in kdeglobals;
// - GNOME: org.gnome.desktop.interface enable-animations, read with
//   gsettings in the background once (readDesktopSettings());
// - other GTK desktops: gtk-enable-animations=false in
//   ~/.config/gtk-3.0/settings.ini (where the GTK settings tools write it);
// - anywhere: APIACCESS_REDUCE_MOTION=1 in the environment.
// macOS's "Reduce motion" is not readable without AppKit; there,
// animations stay on unless the environment variable says otherwise.
bool animationsEnabled();

// Starts reading the settings that need a program to read them (GNOME's
// gsettings), without waiting for it: until it answers, the others decide.
// Call once at start-up; `context` owns the reader.
void readDesktopSettings(QObject *context);

// Tests pin the answer; clearOverride() returns to the platform's.
void setOverride(bool enabled);
void clearOverride();

} // namespace ApiAccess::MotionPreference
