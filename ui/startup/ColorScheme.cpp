#include "startup/ColorScheme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

using namespace Qt::StringLiterals;

namespace ApiAccess::ColorScheme {

std::optional<Scheme> parse(const QString &name)
{
    if (name == u"system"_s)
        return Scheme::System;
    if (name == u"light"_s)
        return Scheme::Light;
    if (name == u"dark"_s)
        return Scheme::Dark;
    return std::nullopt;
}

QPalette darkPalette()
{
    // A neutral dark grey scheme with text at more than 7:1 on its
    // backgrounds; disabled text and links stay readable too.
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor alternate(0x26, 0x28, 0x2b);
    const QColor text(0xe8, 0xea, 0xed);
    const QColor disabledText(0x8a, 0x8f, 0x96);
    const QColor button(0x3a, 0x3d, 0x41);
    const QColor highlight(0x2f, 0x6a, 0xbd);

    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, alternate);
    palette.setColor(QPalette::ToolTipBase, button);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, disabledText);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, button);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, Qt::white);
    palette.setColor(QPalette::Light, button.lighter(130));
    palette.setColor(QPalette::Midlight, button.lighter(115));
    palette.setColor(QPalette::Mid, button.darker(130));
    palette.setColor(QPalette::Dark, base.darker(130));
    palette.setColor(QPalette::Shadow, Qt::black);
    palette.setColor(QPalette::Highlight, highlight);
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, highlight.lighter(140));
    palette.setColor(QPalette::LinkVisited, highlight.lighter(120));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        palette.setColor(QPalette::Disabled, role, disabledText);
    }
    palette.setColor(QPalette::Disabled, QPalette::Button, window);
    palette.setColor(QPalette::Disabled, QPalette::Highlight, button);
    return palette;
}

void apply(Scheme scheme)
{
    if (scheme == Scheme::System)
        return;
    // Fusion draws with the palette alone, so the scheme is all there is.
    if (QStyle *fusion = QStyleFactory::create(u"Fusion"_s)) {
        QApplication::setStyle(fusion);
        QApplication::setPalette(scheme == Scheme::Dark ? darkPalette()
                                                        : fusion->standardPalette());
    }
}

} // namespace ApiAccess::ColorScheme
