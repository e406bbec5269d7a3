#pragma once

#include <QPalette>
#include <QString>

#include <optional>

namespace ApiAccess::ColorScheme {

// --color-scheme: the desktop's colours (the default), or the Studio's own
// light or dark palette on the Fusion style, for a desktop that gives Qt
// no dark colours (Qt 6.4 reads none on most Linux desktops) and for
// screenshots. Everything the Studio draws takes its colours from the
// palette, so each scheme is complete.
enum class Scheme { System, Light, Dark };

// "system", "light", "dark"; nullopt for anything else.
std::optional<Scheme> parse(const QString &name);

// The Studio's dark palette.
QPalette darkPalette();

// Sets the application's style and palette for `scheme` (System leaves
// them alone). Call after QApplication exists, before windows are built.
void apply(Scheme scheme);

} // namespace ApiAccess::ColorScheme
