#pragma once

class QWidget;

namespace ApiAccess::LiveRegion {

// How a screen reader should treat news in a region: Polite waits for
// what it is saying (created, copied, the clipboard cleared), Assertive
// interrupts (a failure).
enum class Urgency { Polite, Assertive };

// Makes `widget` a live region for assistive technology: its accessible
// role becomes Notification (Polite) or AlertMessage (Assertive) and its
// accessible name is its text (a QLabel's text, else its accessibleName).
// Call before the widget is first shown (Qt keeps an object's accessible
// interface for its lifetime); calling it again changes the urgency.
void mark(QWidget *widget, Urgency urgency);

// Says `region`'s current text to assistive technology: a name change and
// a "showing" event on the Notification or AlertMessage, which is what
// screen readers such as Orca present from an application that has no
// announcement API (Qt 6.4 has none on AT-SPI). Nothing happens while the
// region or its window is hidden, or while no assistive technology listens.
void announce(QWidget *region);

} // namespace ApiAccess::LiveRegion
