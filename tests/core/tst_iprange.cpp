// placeholder: being written
#include <QTest>
class Placeholder_iprange : public QObject
{
    Q_OBJECT
};
QTEST_GUILESS_MAIN(Placeholder_iprange)
#include "tst_iprange.moc"
