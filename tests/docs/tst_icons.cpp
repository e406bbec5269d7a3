// The application icon as the platforms get it, all rendered from the SVG
// at build time by apiaccess-iconrender (tools/iconrender):
// - every hicolor PNG size has its nominal pixel size, a transparent
//   background and an opaque middle, and the Studio's built-in window icon
//   is there;
// - the picture is the icon: a yellow key over a blue shield, the shield
//   showing through the hole in the key's bow;
// - the Windows .ico holds every size Windows asks for, as Qt's own ICO
//   reader sees it, with the header fields rc.exe and Explorer read;
// - the macOS .icns is well formed and holds each PNG type once, each of
//   its size.

#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QMap>
#include <QObject>
#include <QString>
#include <QTest>
#include <QtEndian>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const QString kAppId = u"io.github.apiaccess.Studio"_s;
const QByteArray kPngMagic("\x89PNG\r\n\x1a\n", 8);

void checkIcon(const QImage &image, int size)
{
    QVERIFY(!image.isNull());
    QCOMPARE(image.width(), size);
    QCOMPARE(image.height(), size);
    QVERIFY(image.hasAlphaChannel());
    const int last = size - 1;
    // The shield does not reach the corners: they stay transparent.
    QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
    QCOMPARE(qAlpha(image.pixel(last, last)), 0);
    // The key sits over the middle of the shield: opaque.
    QCOMPARE(qAlpha(image.pixel(size / 2, size / 2)), 255);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool isKeyYellow(QRgb pixel)
{
    return qAlpha(pixel) == 255 && qRed(pixel) > 200 && qGreen(pixel) > 140 && qBlue(pixel) < 120;
}

bool isShieldBlue(QRgb pixel)
{
    return qAlpha(pixel) == 255 && qBlue(pixel) > 150 && qRed(pixel) < 100;
}

// Every pixel of the square of the given half-width around (x, y) in the
// 128-unit coordinates of the SVG, on an image of any size.
bool allAround(const QImage &image, qreal x, qreal y, int halfWidth, bool (*test)(QRgb))
{
    const qreal scale = image.width() / 128.0;
    const int cx = qRound(x * scale);
    const int cy = qRound(y * scale);
    for (int dy = -halfWidth; dy <= halfWidth; ++dy) {
        for (int dx = -halfWidth; dx <= halfWidth; ++dx) {
            if (!test(image.pixel(cx + dx, cy + dy)))
                return false;
        }
    }
    return true;
}

quint32 bigEndian32(const QByteArray &bytes, qsizetype at)
{
    return qFromBigEndian<quint32>(bytes.constData() + at);
}

} // namespace

class TestIcons : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void renderedSizes_data()
    {
        QTest::addColumn<int>("size");
        const QString sizes = QStringLiteral(APIACCESS_ICON_SIZES);
        for (const QString &size : sizes.split(u','))
            QTest::addRow("%sx%s", qPrintable(size), qPrintable(size)) << size.toInt();
    }

    void renderedSizes()
    {
        QFETCH(int, size);
        const QString path = QStringLiteral(APIACCESS_ICON_PNG_DIR) + u'/' + QString::number(size)
            + u'x' + QString::number(size) + u"/apps/"_s + kAppId + u".png"_s;
        const QImage image(path, "PNG");
        checkIcon(image, size);
    }

    void builtInWindowIcon()
    {
        const QImage image(u":/icons/"_s + kAppId + u".png"_s, "PNG");
        checkIcon(image, 256);
    }

    void showsAKeyOverAShield()
    {
        const QImage image(QStringLiteral(APIACCESS_ICON_PNG_DIR) + u"/256x256/apps/"_s + kAppId
                               + u".png"_s,
                           "PNG");
        QVERIFY(!image.isNull());
        // The key's shaft crosses the middle (the SVG's 64,64).
        QVERIFY(allAround(image, 64, 64, 4, isKeyYellow));
        // The shield below it, left of the key's bit.
        QVERIFY(allAround(image, 64, 100, 4, isShieldBlue));
        // The bow's hole (even-odd fill) at the top left shows the shield.
        QVERIFY(allAround(image, 46.3, 46.3, 4, isShieldBlue));
        // The bow's ring around it is key.
        QVERIFY(allAround(image, 46.3 - 8.8, 46.3 - 8.8, 2, isKeyYellow));
    }

    void windowsIcon()
    {
        const QString path = QStringLiteral(APIACCESS_ICON_ICO);
        const QByteArray ico = readAll(path);
        const QList<int> expected{16, 24, 32, 48, 64, 128, 256};

        // What Windows reads: ICONDIR (reserved 0, type 1 = icon, count),
        // one 16-byte ICONDIRENTRY per image (a size of 256 written as 0,
        // 1 plane, 32 bits), each pointing at a PNG inside the file.
        QVERIFY2(ico.size() > 6, qPrintable(path));
        QCOMPARE(qFromLittleEndian<quint16>(ico.constData()), 0);
        QCOMPARE(qFromLittleEndian<quint16>(ico.constData() + 2), 1);
        QCOMPARE(qFromLittleEndian<quint16>(ico.constData() + 4), expected.size());
        QVERIFY(ico.size() >= 6 + 16 * expected.size());
        for (int i = 0; i < expected.size(); ++i) {
            const char *entry = ico.constData() + 6 + 16 * i;
            const int side = quint8(entry[0]) == 0 ? 256 : quint8(entry[0]);
            QVERIFY(expected.contains(side));
            QCOMPARE(quint8(entry[1]), quint8(entry[0]));
            QCOMPARE(qFromLittleEndian<quint16>(entry + 4), 1);
            QCOMPARE(qFromLittleEndian<quint16>(entry + 6), 32);
            const quint32 length = qFromLittleEndian<quint32>(entry + 8);
            const quint32 offset = qFromLittleEndian<quint32>(entry + 12);
            QVERIFY(qsizetype(offset) + qsizetype(length) <= ico.size());
            QCOMPARE(ico.mid(offset, kPngMagic.size()), kPngMagic);
        }

        // What Qt's own ICO reader (the qico plugin) makes of it.
        QImageReader reader(path, "ico");
        QVERIFY2(reader.canRead(), qPrintable(reader.errorString()));
        QCOMPARE(reader.imageCount(), expected.size());
        QList<int> sizes;
        for (int i = 0; i < reader.imageCount(); ++i) {
            QVERIFY(reader.jumpToImage(i));
            const QImage image = reader.read();
            QVERIFY2(!image.isNull(), qPrintable(reader.errorString()));
            checkIcon(image, image.width());
            sizes.append(image.width());
        }
        std::sort(sizes.begin(), sizes.end());
        QCOMPARE(sizes, expected);
    }

    void macIcon()
    {
        const QString path = QStringLiteral(APIACCESS_ICON_ICNS);
        const QByteArray icns = readAll(path);
        // The PNG types and their pixel sizes (2x types in pixels too).
        const QMap<QByteArray, int> expected{
            {"icp4", 16},   {"icp5", 32}, {"icp6", 64}, {"ic07", 128}, {"ic08", 256}, {"ic09", 512},
            {"ic10", 1024}, {"ic11", 32}, {"ic12", 64}, {"ic13", 256}, {"ic14", 512},
        };

        // 'icns', the file's length, then type, length (counting its own
        // 8 bytes) and data, entry after entry to the very end.
        QVERIFY2(icns.size() >= 8, qPrintable(path));
        QCOMPARE(icns.left(4), "icns");
        QCOMPARE(qsizetype(bigEndian32(icns, 4)), icns.size());
        QMap<QByteArray, int> seen;
        qsizetype at = 8;
        while (at < icns.size()) {
            QVERIFY(at + 8 <= icns.size());
            const QByteArray type = icns.mid(at, 4);
            const qsizetype length = bigEndian32(icns, at + 4);
            QVERIFY2(length > 8 && at + length <= icns.size(), type.constData());
            QVERIFY2(expected.contains(type), type.constData());
            ++seen[type];

            const QByteArray png = icns.mid(at + 8, length - 8);
            QVERIFY2(png.startsWith(kPngMagic), type.constData());
            const QImage image = QImage::fromData(png, "PNG");
            checkIcon(image, expected.value(type));
            at += length;
        }
        QCOMPARE(at, icns.size());
        QCOMPARE(seen.keys(), expected.keys());
        for (const int count : std::as_const(seen))
            QCOMPARE(count, 1);
    }
};

QTEST_GUILESS_MAIN(TestIcons)
#include "tst_icons.moc"
