// apiaccess-iconrender: renders the application icon's SVG
// (resources/icons/io.github.apiaccess.Studio.svg) into the files the
// platforms want, at build time (resources/CMakeLists.txt):
//
//     apiaccess-iconrender png  ICON.svg SIZE OUT.png   one square PNG
//     apiaccess-iconrender ico  ICON.svg OUT.ico        Windows: 16-256, PNG entries
//     apiaccess-iconrender icns ICON.svg OUT.icns       macOS: 16-1024, 1x and 2x, PNG entries
//
// Qt SVG draws the icon on every platform, so Linux's hicolor PNGs, the
// Windows installer's .ico and the macOS bundle's .icns look the same, and no
// build machine needs an SVG renderer of its own. Needs no display: a core
// application, no platform plugin. The same SVG gives the same bytes on
// every run. It refuses an SVG it would draw wrong or differently per
// machine (text, parts Qt SVG 6.4 leaves out: IconRenderer::load) rather
// than write a damaged icon. Exit code 1 on any error, 2 on a wrong command
// line; resources/README.md tells the whole story.

#include "IconFiles.h"
#include "IconRenderer.h"

#include <QCoreApplication>
#include <QMap>
#include <QSaveFile>
#include <QTextStream>

using namespace ApiAccess;
using namespace Qt::StringLiterals;

namespace {

constexpr int kMaxPngSize = 4096;

// Windows picks among these for the title bar, the taskbar, Explorer's
// views and Add/Remove Programs, at 100-200 % scaling.
constexpr int kIcoSizes[] = {16, 24, 32, 48, 64, 128, 256};

// The ICNS types that hold PNG, with their pixel sizes: the 1x sizes, then
// the 2x (Retina) ones. ic10 is 512@2x.
struct IcnsType
{
    const char *type;
    int size;
};
constexpr IcnsType kIcnsTypes[] = {
    {"icp4", 16}, {"icp5", 32}, {"icp6", 64},  {"ic07", 128}, {"ic08", 256},  {"ic09", 512},
    {"ic11", 32}, {"ic12", 64}, {"ic13", 256}, {"ic14", 512}, {"ic10", 1024},
};

int usage()
{
    QTextStream(stderr) << "usage: apiaccess-iconrender png ICON.svg SIZE OUT.png\n"
                           "       apiaccess-iconrender ico ICON.svg OUT.ico\n"
                           "       apiaccess-iconrender icns ICON.svg OUT.icns\n";
    return 2;
}

int failWith(const QString &message)
{
    QTextStream(stderr) << "apiaccess-iconrender: " << message << Qt::endl;
    return 1;
}

// Renders each size once, however many entries share it.
class PngCache
{
public:
    explicit PngCache(const IconRenderer &renderer)
        : m_renderer(renderer)
    { }

    Result<QByteArray, QString> png(int size)
    {
        if (const auto found = m_pngs.constFind(size); found != m_pngs.cend())
            return *found;
        auto png = IconRenderer::encodePng(m_renderer.render(size));
        if (png)
            m_pngs.insert(size, *png);
        return png;
    }

private:
    const IconRenderer &m_renderer;
    QMap<int, QByteArray> m_pngs;
};

// Replaces the file only once all of it is written: an interrupted build
// never leaves half an icon behind for the next one to take as done.
Result<bool, QString> writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return fail(u"cannot write "_s + path + u": "_s + file.errorString());
    return true;
}

Result<QByteArray, QString> makePng(PngCache &pngs, const QString &sizeArgument)
{
    bool ok = false;
    const int size = sizeArgument.toInt(&ok);
    if (!ok || size < 1 || size > kMaxPngSize)
        return fail(u"the size must be a whole number from 1 to "_s + QString::number(kMaxPngSize)
                    + u", not \""_s + sizeArgument + u"\""_s);
    return pngs.png(size);
}

Result<QByteArray, QString> makeIco(PngCache &pngs)
{
    QList<IconImage> images;
    for (const int size : kIcoSizes) {
        auto png = pngs.png(size);
        if (!png)
            return fail(std::move(png).error());
        images.append({size, *png});
    }
    return icoFile(images);
}

Result<QByteArray, QString> makeIcns(PngCache &pngs)
{
    QList<IcnsEntry> entries;
    for (const IcnsType &type : kIcnsTypes) {
        auto png = pngs.png(type.size);
        if (!png)
            return fail(std::move(png).error());
        entries.append({QByteArray(type.type), *png});
    }
    return icnsFile(entries);
}

} // namespace

int main(int argc, char *argv[])
{
    // A core application only: QImage, QPainter and Qt SVG draw without a
    // display or a platform plugin, which Windows and macOS build machines
    // would otherwise need next to this tool.
    const QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments().mid(1);
    const QString command = arguments.value(0);
    const bool isPng = command == u"png"_s && arguments.size() == 4;
    const bool isContainer = (command == u"ico"_s || command == u"icns"_s) && arguments.size() == 3;
    if (!isPng && !isContainer)
        return usage();

    const auto renderer = IconRenderer::load(arguments.at(1));
    if (!renderer)
        return failWith(renderer.error());
    PngCache pngs(*renderer);

    const auto bytes = isPng  ? makePng(pngs, arguments.at(2))
        : command == u"ico"_s ? makeIco(pngs)
                              : makeIcns(pngs);
    if (!bytes)
        return failWith(bytes.error());
    if (const auto written = writeFile(arguments.last(), *bytes); !written)
        return failWith(written.error());
    return 0;
}
