#pragma once

#include <QIcon>

namespace ApiAccess::StudioIcons {

// The Studio's own symbols, drawn as vectors in the palette's text colour
// (so they follow light, dark and high-contrast palettes and stay crisp at
// any scale) rather than taken from an icon theme a desktop may not have.
enum class Symbol {
    Key, // API tokens: the navigation entry, "No tokens yet"
    Search, // "No tokens match"
    Person, // signed out
    Disabled, // a disabled token: a circle with a bar
};

QIcon icon(Symbol symbol);

} // namespace ApiAccess::StudioIcons
