#include "dialogs/ConflictDialog.h"
#include "wire/Rfc3339.h"

#include <QApplication>
#include <QCommandLinkButton>
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

QDateTime utc(const char *rfc3339)
{
    const auto time = parseRfc3339(QString::fromLatin1(rfc3339));
    return time ? *time : QDateTime();
}

Token hrSync()
{
    Token token;
    token.id = u"tok_1"_s;
    token.name = u"HR sync"_s;
    token.accessLevel = AccessLevel::ReadOnly;
    return token;
}

// The dialog as the admin meets it: opened over a shown window.
struct Conflict
{
    std::unique_ptr<QWidget> window = std::make_unique<QWidget>();
    QPointer<ConflictDialog> dialog;

    Conflict(const Token &original, const Token &theirs, const TokenUpdateInput &mine)
    {
        window->resize(400, 300);
        window->show();
        dialog = new ConflictDialog(original, theirs, mine, window.get());
        dialog->open();
    }

    QString label(const QString &objectName) const
    {
        const auto *label = dialog->findChild<QLabel *>(objectName);
        return label ? label->text() : QString();
    }
    QPushButton *button(const QString &objectName) const
    {
        return dialog->findChild<QPushButton *>(objectName);
    }
};

// Someone else renamed the token and disabled it.
Conflict renamedAndDisabled(const TokenUpdateInput &mine)
{
    Token theirs = hrSync();
    theirs.name = u"HR sync (old)"_s;
    theirs.status = TokenStatus::Disabled;
    return Conflict(hrSync(), theirs, mine);
}

} // namespace

class tst_ConflictDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void differencesNameEachField_data()
    {
        QTest::addColumn<Token>("theirs");
        QTest::addColumn<QString>("line");
        Token token = hrSync();
        token.name = u"Payroll"_s;
        QTest::newRow("name") << token << u"Name: “HR sync” → “Payroll”"_s;
        token = hrSync();
        token.accessLevel = AccessLevel::Editorial;
        QTest::newRow("level") << token << u"Access level: Read-only → Editorial"_s;
        token = hrSync();
        token.allowedIpRanges = {u"10.0.0.0/8"_s};
        QTest::newRow("ranges") << token << u"Allowed IP Ranges: Any address → 10.0.0.0/8"_s;
        token.allowedIpRanges = {u"10.0.0.0/8"_s, u"2001:db8::/32"_s};
        QTest::newRow("two ranges")
            << token << u"Allowed IP Ranges: Any address → 10.0.0.0/8, 2001:db8::/32"_s;
        token = hrSync();
        token.expiresAt = utc("2027-02-27T23:59:59Z");
        QTest::newRow("expiry") << token << u"Expires: Never → 27 Feb 2027"_s;
        token = hrSync();
        token.status = TokenStatus::Disabled;
        QTest::newRow("status") << token << u"Status: Active → Disabled"_s;
    }

    void differencesNameEachField()
    {
        QFETCH(Token, theirs);
        QFETCH(QString, line);
        QCOMPARE(ConflictDialog::differences(hrSync(), theirs), QStringList{line});
    }

    void differencesGoBothWaysAndInTheDialogsOrder()
    {
        Token a = hrSync();
        a.allowedIpRanges = {u"10.0.0.0/8"_s};
        a.expiresAt = utc("2027-02-27T12:00:00Z");
        Token b = hrSync();
        b.name = u"Payroll"_s;
        b.status = TokenStatus::Expired;
        b.accessLevel = AccessLevel::Administrative;
        QCOMPARE(ConflictDialog::differences(a, b),
                 QStringList({u"Name: “HR sync” → “Payroll”"_s,
                              u"Access level: Read-only → Administrative"_s,
                              u"Allowed IP Ranges: 10.0.0.0/8 → Any address"_s,
                              u"Expires: 27 Feb 2027 → Never"_s, u"Status: Active → Expired"_s}));
    }

    void expiriesOnTheSameDayShowTheirTimes()
    {
        Token a = hrSync();
        a.expiresAt = utc("2027-02-27T09:00:00Z");
        Token b = hrSync();
        b.expiresAt = utc("2027-02-27T23:59:59Z");
        QCOMPARE(ConflictDialog::differences(a, b),
                 QStringList{u"Expires: 27 Feb 2027 09:00 → 27 Feb 2027 23:59"_s});
        b.expiresAt = utc("2027-03-01T09:00:00Z");
        QCOMPARE(ConflictDialog::differences(a, b),
                 QStringList{u"Expires: 27 Feb 2027 → 1 Mar 2027"_s});
    }

    void whatTheServerChangesAloneIsNoDifference()
    {
        Token b = hrSync();
        b.updatedAt = utc("2027-02-27T09:00:00Z");
        b.lastUsedAt = utc("2027-02-27T09:00:00Z");
        b.lastUsedIp = u"192.0.2.1"_s;
        QCOMPARE(ConflictDialog::differences(hrSync(), b), QStringList());
        QCOMPARE(ConflictDialog::differences(hrSync(), hrSync()), QStringList());
    }

    void saysWhoChangedWhatAndMarksTheAdminsFields()
    {
        TokenUpdateInput mine;
        mine.name = u"HR sync (new)"_s;
        mine.accessLevel = AccessLevel::Editorial;
        Conflict c = renamedAndDisabled(mine);
        QCOMPARE(c.dialog->windowTitle(), u"API token changed"_s);
        QCOMPARE(c.label(u"messageLabel"_s),
                 u"Someone else changed “HR sync” while you were editing it."_s);
        QCOMPARE(c.label(u"changesView"_s),
                 u"Name: “HR sync” → “HR sync (old)” (you changed this too)\n"
                 "Status: Active → Disabled"_s);
        QCOMPARE(c.dialog->findChild<QLabel *>(u"changesView"_s)->textFormat(), Qt::PlainText);
    }

    void theStatusIsMarkedWhenTheAdminChangedItToo()
    {
        TokenUpdateInput mine;
        mine.enabled = false;
        Conflict c = renamedAndDisabled(mine);
        QCOMPARE(c.label(u"changesView"_s),
                 u"Name: “HR sync” → “HR sync (old)”\n"
                 "Status: Active → Disabled (you changed this too)"_s);
    }

    void saysSoWhenNoFieldChanged()
    {
        Conflict c(hrSync(), hrSync(), TokenUpdateInput{});
        QVERIFY(!c.label(u"changesView"_s).isEmpty());
        QVERIFY(!c.label(u"changesView"_s).contains(u"→"_s));
    }

    void buttonsExplainTheirChoice()
    {
        Conflict c = renamedAndDisabled({});
        auto *reload = qobject_cast<QCommandLinkButton *>(c.button(u"reloadButton"_s));
        auto *overwrite = qobject_cast<QCommandLinkButton *>(c.button(u"overwriteButton"_s));
        QVERIFY(reload && overwrite && c.button(u"cancelButton"_s));
        QCOMPARE(reload->text(), u"Reload"_s);
        QCOMPARE(reload->description(), u"Show their version; your changes are discarded"_s);
        QCOMPARE(overwrite->text(), u"Overwrite"_s);
        QCOMPARE(overwrite->description(),
                 u"Save your version; their changes to the same fields are replaced"_s);
        QCOMPARE(c.button(u"cancelButton"_s)->text(), u"Cancel"_s);
        QCOMPARE(c.dialog->reloadButton(), reload);
        QCOMPARE(c.dialog->overwriteButton(), overwrite);
        QCOMPARE(c.dialog->cancelButton(), c.button(u"cancelButton"_s));
        QCOMPARE(c.dialog->windowModality(), Qt::WindowModal);
        QVERIFY(c.dialog->testAttribute(Qt::WA_DeleteOnClose));
        QCOMPARE(c.dialog->parentWidget(), c.window.get());
    }

    void eachButtonSaysItsChoice_data()
    {
        QTest::addColumn<QString>("button");
        QTest::addColumn<int>("reloads");
        QTest::addColumn<int>("overwrites");
        QTest::addColumn<int>("result");
        QTest::newRow("reload") << u"reloadButton"_s << 1 << 0 << int(QDialog::Accepted);
        QTest::newRow("overwrite") << u"overwriteButton"_s << 0 << 1 << int(QDialog::Accepted);
        QTest::newRow("cancel") << u"cancelButton"_s << 0 << 0 << int(QDialog::Rejected);
    }

    void eachButtonSaysItsChoice()
    {
        QFETCH(QString, button);
        QFETCH(int, reloads);
        QFETCH(int, overwrites);
        QFETCH(int, result);
        Conflict c = renamedAndDisabled({});
        QSignalSpy reload(c.dialog.data(), &ConflictDialog::reloadRequested);
        QSignalSpy overwrite(c.dialog.data(), &ConflictDialog::overwriteRequested);
        QSignalSpy finished(c.dialog.data(), &QDialog::finished);
        QTest::mouseClick(c.button(button), Qt::LeftButton);
        QCOMPARE(reload.count(), reloads);
        QCOMPARE(overwrite.count(), overwrites);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toInt(), result);
        QTRY_VERIFY(!c.dialog);
    }

    void escapeAndEnterChooseNothing()
    {
        for (const Qt::Key key : {Qt::Key_Escape, Qt::Key_Return}) {
            Conflict c = renamedAndDisabled({});
            QVERIFY(QTest::qWaitForWindowActive(c.dialog.data()));
            QSignalSpy reload(c.dialog.data(), &ConflictDialog::reloadRequested);
            QSignalSpy overwrite(c.dialog.data(), &ConflictDialog::overwriteRequested);
            QSignalSpy rejected(c.dialog.data(), &QDialog::rejected);
            QVERIFY(QApplication::focusWidget());
            QTest::keyClick(QApplication::focusWidget(), key);
            QCOMPARE(rejected.count(), 1);
            QCOMPARE(reload.count() + overwrite.count(), 0);
        }
    }
};

int main(int argc, char **argv)
{
    // Expiry dates are shown in local time and the admin's locale: fix both.
    qputenv("TZ", "UTC0");
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    QApplication app(argc, argv);
    tst_ConflictDialog test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_conflictdialog.moc"
