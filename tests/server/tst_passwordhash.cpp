#include "crypto/PasswordHash.h"

#include <QTest>

using namespace ApiAccess::Server;
using namespace Qt::StringLiterals;

class TestPasswordHash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hashesWithArgon2id()
    {
        auto hash = PasswordHash::hash("correct horse battery"_ba);
        QVERIFY(hash.ok());
        QVERIFY2(hash->startsWith(u"$argon2id$"_s), qPrintable(hash.value()));
        QVERIFY(!hash->contains(u"correct horse"_s));
        // Salted: the same password hashes differently each time.
        QVERIFY(PasswordHash::hash("correct horse battery"_ba).value() != hash.value());
    }

    void verifiesOnlyTheRightPassword()
    {
        const QString hash = PasswordHash::hash("correct horse battery"_ba).value();
        QVERIFY(PasswordHash::verify(hash, "correct horse battery"_ba));
        QVERIFY(!PasswordHash::verify(hash, "correct horse batterY"_ba));
        QVERIFY(!PasswordHash::verify(hash, "correct horse battery "_ba));
        QVERIFY(!PasswordHash::verify(hash, QByteArray()));
    }

    void rejectsMalformedHashes()
    {
        QVERIFY(!PasswordHash::verify(QString(), "x"_ba));
        QVERIFY(!PasswordHash::verify(u"$argon2id$garbage"_s, "x"_ba));
        QVERIFY(!PasswordHash::verify(QString(200, u'a'), "x"_ba));
    }

    void handlesBinaryAndUnicodePasswords()
    {
        const QByteArray password = u"pässwörd with \u20ac and \0 byte"_s.toUtf8();
        const QString hash = PasswordHash::hash(password).value();
        QVERIFY(PasswordHash::verify(hash, password));
        QVERIFY(!PasswordHash::verify(hash, password.left(password.size() - 1)));
    }

    void burnVerificationTimeAcceptsAnyInput()
    {
        // Timing is measured in bench/; here: it runs, twice (lazy dummy), without state.
        PasswordHash::burnVerificationTime("whatever"_ba);
        PasswordHash::burnVerificationTime(QByteArray());
        const QString hash = PasswordHash::hash("still works afterwards"_ba).value();
        QVERIFY(PasswordHash::verify(hash, "still works afterwards"_ba));
    }
};

QTEST_GUILESS_MAIN(TestPasswordHash)
#include "tst_passwordhash.moc"
