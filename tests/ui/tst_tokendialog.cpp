#include "dialogs/TokenDialog.h"
#include "widgets/ExpanderSection.h"
#include "wire/Rfc3339.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace ApiAccess;
using namespace Qt::StringLiterals;

namespace {

// The tests run in New Zealand (see main()), where 28 January 2027 22:30
// local time is 09:30 UTC: daylight saving puts it 13 hours ahead.
QDateTime utc(const char *rfc3339)
{
    const auto time = parseRfc3339(QString::fromLatin1(rfc3339));
    return time ? *time : QDateTime();
}

const QDateTime kNow = utc("2027-01-28T09:30:15.250Z");

QString text(const std::optional<QDateTime> &expiresAt)
{
    return expiresAt ? formatRfc3339(*expiresAt) : u"never"_s;
}

QString text(const std::optional<std::optional<QDateTime>> &change)
{
    return change ? text(*change) : u"unchanged"_s;
}

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
    QComboBox *expiry = nullptr;
    QDateEdit *expiryDate = nullptr;
    QLabel *expiryFeedback = nullptr;

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
        expiry = dialog.findChild<QComboBox *>(u"expiryCombo"_s);
        expiryDate = dialog.findChild<QDateEdit *>(u"expiryDateEdit"_s);
        expiryFeedback = dialog.findChild<QLabel *>(u"expiryFeedback"_s);
        dialog.setClock([] { return kNow; });
        dialog.show();
    }

    bool complete() const
    {
        return name && level && levelDescription && advanced && advancedSection && ranges
            && rangesFeedback && nameFeedback && create && errorBar && retry && busy && expiry
            && expiryDate && expiryFeedback;
    }

    // Opens Advanced and picks an entry of "Expires" by its text.
    void chooseExpiry(const QString &choice)
    {
        if (!advanced->isExpanded())
            QTest::mouseClick(advanced, Qt::LeftButton);
        const int index = expiry->findText(choice);
        QVERIFY2(index >= 0, qPrintable(choice));
        expiry->setCurrentIndex(index);
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
        QVERIFY(!d.expiry->isEnabled());
        QVERIFY(!d.expiryDate->isEnabled());
        QVERIFY(!d.create->isEnabled());

        QTest::keyClick(&d.dialog, Qt::Key_Escape);
        QCOMPARE(canceled.count(), 1);
        QCOMPARE(rejected.count(), 0);
        QVERIFY(d.dialog.isVisible());
        QCOMPARE(d.name->text(), u"RSS reader"_s);

        d.dialog.setBusy(false);
        QVERIFY(d.name->isEnabled());
        QVERIFY(d.expiry->isEnabled());
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
        d.dialog.showFieldErrors({{u"enabled"_s, u"must be a boolean"_s}});
        QVERIFY(d.errorBar->isVisible());
        QVERIFY(labelText(d.dialog, u"errorLabel"_s).contains(u"must be a boolean"_s));
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
        QVERIFY(d.dialog.changes().isEmpty());
        QVERIFY(!d.create->isEnabled()); // nothing to save yet
        QSignalSpy submitted(&d.dialog, &TokenDialog::submitRequested);
        QTest::keyClick(d.name, Qt::Key_Return);
        QCOMPARE(submitted.count(), 0);

        d.level->setCurrentIndex(d.level->findData(u"editorial"_s));
        QVERIFY(d.create->isEnabled());
        const TokenUpdateInput changes = d.dialog.changes();
        QCOMPARE(changes.accessLevel, std::optional(AccessLevel::Editorial));
        QVERIFY(!changes.name);
        QVERIFY(!changes.allowedIpRanges);
        QVERIFY(!changes.expiresAt);

        // Back to how it was: nothing to save again.
        d.level->setCurrentIndex(d.level->findData(u"read_only"_s));
        QVERIFY(d.dialog.changes().isEmpty());
        QVERIFY(!d.create->isEnabled());
    }

    // --- Expiry (Advanced) ---

    void expiresOffersItsChoicesAndDefaultsToNever()
    {
        CreateDialog d;
        QVERIFY(d.complete());
        QStringList items;
        for (int i = 0; i < d.expiry->count(); ++i)
            items.append(d.expiry->itemText(i));
        QCOMPARE(items,
                 QStringList({u"Never"_s, u"In 30 days"_s, u"In 90 days"_s, u"In 365 days"_s,
                              u"On a date…"_s}));
        QCOMPARE(d.expiry->currentText(), u"Never"_s);
        QCOMPARE(labelText(d.dialog, u"expiryLabel"_s), u"Expires"_s);
        QCOMPARE(d.dialog.findChild<QLabel *>(u"expiryLabel"_s)->buddy(), d.expiry);
        QCOMPARE(d.expiry->accessibleName(), u"Expires"_s);
        QCOMPARE(d.expiryDate->accessibleName(), u"Expiry date"_s);
        QCOMPARE(d.expiryFeedback->accessibleName(), u"Expires feedback"_s);
        QVERIFY(d.expiryDate->calendarPopup());
        QCOMPARE(d.expiryFeedback->text(), u"The token never expires."_s);
        QCOMPARE(text(d.dialog.value().expiresAt), u"never"_s);

        // It lives in the collapsed Advanced section, under the ranges.
        QVERIFY(!d.expiry->isVisible());
        QTest::mouseClick(d.advanced, Qt::LeftButton);
        QTRY_VERIFY(d.expiry->isVisible());
        QVERIFY(!d.expiryDate->isVisible());
        QVERIFY(d.expiry->mapTo(&d.dialog, QPoint()).y()
                > d.ranges->mapTo(&d.dialog, QPoint()).y());
    }

    void eachChoiceGivesItsExpiry_data()
    {
        QTest::addColumn<QString>("choice");
        QTest::addColumn<QString>("expiresAt");
        QTest::addColumn<QString>("feedback");
        // From now to the second (the clock's milliseconds dropped), shown
        // in New Zealand time: daylight saving ends on 4 April 2027.
        QTest::newRow("30 days") << u"In 30 days"_s << u"2027-02-27T09:30:15Z"_s
                                 << u"Expires on 27 February 2027 at 22:30"_s;
        QTest::newRow("90 days") << u"In 90 days"_s << u"2027-04-28T09:30:15Z"_s
                                 << u"Expires on 28 April 2027 at 21:30"_s;
        QTest::newRow("365 days") << u"In 365 days"_s << u"2028-01-28T09:30:15Z"_s
                                  << u"Expires on 28 January 2028 at 22:30"_s;
        QTest::newRow("never") << u"Never"_s << u"never"_s << u"The token never expires."_s;
    }

    void eachChoiceGivesItsExpiry()
    {
        QFETCH(QString, choice);
        QFETCH(QString, expiresAt);
        QFETCH(QString, feedback);
        CreateDialog d;
        QSignalSpy submitted(&d.dialog, &TokenDialog::submitRequested);
        QTest::keyClicks(d.name, u"RSS reader"_s);
        d.chooseExpiry(u"On a date…"_s); // a detour must leave no trace
        d.chooseExpiry(choice);

        QCOMPARE(text(d.dialog.value().expiresAt), expiresAt);
        QCOMPARE(d.expiryFeedback->text(), feedback);
        QVERIFY(!d.expiryDate->isVisible());
        QTest::mouseClick(d.create, Qt::LeftButton);
        QCOMPARE(submitted.count(), 1);
        QCOMPARE(text(submitted.at(0).at(0).value<TokenCreateInput>().expiresAt), expiresAt);
    }

    void aDateEndsAtTheEndOfThatLocalDay()
    {
        CreateDialog d;
        QTest::keyClicks(d.name, u"RSS reader"_s);
        d.chooseExpiry(u"On a date…"_s);
        QTRY_VERIFY(d.expiryDate->isVisible());
        // A month out to start with, and nothing before tomorrow.
        QCOMPARE(d.expiryDate->date(), QDate(2027, 2, 27));
        QCOMPARE(d.expiryDate->minimumDate(), QDate(2027, 1, 29));
        QCOMPARE(text(d.dialog.value().expiresAt), u"2027-02-27T10:59:59Z"_s);
        QCOMPARE(d.expiryFeedback->text(), u"Expires on 27 February 2027 at 23:59"_s);

        d.expiryDate->setDate(QDate(2027, 6, 15)); // New Zealand winter: 12 hours ahead
        QCOMPARE(text(d.dialog.value().expiresAt), u"2027-06-15T11:59:59Z"_s);
        QCOMPARE(d.expiryFeedback->text(), u"Expires on 15 June 2027 at 23:59"_s);
        QVERIFY(d.create->isEnabled());

        d.expiryDate->setDate(QDate(2027, 1, 20));
        QCOMPARE(d.expiryDate->date(), QDate(2027, 1, 29));

        // Another choice and back: the date picked is kept.
        d.expiryDate->setDate(QDate(2027, 3, 1));
        d.chooseExpiry(u"Never"_s);
        d.chooseExpiry(u"On a date…"_s);
        QCOMPARE(d.expiryDate->date(), QDate(2027, 3, 1));
    }

    void aDateThatIsNoLongerInTheFutureBlocksCreate()
    {
        CreateDialog d;
        QDateTime now = kNow;
        d.dialog.setClock([&now] { return now; });
        QSignalSpy submitted(&d.dialog, &TokenDialog::submitRequested);
        QTest::keyClicks(d.name, u"RSS reader"_s);
        d.chooseExpiry(u"On a date…"_s);
        d.expiryDate->setDate(QDate(2027, 1, 29));
        QVERIFY(d.create->isEnabled());

        // The dialog was left open for days; the next click finds out.
        now = utc("2027-01-29T11:00:00Z"); // 30 January, 00:00 in New Zealand
        QTest::mouseClick(d.create, Qt::LeftButton);
        QCOMPARE(submitted.count(), 0);
        QCOMPARE(d.expiryFeedback->text(), u"The expiry date must be in the future."_s);
        QVERIFY(!d.create->isEnabled());

        d.chooseExpiry(u"In 30 days"_s);
        QVERIFY(d.create->isEnabled());
        QCOMPARE(text(d.dialog.value().expiresAt), u"2027-02-28T11:00:00Z"_s);
    }

    void setClockRechecksTheDate()
    {
        CreateDialog d;
        QTest::keyClicks(d.name, u"RSS reader"_s);
        d.chooseExpiry(u"On a date…"_s);
        QVERIFY(d.create->isEnabled());
        d.dialog.setClock([] { return utc("2027-03-01T00:00:00Z"); });
        QCOMPARE(d.expiryFeedback->text(), u"The expiry date must be in the future."_s);
        QVERIFY(!d.create->isEnabled());
        QCOMPARE(d.expiryDate->date(), QDate(2027, 2, 27)); // never moved for the admin
    }

    void editPrefillsTheExpiryAndOpensAdvancedForIt()
    {
        CreateDialog d(TokenDialog::Mode::Edit);
        Token token;
        token.id = u"tok_1"_s;
        token.name = u"RSS reader"_s;
        token.expiresAt = utc("2027-03-10T04:00:00Z"); // 17:00 in New Zealand
        d.dialog.setToken(token);

        QVERIFY(d.advanced->isExpanded()); // no ranges: the expiry alone opens it
        QCOMPARE(d.expiry->currentText(), u"On a date…"_s);
        QTRY_VERIFY(d.expiryDate->isVisible());
        QCOMPARE(d.expiryDate->date(), QDate(2027, 3, 10));
        QCOMPARE(d.expiryFeedback->text(), u"Expires on 10 March 2027 at 17:00"_s);
        // Shown as a date, kept to the second.
        QCOMPARE(text(d.dialog.value().expiresAt), u"2027-03-10T04:00:00Z"_s);
        QVERIFY(d.dialog.changes().isEmpty());
        QVERIFY(!d.create->isEnabled());
    }

    void editWithoutExpiryShowsNeverAndStaysCollapsed()
    {
        CreateDialog d(TokenDialog::Mode::Edit);
        Token token;
        token.name = u"RSS reader"_s;
        d.dialog.setToken(token);
        QCOMPARE(d.expiry->currentText(), u"Never"_s);
        QVERIFY(!d.advanced->isExpanded());
        QCOMPARE(d.expiryFeedback->text(), u"The token never expires."_s);
        QVERIFY(d.dialog.changes().isEmpty());

        d.chooseExpiry(u"In 90 days"_s);
        QCOMPARE(text(d.dialog.changes().expiresAt), u"2027-04-28T09:30:15Z"_s);
        QVERIFY(d.create->isEnabled());
    }

    void changesCarryTheExpiryOnlyWhenChanged()
    {
        CreateDialog d(TokenDialog::Mode::Edit);
        Token token;
        token.name = u"RSS reader"_s;
        token.expiresAt = utc("2027-03-10T04:00:00Z");
        d.dialog.setToken(token);

        d.chooseExpiry(u"Never"_s);
        TokenUpdateInput changes = d.dialog.changes();
        QCOMPARE(text(changes.expiresAt), u"never"_s);
        QVERIFY(!changes.name && !changes.accessLevel && !changes.allowedIpRanges);
        QCOMPARE(changes.toJson(), QJsonObject({{u"expiresAt"_s, QJsonValue::Null}}));
        QVERIFY(d.create->isEnabled());

        d.chooseExpiry(u"On a date…"_s);
        QCOMPARE(d.expiryDate->date(), QDate(2027, 3, 10));
        QVERIFY(d.dialog.changes().isEmpty());
        QVERIFY(!d.create->isEnabled());

        d.expiryDate->setDate(QDate(2027, 3, 20));
        changes = d.dialog.changes();
        QCOMPARE(text(changes.expiresAt), u"2027-03-20T10:59:59Z"_s);
        QVERIFY(!changes.name && !changes.accessLevel && !changes.allowedIpRanges);
        QVERIFY(d.create->isEnabled());
    }

    void anExpiredTokenCanStillBeRenamed()
    {
        CreateDialog d(TokenDialog::Mode::Edit);
        Token token;
        token.name = u"Old feed"_s;
        token.status = TokenStatus::Expired;
        token.expiresAt = utc("2027-01-10T10:59:59Z"); // 23:59 on 10 January, passed
        d.dialog.setToken(token);

        QCOMPARE(d.expiryDate->date(), QDate(2027, 1, 10));
        QCOMPARE(d.expiryFeedback->text(), u"Expired on 10 January 2027 at 23:59"_s);
        QVERIFY(d.dialog.isInputValid());
        QVERIFY(!d.create->isEnabled()); // only because nothing changed

        QTest::keyClicks(d.name, u" (old)"_s);
        QVERIFY(d.create->isEnabled());
        const TokenUpdateInput changes = d.dialog.changes();
        QCOMPARE(changes.name, std::optional(u"Old feed (old)"_s));
        QCOMPARE(text(changes.expiresAt), u"unchanged"_s);
        // Overwriting must not send a past expiry the server would refuse.
        QCOMPARE(text(d.dialog.fullUpdate().expiresAt), u"unchanged"_s);

        // Another past date is a choice the admin made, and an error.
        d.expiryDate->setDate(QDate(2027, 1, 15));
        QCOMPARE(d.expiryDate->date(), QDate(2027, 1, 15));
        QCOMPARE(d.expiryFeedback->text(), u"The expiry date must be in the future."_s);
        QVERIFY(!d.create->isEnabled());
    }

    void fullUpdateSetsEveryFieldAsShown()
    {
        CreateDialog d(TokenDialog::Mode::Edit);
        Token token;
        token.name = u"HR sync"_s;
        token.accessLevel = AccessLevel::ReadOnly;
        token.allowedIpRanges = {u"10.0.0.0/8"_s};
        token.expiresAt = utc("2027-03-10T04:00:00Z");
        d.dialog.setToken(token);
        QTest::keyClicks(d.name, u" 2"_s);

        TokenUpdateInput full = d.dialog.fullUpdate();
        QCOMPARE(full.name, std::optional(u"HR sync 2"_s));
        QCOMPARE(full.accessLevel, std::optional(AccessLevel::ReadOnly));
        QVERIFY(full.allowedIpRanges);
        QCOMPARE(full.allowedIpRanges->toStringList(), QStringList({u"10.0.0.0/8"_s}));
        QCOMPARE(text(full.expiresAt), u"2027-03-10T04:00:00Z"_s);
        QVERIFY(!full.enabled);

        d.ranges->clear();
        d.chooseExpiry(u"Never"_s);
        full = d.dialog.fullUpdate();
        QVERIFY(full.allowedIpRanges && full.allowedIpRanges->isEmpty());
        QCOMPARE(text(full.expiresAt), u"never"_s);
    }

    void reloadShowsTheirVersionAndDropsEditsAndErrors()
    {
        CreateDialog d(TokenDialog::Mode::Edit);
        Token mine;
        mine.id = u"tok_1"_s;
        mine.name = u"HR sync"_s;
        d.dialog.setToken(mine);
        QTest::keyClicks(d.name, u" (mine)"_s);
        d.chooseExpiry(u"In 30 days"_s);
        d.dialog.showFieldErrors({{u"name"_s, u"is already taken"_s}});
        d.dialog.showError(u"Someone else changed it."_s, false);

        Token theirs = mine;
        theirs.name = u"HR sync (theirs)"_s;
        theirs.accessLevel = AccessLevel::Editorial;
        theirs.allowedIpRanges = {u"192.0.2.0/24"_s};
        theirs.expiresAt = utc("2027-05-01T11:59:59Z");
        d.dialog.reloadToken(theirs);

        QCOMPARE(d.name->text(), u"HR sync (theirs)"_s);
        QCOMPARE(d.level->currentText(), u"Editorial"_s);
        QCOMPARE(d.ranges->toPlainText(), u"192.0.2.0/24"_s);
        QCOMPARE(d.expiry->currentText(), u"On a date…"_s);
        QCOMPARE(d.expiryDate->date(), QDate(2027, 5, 1));
        QVERIFY(d.nameFeedback->text().isEmpty());
        QVERIFY(!d.errorBar->isVisible());
        QVERIFY(d.dialog.changes().isEmpty());
        QVERIFY(!d.create->isEnabled());

        // From now on, changes are against their version.
        d.level->setCurrentIndex(d.level->findData(u"read_only"_s));
        const TokenUpdateInput changes = d.dialog.changes();
        QCOMPARE(changes.accessLevel, std::optional(AccessLevel::ReadOnly));
        QVERIFY(!changes.name && !changes.allowedIpRanges && !changes.expiresAt);
    }

    void theServersExpiryErrorShowsUnderExpires()
    {
        CreateDialog d;
        QTest::keyClicks(d.name, u"RSS reader"_s);
        d.chooseExpiry(u"In 30 days"_s);
        d.advanced->setExpanded(false);
        d.dialog.setBusy(true);
        d.dialog.showFieldErrors({{u"expiresAt"_s, u"must be in the future"_s}});

        QVERIFY(d.advanced->isExpanded());
        QCOMPARE(d.expiryFeedback->text(), u"must be in the future"_s);
        QVERIFY(!d.errorBar->isVisible());
        d.chooseExpiry(u"In 90 days"_s);
        QCOMPARE(d.expiryFeedback->text(), u"Expires on 28 April 2027 at 21:30"_s);
    }
};

int main(int argc, char **argv)
{
    // An expiry date ends at 23:59:59 local time, so the time zone and the
    // locale are part of every expected value: New Zealand (13 hours ahead
    // in summer, 12 in winter, as a POSIX rule that needs no tz database)
    // and British English.
    qputenv("TZ", "NZST-12NZDT,M9.5.0,M4.1.0/3");
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    QApplication app(argc, argv);
    tst_TokenDialog test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_tokendialog.moc"
