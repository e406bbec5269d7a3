#include "IconRenderer.h"

#include <QBuffer>
#include <QFile>
#include <QImageWriter>
#include <QPainter>
#include <QSvgRenderer>
#include <QXmlStreamReader>

#include <algorithm>
#include <iterator>
#include <optional>

using namespace Qt::StringLiterals;

namespace ApiAccess {

namespace {

// Qt SVG reports what it cannot draw (a fill that names no gradient, say)
// as warnings in its qt.svg logging categories, and draws the rest.
QStringList *g_svgWarnings = nullptr;
QtMessageHandler g_previousHandler = nullptr;

void collectSvgWarnings(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const bool fromSvg = context.category && QByteArrayView(context.category).startsWith("qt.svg");
    if (g_svgWarnings && fromSvg && type != QtDebugMsg && type != QtInfoMsg) {
        g_svgWarnings->append(message);
        return;
    }
    g_previousHandler(type, context, message);
}

class SvgWarningCollector
{
public:
    explicit SvgWarningCollector(QStringList *sink)
    {
        g_svgWarnings = sink;
        g_previousHandler = qInstallMessageHandler(collectSvgWarnings);
    }
    ~SvgWarningCollector()
    {
        qInstallMessageHandler(g_previousHandler);
        g_svgWarnings = nullptr;
    }
    SvgWarningCollector(const SvgWarningCollector &) = delete;
    SvgWarningCollector &operator=(const SvgWarningCollector &) = delete;
};

// 96 dpi. Qt would otherwise write the screen's resolution, if any, into
// the PNG's pHYs chunk, and the bytes would depend on the build machine.
constexpr int kDotsPerMeter = 3780;

QImage paint(QSvgRenderer &renderer, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform);
    renderer.render(&painter, QRectF(0, 0, size, size));
    painter.end();
    QImage straight = image.convertToFormat(QImage::Format_ARGB32);
    straight.setDotsPerMeterX(kDotsPerMeter);
    straight.setDotsPerMeterY(kDotsPerMeter);
    return straight;
}

// Elements Qt SVG 6.4, the oldest Qt we build with, skips without a word
// (later versions draw some of them, so the platforms' icons would differ).
constexpr QLatin1StringView kUndrawnElements[] = {
    "clipPath"_L1, "filter"_L1, "foreignObject"_L1, "marker"_L1, "mask"_L1, "pattern"_L1,
};

// What Qt SVG would take but should not get: malformed XML (it says no
// more than "invalid"), elements it leaves out, and text, which would be
// drawn with whatever fonts the build machine has (and would need a
// QGuiApplication).
std::optional<QString> preflight(const QByteArray &svg)
{
    QXmlStreamReader xml(svg);
    bool root = true;
    while (xml.readNext() != QXmlStreamReader::Invalid && !xml.atEnd()) {
        if (!xml.isStartElement())
            continue;
        const QString where = QString::number(xml.lineNumber()) + u": <"_s + xml.name() + u'>';
        if (root && xml.name() != "svg"_L1)
            return where + u" is the root element, not <svg>"_s;
        root = false;
        if (xml.name() == "text"_L1 || xml.name() == "textArea"_L1)
            return where + u" would depend on the build machine's fonts: convert it to paths"_s;
        if (std::find(std::begin(kUndrawnElements), std::end(kUndrawnElements), xml.name())
            != std::end(kUndrawnElements))
            return where + u" is left out by Qt SVG 6.4"_s;
    }
    if (xml.hasError())
        return QString::number(xml.lineNumber()) + u":"_s + QString::number(xml.columnNumber())
            + u": "_s + xml.errorString();
    return std::nullopt;
}

} // namespace

Result<IconRenderer, QString> IconRenderer::load(const QString &svgPath)
{
    QFile file(svgPath);
    if (!file.open(QIODevice::ReadOnly))
        return fail(u"cannot read "_s + svgPath + u": "_s + file.errorString());
    if (const auto problem = preflight(file.readAll()))
        return fail(svgPath + u':' + *problem);

    QStringList warnings;
    auto renderer = std::make_unique<QSvgRenderer>();
    renderer->setAspectRatioMode(Qt::KeepAspectRatio);
    {
        const SvgWarningCollector collector(&warnings);
        // Those of qt.svg.draw come only while painting: one small drawing.
        if (renderer->load(svgPath))
            paint(*renderer, 16);
    }
    if (!renderer->isValid())
        return fail(svgPath + u": not a valid SVG file"_s);
    if (!warnings.isEmpty())
        return fail(u"Qt SVG cannot draw all of "_s + svgPath + u": "_s + warnings.join(u"; "_s));
    return IconRenderer(std::move(renderer));
}

IconRenderer::IconRenderer(std::unique_ptr<QSvgRenderer> renderer)
    : m_renderer(std::move(renderer))
{ }

IconRenderer::IconRenderer(IconRenderer &&) noexcept = default;
IconRenderer &IconRenderer::operator=(IconRenderer &&) noexcept = default;
IconRenderer::~IconRenderer() = default;

QImage IconRenderer::render(int size) const
{
    return paint(*m_renderer, size);
}

Result<QByteArray, QString> IconRenderer::encodePng(const QImage &image)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    if (!writer.write(image))
        return fail(u"cannot encode a PNG: "_s + writer.errorString());
    return png;
}

} // namespace ApiAccess
