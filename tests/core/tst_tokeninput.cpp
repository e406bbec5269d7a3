// placeholder: being written
#include <QTest>
class Placeholder_tokeninput : public QObject
{
    Q_OBJECT
};
QTEST_GUILESS_MAIN(Placeholder_tokeninput)
#include "tst_tokeninput.moc"
