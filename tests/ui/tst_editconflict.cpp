// Two admins edit the same token: the Studio's Save carries If-Match, the
// real server answers 412 to the one who is late, and the Studio shows what
// the other one changed and offers Reload (their version, my edits dropped)
// or Overwrite (my version saved over theirs); Cancel keeps my edits.

#include "ApiTestClient.h"
#include "ServerProcess.h"
#include "StudioTestSupport.h"
#include "StudioTokens.h"
#include "TokenTableModel.h"
#include "dialogs/ConflictDialog.h"
#include "dialogs/TokenDialog.h"
#include "mainwindow/MainWindow.h"

#include <QComboBox>
#include <QJsonObject>
#include <QLineEdit>

#include <memory>

using namespace ApiAccess;
using namespace ApiAccess::Testing;
using namespace Qt::StringLiterals;

class tst_EditConflict : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        QVERIFY(m_server.addAdmin(kTestAdmin, kTestPassword));
        QVERIFY(m_server.addAdmin(u"colleague"_s, kTestPassword));
        m_colleague = std::make_unique<ApiTestClient>(m_server.baseUrl());
        QVERIFY(m_colleague->signIn(u"colleague"_s, kTestPassword));
        const auto session = signInSession(m_server.baseUrl(), kTestAdmin, kTestPassword);
        QVERIFY(session);
        m_session = *session;
    }

    void init()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->setSession(m_session);
        m_window->show();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->lastRefresh().isValid(), kGuiWaitMs);
    }

    void cleanup() { m_window.reset(); }

    void reloadShowsTheirVersionAndDropsMine()
    {
        ConflictDialog *conflict = nullptr;
        TokenDialog *dialog = nullptr;
        const QString id = editAndCollide(u"Reload case"_s, &dialog, &conflict);
        QVERIFY(conflict && dialog);
        // What they changed is shown; the level I changed too is pointed out.
        const QString said = visibleText(conflict);
        QVERIFY2(said.contains(u"Renamed by a colleague"_s), qPrintable(said));
        QVERIFY2(said.contains(u"Administrative"_s), qPrintable(said));

        buttonWithText(conflict, u"Reload"_s)->click();
        QTRY_VERIFY(!m_window->findChild<ConflictDialog *>());
        QCOMPARE(name(dialog)->text(), u"Renamed by a colleague"_s);
        QCOMPARE(level(dialog)->currentData().toString(), u"administrative"_s);
        // Nothing of mine reached the server.
        QCOMPARE(server(id).value(u"accessLevel"_s).toString(), u"administrative"_s);

        // Saving again now works against their version.
        level(dialog)->setCurrentIndex(level(dialog)->findData(u"read_only"_s));
        QAbstractButton *save = buttonWithText(dialog, u"Save"_s);
        QTRY_VERIFY(save->isEnabled());
        save->click();
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->findChild<TokenDialog *>(), kGuiWaitMs);
        const QJsonObject now = server(id);
        QCOMPARE(now.value(u"name"_s).toString(), u"Renamed by a colleague"_s);
        QCOMPARE(now.value(u"accessLevel"_s).toString(), u"read_only"_s);
    }

    void overwriteSavesMyVersionOverTheirs()
    {
        ConflictDialog *conflict = nullptr;
        TokenDialog *dialog = nullptr;
        const QString id = editAndCollide(u"Overwrite case"_s, &dialog, &conflict);
        QVERIFY(conflict && dialog);
        buttonWithText(conflict, u"Overwrite"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->findChild<TokenDialog *>(), kGuiWaitMs);
        // My dialog as a whole: my name (unchanged by me) and my level.
        const QJsonObject now = server(id);
        QCOMPARE(now.value(u"name"_s).toString(), u"Overwrite case"_s);
        QCOMPARE(now.value(u"accessLevel"_s).toString(), u"editorial"_s);
        const TokenTableModel &model = m_window->tokenModel();
        QCOMPARE(model.token(model.rowForId(id))->name, u"Overwrite case"_s);
    }

    void cancelKeepsMyEditsInTheDialog()
    {
        ConflictDialog *conflict = nullptr;
        TokenDialog *dialog = nullptr;
        const QString id = editAndCollide(u"Cancel case"_s, &dialog, &conflict);
        QVERIFY(conflict && dialog);
        buttonWithText(conflict, u"Cancel"_s)->click();
        QTRY_VERIFY(!m_window->findChild<ConflictDialog *>());
        QVERIFY(dialog->isVisible());
        QCOMPARE(level(dialog)->currentData().toString(), u"editorial"_s);
        QCOMPARE(server(id).value(u"name"_s).toString(), u"Renamed by a colleague"_s);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!m_window->findChild<TokenDialog *>());
    }

private:
    static QLineEdit *name(TokenDialog *d) { return d->findChild<QLineEdit *>(u"nameEdit"_s); }
    static QComboBox *level(TokenDialog *d)
    {
        return d->findChild<QComboBox *>(u"accessLevelCombo"_s);
    }
    QJsonObject server(const QString &id)
    {
        return m_colleague->get(u"/api/v1/tokens/"_s + id).json();
    }

    // A token I open for editing; my colleague then renames it and raises
    // its level; I change the level to Editorial and Save: 412.
    QString editAndCollide(const QString &tokenName, TokenDialog **dialog,
                           ConflictDialog **conflict)
    {
        const ApiReply created = m_colleague->createToken(tokenName, u"read_only"_s);
        if (created.status != 201)
            return {};
        const QString id = created.json().value(u"id"_s).toString();
        m_window->refresh();
        if (!QTest::qWaitFor([&] { return m_window->tokenModel().rowForId(id) >= 0; }, kGuiWaitMs))
            return {};
        m_window->editToken(id);
        *dialog = waitForVisible<TokenDialog>(m_window.get());
        if (!*dialog)
            return {};

        const ApiReply theirs =
            m_colleague->patch(u"/api/v1/tokens/"_s + id,
                               QJsonObject{{u"name"_s, u"Renamed by a colleague"_s},
                                           {u"accessLevel"_s, u"administrative"_s}});
        if (theirs.status != 200)
            return {};

        level(*dialog)->setCurrentIndex(level(*dialog)->findData(u"editorial"_s));
        QAbstractButton *save = buttonWithText(*dialog, u"Save"_s);
        if (!save || !QTest::qWaitFor([&] { return save->isEnabled(); }, kGuiWaitMs))
            return {};
        save->click();
        *conflict = waitForVisible<ConflictDialog>(m_window.get());
        return id;
    }

    ServerProcess m_server;
    std::unique_ptr<ApiTestClient> m_colleague;
    Session m_session;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(tst_EditConflict)
#include "tst_editconflict.moc"
