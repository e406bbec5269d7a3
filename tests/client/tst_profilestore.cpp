// Connection profiles in QSettings (an INI file of the test's own): they
// round-trip field by field, list by name, survive a new store on the same
// file (a restart), and validate what an admin can get wrong.

#include "profiles/ProfileStore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ApiAccess;
using namespace Qt::StringLiterals;

namespace {

ConnectionProfile production()
{
    ConnectionProfile p;
    p.displayName = u"Production"_s;
    p.serverUrl = QUrl(u"https://tokens.example.com"_s);
    p.username = u"alice"_s;
    p.keepSignedIn = true;
    return p;
}

} // namespace

class tst_ProfileStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }

    void roundTripsEveryFieldAcrossRestarts()
    {
        const QString ini = m_dir.filePath(u"roundtrip.ini"_s);
        ConnectionProfile added;
        {
            ProfileStore store(ini);
            ConnectionProfile p = production();
            p.caCertificateFile = u"/etc/ssl/company-ca.pem"_s;
            added = store.add(p);
            QVERIFY(!added.id.isEmpty());
            QCOMPARE(added.displayName, u"Production"_s);
            store.setLastUsedId(added.id);
        }
        ProfileStore reopened(ini);
        const auto again = reopened.profile(added.id);
        QVERIFY(again);
        QCOMPARE(*again, added);
        QCOMPARE(reopened.lastUsedId(), added.id);
    }

    void listsByNameAndUpdatesAndRemoves()
    {
        ProfileStore store(m_dir.filePath(u"list.ini"_s));
        ConnectionProfile staging = production();
        staging.displayName = u"staging"_s;
        staging.serverUrl = QUrl(u"https://staging.example.com"_s);
        const auto s = store.add(staging);
        const auto p = store.add(production());
        QCOMPARE(store.profiles().size(), 2);
        QCOMPARE(store.profiles().at(0).displayName, u"Production"_s);
        QCOMPARE(store.profiles().at(1).displayName, u"staging"_s);

        ConnectionProfile renamed = *store.profile(s.id);
        renamed.displayName = u"Acceptance"_s;
        QVERIFY(store.update(renamed));
        QCOMPARE(store.profiles().at(0).displayName, u"Acceptance"_s);
        ConnectionProfile unknown = renamed;
        unknown.id = u"not-there"_s;
        QVERIFY(!store.update(unknown));

        store.setLastUsedId(p.id);
        QVERIFY(store.remove(p.id));
        QVERIFY(!store.profile(p.id));
        QCOMPARE(store.lastUsedId(), QString()); // not a removed profile
        QCOMPARE(store.profiles().size(), 1);
        QVERIFY(!store.remove(p.id));
    }

    void findsByServerAndUser()
    {
        ProfileStore store(m_dir.filePath(u"find.ini"_s));
        const auto p = store.add(production());
        const auto found = store.find(QUrl(u"https://tokens.example.com/"_s), u"alice"_s);
        QVERIFY(found);
        QCOMPARE(found->id, p.id);
        QVERIFY(!store.find(QUrl(u"https://tokens.example.com"_s), u"bob"_s));
        QVERIFY(!store.find(QUrl(u"https://other.example.com"_s), u"alice"_s));
    }

    void noSecretIsEverWritten()
    {
        // The struct has no place for one; the file holds only these keys.
        const QString ini = m_dir.filePath(u"keys.ini"_s);
        ProfileStore(ini).add(production());
        QFile file(ini);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        for (const QByteArray &line : text.split('\n')) {
            if (line.isEmpty() || line.startsWith('['))
                continue;
            const QByteArray key = line.left(line.indexOf('=')).split('\\').last();
            QVERIFY2(QList<QByteArray>({"displayName", "serverUrl", "username", "caCertificateFile",
                                        "keepSignedIn"})
                         .contains(key),
                     line.constData());
        }
    }

    void validatesWhatAnAdminCanGetWrong_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("caFile");
        QTest::addColumn<QString>("error"); // empty: valid
        QTest::newRow("fine") << u"Prod"_s << u"https://tokens.example.com"_s << QString()
                              << QString();
        QTest::newRow("no name") << u"  "_s << u"https://tokens.example.com"_s << QString()
                                 << u"The profile needs a name."_s;
        QTest::newRow("ftp") << u"Prod"_s << u"ftp://tokens.example.com"_s << QString()
                             << u"must start with https://"_s;
        QTest::newRow("no host") << u"Prod"_s << u"https://"_s << QString()
                                 << u"needs a host name"_s;
        QTest::newRow("missing CA file")
            << u"Prod"_s << u"https://tokens.example.com"_s << u"/nonexistent/ca.pem"_s
            << u"cannot be read: /nonexistent/ca.pem"_s;
        QTest::newRow("CA file without PEM") << u"Prod"_s << u"https://tokens.example.com"_s
                                             << u"NOT_PEM"_s << u"holds no PEM certificate"_s;
    }

    void validatesWhatAnAdminCanGetWrong()
    {
        QFETCH(QString, name);
        QFETCH(QString, url);
        QFETCH(QString, caFile);
        QFETCH(QString, error);
        ConnectionProfile p;
        p.displayName = name;
        p.serverUrl = QUrl(url);
        if (caFile == u"NOT_PEM"_s) {
            caFile = m_dir.filePath(u"not.pem"_s);
            QFile f(caFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("hello\n");
        }
        p.caCertificateFile = caFile;
        const auto result = p.validate();
        if (error.isEmpty()) {
            QVERIFY2(result.ok(), qPrintable(result ? QString() : result.error()));
        } else {
            QVERIFY(!result.ok());
            QVERIFY2(result.error().contains(error), qPrintable(result.error()));
        }
    }

    void labelNamesTheHost()
    {
        QCOMPARE(production().label(), u"Production (tokens.example.com)"_s);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(tst_ProfileStore)
#include "tst_profilestore.moc"
