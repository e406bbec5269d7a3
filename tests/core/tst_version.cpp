#include "common/Version.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

class TestVersion : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionIsSemanticAndFromTheBuild()
    {
        const QString version = ApiAccess::version();
        QVERIFY2(QRegularExpression(u"^\\d+\\.\\d+\\.\\d+$"_s).match(version).hasMatch(),
                 qPrintable(version));
        QCOMPARE(version, QStringLiteral(APIACCESS_EXPECTED_VERSION));
    }

    void productTokenNamesProgramAndVersion()
    {
        QCOMPARE(ApiAccess::productToken(u"apiaccess-studio"_s),
                 u"apiaccess-studio/"_s + ApiAccess::version());
    }
};

QTEST_GUILESS_MAIN(TestVersion)
#include "tst_version.moc"
