#pragma once

#include <QColor>
#include <QList>

class QIcon;

namespace ApiAccess::PaletteColors {

// `from` moved towards `to` by `amount` (0: from, 1: to), per channel.
QColor blend(const QColor &from, const QColor &to, qreal amount);

// WCAG 2 contrast ratio of two opaque colours, 1 to 21.
qreal contrastRatio(const QColor &a, const QColor &b);

// The colour an icon shows: the mean of its opaque, saturated pixels (the
// red of an error icon, not its white cross), or `fallback` for an icon
// without colour (a monochrome icon theme).
QColor iconColor(const QIcon &icon, const QColor &fallback);

// `text` faded towards the backgrounds as far as it stays readable on all
// of them (WCAG AA, 4.5:1): for content that is not in effect (a disabled
// token, rows that may be out of date) but must still be read.
QColor fadedText(const QColor &text, const QList<QColor> &backgrounds);

// A background tinted with `accent` on `window` that keeps `text` at least
// as readable as WCAG AA asks (4.5:1), or as readable as it was on
// `window` if that was less: the tint gives way to contrast.
QColor tint(const QColor &window, const QColor &accent, const QColor &text);

} // namespace ApiAccess::PaletteColors
