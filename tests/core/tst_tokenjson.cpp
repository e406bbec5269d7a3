// placeholder: being written
#include <QTest>
class Placeholder_tokenjson : public QObject
{
    Q_OBJECT
};
QTEST_GUILESS_MAIN(Placeholder_tokenjson)
#include "tst_tokenjson.moc"
