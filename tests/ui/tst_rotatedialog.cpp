#include "dialogs/RotateDialog.h"
#include "wire/Rfc3339.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace ApiAccess;
using namespace Qt::StringLiterals;

namespace {

// The dialog as the admin meets it: opened over a shown window, the
// clock fixed at 26 February 2027, 10:05 UTC (main() runs the test in UTC).
struct Rotation
{
    std::unique_ptr<QWidget> window = std::make_unique<QWidget>();
    QPointer<RotateDialog> dialog;
    QComboBox *grace = nullptr;

    explicit Rotation(const QString &name = u"RSS reader"_s)
    {
        window->resize(400, 300);
        window->show();
        dialog = new RotateDialog(name, window.get());
        dialog->setClock([] { return *parseRfc3339(u"2027-02-26T10:05:00Z"); });
        grace = dialog->findChild<QComboBox *>(u"graceCombo"_s);
        dialog->open();
    }

    QString label(const QString &objectName) const
    {
        const auto *label = dialog->findChild<QLabel *>(objectName);
        return label ? label->text() : QString();
    }
    QPushButton *cancel() const { return dialog->findChild<QPushButton *>(u"cancelButton"_s); }
};

} // namespace

class tst_RotateDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void saysWhatRotatingDoes()
    {
        Rotation r;
        QCOMPARE(r.dialog->windowTitle(), u"Rotate API token"_s);
        QCOMPARE(r.label(u"questionLabel"_s), u"Rotate “RSS reader”?"_s);
        const QString explanation = r.label(u"explanationLabel"_s);
        QVERIFY(explanation.contains(u"A new secret replaces the current one."_s));
        QVERIFY(explanation.contains(u"The token ID and permissions stay the same."_s));
        QVERIFY(explanation.contains(u"must be updated with the new token"_s));
        QCOMPARE(r.dialog->confirmButton()->text(), u"Rotate"_s);
        QCOMPARE(r.dialog->confirmButton()->objectName(), u"confirmButton"_s);
        QVERIFY(r.cancel());
        QCOMPARE(r.cancel()->text(), u"Cancel"_s);
    }

    void theNameIsNeverMarkup()
    {
        Rotation r(u"<i>feed</i>"_s);
        const auto *question = r.dialog->findChild<QLabel *>(u"questionLabel"_s);
        QCOMPARE(question->textFormat(), Qt::PlainText);
        QCOMPARE(question->text(), u"Rotate “<i>feed</i>”?"_s);
    }

    void windowModalAndDeletedWhenClosed()
    {
        Rotation r;
        QCOMPARE(r.dialog->windowModality(), Qt::WindowModal);
        QVERIFY(r.dialog->testAttribute(Qt::WA_DeleteOnClose));
        QCOMPARE(r.dialog->parentWidget(), r.window.get());
        QVERIFY(r.dialog->isVisible());
        r.cancel()->click();
        QTRY_VERIFY(!r.dialog);
    }

    void theGracePeriodsOnOffer()
    {
        Rotation r;
        QVERIFY(r.grace);
        QCOMPARE(r.label(u"graceLabel"_s), u"Keep the previous secret valid for"_s);
        QCOMPARE(r.dialog->findChild<QLabel *>(u"graceLabel"_s)->buddy(), r.grace);
        QCOMPARE(r.grace->accessibleName(), u"Keep the previous secret valid for"_s);
        QCOMPARE(r.grace->count(), 4);
        QCOMPARE(r.grace->currentIndex(), 0);
        QCOMPARE(r.grace->currentText(), u"No time: it stops working at once"_s);
        QCOMPARE(r.dialog->previousSecretValidForSeconds(), std::nullopt);

        const QList<std::pair<QString, int>> expected = {
            {u"1 hour"_s, 3600}, {u"24 hours"_s, 86400}, {u"7 days"_s, 604800}};
        for (qsizetype i = 0; i < expected.size(); ++i) {
            r.grace->setCurrentIndex(static_cast<int>(i + 1));
            QCOMPARE(r.grace->currentText(), expected.at(i).first);
            QCOMPARE(r.dialog->previousSecretValidForSeconds(),
                     std::optional(expected.at(i).second));
        }
    }

    void theLineUnderTheChoiceExplainsIt_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("explanation");
        QTest::newRow("no time")
            << 0 << u"Integrations using the current token stop working as soon as you rotate."_s;
        QTest::newRow("1 hour") << 1
                                << u"Integrations keep working with the previous token for 1 "
                                   "hour, until 26 February 2027 at 11:05."_s;
        QTest::newRow("24 hours") << 2
                                  << u"Integrations keep working with the previous token for 24 "
                                     "hours, until 27 February 2027 at 10:05."_s;
        QTest::newRow("7 days") << 3
                                << u"Integrations keep working with the previous token for 7 "
                                   "days, until 5 March 2027 at 10:05."_s;
    }

    void theLineUnderTheChoiceExplainsIt()
    {
        QFETCH(int, index);
        QFETCH(QString, explanation);
        Rotation r;
        // Down from the default, as with the keyboard.
        r.grace->setFocus();
        for (int i = 0; i < index; ++i)
            QTest::keyClick(r.grace, Qt::Key_Down);
        QCOMPARE(r.grace->currentIndex(), index);
        QCOMPARE(r.label(u"graceExplanation"_s), explanation);
    }

    void rotateConfirmsWithTheChosenGrace()
    {
        Rotation r;
        QSignalSpy confirmed(r.dialog.data(), &RotateDialog::confirmed);
        QSignalSpy accepted(r.dialog.data(), &QDialog::accepted);
        r.grace->setCurrentIndex(2);
        QTest::mouseClick(r.dialog->confirmButton(), Qt::LeftButton);
        QCOMPARE(confirmed.count(), 1);
        QCOMPARE(confirmed.at(0).at(0).value<std::optional<int>>(), std::optional(86400));
        QCOMPARE(accepted.count(), 1);
        QTRY_VERIFY(!r.dialog);
    }

    void rotateAtOnceConfirmsWithoutGrace()
    {
        Rotation r;
        QSignalSpy confirmed(r.dialog.data(), &RotateDialog::confirmed);
        QTest::mouseClick(r.dialog->confirmButton(), Qt::LeftButton);
        QCOMPARE(confirmed.count(), 1);
        QCOMPARE(confirmed.at(0).at(0).value<std::optional<int>>(), std::nullopt);
    }

    void cancelAndEscapeDoNotRotate()
    {
        for (const bool escape : {false, true}) {
            Rotation r;
            QSignalSpy confirmed(r.dialog.data(), &RotateDialog::confirmed);
            QSignalSpy rejected(r.dialog.data(), &QDialog::rejected);
            if (escape)
                QTest::keyClick(r.dialog.data(), Qt::Key_Escape);
            else
                QTest::mouseClick(r.cancel(), Qt::LeftButton);
            QCOMPARE(rejected.count(), 1);
            QCOMPARE(confirmed.count(), 0);
            QTRY_VERIFY(!r.dialog);
        }
    }
};

int main(int argc, char **argv)
{
    // The "until …" line is local time in the admin's locale: fix both.
    qputenv("TZ", "UTC0");
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    QApplication app(argc, argv);
    tst_RotateDialog test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_rotatedialog.moc"
