#include "RelativeTime.h"

#include <QLocale>
#include <QTest>

using namespace ApiAccess;
using namespace Qt::StringLiterals;

namespace {

QDateTime utc(int y, int mo, int d, int h, int mi, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
}

// Saturday noon, UTC: every case below is relative to it.
const QDateTime kNow = utc(2026, 11, 28, 12, 0);

} // namespace

class TestRelativeTime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void format_data()
    {
        QTest::addColumn<QDateTime>("when");
        QTest::addColumn<QString>("expected");

        QTest::newRow("same instant") << kNow << u"just now"_s;
        QTest::newRow("59 s ago") << kNow.addSecs(-59) << u"just now"_s;
        QTest::newRow("server clock 30 s ahead") << kNow.addSecs(30) << u"just now"_s;
        QTest::newRow("1 min ago") << kNow.addSecs(-60) << u"1 minute ago"_s;
        QTest::newRow("5 min ago") << kNow.addSecs(-5 * 60) << u"5 minutes ago"_s;
        QTest::newRow("59:59 ago") << kNow.addSecs(-3599) << u"59 minutes ago"_s;
        QTest::newRow("1 h ago") << kNow.addSecs(-3600) << u"1 hour ago"_s;
        QTest::newRow("23 h ago") << kNow.addSecs(-23 * 3600) << u"23 hours ago"_s;
        QTest::newRow("25 h ago, day before") << utc(2026, 11, 27, 11, 0) << u"yesterday"_s;
        QTest::newRow("36 h ago, two midnights") << utc(2026, 11, 26, 23, 0) << u"2 days ago"_s;
        QTest::newRow("6 days ago") << kNow.addDays(-6) << u"6 days ago"_s;
        QTest::newRow("a week ago: date") << kNow.addDays(-7) << u"11/21/26"_s;
        QTest::newRow("last year") << utc(2025, 3, 2, 8, 0) << u"3/2/25"_s;
        QTest::newRow("in 1 min") << kNow.addSecs(60) << u"in 1 minute"_s;
        QTest::newRow("in 5 min") << kNow.addSecs(5 * 60) << u"in 5 minutes"_s;
        QTest::newRow("in 2 h") << kNow.addSecs(2 * 3600) << u"in 2 hours"_s;
        QTest::newRow("tomorrow") << utc(2026, 11, 29, 13, 0) << u"tomorrow"_s;
        QTest::newRow("in 3 days") << kNow.addDays(3) << u"in 3 days"_s;
        QTest::newRow("in 30 days: date") << kNow.addDays(30) << u"12/28/26"_s;
        QTest::newRow("invalid") << QDateTime() << QString();
    }

    void format()
    {
        QFETCH(QDateTime, when);
        QFETCH(QString, expected);
        QCOMPARE(RelativeTime::format(when, kNow), expected);
    }

    void sameInstantInAnotherZoneReadsTheSame()
    {
        const QDateTime when = kNow.addSecs(-5 * 60).toOffsetFromUtc(-5 * 3600);
        QCOMPARE(RelativeTime::format(when, kNow), u"5 minutes ago"_s);
    }

    void calendarWordsFollowNowsZone()
    {
        // 25 hours apart. In UTC that is 26 Nov 13:00 -> 27 Nov 14:00, one
        // midnight; at UTC+10 it is 26 Nov 23:00 -> 28 Nov 00:00, two.
        const QDateTime when = utc(2026, 11, 26, 13, 0);
        const QDateTime nowUtc = utc(2026, 11, 27, 14, 0);
        QCOMPARE(RelativeTime::format(when, nowUtc), u"yesterday"_s);
        QCOMPARE(RelativeTime::format(when, nowUtc.toOffsetFromUtc(10 * 3600)), u"2 days ago"_s);
    }

    void exactIsInNowsZone()
    {
        const QDateTime when = utc(2026, 11, 27, 22, 26, 24);
        const QString inUtc = RelativeTime::exact(when, kNow);
        QVERIFY2(inUtc.contains(u"10:26:24"_s), qPrintable(inUtc));
        QVERIFY2(inUtc.contains(u"2026"_s), qPrintable(inUtc));
        const QString inPlusTwo = RelativeTime::exact(when, kNow.toOffsetFromUtc(2 * 3600));
        QVERIFY2(inPlusTwo.contains(u"12:26:24"_s), qPrintable(inPlusTwo));
        QVERIFY(RelativeTime::exact(QDateTime(), kNow).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRelativeTime)
#include "tst_relativetime.moc"
