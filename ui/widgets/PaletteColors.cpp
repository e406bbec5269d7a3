#include "widgets/PaletteColors.h"

#include <QIcon>
#include <QImage>

#include <algorithm>
#include <cmath>

namespace ApiAccess::PaletteColors {

namespace {

constexpr qreal kTintAmount = 0.18;
constexpr qreal kReadable = 4.5;

qreal linear(qreal channel)
{
    return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

qreal luminance(const QColor &color)
{
    return 0.2126 * linear(color.redF()) + 0.7152 * linear(color.greenF())
        + 0.0722 * linear(color.blueF());
}

} // namespace

QColor blend(const QColor &from, const QColor &to, qreal amount)
{
    const auto mix = [amount](qreal a, qreal b) {
        return a + (b - a) * amount;
    };
    return QColor::fromRgbF(float(mix(from.redF(), to.redF())),
                            float(mix(from.greenF(), to.greenF())),
                            float(mix(from.blueF(), to.blueF())));
}

qreal contrastRatio(const QColor &a, const QColor &b)
{
    const qreal la = luminance(a);
    const qreal lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor iconColor(const QIcon &icon, const QColor &fallback)
{
    const QImage image = icon.pixmap(32, 32).toImage().convertToFormat(QImage::Format_ARGB32);
    double red = 0, green = 0, blue = 0, weight = 0;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const QColor pixel = QColor::fromRgba(line[x]);
            // Saturated, opaque pixels carry the hue; white and black
            // details (a cross, an outline) do not.
            const double w =
                double(pixel.alphaF()) * double(pixel.hsvSaturationF()) * double(pixel.valueF());
            red += double(pixel.redF()) * w;
            green += double(pixel.greenF()) * w;
            blue += double(pixel.blueF()) * w;
            weight += w;
        }
    }
    if (weight < 1.0)
        return fallback;
    return QColor::fromRgbF(float(red / weight), float(green / weight), float(blue / weight));
}

QColor fadedText(const QColor &text, const QList<QColor> &backgrounds)
{
    if (backgrounds.isEmpty())
        return text;
    // Towards the first background (the one the text mostly stands on).
    QColor best = text;
    for (qreal amount = 0.05; amount <= 0.6; amount += 0.05) {
        const QColor faded = blend(text, backgrounds.constFirst(), amount);
        const bool readable =
            std::all_of(backgrounds.cbegin(), backgrounds.cend(),
                        [&faded](const QColor &b) { return contrastRatio(faded, b) >= kReadable; });
        if (!readable)
            break;
        best = faded;
    }
    return best;
}

QColor tint(const QColor &window, const QColor &accent, const QColor &text)
{
    const qreal wanted = std::min(kReadable, contrastRatio(window, text));
    for (qreal amount = kTintAmount; amount > 0.005; amount -= 0.02) {
        const QColor tinted = blend(window, accent, amount);
        if (contrastRatio(tinted, text) >= wanted)
            return tinted;
    }
    return window;
}

} // namespace ApiAccess::PaletteColors
