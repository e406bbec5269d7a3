#include "dialogs/ConfirmActionDialog.h"

#include <QApplication>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace ApiAccess;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(ApiAccess::TokenAction)

namespace {

// The confirmation as the admin meets it: opened over a shown window.
struct Confirmation
{
    std::unique_ptr<QWidget> window = std::make_unique<QWidget>();
    QPointer<ConfirmActionDialog> dialog;

    Confirmation(TokenAction action, const QStringList &names)
    {
        window->resize(400, 300);
        window->show();
        dialog = ConfirmActionDialog::create(action, names, window.get());
        dialog->open();
    }

    QPushButton *cancel() const { return dialog->findChild<QPushButton *>(u"cancelButton"_s); }
};

QStringList tokenNames(int count)
{
    QStringList names;
    for (int i = 1; i <= count; ++i)
        names.append(u"Token %1"_s.arg(i));
    return names;
}

} // namespace

class tst_ConfirmActionDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneTokenIsNamed_data()
    {
        QTest::addColumn<TokenAction>("action");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("consequence");
        QTest::addColumn<QString>("verb");
        QTest::newRow("disable")
            << TokenAction::Disable << u"Disable API token"_s << u"Disable “RSS reader”?"_s
            << u"Integrations using this token stop working until it is enabled again."_s
            << u"Disable"_s;
        QTest::newRow("enable") << TokenAction::Enable << u"Enable API token"_s
                                << u"Enable “RSS reader”?"_s
                                << u"Integrations using this token can connect again."_s
                                << u"Enable"_s;
        QTest::newRow("delete")
            << TokenAction::Delete << u"Delete API token"_s << u"Delete “RSS reader”?"_s
            << u"Integrations using this token stop working. This cannot be undone."_s
            << u"Delete"_s;
    }

    void oneTokenIsNamed()
    {
        QFETCH(TokenAction, action);
        QFETCH(QString, title);
        QFETCH(QString, text);
        QFETCH(QString, consequence);
        QFETCH(QString, verb);
        Confirmation c(action, {u"RSS reader"_s});
        QCOMPARE(c.dialog->windowTitle(), title);
        QCOMPARE(c.dialog->text(), text);
        QCOMPARE(c.dialog->informativeText(), consequence);
        QCOMPARE(c.dialog->confirmButton()->text(), verb);
        QCOMPARE(c.dialog->confirmButton()->objectName(), u"confirmButton"_s);
        QCOMPARE(c.dialog->confirmButton()->accessibleName(), verb);
        QVERIFY(c.cancel());
        QCOMPARE(c.cancel()->text(), u"Cancel"_s);
        QCOMPARE(c.dialog->buttons().size(), 2);
        QCOMPARE(c.dialog->action(), action);
    }

    void severalTokensAreListed_data()
    {
        QTest::addColumn<TokenAction>("action");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("question");
        QTest::addColumn<QString>("consequence");
        QTest::newRow("disable")
            << TokenAction::Disable << u"Disable 3 API tokens"_s << u"Disable these 3 tokens?"_s
            << u"Integrations using these tokens stop working until they are enabled again."_s;
        QTest::newRow("enable") << TokenAction::Enable << u"Enable 3 API tokens"_s
                                << u"Enable these 3 tokens?"_s
                                << u"Integrations using these tokens can connect again."_s;
        QTest::newRow("delete")
            << TokenAction::Delete << u"Delete 3 API tokens"_s << u"Delete these 3 tokens?"_s
            << u"Integrations using these tokens stop working. This cannot be undone."_s;
    }

    void severalTokensAreListed()
    {
        QFETCH(TokenAction, action);
        QFETCH(QString, title);
        QFETCH(QString, question);
        QFETCH(QString, consequence);
        Confirmation c(action, {u"RSS reader"_s, u"HR sync"_s, u"Chat bot"_s});
        QCOMPARE(c.dialog->windowTitle(), title);
        QCOMPARE(c.dialog->text(), question + u"\n\n• RSS reader\n• HR sync\n• Chat bot"_s);
        QCOMPARE(c.dialog->informativeText(), consequence);
    }

    void aLongListNamesTenAndCountsTheRest()
    {
        Confirmation c(TokenAction::Delete, tokenNames(15));
        const QString text = c.dialog->text();
        QVERIFY(text.startsWith(u"Delete these 15 tokens?\n"_s));
        QVERIFY(text.contains(u"• Token 10\n"_s));
        QVERIFY(!text.contains(u"Token 11"_s));
        QVERIFY(text.endsWith(u"\nand 5 more"_s));
        QCOMPARE(text.count(u'•'), 10);

        Confirmation ten(TokenAction::Delete, tokenNames(10));
        QVERIFY(ten.dialog->text().endsWith(u"• Token 10"_s));
        QVERIFY(!ten.dialog->text().contains(u"more"_s));
    }

    void namesAreNeverMarkup()
    {
        Confirmation c(TokenAction::Disable, {u"<b>feed</b>"_s});
        QCOMPARE(c.dialog->textFormat(), Qt::PlainText);
        QCOMPARE(c.dialog->text(), u"Disable “<b>feed</b>”?"_s);
    }

    void windowModalAndDeletedWhenClosed()
    {
        Confirmation c(TokenAction::Disable, {u"RSS reader"_s});
        QCOMPARE(c.dialog->windowModality(), Qt::WindowModal);
        QVERIFY(c.dialog->testAttribute(Qt::WA_DeleteOnClose));
        QCOMPARE(c.dialog->parentWidget(), c.window.get());
        QVERIFY(c.dialog->isVisible());
        c.cancel()->click();
        QTRY_VERIFY(!c.dialog);
    }

    void deleteIsAWarningWhoseDefaultIsCancel()
    {
        Confirmation c(TokenAction::Delete, {u"RSS reader"_s});
        QCOMPARE(c.dialog->icon(), QMessageBox::Warning);
        QCOMPARE(c.dialog->defaultButton(), c.cancel());
        QCOMPARE(c.dialog->escapeButton(), c.cancel());
    }

    void enableAndDisableDefaultToTheirVerb()
    {
        for (const TokenAction action : {TokenAction::Disable, TokenAction::Enable}) {
            Confirmation c(action, {u"RSS reader"_s});
            QCOMPARE(c.dialog->defaultButton(), c.dialog->confirmButton());
            QCOMPARE(c.dialog->escapeButton(), c.cancel());
        }
        QCOMPARE(Confirmation(TokenAction::Disable, {u"x"_s}).dialog->icon(), QMessageBox::Warning);
        QCOMPARE(Confirmation(TokenAction::Enable, {u"x"_s}).dialog->icon(), QMessageBox::Question);
    }

    void confirmedOnlyOnTheVerbButton()
    {
        Confirmation c(TokenAction::Disable, {u"RSS reader"_s});
        QSignalSpy confirmed(c.dialog.data(), &ConfirmActionDialog::confirmed);
        QSignalSpy finished(c.dialog.data(), &QDialog::finished);
        QTest::mouseClick(c.dialog->confirmButton(), Qt::LeftButton);
        QCOMPARE(confirmed.count(), 1);
        QCOMPARE(finished.count(), 1);
        QTRY_VERIFY(!c.dialog);
    }

    void cancelEscapeAndClosingDoNotConfirm_data()
    {
        QTest::addColumn<int>("how");
        QTest::newRow("cancel") << 0;
        QTest::newRow("escape") << 1;
        QTest::newRow("close") << 2;
    }

    void cancelEscapeAndClosingDoNotConfirm()
    {
        QFETCH(int, how);
        Confirmation c(TokenAction::Delete, {u"RSS reader"_s});
        QSignalSpy confirmed(c.dialog.data(), &ConfirmActionDialog::confirmed);
        QSignalSpy finished(c.dialog.data(), &QDialog::finished);
        if (how == 0)
            QTest::mouseClick(c.cancel(), Qt::LeftButton);
        else if (how == 1)
            QTest::keyClick(c.dialog.data(), Qt::Key_Escape);
        else
            c.dialog->close();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(confirmed.count(), 0);
        QTRY_VERIFY(!c.dialog);
    }

    void enterDeletesNothingButDisables()
    {
        Confirmation del(TokenAction::Delete, {u"RSS reader"_s});
        QVERIFY(QTest::qWaitForWindowActive(del.dialog.data()));
        QSignalSpy deleted(del.dialog.data(), &ConfirmActionDialog::confirmed);
        QSignalSpy deleteFinished(del.dialog.data(), &QDialog::finished);
        QVERIFY(QApplication::focusWidget());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QCOMPARE(deleteFinished.count(), 1);
        QCOMPARE(deleted.count(), 0);

        Confirmation disable(TokenAction::Disable, {u"RSS reader"_s});
        QVERIFY(QTest::qWaitForWindowActive(disable.dialog.data()));
        QSignalSpy disabled(disable.dialog.data(), &ConfirmActionDialog::confirmed);
        QVERIFY(QApplication::focusWidget());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QCOMPARE(disabled.count(), 1);
    }
};

QTEST_MAIN(tst_ConfirmActionDialog)
#include "tst_confirmactiondialog.moc"
