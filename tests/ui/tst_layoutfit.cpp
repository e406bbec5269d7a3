// Nothing the Studio shows is cut off: the main window with a dozen tokens
// with long, realistic names at its default size and at 860 px, after a load
// under an active filter, in every empty state and with message bars, and
// every dialog in each of its states. Each screen is checked by
// ClippingCheck (the room each text needs, from its font, against the room
// it has). CTest runs this at 100 %, at 200 % (QT_SCALE_FACTOR=2) and with
// text twice as large (APIACCESS_TEST_FONT_SCALE=2).
#include "ClippingCheck.h"
#include "TokenFilterProxyModel.h"
#include "TokenTableModel.h"
#include "dialogs/AboutDialog.h"
#include "dialogs/ConfirmActionDialog.h"
#include "dialogs/ConflictDialog.h"
#include "dialogs/ProfileEditDialog.h"
#include "dialogs/RotateDialog.h"
#include "dialogs/ShortcutsDialog.h"
#include "dialogs/SignInDialog.h"
#include "dialogs/TokenDialog.h"
#include "mainwindow/ApiTokensPage.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/TokenColumnSizer.h"
#include "widgets/ExpanderSection.h"
#include "widgets/MotionPreference.h"
#include "widgets/StatePlaceholder.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollBar>
#include <QTableView>
#include <QTest>

using namespace ApiAccess;
using namespace ApiAccess::Testing;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kNow(QDate(2026, 12, 7), QTime(12, 0), Qt::UTC);

Token token(int n, const QString &name, AccessLevel level, TokenStatus status,
            const QStringList &ranges = {})
{
    Token t;
    t.id = u"tok_%1"_s.arg(QString::number(n).rightJustified(4, u'0') + u"mwqzkv7pd3ha2nxe"_s);
    t.name = name;
    t.accessLevel = level;
    t.status = status;
    t.allowedIpRanges = ranges;
    t.createdAt = kNow.addSecs(-3600 * n * 7);
    t.createdBy = u"alice"_s;
    t.updatedAt = t.createdAt;
    if (n % 3 == 0) {
        t.lastUsedAt = kNow.addSecs(-60 * n);
        t.lastUsedIp = u"198.51.100.%1"_s.arg(n);
    }
    return t;
}

// A dozen tokens as an organisation has them: long names, every level and
// status, IPv4 and IPv6 ranges, one expiring this week.
QList<Token> realisticTokens()
{
    using L = AccessLevel;
    using S = TokenStatus;
    QList<Token> tokens{
        token(1, u"Backup job nightly for the data warehouse (Frankfurt region)"_s, L::ReadOnly,
              S::Active, {u"10.20.0.0/16"_s}),
        token(2, u"HR sync – Personio to staff directory"_s, L::Administrative, S::Active,
              {u"192.0.2.10"_s, u"192.0.2.11"_s}),
        token(3, u"Intranet RSS reader"_s, L::RestrictedReadOnly, S::Active),
        token(4, u"Newsroom Slack bot (#breaking-news, #editorial-desk)"_s, L::Editorial, S::Active,
              {u"2001:db8:42:ffff::/64"_s, u"203.0.113.7"_s, u"203.0.113.8"_s}),
        token(5, u"Analytics export to Looker Studio"_s, L::ReadOnly, S::Active,
              {u"198.51.100.0/24"_s}),
        token(6, u"Legacy intranet sync (replaced by HR sync, keep until March)"_s, L::ReadOnly,
              S::Disabled),
        token(7, u"Channel migration from the old CMS"_s, L::ManagingEditorial, S::Active),
        token(8, u"Trade fair kiosk"_s, L::RestrictedReadOnly, S::Active),
        token(9, u"Customer support widget – Zendesk integration for the help centre"_s,
              L::Editorial, S::Expired),
        token(10, u"Mobile app push notifications"_s, L::ReadOnly, S::Active,
              {u"2001:db8:1234:5678::/64"_s}),
        token(11, u"Translation agency upload (DE, FR, IT)"_s, L::Editorial, S::Active,
              {u"203.0.113.0/24"_s, u"198.51.100.77"_s}),
        token(12, u"Quarterly compliance audit export"_s, L::Administrative, S::Disabled),
    };
    tokens[7].expiresAt = kNow.addDays(3);
    tokens[8].expiresAt = kNow.addDays(-2);
    return tokens;
}

// Counts the layout requests a widget receives.
struct LayoutRequestCounter : QObject
{
    explicit LayoutRequestCounter(QWidget *widget) { widget->installEventFilter(this); }
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::LayoutRequest)
            ++count;
        return false;
    }
    int count = 0;
};

QString describe(const QStringList &problems)
{
    return problems.isEmpty() ? QString() : u"\n  "_s + problems.join(u"\n  "_s);
}

} // namespace

class tst_LayoutFit : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> m_window;

    ApiTokensPage *page() const { return m_window->tokensPage(); }
    QTableView *view() const { return page()->tokensView(); }

    void verifyNothingClipped(const QWidget *root, const QString &where)
    {
        const QStringList problems = ClippingCheck::problems(root);
        // APIACCESS_LAYOUT_SHOTS=DIR keeps a picture of every screen checked,
        // for a person to look at too.
        if (const QString dir = qEnvironmentVariable("APIACCESS_LAYOUT_SHOTS"); !dir.isEmpty()) {
            QString file = where;
            file.replace(QRegularExpression(u"[^A-Za-z0-9]+"_s), u"-"_s);
            const_cast<QWidget *>(root)->grab().save(u"%1/%2-%3.png"_s.arg(
                dir, QString::fromLatin1(QTest::currentTestFunction()), file));
        }
        QVERIFY2(problems.isEmpty(), qPrintable(where + describe(problems)));
    }

    // A dialog is exactly as tall as its contents: nothing cut off at the
    // bottom (ClippingCheck sees what lies outside the window) and no
    // empty band between its last widget and its bottom margin.
    void verifyHeightFits(QDialog *dialog, const QString &where)
    {
        const auto band = [dialog] {
            int bottom = 0;
            for (const QWidget *child : dialog->findChildren<QWidget *>(Qt::FindDirectChildrenOnly))
                if (child->isVisible())
                    bottom = std::max(bottom, child->geometry().bottom() + 1);
            return dialog->height() - bottom - dialog->layout()->contentsMargins().bottom();
        };
        // Nor spread out inside: as tall as Qt's layout says its contents
        // need at this width.
        QLayout *layout = dialog->layout();
        const auto needed = [layout, dialog] {
            return layout->hasHeightForWidth() ? layout->totalHeightForWidth(dialog->width())
                                               : layout->totalSizeHint().height();
        };
        QTRY_VERIFY2_WITH_TIMEOUT(
            band() == 0 && dialog->height() == needed(),
            qPrintable(where
                       + u": a band of %1 px; %2 px tall, needs %3"_s.arg(band())
                             .arg(dialog->height())
                             .arg(needed())),
            5'000);
        verifyNothingClipped(dialog, where);
    }

    // At `size`, or as close as the window allows: with large text its
    // contents need more than 860 px, and it does not go narrower.
    void showWindow(QSize size)
    {
        size = size.expandedTo(m_window->minimumSizeHint());
        m_window->resize(size);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_COMPARE(m_window->size(), size);
        QTRY_VERIFY(!page()->columnSizer()->isMeasuring());
    }

    static bool largeText() { return qEnvironmentVariableIsSet("APIACCESS_TEST_FONT_SCALE"); }

    void showDialog(QDialog *dialog)
    {
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The checks measure the settled layout, not a frame of an animation.
        MotionPreference::setOverride(false);
        // Text twice as large as the platform's (a "large text" setting),
        // with the pixel sizes of everything else unchanged.
        if (const double scale = qEnvironmentVariable("APIACCESS_TEST_FONT_SCALE").toDouble();
            scale > 0) {
            QFont font = QApplication::font();
            font.setPointSizeF(font.pointSizeF() * scale);
            QApplication::setFont(font);
        }
        qInfo("screen %s: device pixel ratio %.1f, font %s %.1f pt, %.0f dpi",
              qPrintable(QGuiApplication::primaryScreen()->name()),
              QGuiApplication::primaryScreen()->devicePixelRatio(),
              qPrintable(QApplication::font().family()), QApplication::font().pointSizeF(),
              QGuiApplication::primaryScreen()->logicalDotsPerInch());
    }

    void init()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->tokenModel().setNow(kNow);
    }

    void cleanup() { m_window.reset(); }

    void theTableWithADozenTokensAtItsDefaultSize()
    {
        page()->setSignedIn(true);
        m_window->tokenModel().setTokens(realisticTokens());
        page()->listLoaded();
        showWindow({1280, 760});
        QCOMPARE(view()->model()->rowCount(), 12);
        // At the default size every column has room (with large text the
        // least needed give way, which the narrow-window test covers).
        for (int column = 0; column < TokenTableModel::ColumnCount && !largeText(); ++column)
            QVERIFY2(!view()->isColumnHidden(column), qPrintable(QString::number(column)));
        verifyNothingClipped(m_window.get(), u"1280 px (the default)"_s);
    }

    void aNarrowWindowKeepsActionsInViewAndClipsNothing()
    {
        page()->setSignedIn(true);
        m_window->tokenModel().setTokens(realisticTokens());
        page()->listLoaded();
        showWindow({860, 700});
        // The Actions column is whole inside the viewport, without scrolling.
        const int actions = TokenTableModel::ActionsColumn;
        QVERIFY(!view()->isColumnHidden(actions));
        const QModelIndex cell = view()->model()->index(0, actions);
        QVERIFY(view()->viewport()->rect().contains(view()->visualRect(cell)));
        QCOMPARE(view()->horizontalScrollBar()->maximum(), 0);
        verifyNothingClipped(m_window.get(), u"860 px"_s);
    }

    void aLoadUnderAnActiveFilterSizesTheColumnsForAllTokens()
    {
        page()->setSignedIn(true);
        showWindow({1280, 760});
        // The filter is on before the list arrives, and lets nothing through.
        page()->statusFilter()->setCurrentIndex(page()->statusFilter()->findText(u"Expired"_s));
        QList<Token> active = realisticTokens();
        active.removeIf([](const Token &t) { return t.status == TokenStatus::Expired; });
        m_window->tokenModel().setTokens(active);
        page()->listLoaded();
        QCOMPARE(page()->proxyModel()->rowCount(), 0);
        QCOMPARE(page()->placeholder()->title(), u"No tokens match"_s);
        page()->resetFilters();
        QCOMPARE(view()->model()->rowCount(), 11);
        verifyNothingClipped(m_window.get(), u"after a load under a filter"_s);
    }

    void everyEmptyStateAndMessageFits()
    {
        showWindow({860, 700});
        const auto placeholderFits = [this](const QString &title) {
            QTRY_COMPARE(page()->placeholder()->title(), title);
            QVERIFY(page()->placeholder()->isVisible());
            verifyNothingClipped(m_window.get(), title);
        };
        placeholderFits(u"You are signed out"_s);
        page()->setSignedIn(true);
        page()->setLoading(true);
        placeholderFits(u"Loading tokens…"_s);
        page()->showRefreshFailure(
            u"Could not load the tokens: the connection to tokens.example.com:8443 was refused "
            "(is the server running, and is the port right?)"_s);
        placeholderFits(u"The tokens could not be loaded"_s);
        page()->listLoaded();
        placeholderFits(u"No tokens yet"_s);
        m_window->tokenModel().setTokens(realisticTokens());
        page()->searchEdit()->setText(u"a search that matches no token name at all"_s);
        placeholderFits(u"No tokens match"_s);
        QVERIFY(page()->filterSummary()->isVisible());

        page()->resetFilters();
        page()->showMessage(MessageBar::Severity::Success,
                            u"Token “Customer support widget – Zendesk integration for the help "
                            "centre” created. Copy it now to paste it into the service that will "
                            "use it."_s,
                            realisticTokens().at(8).id);
        verifyNothingClipped(m_window.get(), u"a long message with Copy token"_s);
        page()->showRefreshFailure(u"Could not load the tokens: the server answered 503 Service "
                                   "Unavailable."_s);
        QVERIFY(page()->isStale());
        verifyNothingClipped(m_window.get(), u"a failed refresh over rows"_s);
    }

    void theCreateDialogInEachState()
    {
        TokenDialog dialog(TokenDialog::Mode::Create);
        showDialog(&dialog);
        verifyHeightFits(&dialog, u"collapsed"_s);
        const int collapsed = dialog.height();

        auto *advanced = dialog.findChild<ExpanderSection *>(u"advancedToggle"_s);
        advanced->setExpanded(true);
        verifyHeightFits(&dialog, u"expanded"_s);
        QVERIFY(dialog.height() > collapsed);

        // A fixed, comfortable editor: six lines whatever is typed.
        auto *ranges = dialog.findChild<QPlainTextEdit *>(u"allowedIpRangesEdit"_s);
        const int editorHeight = ranges->height();
        QVERIFY(editorHeight >= 6 * ranges->fontMetrics().lineSpacing());
        const QStringList lines{u"10.20.0.0/16"_s,   u"192.0.2.300"_s,  u"10.0.0.7/24"_s,
                                u"0.0.0.0/0"_s,      u"fe80::1%eth0"_s, u"2001:db8::/32"_s,
                                u"2001:db8:1::/48"_s};
        for (const QString &line : lines) {
            if (line != lines.first())
                QTest::keyClick(ranges, Qt::Key_Return);
            QTest::keyClicks(ranges, line);
        }
        QCOMPARE(ranges->height(), editorHeight);
        QTest::keyClicks(dialog.findChild<QLineEdit *>(u"nameEdit"_s), u" "_s);
        dialog.findChild<QLineEdit *>(u"nameEdit"_s)->clear();
        verifyHeightFits(&dialog, u"long validation messages"_s);

        dialog.showError(u"The server could not be reached: the connection to "
                         "tokens.example.com:8443 timed out after 30 seconds."_s,
                         true);
        verifyHeightFits(&dialog, u"an error with Retry"_s);

        // Back to collapsed: no band of empty space is left behind.
        dialog.clearError();
        ranges->clear();
        QTest::keyClicks(dialog.findChild<QLineEdit *>(u"nameEdit"_s), u"Nightly backup"_s);
        advanced->setExpanded(false);
        verifyHeightFits(&dialog, u"collapsed again"_s);
        QCOMPARE(dialog.height(), collapsed);
    }

    void aDialogAtRestDoesNoLayoutWork()
    {
        // Fitting its contents must settle: a dialog that refits itself on
        // every turn of the event loop keeps a CPU core busy while it is open.
        TokenDialog dialog(TokenDialog::Mode::Create);
        showDialog(&dialog);
        dialog.findChild<ExpanderSection *>(u"advancedToggle"_s)->setExpanded(true);
        for (int i = 0; i < 5; ++i)
            QCoreApplication::processEvents();
        LayoutRequestCounter counter(&dialog);
        for (int i = 0; i < 50; ++i)
            QCoreApplication::processEvents();
        QCOMPARE(counter.count, 0);
    }

    void theEditDialogWithAFullToken()
    {
        TokenDialog dialog(TokenDialog::Mode::Edit);
        Token t = realisticTokens().at(3);
        t.expiresAt = kNow.addDays(40);
        dialog.setToken(t);
        showDialog(&dialog);
        verifyHeightFits(&dialog, u"edit"_s);
    }

    void theRotateDialogForEveryGracePeriod()
    {
        auto *dialog = new RotateDialog(realisticTokens().at(8).name, nullptr);
        dialog->setAttribute(Qt::WA_DeleteOnClose, false);
        std::unique_ptr<RotateDialog> owner(dialog);
        showDialog(dialog);
        auto *grace = dialog->findChild<QComboBox *>(u"graceCombo"_s);
        for (int i = 0; i < grace->count(); ++i) {
            grace->setCurrentIndex(i);
            verifyHeightFits(dialog, grace->currentText());
        }
    }

    void theSignInDialogWithAnError()
    {
        SignInDialog dialog;
        dialog.setServerUrl(QUrl(u"https://tokens.example.com:8443"_s));
        dialog.setUsername(u"alice"_s);
        dialog.setSandboxAvailable(true);
        showDialog(&dialog);
        verifyHeightFits(&dialog, u"sign in"_s);
        dialog.showError(u"The secure connection to tokens.example.com:8443 was refused because "
                         "its certificate is not trusted: the issuer certificate could not be "
                         "found."_s);
        verifyHeightFits(&dialog, u"sign in with an error"_s);
    }

    void theConfirmationsAndTheHelp()
    {
        QStringList names;
        for (const Token &t : realisticTokens())
            names.append(t.name);
        std::unique_ptr<ConfirmActionDialog> confirm(
            ConfirmActionDialog::create(TokenAction::Delete, names, nullptr));
        confirm->setAttribute(Qt::WA_DeleteOnClose, false);
        showDialog(confirm.get());
        verifyNothingClipped(confirm.get(), u"delete 12 tokens"_s);

        AboutDialog about;
        showDialog(&about);
        verifyNothingClipped(&about, u"about"_s);

        m_window->show();
        m_window->showShortcuts();
        auto *shortcuts = m_window->findChild<ShortcutsDialog *>();
        QVERIFY(shortcuts);
        QVERIFY(QTest::qWaitForWindowExposed(shortcuts));
        verifyNothingClipped(shortcuts, u"keyboard shortcuts"_s);
    }

    void theProfileAndConflictDialogs()
    {
        ConnectionProfile profile;
        profile.displayName = u"Production (EU, Frankfurt data centre)"_s;
        profile.serverUrl = QUrl(u"https://tokens.eu-central.example.com:8443"_s);
        profile.username = u"alice.administrator"_s;
        ProfileEditDialog edit(ProfileEditDialog::Mode::Edit, profile, nullptr);
        showDialog(&edit);
        verifyNothingClipped(&edit, u"profile edit"_s);

        const Token original = realisticTokens().at(1);
        Token theirs = original;
        theirs.name = u"HR sync – Personio to staff directory (moved to the EU tenant)"_s;
        theirs.allowedIpRanges = {u"192.0.2.0/24"_s};
        TokenUpdateInput mine;
        mine.accessLevel = AccessLevel::Editorial;
        std::unique_ptr<ConflictDialog> conflict(
            new ConflictDialog(original, theirs, mine, nullptr));
        conflict->setAttribute(Qt::WA_DeleteOnClose, false);
        showDialog(conflict.get());
        verifyNothingClipped(conflict.get(), u"conflict"_s);
    }
};

QTEST_MAIN(tst_LayoutFit)
#include "tst_layoutfit.moc"
