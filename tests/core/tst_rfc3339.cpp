// placeholder: being written
#include <QTest>
class Placeholder_rfc3339 : public QObject
{
    Q_OBJECT
};
QTEST_GUILESS_MAIN(Placeholder_rfc3339)
#include "tst_rfc3339.moc"
