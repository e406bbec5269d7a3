// The application icon: every PNG size rendered from the SVG at build time
// has its nominal pixel size, a transparent background and an opaque
// middle, and the Studio's built-in window icon is there.

#include <QImage>
#include <QObject>
#include <QString>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString kAppId = u"io.github.apiaccess.Studio"_s;

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
};

QTEST_GUILESS_MAIN(TestIcons)
#include "tst_icons.moc"
