#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QImage>
#include <QString>
#include <QStringList>

#include <memory>

class QSvgRenderer;

namespace ApiAccess {

// The application icon's SVG, rendered at any pixel size the way every
// platform's build renders it: Qt SVG onto an antialiased QImage.
class IconRenderer
{
public:
    // Fails, saying where, if the file is missing or not SVG, has text
    // (fonts differ between build machines), or has a part Qt SVG cannot
    // draw: Qt SVG would warn and leave it out, and the icon lose it.
    static Result<IconRenderer, QString> load(const QString &svgPath);

    IconRenderer(IconRenderer &&) noexcept;
    IconRenderer &operator=(IconRenderer &&) noexcept;
    ~IconRenderer();

    // A size x size ARGB32 image, the drawing centred with its aspect ratio
    // kept, the rest transparent.
    QImage render(int size) const;

    // The same as PNG bytes: no text chunks, no time, a fixed resolution,
    // so the same SVG gives the same bytes on every run.
    static Result<QByteArray, QString> encodePng(const QImage &image);

private:
    explicit IconRenderer(std::unique_ptr<QSvgRenderer> renderer);

    std::unique_ptr<QSvgRenderer> m_renderer;
};

} // namespace ApiAccess
