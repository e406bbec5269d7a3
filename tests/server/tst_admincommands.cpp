#include "TestDatabase.h"
#include "cli/AdminCommands.h"
#include "crypto/PasswordHash.h"
#include "store/Stores.h"

#include <QBuffer>
#include <QTest>

using namespace ApiAccess::Server;
using namespace Qt::StringLiterals;

namespace {

struct Outcome
{
    int code = -1;
    QString out;
    QString err;
};

} // namespace

class TestAdminCommands : public QObject
{
    Q_OBJECT

    std::unique_ptr<ApiAccess::Testing::TestDatabase> m_database;

    DatabaseConfig config() const
    {
        if (!m_database->isPostgres())
            return DatabaseConfig::sqlite(m_database->dataDir());
        return DatabaseConfig::postgres(m_database->url()).value();
    }

    Outcome run(const QStringList &arguments, const QByteArray &input = {})
    {
        Outcome outcome;
        QByteArray inputCopy = input;
        QBuffer stdinBuffer(&inputCopy);
        stdinBuffer.open(QIODevice::ReadOnly);
        QTextStream out(&outcome.out);
        QTextStream err(&outcome.err);
        outcome.code = runAdminCommand(arguments, config(), out, err, stdinBuffer);
        out.flush();
        err.flush();
        return outcome;
    }

    QString storedHash(const QString &user)
    {
        auto stores = Stores::open(config(), {});
        if (!stores)
            return {};
        auto admin = stores->accounts->findAdmin(user);
        return admin ? admin->passwordHash : QString();
    }

private Q_SLOTS:
    void init()
    {
        m_database = std::make_unique<ApiAccess::Testing::TestDatabase>();
        QVERIFY2(m_database->isValid(), qPrintable(m_database->errorString()));
    }
    void cleanup() { m_database.reset(); }

    void addListPasswdRemove()
    {
        const QByteArray password = "first-password-123"_ba;
        Outcome added =
            run({u"add"_s, u"alice@example.org"_s, u"--password-stdin"_s}, password + '\n');
        QCOMPARE(added.code, 0);
        QVERIFY(added.out.contains(u"alice@example.org"_s));
        QVERIFY(!added.out.contains(QString::fromLatin1(password)));
        QVERIFY(!added.err.contains(QString::fromLatin1(password)));
        const QString firstHash = storedHash(u"alice@example.org"_s);
        QVERIFY(firstHash.startsWith(u"$argon2id$"_s));
        QVERIFY(PasswordHash::verify(firstHash, password)); // the newline was stripped

        QCOMPARE(run({u"add"_s, u"bob"_s, u"--password-stdin"_s}, "second-password-456"_ba).code,
                 0);
        Outcome listed = run({u"list"_s});
        QCOMPARE(listed.code, 0);
        QCOMPARE(listed.out, u"alice@example.org\nbob\n"_s);

        Outcome again = run({u"add"_s, u"bob"_s, u"--password-stdin"_s}, "whatever-password\n"_ba);
        QCOMPARE(again.code, 1);
        QVERIFY(again.err.contains(u"already exists"_s));

        Outcome changed = run({u"passwd"_s, u"bob"_s, u"--password-stdin"_s},
                              "changed-password-789\r\nsecond line ignored\n"_ba);
        QCOMPARE(changed.code, 0);
        const QString bobHash = storedHash(u"bob"_s);
        QVERIFY(PasswordHash::verify(bobHash, "changed-password-789"_ba));
        QVERIFY(!PasswordHash::verify(bobHash, "second-password-456"_ba));
        QVERIFY(!changed.out.contains(u"changed-password"_s));

        QCOMPARE(
            run({u"passwd"_s, u"carol"_s, u"--password-stdin"_s}, "carol-password-1\n"_ba).code, 1);

        Outcome removed = run({u"remove"_s, u"bob"_s});
        QCOMPARE(removed.code, 0);
        QVERIFY(removed.out.contains(u"bob"_s));
        Outcome removedAgain = run({u"remove"_s, u"bob"_s});
        QCOMPARE(removedAgain.code, 1);
        QVERIFY(removedAgain.err.contains(u"bob"_s));
        QCOMPARE(run({u"list"_s}).out, u"alice@example.org\n"_s);
    }

    void refusesWeakPasswords_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::newRow("nothing") << QByteArray();
        QTest::newRow("empty line") << "\n"_ba;
        QTest::newRow("11 characters") << "abcdefghijk\n"_ba;
        QTest::newRow("11 characters, multi-byte") << u"ääääääääääк\n"_s.toUtf8();
    }
    void refusesWeakPasswords()
    {
        QFETCH(QByteArray, input);
        Outcome outcome = run({u"add"_s, u"alice"_s, u"--password-stdin"_s}, input);
        QCOMPARE(outcome.code, 1);
        QVERIFY(!outcome.err.isEmpty());
        QVERIFY(outcome.out.isEmpty());
        QVERIFY(storedHash(u"alice"_s).isEmpty());
    }

    void acceptsTwelveCharacters()
    {
        QCOMPARE(run({u"add"_s, u"alice"_s, u"--password-stdin"_s}, "abcdefghijkl"_ba).code, 0);
        QVERIFY(PasswordHash::verify(storedHash(u"alice"_s), "abcdefghijkl"_ba));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("nothing") << QStringList{};
        QTest::newRow("unknown command") << QStringList{u"frobnicate"_s};
        QTest::newRow("add without name") << QStringList{u"add"_s, u"--password-stdin"_s};
        QTest::newRow("add without --password-stdin") << QStringList{u"add"_s, u"alice"_s};
        QTest::newRow("add with password argument")
            << QStringList{u"add"_s, u"alice"_s, u"--password=secret-on-cmdline"_s};
        QTest::newRow("two names") << QStringList{u"remove"_s, u"a"_s, u"b"_s};
        QTest::newRow("list with name") << QStringList{u"list"_s, u"a"_s};
        QTest::newRow("remove with --password-stdin")
            << QStringList{u"remove"_s, u"a"_s, u"--password-stdin"_s};
        QTest::newRow("name with space") << QStringList{u"remove"_s, u"a b"_s};
        QTest::newRow("name with slash") << QStringList{u"remove"_s, u"a/b"_s};
        QTest::newRow("name too long") << QStringList{u"remove"_s, QString(65, u'a')};
        QTest::newRow("empty name") << QStringList{u"remove"_s, QString()};
    }
    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        Outcome outcome = run(arguments, "long-enough-password\n"_ba);
        QCOMPARE(outcome.code, 2);
        QVERIFY(outcome.err.contains(u"usage:"_s));
        QVERIFY(!outcome.err.contains(u"secret-on-cmdline"_s));
        QCOMPARE(run({u"list"_s}).out, QString()); // nothing was created
    }

    void nameOfSixtyFourCharactersIsFine()
    {
        const QString name = QString(63, u'a') + u'-';
        QCOMPARE(run({u"add"_s, name, u"--password-stdin"_s}, "long-enough-password\n"_ba).code, 0);
        QCOMPARE(run({u"list"_s}).out, name + u'\n');
    }

    void helpGoesToStandardOutput()
    {
        Outcome outcome = run({u"--help"_s});
        QCOMPARE(outcome.code, 0);
        QVERIFY(outcome.out.contains(u"admin add NAME --password-stdin"_s));
    }
};

QTEST_GUILESS_MAIN(TestAdminCommands)
#include "tst_admincommands.moc"
