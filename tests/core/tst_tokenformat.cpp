// placeholder: being written
#include <QTest>
class Placeholder_tokenformat : public QObject
{
    Q_OBJECT
};
QTEST_GUILESS_MAIN(Placeholder_tokenformat)
#include "tst_tokenformat.moc"
