#include "clipboard/SecretClipboard.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace ApiAccess;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kSecret = QByteArrayLiteral("dG9rXzE6YWFzX3NlY3JldA==");

QString clipboardText()
{
    return QGuiApplication::clipboard()->text();
}

bool anyTimerRunning(const SecretClipboard &clipboard)
{
    const auto timers = clipboard.findChildren<QTimer *>();
    return std::any_of(timers.cbegin(), timers.cend(), [](QTimer *t) { return t->isActive(); });
}

} // namespace

class tst_SecretClipboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QGuiApplication::clipboard()->clear(); }

    void copyPutsExactlyTheSecretOnTheClipboard()
    {
        SecretClipboard clipboard;
        clipboard.copySecret(kSecret);
        QCOMPARE(clipboardText(), QString::fromLatin1(kSecret));
        QVERIFY(clipboard.holdsSecret());
    }

    void theDataIsMarkedSensitiveForEveryPlatform()
    {
        SecretClipboard clipboard;
        clipboard.copySecret(kSecret);
        const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
        QVERIFY(mime);
        QCOMPARE(mime->data(u"x-kde-passwordManagerHint"_s), QByteArrayLiteral("secret"));
        QVERIFY(mime->hasFormat(u"ExcludeClipboardContentFromMonitorProcessing"_s));
        QCOMPARE(mime->data(u"CanIncludeInClipboardHistory"_s), QByteArray(4, '\0'));
        QCOMPARE(mime->data(u"CanUploadToCloudClipboard"_s), QByteArray(4, '\0'));
    }

    void theDefaultTimeoutIsThirtySecondsAndTheStatusSaysSo()
    {
        SecretClipboard clipboard;
        QCOMPARE(clipboard.timeout(), 30);
        QVERIFY(clipboard.statusText().isEmpty());
        clipboard.copySecret(kSecret);
        QCOMPARE(clipboard.secondsLeft(), 30);
        QCOMPARE(clipboard.statusText(), u"Token copied — clipboard clears in 30 s"_s);
        clipboard.clearNow();
        QVERIFY(clipboard.statusText().isEmpty());
    }

    void itIsClearedWhenTheTimeIsUp()
    {
        SecretClipboard clipboard;
        clipboard.setTimeout(1);
        QSignalSpy cleared(&clipboard, &SecretClipboard::cleared);
        clipboard.copySecret(kSecret);
        QTRY_COMPARE_WITH_TIMEOUT(cleared.count(), 1, 5000);
        QVERIFY(clipboardText().isEmpty());
        QVERIFY(!clipboard.holdsSecret());
    }

    void theCountdownTicksDownToZero()
    {
        SecretClipboard clipboard;
        clipboard.setTimeout(2);
        QSignalSpy countdown(&clipboard, &SecretClipboard::countdownChanged);
        clipboard.copySecret(kSecret);
        QTRY_VERIFY_WITH_TIMEOUT(!clipboard.holdsSecret(), 6000);
        QList<int> seconds;
        for (const auto &args : std::as_const(countdown))
            seconds.append(args.at(0).toInt());
        QCOMPARE(seconds, QList<int>({2, 1, 0}));
    }

    void whatTheUserCopiedMeanwhileIsLeftAlone()
    {
        SecretClipboard clipboard;
        clipboard.setTimeout(1);
        QSignalSpy cleared(&clipboard, &SecretClipboard::cleared);
        QSignalSpy replaced(&clipboard, &SecretClipboard::replacedByUser);
        clipboard.copySecret(kSecret);

        QGuiApplication::clipboard()->setText(u"a meeting note"_s);

        QTRY_COMPARE_WITH_TIMEOUT(replaced.count(), 1, 5000);
        QVERIFY(!anyTimerRunning(clipboard));
        QCOMPARE(clipboardText(), u"a meeting note"_s);
        QCOMPARE(cleared.count(), 0);
    }

    void aReplacementNobodyAnnouncedIsStillLeftAlone()
    {
        // Some platforms do not report clipboard changes made by other
        // programs; the check when the time is up must catch them.
        SecretClipboard clipboard;
        clipboard.setTimeout(1);
        QSignalSpy cleared(&clipboard, &SecretClipboard::cleared);
        QSignalSpy replaced(&clipboard, &SecretClipboard::replacedByUser);
        clipboard.copySecret(kSecret);
        {
            const QSignalBlocker silent(QGuiApplication::clipboard());
            QGuiApplication::clipboard()->setText(u"a meeting note"_s);
        }
        QVERIFY(clipboard.holdsSecret());

        QTRY_COMPARE_WITH_TIMEOUT(replaced.count(), 1, 5000);
        QCOMPARE(clipboardText(), u"a meeting note"_s);
        QCOMPARE(cleared.count(), 0);
    }

    void aTimeoutOfZeroNeverClears()
    {
        SecretClipboard clipboard;
        clipboard.setTimeout(0);
        clipboard.copySecret(kSecret);
        QVERIFY(clipboard.holdsSecret());
        QCOMPARE(clipboard.secondsLeft(), 0);
        QVERIFY(!anyTimerRunning(clipboard));
        QCOMPARE(clipboard.statusText(), u"Token copied"_s);
        QCOMPARE(clipboardText(), QString::fromLatin1(kSecret));
    }

    void clearNowClearsOnlyOurOwnSecret()
    {
        SecretClipboard clipboard;
        QSignalSpy cleared(&clipboard, &SecretClipboard::cleared);
        clipboard.copySecret(kSecret);
        clipboard.clearNow();
        QCOMPARE(cleared.count(), 1);
        QVERIFY(clipboardText().isEmpty());

        clipboard.copySecret(kSecret);
        {
            const QSignalBlocker silent(QGuiApplication::clipboard());
            QGuiApplication::clipboard()->setText(u"mine"_s);
        }
        clipboard.clearNow();
        QCOMPARE(cleared.count(), 1);
        QCOMPARE(clipboardText(), u"mine"_s);
    }

    void quittingClearsTheSecret()
    {
        SecretClipboard clipboard;
        clipboard.setTimeout(0);
        QSignalSpy cleared(&clipboard, &SecretClipboard::cleared);
        clipboard.copySecret(kSecret);
        // aboutToQuit is a private signal: invoke it by name, as quit() would.
        QVERIFY(QMetaObject::invokeMethod(QCoreApplication::instance(), "aboutToQuit",
                                          Qt::DirectConnection));
        QCOMPARE(cleared.count(), 1);
        QVERIFY(clipboardText().isEmpty());
    }

    void quittingLeavesTheUsersOwnDataAlone()
    {
        SecretClipboard clipboard;
        clipboard.setTimeout(0);
        clipboard.copySecret(kSecret);
        QGuiApplication::clipboard()->setText(u"mine"_s);
        QVERIFY(QMetaObject::invokeMethod(QCoreApplication::instance(), "aboutToQuit",
                                          Qt::DirectConnection));
        QCOMPARE(clipboardText(), u"mine"_s);
    }
};

QTEST_MAIN(tst_SecretClipboard)
#include "tst_secretclipboard.moc"
