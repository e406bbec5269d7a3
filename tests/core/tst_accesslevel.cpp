#include "access/AccessLevel.h"

#include <QTest>

using namespace ApiAccess;
using namespace Qt::StringLiterals;

class TestAccessLevel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void levels_data()
    {
        QTest::addColumn<AccessLevel>("level");
        QTest::addColumn<QString>("wireId");
        QTest::addColumn<QString>("displayName");
        QTest::addColumn<int>("rank");

        QTest::newRow("administrative")
            << AccessLevel::Administrative << u"administrative"_s << u"Administrative"_s << 4;
        QTest::newRow("managing_editorial")
            << AccessLevel::ManagingEditorial << u"managing_editorial"_s << u"Managing Editorial"_s
            << 3;
        QTest::newRow("editorial")
            << AccessLevel::Editorial << u"editorial"_s << u"Editorial"_s << 2;
        QTest::newRow("read_only")
            << AccessLevel::ReadOnly << u"read_only"_s << u"Read-only"_s << 1;
        QTest::newRow("restricted_read_only")
            << AccessLevel::RestrictedReadOnly << u"restricted_read_only"_s
            << u"Restricted Read-only"_s << 0;
    }

    void levels()
    {
        QFETCH(AccessLevel, level);
        QFETCH(QString, wireId);
        QFETCH(QString, displayName);
        QFETCH(int, rank);

        QCOMPARE(AccessLevels::wireId(level), wireId);
        QCOMPARE(AccessLevels::displayName(level), displayName);
        QCOMPARE(AccessLevels::rank(level), rank);
        QVERIFY(!AccessLevels::description(level).isEmpty());
        QVERIFY(AccessLevels::description(level).endsWith(u'.'));

        const auto parsed = AccessLevels::parse(wireId);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value(), level);
    }

    void orderIsMostPowerfulFirst()
    {
        const QList<AccessLevel> expected{AccessLevel::Administrative,
                                          AccessLevel::ManagingEditorial, AccessLevel::Editorial,
                                          AccessLevel::ReadOnly, AccessLevel::RestrictedReadOnly};
        QCOMPARE(AccessLevels::all(), expected);
        for (qsizetype i = 1; i < expected.size(); ++i)
            QVERIFY(AccessLevels::rank(expected[i - 1]) > AccessLevels::rank(expected[i]));
    }

    void descriptionsAreDistinct()
    {
        QSet<QString> seen;
        for (AccessLevel level : AccessLevels::all())
            seen.insert(AccessLevels::description(level));
        QCOMPARE(seen.size(), 5);
    }

    void defaultIsLeastPrivilege()
    {
        QCOMPARE(AccessLevels::defaultLevel(), AccessLevel::RestrictedReadOnly);
        QCOMPARE(AccessLevels::all().last(), AccessLevels::defaultLevel());
    }

    void satisfies()
    {
        QVERIFY(AccessLevels::satisfies(AccessLevel::Administrative, AccessLevel::ReadOnly));
        QVERIFY(AccessLevels::satisfies(AccessLevel::Editorial, AccessLevel::Editorial));
        QVERIFY(!AccessLevels::satisfies(AccessLevel::ReadOnly, AccessLevel::Editorial));
        QVERIFY(!AccessLevels::satisfies(AccessLevel::RestrictedReadOnly, AccessLevel::ReadOnly));
        for (AccessLevel level : AccessLevels::all())
            QVERIFY(AccessLevels::satisfies(level, AccessLevel::RestrictedReadOnly));
    }

    void unknownIdsAreClearErrors_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("mentions");

        QTest::newRow("empty") << QString() << u"an empty string"_s;
        QTest::newRow("display name") << u"Administrative"_s << u"\"Administrative\""_s;
        QTest::newRow("upper case") << u"READ_ONLY"_s << u"\"READ_ONLY\""_s;
        QTest::newRow("hyphen") << u"read-only"_s << u"\"read-only\""_s;
        QTest::newRow("padded") << u" editorial"_s << u"\" editorial\""_s;
        QTest::newRow("unknown") << u"superuser"_s << u"\"superuser\""_s;
    }

    void unknownIdsAreClearErrors()
    {
        QFETCH(QString, input);
        QFETCH(QString, mentions);

        const auto parsed = AccessLevels::parse(input);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().input, input);
        QVERIFY2(parsed.error().message.contains(mentions), qPrintable(parsed.error().message));
        // The message lists what would have been accepted.
        for (AccessLevel level : AccessLevels::all())
            QVERIFY(parsed.error().message.contains(AccessLevels::wireId(level)));
    }

    void hugeUnknownIdIsNotEchoedWhole()
    {
        const QString huge(10000, u'x');
        const auto parsed = AccessLevels::parse(huge);
        QVERIFY(!parsed.ok());
        QVERIFY(parsed.error().message.size() < 400);
    }
};

QTEST_GUILESS_MAIN(TestAccessLevel)
#include "tst_accesslevel.moc"
