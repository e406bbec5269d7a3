#include "wire/Rfc3339.h"

#include <QTest>

using namespace ApiAccess;
using namespace Qt::StringLiterals;

namespace {
QDateTime utc(int y, int mo, int d, int h, int mi, int s, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}
} // namespace

class TestRfc3339 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void format_data()
    {
        QTest::addColumn<QDateTime>("time");
        QTest::addColumn<QString>("expected");

        QTest::newRow("utc") << utc(2026, 11, 27, 22, 26, 24) << u"2026-11-27T22:26:24Z"_s;
        QTest::newRow("milliseconds truncated, not rounded")
            << utc(2026, 11, 27, 22, 26, 24, 999) << u"2026-11-27T22:26:24Z"_s;
        QTest::newRow("offset converted to UTC")
            << QDateTime(QDate(2026, 1, 1), QTime(1, 30, 0), Qt::OffsetFromUTC, 2 * 3600)
            << u"2025-12-31T23:30:00Z"_s;
        QTest::newRow("negative offset")
            << QDateTime(QDate(2024, 2, 28), QTime(20, 0, 0), Qt::OffsetFromUTC, -5 * 3600)
            << u"2024-02-29T01:00:00Z"_s;
        QTest::newRow("small year zero-padded")
            << utc(33, 4, 5, 6, 7, 8) << u"0033-04-05T06:07:08Z"_s;
        QTest::newRow("year 9999") << utc(9999, 12, 31, 23, 59, 59) << u"9999-12-31T23:59:59Z"_s;
        QTest::newRow("year 10000 cannot be written") << utc(10000, 1, 1, 0, 0, 0) << QString();
        QTest::newRow("negative year cannot be written") << utc(-1, 1, 1, 0, 0, 0) << QString();
        QTest::newRow("invalid") << QDateTime() << QString();
    }

    void format()
    {
        QFETCH(QDateTime, time);
        QFETCH(QString, expected);
        QCOMPARE(formatRfc3339(time), expected);
    }

    void formatLocalTimeIsUtc()
    {
        const QDateTime instant = utc(2026, 6, 1, 12, 0, 0);
        QCOMPARE(formatRfc3339(instant.toLocalTime()), u"2026-06-01T12:00:00Z"_s);
    }

    void parseValid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");

        QTest::newRow("Z") << u"2026-11-27T22:26:24Z"_s << utc(2026, 11, 27, 22, 26, 24);
        QTest::newRow("lower-case t and z")
            << u"2026-11-27t22:26:24z"_s << utc(2026, 11, 27, 22, 26, 24);
        QTest::newRow("fraction 1 digit")
            << u"2026-11-27T22:26:24.5Z"_s << utc(2026, 11, 27, 22, 26, 24, 500);
        QTest::newRow("fraction 3 digits")
            << u"2026-11-27T22:26:24.123Z"_s << utc(2026, 11, 27, 22, 26, 24, 123);
        QTest::newRow("fraction 9 digits truncated")
            << u"2026-11-27T22:26:24.987654321Z"_s << utc(2026, 11, 27, 22, 26, 24, 987);
        QTest::newRow("positive offset")
            << u"2026-11-28T00:26:24+02:00"_s << utc(2026, 11, 27, 22, 26, 24);
        QTest::newRow("negative offset crosses year")
            << u"2025-12-31T20:00:00-05:30"_s << utc(2026, 1, 1, 1, 30, 0);
        QTest::newRow("-00:00 is UTC")
            << u"2026-11-27T22:26:24-00:00"_s << utc(2026, 11, 27, 22, 26, 24);
        QTest::newRow("+23:59") << u"2026-11-27T23:59:00+23:59"_s << utc(2026, 11, 27, 0, 0, 0);
        QTest::newRow("leap day in leap year")
            << u"2024-02-29T00:00:00Z"_s << utc(2024, 2, 29, 0, 0, 0);
        QTest::newRow("leap day in 2000")
            << u"2000-02-29T12:00:00Z"_s << utc(2000, 2, 29, 12, 0, 0);
        QTest::newRow("31 December") << u"2026-12-31T23:59:59Z"_s << utc(2026, 12, 31, 23, 59, 59);
        QTest::newRow("year 1") << u"0001-01-01T00:00:00Z"_s << utc(1, 1, 1, 0, 0, 0);
    }

    void parseValid()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);

        const auto parsed = parseRfc3339(text);
        QVERIFY2(parsed.has_value(), qPrintable(text));
        QCOMPARE(*parsed, expected);
        QCOMPARE(parsed->timeSpec(), Qt::UTC);
        QCOMPARE(parsed->time().msec(), expected.time().msec());
    }

    void parseInvalid_data()
    {
        QTest::addColumn<QString>("text");

        QTest::newRow("empty") << QString();
        QTest::newRow("date only") << u"2026-11-27"_s;
        QTest::newRow("no offset") << u"2026-11-27T22:26:24"_s;
        QTest::newRow("space separator") << u"2026-11-27 22:26:24Z"_s;
        QTest::newRow("leading space") << u" 2026-11-27T22:26:24Z"_s;
        QTest::newRow("trailing space") << u"2026-11-27T22:26:24Z "_s;
        QTest::newRow("trailing junk") << u"2026-11-27T22:26:24Zx"_s;
        QTest::newRow("no seconds") << u"2026-11-27T22:26Z"_s;
        QTest::newRow("basic format") << u"20261127T222624Z"_s;
        QTest::newRow("week date") << u"2026-W48-5T22:26:24Z"_s;
        QTest::newRow("ordinal date") << u"2026-331T22:26:24Z"_s;
        QTest::newRow("two-digit year") << u"26-11-27T22:26:24Z"_s;
        QTest::newRow("five-digit year") << u"12026-11-27T22:26:24Z"_s;
        QTest::newRow("one-digit month") << u"2026-1-27T22:26:24Z"_s;
        QTest::newRow("month 00") << u"2026-00-27T22:26:24Z"_s;
        QTest::newRow("month 13") << u"2026-13-27T22:26:24Z"_s;
        QTest::newRow("day 00") << u"2026-11-00T22:26:24Z"_s;
        QTest::newRow("31 November") << u"2026-11-31T22:26:24Z"_s;
        QTest::newRow("29 February 2026") << u"2026-02-29T00:00:00Z"_s;
        QTest::newRow("29 February 1900") << u"1900-02-29T00:00:00Z"_s;
        QTest::newRow("hour 24") << u"2026-11-27T24:00:00Z"_s;
        QTest::newRow("minute 60") << u"2026-11-27T22:60:00Z"_s;
        QTest::newRow("leap second") << u"2016-12-31T23:59:60Z"_s;
        QTest::newRow("empty fraction") << u"2026-11-27T22:26:24.Z"_s;
        QTest::newRow("comma fraction") << u"2026-11-27T22:26:24,5Z"_s;
        QTest::newRow("offset without colon") << u"2026-11-27T22:26:24+0200"_s;
        QTest::newRow("offset hours only") << u"2026-11-27T22:26:24+02"_s;
        QTest::newRow("offset hour 24") << u"2026-11-27T22:26:24+24:00"_s;
        QTest::newRow("offset minute 60") << u"2026-11-27T22:26:24+01:60"_s;
        QTest::newRow("UTC spelled out") << u"2026-11-27T22:26:24UTC"_s;
        QTest::newRow("year 0000") << u"0000-01-01T00:00:00Z"_s;
        QTest::newRow("leaves year 1 after offset") << u"0001-01-01T00:00:00+01:00"_s;
        QTest::newRow("leaves year 9999 after offset") << u"9999-12-31T23:00:00-01:30"_s;
        QTest::newRow("Arabic-Indic digits") << u"\u0662\u0660\u0662\u0666-11-27T22:26:24Z"_s;
        QTest::newRow("full-width T") << u"2026-11-27\uFF3422:26:24Z"_s;
        QTest::newRow("sign in year") << u"+2026-11-27T22:26:24Z"_s;
    }

    void parseInvalid()
    {
        QFETCH(QString, text);
        const auto parsed = parseRfc3339(text);
        QVERIFY2(!parsed.has_value(),
                 qPrintable(parsed ? parsed->toString(Qt::ISODateWithMs) : text));
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("now-ish") << u"2026-11-27T22:26:24Z"_s;
        QTest::newRow("epoch") << u"1970-01-01T00:00:00Z"_s;
        QTest::newRow("leap day") << u"2028-02-29T23:59:59Z"_s;
        QTest::newRow("far future") << u"9999-12-31T23:59:59Z"_s;
    }

    void roundTrip()
    {
        QFETCH(QString, text);
        const auto parsed = parseRfc3339(text);
        QVERIFY(parsed.has_value());
        QCOMPARE(formatRfc3339(*parsed), text);
    }
};

QTEST_GUILESS_MAIN(TestRfc3339)
#include "tst_rfc3339.moc"
