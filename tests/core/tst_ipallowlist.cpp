// placeholder: being written
#include <QTest>
class Placeholder_ipallowlist : public QObject
{
    Q_OBJECT
};
QTEST_GUILESS_MAIN(Placeholder_ipallowlist)
#include "tst_ipallowlist.moc"
