// placeholder: being written
#include <QTest>
class Placeholder_problem : public QObject
{
    Q_OBJECT
};
QTEST_GUILESS_MAIN(Placeholder_problem)
#include "tst_problem.moc"
