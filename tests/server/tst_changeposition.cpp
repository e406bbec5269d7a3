// Where a change feed reader stands (ChangePosition), shared by the verify
// caches and the API's changes cursor (ChangeCursor): late commits are
// caught, rolled-back generations are given up on, a database that jumped
// is noticed, and a cursor reads back exactly as it was written.

#include "api/ChangeCursor.h"
#include "store/ChangePosition.h"

#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace ApiAccess::Server;

using Seen = ChangePosition::Seen;

class TestChangePosition : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newChangesMoveThePositionOn()
    {
        ChangePosition position(10);
        QCOMPARE(position.see(11, 1000), Seen::New);
        QCOMPARE(position.see(11, 1000), Seen::Old);
        QCOMPARE(position.see(9, 1000), Seen::Old);
        QCOMPARE(position.generation(), 11);
        QVERIFY(position.gaps().empty());
        QCOMPARE(position.readAfter(), 11);
    }

    void skippedGenerationsAreLookedForUntilTheyCommit()
    {
        ChangePosition position(10);
        QCOMPARE(position.see(13, 1000), Seen::New); // 11 and 12 still committing
        QCOMPARE(position.gaps().size(), 2u);
        QCOMPARE(position.readAfter(), 10);
        QCOMPARE(position.see(12, 1500), Seen::LateCommit);
        QCOMPARE(position.see(12, 1500), Seen::Old); // once only
        QCOMPARE(position.see(13, 1500), Seen::Old);
        QCOMPARE(position.readAfter(), 10);
        // 11 never shows up: rolled back, given up on after the patience.
        position.forgetGapsMissedBefore(999);
        QCOMPARE(position.gaps().size(), 1u);
        position.forgetGapsMissedBefore(1000);
        QVERIFY(position.gaps().empty());
        QCOMPARE(position.readAfter(), 13);
    }

    void aJumpIsNotRememberedGapByGap()
    {
        ChangePosition position(10);
        QCOMPARE(position.see(10 + ChangePosition::kMaxGapRun + 1, 1000), Seen::New);
        QCOMPARE(position.gaps().size(), std::size_t(ChangePosition::kMaxGapRun));
        ChangePosition jumped(10);
        QCOMPARE(jumped.see(10 + ChangePosition::kMaxGapRun + 2, 1000), Seen::Jumped);
        QVERIFY(jumped.gaps().empty());
        QCOMPARE(jumped.generation(), 10 + ChangePosition::kMaxGapRun + 2);
    }

    void keepsTheNewestGaps()
    {
        ChangePosition position(100);
        for (qint64 gap = 1; gap < 100; gap += 2)
            position.addGap(gap, 5);
        position.addGap(100, 5); // not below the position: ignored
        position.addGap(0, 5);
        QCOMPARE(position.gaps().size(), 50u);
        position.keepNewestGaps(3);
        QCOMPARE(position.gaps().size(), 3u);
        QCOMPARE(position.gaps().begin()->first, 95);
    }

    void cursorReadsBackAsWritten()
    {
        ChangeCursor cursor{ChangePosition(4711), 1'765'000'000'123};
        cursor.position.addGap(4700, 1'765'000'000'000);
        cursor.position.addGap(4710, 1'765'000'000'100);
        const QString text = cursor.encode();
        // Opaque and URL-safe.
        QVERIFY(!text.contains(u'.'));
        QCOMPARE(QString::fromLatin1(QUrl::toPercentEncoding(text)), text);
        const auto back = ChangeCursor::decode(text);
        QVERIFY(back.has_value());
        QCOMPARE(back->position, cursor.position);
        QCOMPARE(back->issuedAtMs, cursor.issuedAtMs);
        QCOMPARE(ChangeCursor::decode(ChangeCursor{ChangePosition(0), 1}.encode())->issuedAtMs, 1);
    }

    void cursorRejectsWhatTheServerNeverWrote_data()
    {
        QTest::addColumn<QByteArray>("plain");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("other version") << "2.5.1000"_ba;
        QTest::newRow("missing time") << "1.5"_ba;
        QTest::newRow("not a number") << "1.five.1000"_ba;
        QTest::newRow("negative") << "1.-5.1000"_ba;
        QTest::newRow("plus sign") << "1.+5.1000"_ba;
        QTest::newRow("gap above the generation") << "1.5.1000.6-900"_ba;
        QTest::newRow("gap zero") << "1.5.1000.0-900"_ba;
        QTest::newRow("gap without time") << "1.5.1000.3"_ba;
        QTest::newRow("overflow") << "1.99999999999999999999.1000"_ba;
        QByteArray many = "1.1000.5";
        for (int gap = 1; gap <= int(ChangeCursor::kMaxGaps) + 1; ++gap)
            many += '.' + QByteArray::number(gap) + "-1";
        QTest::newRow("too many gaps") << many;
    }

    void cursorRejectsWhatTheServerNeverWrote()
    {
        QFETCH(QByteArray, plain);
        const QString text = QString::fromLatin1(
            plain.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        QVERIFY(!ChangeCursor::decode(text).has_value());
    }

    void cursorRejectsNonBase64()
    {
        QVERIFY(!ChangeCursor::decode(u"MS41LjEwMDA*"_s).has_value());
        QVERIFY(!ChangeCursor::decode(QString(3000, u'A')).has_value());
    }
};

QTEST_GUILESS_MAIN(TestChangePosition)
#include "tst_changeposition.moc"
