#include "dialogs/TokenDialog.h"
#include "widgets/ExpanderSection.h"

#include <QComboBox>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace ApiAccess;
using namespace Qt::StringLiterals;

namespace {

// The dialog as an admin meets it: shown, every control found by name.
struct CreateDialog
{
    TokenDialog dialog;
    QLineEdit *name = nullptr;
    QComboBox *level = nullptr;
    QLabel *levelDescription = nullptr;
    ExpanderSection *advanced = nullptr;
    QWidget *advancedSection = nullptr;
    QPlainTextEdit *ranges = nullptr;
    QLabel *rangesFeedback = nullptr;
    QLabel *nameFeedback = nullptr;
    QPushButton *create = nullptr;
    QFrame *errorBar = nullptr;
    QPushButton *retry = nullptr;
    QProgressBar *busy = nullptr;

    explicit CreateDialog(TokenDialog::Mode mode = TokenDialog::Mode::Create)
        : dialog(mode)
    {
        name = dialog.findChild<QLineEdit *>(u"nameEdit"_s);
        level = dialog.findChild<QComboBox *>(u"accessLevelCombo"_s);
        levelDescription = dialog.findChild<QLabel *>(u"accessLevelDescription"_s);
        advanced = dialog.findChild<ExpanderSection *>(u"advancedToggle"_s);
        advancedSection = dialog.findChild<QWidget *>(u"advancedSection"_s);
        ranges = dialog.findChild<QPlainTextEdit *>(u"allowedIpRangesEdit"_s);
        rangesFeedback = dialog.findChild<QLabel *>(u"ipRangesFeedback"_s);
        nameFeedback = dialog.findChild<QLabel *>(u"nameFeedback"_s);
        create = dialog.findChild<QPushButton *>(u"createButton"_s);
        errorBar = dialog.findChild<QFrame *>(u"errorBar"_s);
        retry = dialog.findChild<QPushButton *>(u"retryButton"_s);
        busy = dialog.findChild<QProgressBar *>(u"busyIndicator"_s);
        dialog.show();
    }

    bool complete() const
    {
        return name && level && levelDescription && advanced && advancedSection && ranges
            && rangesFeedback && nameFeedback && create && errorBar && retry && busy;
    }

    // Opens Advanced and types the lines as the admin would, Return between.
    void typeRanges(const QStringList &lines)
    {
        if (!advanced->isExpanded())
            QTest::mouseClick(advanced, Qt::LeftButton);
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (i > 0)
                QTest::keyClick(ranges, Qt::Key_Return);
            QTest::keyClicks(ranges, lines.at(i));
        }
    }
};

QString labelText(const QWidget &dialog, const QString &objectName)
{
    const auto *label = dialog.findChild<QLabel *>(objectName);
    return label ? label->text() : QString();
}

} // namespace

class tst_TokenDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsAsTheProductBriefSays()
    {
        CreateDialog d;
        QVERIFY(d.complete());
        QCOMPARE(d.dialog.windowTitle(), u"Create API token"_s);
        QCOMPARE(d.create->text(), u"Create"_s);
        QCOMPARE(d.dialog.findChild<QPushButton *>(u"cancelButton"_s)->text(), u"Cancel"_s);
        QCOMPARE(labelText(d.dialog, u"nameLabel"_s), u"Token Name"_s);
        QCOMPARE(labelText(d.dialog, u"accessLevelLabel"_s), u"Access level"_s);
        QCOMPARE(labelText(d.dialog, u"allowedIpRangesLabel"_s), u"Allowed IP Ranges"_s);
        QCOMPARE(d.advanced->text(), u"Advanced"_s);
        QCOMPARE(d.dialog.findChild<QLabel *>(u"nameLabel"_s)->buddy(), d.name);
        QCOMPARE(d.dialog.findChild<QLabel *>(u"allowedIpRangesLabel"_s)->buddy(), d.ranges);
        QVERIFY(!d.errorBar->isVisible());
        QVERIFY(!d.busy->isVisible());
    }

    void createIsDisabledUntilANameIsTyped()
    {
        CreateDialog d;
        QVERIFY(!d.create->isEnabled());
        QTest::keyClicks(d.name, u"RSS reader"_s);
        QTRY_VERIFY(d.create->isEnabled());
    }

    void whitespaceOnlyOrOverlongNamesCannotBeCreated()
    {
        CreateDialog d;
        QTest::keyClicks(d.name, u"   "_s);
        QVERIFY(!d.create->isEnabled());
        QVERIFY(!d.nameFeedback->text().isEmpty());

        d.name->clear();
        QTest::keyClicks(d.name, QString(100, u'x'));
        QTRY_VERIFY(d.create->isEnabled());
        QTest::keyClicks(d.name, u"x"_s);
        QTRY_VERIFY(!d.create->isEnabled());
        QVERIFY(!d.nameFeedback->text().isEmpty());
    }

    void theDefaultLevelIsTheLeastPowerful()
    {
        CreateDialog d;
        QCOMPARE(d.level->count(), 5);
        QCOMPARE(d.level->itemText(0), u"Administrative"_s);
        QCOMPARE(d.level->itemText(4), u"Restricted Read-only"_s);
        QCOMPARE(d.level->currentText(), u"Restricted Read-only"_s);
        QCOMPARE(d.level->currentData().toString(), u"restricted_read_only"_s);
    }

    void theDescriptionFollowsTheChosenLevel()
    {
        CreateDialog d;
        QCOMPARE(d.levelDescription->text(),
                 AccessLevels::description(AccessLevel::RestrictedReadOnly));
        d.level->setFocus();
        QTest::keyClick(d.level, Qt::Key_Home);
        QTRY_COMPARE(d.level->currentText(), u"Administrative"_s);
        QCOMPARE(d.levelDescription->text(),
                 AccessLevels::description(AccessLevel::Administrative));
    }

    void advancedIsCollapsedByDefaultAndOpensOnClick()
    {
        CreateDialog d;
        QVERIFY(!d.advanced->isExpanded());
        QVERIFY(!d.advancedSection->isVisible());
        QVERIFY(!d.ranges->isVisible());
        QTest::mouseClick(d.advanced, Qt::LeftButton);
        QTRY_VERIFY(d.ranges->isVisible());
    }

    void emptyRangesAllowAnyAddress()
    {
        CreateDialog d;
        QVERIFY(d.rangesFeedback->text().contains(u"Any address can use this token"_s));
    }

    void invalidLinesAreFlaggedWithTheirLineNumber()
    {
        CreateDialog d;
        QTest::keyClicks(d.name, u"HR sync"_s);
        d.typeRanges({u"10.0.0.0/8"_s, u"300.1.2.3"_s});
        QTRY_VERIFY(d.rangesFeedback->text().contains(u"Line 2"_s));
        QVERIFY(d.rangesFeedback->text().contains(u"300"_s));
        QVERIFY(!d.rangesFeedback->text().contains(u"Line 1"_s));
        QVERIFY(!d.create->isEnabled());
    }

    void hostBitsAreShownBeforeSubmitting()
    {
        CreateDialog d;
        QTest::keyClicks(d.name, u"HR sync"_s);
        d.typeRanges({u"10.0.0.7/24"_s});
        QTRY_VERIFY(d.rangesFeedback->text().contains(u"will be stored as 10.0.0.0/24"_s));
        QVERIFY(d.create->isEnabled());
    }

    void allowEverythingIsAWarning()
    {
        CreateDialog d;
        QTest::keyClicks(d.name, u"HR sync"_s);
        d.typeRanges({u"0.0.0.0/0"_s});
        QTRY_VERIFY(d.rangesFeedback->text().contains(u"Warning"_s));
        QVERIFY(d.rangesFeedback->text().contains(u"allows every IPv4 address"_s));
        QVERIFY(d.create->isEnabled());
    }

    void valueIsTheTrimmedNameTheLevelAndCanonicalRanges()
    {
        CreateDialog d;
        QTest::keyClicks(d.name, u"  Analytics  "_s);
        d.level->setCurrentIndex(d.level->findData(u"editorial"_s));
        d.typeRanges({u"10.0.0.7/24, 2001:DB8::1"_s, u"198.51.100.7"_s});

        const TokenCreateInput input = d.dialog.value();
        QCOMPARE(input.name, u"Analytics"_s);
        QCOMPARE(input.accessLevel, AccessLevel::Editorial);
        QCOMPARE(input.allowedIpRanges.toStringList(),
                 QStringList({u"10.0.0.0/24"_s, u"2001:db8::1"_s, u"198.51.100.7"_s}));
    }

    void createAsksOnceAndDoesNotClose()
    {
        CreateDialog d;
        QSignalSpy submitted(&d.dialog, &TokenDialog::submitRequested);
        QTest::keyClicks(d.name, u"RSS reader"_s);
        QTest::mouseClick(d.create, Qt::LeftButton);
        QCOMPARE(submitted.count(), 1);
        QCOMPARE(submitted.at(0).at(0).value<TokenCreateInput>().name, u"RSS reader"_s);
        QVERIFY(d.dialog.isVisible());
        QCOMPARE(d.dialog.result(), int(QDialog::Rejected)); // i.e. not yet decided
    }

    void enterSubmitsOnlyWhenValid()
    {
        CreateDialog d;
        QVERIFY(QTest::qWaitForWindowActive(&d.dialog));
        QSignalSpy submitted(&d.dialog, &TokenDialog::submitRequested);
        QTest::keyClick(d.name, Qt::Key_Return);
        QCOMPARE(submitted.count(), 0);
        QVERIFY(d.dialog.isVisible());

        QTest::keyClicks(d.name, u"RSS reader"_s);
        QTest::keyClick(d.name, Qt::Key_Return);
        QCOMPARE(submitted.count(), 1);
        QVERIFY(d.dialog.isVisible());
    }

    void busyLocksEverythingAndEscapeAsksToCancel()
    {
        CreateDialog d;
        QSignalSpy canceled(&d.dialog, &TokenDialog::cancelRequested);
        QSignalSpy rejected(&d.dialog, &QDialog::rejected);
        QTest::keyClicks(d.name, u"RSS reader"_s);
        d.dialog.setBusy(true);

        QVERIFY(d.busy->isVisible());
        QVERIFY(!d.name->isEnabled());
        QVERIFY(!d.level->isEnabled());
        QVERIFY(!d.ranges->isEnabled());
        QVERIFY(!d.create->isEnabled());

        QTest::keyClick(&d.dialog, Qt::Key_Escape);
        QCOMPARE(canceled.count(), 1);
        QCOMPARE(rejected.count(), 0);
        QVERIFY(d.dialog.isVisible());
        QCOMPARE(d.name->text(), u"RSS reader"_s);

        d.dialog.setBusy(false);
        QVERIFY(d.name->isEnabled());
        QVERIFY(d.create->isEnabled());
        QVERIFY(!d.busy->isVisible());
        QTest::keyClick(&d.dialog, Qt::Key_Escape);
        QCOMPARE(rejected.count(), 1);
        QCOMPARE(canceled.count(), 1);
    }

    void serverFieldErrorsLandOnTheirFields()
    {
        CreateDialog d;
        QTest::keyClicks(d.name, u"RSS reader"_s);
        // The duplicate on line 2 is sent once, so range 1 is on line 3.
        d.typeRanges({u"10.0.0.0/8"_s, u"10.0.0.0/8"_s, u"192.0.2.1"_s});
        d.advanced->setExpanded(false);
        d.dialog.setBusy(true);

        d.dialog.showFieldErrors({{u"allowedIpRanges[1]"_s, u"is reserved for documentation"_s},
                                  {u"name"_s, u"is already taken"_s}});

        QVERIFY(!d.dialog.isBusy());
        QVERIFY(d.rangesFeedback->text().contains(u"Line 3: is reserved for documentation"_s));
        QVERIFY(d.advanced->isExpanded());
        QCOMPARE(d.nameFeedback->text(), u"is already taken"_s);
        QVERIFY(!d.errorBar->isVisible());
        QCOMPARE(d.name->text(), u"RSS reader"_s);
        QCOMPARE(d.ranges->toPlainText(), u"10.0.0.0/8\n10.0.0.0/8\n192.0.2.1"_s);

        // Editing the field retires the server's complaint about it.
        QTest::keyClicks(d.name, u" 2"_s);
        QVERIFY(d.nameFeedback->text().isEmpty());
    }

    void unknownFieldErrorsGoToTheErrorBar()
    {
        CreateDialog d;
        QTest::keyClicks(d.name, u"RSS reader"_s);
        d.dialog.showFieldErrors({{u"expiresAt"_s, u"must be in the future"_s}});
        QVERIFY(d.errorBar->isVisible());
        QVERIFY(labelText(d.dialog, u"errorLabel"_s).contains(u"must be in the future"_s));
        QVERIFY(!d.retry->isVisible());
    }

    void aNetworkFailureOffersRetryAndKeepsTheInput()
    {
        CreateDialog d;
        QSignalSpy retried(&d.dialog, &TokenDialog::retryRequested);
        QTest::keyClicks(d.name, u"RSS reader"_s);
        d.typeRanges({u"203.0.113.0/24"_s});
        d.dialog.setBusy(true);

        d.dialog.showError(u"The server could not be reached."_s, true);

        QVERIFY(d.errorBar->isVisible());
        QVERIFY(d.retry->isVisible());
        QVERIFY(!d.dialog.isBusy());
        QCOMPARE(d.name->text(), u"RSS reader"_s);
        QCOMPARE(d.ranges->toPlainText(), u"203.0.113.0/24"_s);

        QTest::mouseClick(d.retry, Qt::LeftButton);
        QCOMPARE(retried.count(), 1);
        QVERIFY(!d.errorBar->isVisible());
        QVERIFY(d.dialog.isVisible());
        QCOMPARE(d.dialog.value().name, u"RSS reader"_s);
    }

    void editSaysSaveAndStartsFromTheToken()
    {
        CreateDialog d(TokenDialog::Mode::Edit);
        Token token;
        token.id = u"tok_1"_s;
        token.name = u"HR sync"_s;
        token.accessLevel = AccessLevel::ReadOnly;
        token.allowedIpRanges = {u"10.0.0.0/8"_s};
        d.dialog.setToken(token);

        QCOMPARE(d.dialog.windowTitle(), u"Edit API token"_s);
        QCOMPARE(d.create->text(), u"Save"_s);
        QCOMPARE(d.name->text(), u"HR sync"_s);
        QCOMPARE(d.level->currentText(), u"Read-only"_s);
        QVERIFY(d.advanced->isExpanded());
        QVERIFY(d.create->isEnabled());
        QVERIFY(d.dialog.changes().isEmpty());

        d.level->setCurrentIndex(d.level->findData(u"editorial"_s));
        const TokenUpdateInput changes = d.dialog.changes();
        QCOMPARE(changes.accessLevel, std::optional(AccessLevel::Editorial));
        QVERIFY(!changes.name);
        QVERIFY(!changes.allowedIpRanges);
    }
};

QTEST_MAIN(tst_TokenDialog)
#include "tst_tokendialog.moc"
