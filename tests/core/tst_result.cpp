#include "common/Result.h"

#include <QString>
#include <QTest>

#include <memory>

using namespace ApiAccess;
using namespace Qt::StringLiterals;

namespace {
Result<int, QString> halve(int value)
{
    if (value % 2 != 0)
        return fail(u"%1 is odd"_s.arg(value));
    return value / 2;
}
} // namespace

class TestResult : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void holdsValue()
    {
        const auto result = halve(8);
        QVERIFY(result.ok());
        QVERIFY(static_cast<bool>(result));
        QCOMPARE(result.value(), 4);
        QCOMPARE(*result, 4);
        QCOMPARE(result.valueOr(-1), 4);
    }

    void holdsError()
    {
        const auto result = halve(7);
        QVERIFY(!result.ok());
        QCOMPARE(result.error(), u"7 is odd"_s);
        QCOMPARE(result.valueOr(-1), -1);
    }

    void sameTypeForValueAndErrorStaysDistinct()
    {
        const Result<QString, QString> good(u"value"_s);
        const Result<QString, QString> bad(fail(u"error"_s));
        QVERIFY(good.ok());
        QVERIFY(!bad.ok());
        QCOMPARE(good.value(), u"value"_s);
        QCOMPARE(bad.error(), u"error"_s);
    }

    void moveOnlyValues()
    {
        Result<std::unique_ptr<int>, QString> result(std::make_unique<int>(5));
        std::unique_ptr<int> taken = std::move(result).value();
        QCOMPARE(*taken, 5);
    }
};

QTEST_GUILESS_MAIN(TestResult)
#include "tst_result.moc"
