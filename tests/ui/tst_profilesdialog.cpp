// ProfilesDialog over a ProfileStore on an INI file of its own (issue 6):
// the list (by name, the current one marked), Add, Edit and Remove writing
// through the store, Open, and the signals the main window acts on.
#include "dialogs/ProfileEditDialog.h"
#include "dialogs/ProfilesDialog.h"
#include "profiles/ProfileStore.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ApiAccess;
using namespace Qt::StringLiterals;

namespace {

ConnectionProfile profile(const QString &name, const QString &url, const QString &user)
{
    ConnectionProfile p;
    p.displayName = name;
    p.serverUrl = QUrl(url);
    p.username = user;
    return p;
}

// The dialog as the admin meets it: opened over a shown window, three
// profiles stored, "Production" the current one.
struct Fixture
{
    QTemporaryDir dir;
    ProfileStore store{dir.filePath(u"profiles.ini"_s)};
    ConnectionProfile staging =
        store.add(profile(u"staging"_s, u"https://staging.example.com"_s, u"bob"_s));
    ConnectionProfile production =
        store.add(profile(u"Production"_s, u"https://tokens.example.com"_s, u"alice"_s));
    ConnectionProfile alpha =
        store.add(profile(u"Alpha"_s, u"http://127.0.0.1:8080"_s, u"carol"_s));
    std::unique_ptr<QWidget> window = std::make_unique<QWidget>();
    QPointer<ProfilesDialog> dialog;
    QListWidget *list = nullptr;

    explicit Fixture(bool withProfiles = true)
    {
        if (!withProfiles) {
            for (const ConnectionProfile &p : store.profiles())
                store.remove(p.id);
        }
        window->resize(600, 400);
        window->show();
        dialog = new ProfilesDialog(store, production.id, window.get());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowModality(Qt::WindowModal);
        dialog->open();
        list = dialog->findChild<QListWidget *>(u"profilesList"_s);
    }

    QPushButton *button(const QString &name) const
    {
        return dialog->findChild<QPushButton *>(name);
    }
    QStringList rows() const
    {
        QStringList texts;
        for (int row = 0; row < list->count(); ++row)
            texts.append(list->item(row)->text());
        return texts;
    }
    void select(const QString &id) const
    {
        for (int row = 0; row < list->count(); ++row) {
            if (list->item(row)->data(Qt::UserRole).toString() == id)
                list->setCurrentRow(row);
        }
    }
    // The edit dialog the button opened (window-modal, open()).
    ProfileEditDialog *editDialog() const
    {
        const auto dialogs = dialog->findChildren<ProfileEditDialog *>();
        for (ProfileEditDialog *d : dialogs) {
            if (d->isVisible())
                return d;
        }
        return nullptr;
    }
    QMessageBox *confirmation() const
    {
        auto *box = dialog->findChild<QMessageBox *>(u"removeConfirmation"_s);
        return box && box->isVisible() ? box : nullptr;
    }
};

template<typename T>
T *field(QWidget *parent, const QString &name)
{
    return parent->findChild<T *>(name);
}

} // namespace

class TestProfilesDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_certs;
    QString m_pem;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_certs.isValid());
        const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
        QVERIFY2(!openssl.isEmpty(), "the openssl command line tool is missing (Debian: openssl)");
        m_pem = m_certs.filePath(u"company-ca.pem"_s);
        QProcess generate;
        generate.start(openssl,
                       {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                        u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s, u"-days"_s, u"1"_s,
                        u"-subj"_s, u"/CN=Company CA"_s, u"-keyout"_s,
                        m_certs.filePath(u"ca.key"_s), u"-out"_s, m_pem});
        QVERIFY(generate.waitForFinished(30'000));
        QCOMPARE(generate.exitCode(), 0);
    }

    void listsByNameWithTheCurrentMarked()
    {
        Fixture f;
        QVERIFY(f.list);
        QCOMPARE(f.dialog->windowTitle(), u"Connection profiles"_s);
        QCOMPARE(f.rows(),
                 QStringList({u"Alpha (127.0.0.1:8080)"_s,
                              u"Production (tokens.example.com) (current)"_s,
                              u"staging (staging.example.com)"_s}));
        QCOMPARE(f.list->item(0)->data(Qt::UserRole).toString(), f.alpha.id);
        // The current one is selected, ready for Edit… or Open.
        QCOMPARE(f.dialog->selectedId(), f.production.id);
        QCOMPARE(f.list->accessibleName(), u"Connection profiles"_s);
        QTRY_COMPARE(QApplication::focusWidget(), f.list);
    }

    void buttonsAndTheirNames()
    {
        Fixture f;
        const QList<std::pair<QString, QString>> buttons = {{u"addButton"_s, u"Add…"_s},
                                                            {u"editButton"_s, u"Edit…"_s},
                                                            {u"removeButton"_s, u"Remove…"_s},
                                                            {u"openButton"_s, u"Open"_s},
                                                            {u"closeButton"_s, u"Close"_s}};
        for (const auto &[name, text] : buttons) {
            QPushButton *b = f.button(name);
            QVERIFY2(b, qPrintable(name));
            QCOMPARE(b->text(), text);
            QVERIFY2(!b->accessibleName().isEmpty(), qPrintable(name));
            QVERIFY2(b->isEnabled(), qPrintable(name));
        }
        QVERIFY(f.button(u"openButton"_s)->isDefault());
        f.button(u"closeButton"_s)->click();
        QTRY_VERIFY(!f.dialog);
    }

    void buttonsFollowTheSelection()
    {
        Fixture f;
        f.list->clearSelection();
        QVERIFY(f.dialog->selectedId().isEmpty());
        QVERIFY(f.button(u"addButton"_s)->isEnabled());
        QVERIFY(!f.button(u"editButton"_s)->isEnabled());
        QVERIFY(!f.button(u"removeButton"_s)->isEnabled());
        QVERIFY(!f.button(u"openButton"_s)->isEnabled());
        f.select(f.staging.id);
        QCOMPARE(f.dialog->selectedId(), f.staging.id);
        QVERIFY(f.button(u"editButton"_s)->isEnabled());
        QVERIFY(f.button(u"removeButton"_s)->isEnabled());
        QVERIFY(f.button(u"openButton"_s)->isEnabled());

        Fixture empty(false);
        QCOMPARE(empty.list->count(), 0);
        QVERIFY(empty.button(u"addButton"_s)->isEnabled());
        QVERIFY(!empty.button(u"editButton"_s)->isEnabled());
        QVERIFY(!empty.button(u"openButton"_s)->isEnabled());
    }

    void addWritesEveryFieldToTheStore()
    {
        Fixture f;
        QSignalSpy changed(f.dialog.data(), &ProfilesDialog::profileChanged);
        f.button(u"addButton"_s)->click();
        QTRY_VERIFY(f.editDialog());
        QPointer<ProfileEditDialog> edit = f.editDialog();
        QCOMPARE(edit->windowTitle(), u"Add connection profile"_s);
        QCOMPARE(edit->windowModality(), Qt::WindowModal);
        QCOMPARE(edit->parentWidget(), f.dialog.data());
        QTest::keyClicks(field<QLineEdit>(edit, u"displayNameEdit"_s), u"Company lab"_s);
        QTest::keyClicks(field<QLineEdit>(edit, u"serverUrlEdit"_s), u"https://lab.example.com"_s);
        QTest::keyClicks(field<QLineEdit>(edit, u"usernameEdit"_s), u"dave"_s);
        QTest::keyClicks(field<QLineEdit>(edit, u"caFileEdit"_s), QDir::toNativeSeparators(m_pem));
        field<QCheckBox>(edit, u"keepSignedInCheck"_s)->click();
        QPushButton *add = field<QPushButton>(edit, u"acceptButton"_s);
        QCOMPARE(add->text(), u"Add"_s);
        QVERIFY(add->isEnabled());
        add->click();

        QCOMPARE(changed.size(), 1);
        const QString id = changed.at(0).at(0).toString();
        const std::optional<ConnectionProfile> stored = f.store.profile(id);
        QVERIFY(stored);
        QCOMPARE(stored->displayName, u"Company lab"_s);
        QCOMPARE(stored->serverUrl, QUrl(u"https://lab.example.com"_s));
        QCOMPARE(stored->username, u"dave"_s);
        QCOMPARE(stored->caCertificateFile, m_pem);
        QVERIFY(stored->keepSignedIn);
        QCOMPARE(f.store.profiles().size(), 4);
        // Listed in its place and selected.
        QCOMPARE(f.rows().at(1), u"Company lab (lab.example.com)"_s);
        QCOMPARE(f.dialog->selectedId(), id);
        QTRY_VERIFY(!edit);
        QVERIFY(f.dialog->isVisible());
    }

    void cancelledAddStoresNothing()
    {
        Fixture f;
        QSignalSpy changed(f.dialog.data(), &ProfilesDialog::profileChanged);
        f.button(u"addButton"_s)->click();
        QTRY_VERIFY(f.editDialog());
        QPointer<ProfileEditDialog> edit = f.editDialog();
        QTest::keyClicks(field<QLineEdit>(edit, u"serverUrlEdit"_s), u"https://lab.example.com"_s);
        QTest::keyClick(field<QLineEdit>(edit, u"serverUrlEdit"_s), Qt::Key_Escape);
        QTRY_VERIFY(!edit);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(f.store.profiles().size(), 3);
        QCOMPARE(f.list->count(), 3);
    }

    void editIsPrefilledAndSaves()
    {
        Fixture f;
        ConnectionProfile before = f.staging;
        before.caCertificateFile = m_pem;
        QVERIFY(f.store.update(before));
        QSignalSpy changed(f.dialog.data(), &ProfilesDialog::profileChanged);
        f.select(f.staging.id);
        f.button(u"editButton"_s)->click();
        QTRY_VERIFY(f.editDialog());
        QPointer<ProfileEditDialog> edit = f.editDialog();
        QCOMPARE(edit->windowTitle(), u"Edit connection profile"_s);
        QCOMPARE(edit->windowModality(), Qt::WindowModal);
        auto *name = field<QLineEdit>(edit, u"displayNameEdit"_s);
        auto *user = field<QLineEdit>(edit, u"usernameEdit"_s);
        QCOMPARE(name->text(), u"staging"_s);
        QCOMPARE(field<QLineEdit>(edit, u"serverUrlEdit"_s)->text(),
                 u"https://staging.example.com"_s);
        QCOMPARE(user->text(), u"bob"_s);
        QCOMPARE(field<QLineEdit>(edit, u"caFileEdit"_s)->text(), QDir::toNativeSeparators(m_pem));
        QVERIFY(!field<QCheckBox>(edit, u"keepSignedInCheck"_s)->isChecked());

        name->clear();
        QTest::keyClicks(name, u"Staging EU"_s);
        user->clear();
        QTest::keyClicks(user, u"bobby"_s);
        QPushButton *save = field<QPushButton>(edit, u"acceptButton"_s);
        QCOMPARE(save->text(), u"Save"_s);
        save->click();

        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toString(), f.staging.id);
        ConnectionProfile expected = before;
        expected.displayName = u"Staging EU"_s;
        expected.username = u"bobby"_s;
        QCOMPARE(f.store.profile(f.staging.id), std::optional(expected));
        QCOMPARE(f.store.profiles().size(), 3);
        QCOMPARE(f.rows().at(2), u"Staging EU (staging.example.com)"_s);
        QCOMPARE(f.dialog->selectedId(), f.staging.id);
        QTRY_VERIFY(!edit);
    }

    void removeAsksFirstAndCancelKeeps()
    {
        Fixture f;
        QSignalSpy removed(f.dialog.data(), &ProfilesDialog::profileRemoved);
        f.select(f.staging.id);
        f.button(u"removeButton"_s)->click();
        QTRY_VERIFY(f.confirmation());
        QPointer<QMessageBox> box = f.confirmation();
        QCOMPARE(box->windowModality(), Qt::WindowModal);
        QCOMPARE(box->textFormat(), Qt::PlainText);
        QVERIFY2(box->text().contains(u"staging (staging.example.com)"_s), qPrintable(box->text()));
        QVERIFY(box->informativeText().contains(u"kept session"_s));
        QVERIFY(box->informativeText().contains(u"offline copy"_s));
        auto *confirm = box->findChild<QPushButton *>(u"confirmButton"_s);
        auto *cancel = box->findChild<QPushButton *>(u"cancelButton"_s);
        QVERIFY(confirm && cancel);
        QCOMPARE(confirm->text(), u"Remove"_s);
        QCOMPARE(box->defaultButton(), cancel);
        cancel->click();
        QTRY_VERIFY(!box);
        QCOMPARE(removed.size(), 0);
        QVERIFY(f.store.profile(f.staging.id));
        QCOMPARE(f.list->count(), 3);
    }

    void removeRemovesAndTells()
    {
        Fixture f;
        QSignalSpy removed(f.dialog.data(), &ProfilesDialog::profileRemoved);
        f.select(f.alpha.id);
        f.button(u"removeButton"_s)->click();
        QTRY_VERIFY(f.confirmation());
        QPointer<QMessageBox> box = f.confirmation();
        QVERIFY(box->text().contains(u"Alpha (127.0.0.1:8080)"_s));
        box->findChild<QPushButton *>(u"confirmButton"_s)->click();
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(0).toString(), f.alpha.id);
        QVERIFY(!f.store.profile(f.alpha.id));
        QCOMPARE(f.rows(),
                 QStringList({u"Production (tokens.example.com) (current)"_s,
                              u"staging (staging.example.com)"_s}));
        // The neighbour is selected, so the keyboard can go on.
        QCOMPARE(f.dialog->selectedId(), f.production.id);
        QTRY_VERIFY(!box);
        QVERIFY(f.dialog->isVisible());
    }

    void theCurrentProfileCanBeRemovedWithTheDeleteKey()
    {
        Fixture f;
        f.store.setLastUsedId(f.production.id);
        QSignalSpy removed(f.dialog.data(), &ProfilesDialog::profileRemoved);
        QCOMPARE(f.dialog->selectedId(), f.production.id);
        QVERIFY(QTest::qWaitForWindowActive(f.dialog.data()));
        QTRY_COMPARE(QApplication::focusWidget(), f.list);
        QTest::keyClick(f.list, Qt::Key_Delete);
        QTRY_VERIFY(f.confirmation());
        QPointer<QMessageBox> box = f.confirmation();
        QVERIFY(box->text().contains(u"Production (tokens.example.com)"_s));
        box->findChild<QPushButton *>(u"confirmButton"_s)->click();
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(0).toString(), f.production.id);
        QVERIFY(!f.store.profile(f.production.id));
        QVERIFY(f.store.lastUsedId().isEmpty());
        QVERIFY(!f.rows().join(u'\n').contains(u"(current)"_s));
    }

    void openSwitchesAndCloses_data()
    {
        QTest::addColumn<int>("how");
        QTest::newRow("Open button") << 0;
        QTest::newRow("double-click") << 1;
        QTest::newRow("Enter") << 2;
    }
    void openSwitchesAndCloses()
    {
        QFETCH(int, how);
        Fixture f;
        QSignalSpy open(f.dialog.data(), &ProfilesDialog::openRequested);
        QSignalSpy accepted(f.dialog.data(), &QDialog::accepted);
        f.select(f.staging.id);
        QListWidgetItem *item = f.list->currentItem();
        QVERIFY(item);
        if (how == 0) {
            QTest::mouseClick(f.button(u"openButton"_s), Qt::LeftButton);
        } else if (how == 1) {
            QVERIFY(QTest::qWaitForWindowExposed(f.dialog.data()));
            // As a mouse does it: a click, then the double-click.
            const QPoint centre = f.list->visualItemRect(item).center();
            QTest::mouseClick(f.list->viewport(), Qt::LeftButton, {}, centre);
            QTest::mouseDClick(f.list->viewport(), Qt::LeftButton, {}, centre);
        } else {
            f.list->setFocus();
            QTest::keyClick(f.list, Qt::Key_Return);
        }
        QTRY_COMPARE(open.size(), 1);
        QCOMPARE(open.at(0).at(0).toString(), f.staging.id);
        QCOMPARE(accepted.size(), 1);
        QTRY_VERIFY(!f.dialog);
        QCOMPARE(open.size(), 1);
    }

    void escapeCloses()
    {
        Fixture f;
        QSignalSpy open(f.dialog.data(), &ProfilesDialog::openRequested);
        QTest::keyClick(f.list, Qt::Key_Escape);
        QTRY_VERIFY(!f.dialog);
        QCOMPARE(open.size(), 0);
    }
};

QTEST_MAIN(TestProfilesDialog)
#include "tst_profilesdialog.moc"
