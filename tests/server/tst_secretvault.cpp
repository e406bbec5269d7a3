#include "crypto/MasterKey.h"
#include "crypto/SecretVault.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ApiAccess::Server;
using namespace Qt::StringLiterals;

class TestSecretVault : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QTemporaryDir m_otherDir;
    std::unique_ptr<MasterKey> m_key;
    std::unique_ptr<MasterKey> m_otherKey;

    static std::unique_ptr<MasterKey> load(const QString &dir)
    {
        auto key = MasterKey::loadOrCreate(dir, {});
        if (!key)
            qFatal("%s", qPrintable(key.error()));
        return std::make_unique<MasterKey>(std::move(key).value());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid() && m_otherDir.isValid());
        m_key = load(m_dir.path());
        m_otherKey = load(m_otherDir.path());
    }

    void hashAndVerify()
    {
        SecretVault vault(*m_key);
        const QByteArray secret = "aat_0123456789abcdefghijklmnopqrstuvwxyz"_ba;
        const QByteArray hash = vault.hashSecret(secret);
        QCOMPARE(hash.size(), 32);
        QCOMPARE(vault.hashSecret(secret), hash); // deterministic
        QVERIFY(!hash.contains(secret));
        QVERIFY(vault.verifySecret(secret, hash));
        QVERIFY(!vault.verifySecret("aat_0123456789abcdefghijklmnopqrstuvwxyZ"_ba, hash));
        QVERIFY(!vault.verifySecret(secret, hash.left(31)));
        QVERIFY(!vault.verifySecret(secret, QByteArray()));

        // Keyed: another master key gives another hash.
        SecretVault other(*m_otherKey);
        QVERIFY(other.hashSecret(secret) != hash);
        QVERIFY(!other.verifySecret(secret, hash));
        // A second vault on the same key agrees (restart).
        SecretVault again(*m_key);
        QVERIFY(again.verifySecret(secret, hash));
    }

    void sessionHashUsesItsOwnKey()
    {
        SecretVault vault(*m_key);
        const QByteArray value = "session-token-value"_ba;
        QCOMPARE(vault.hashSessionToken(value).size(), 32);
        QCOMPARE(vault.hashSessionToken(value), vault.hashSessionToken(value));
        QVERIFY(vault.hashSessionToken(value) != vault.hashSecret(value));
    }

    void encryptDecryptRoundTrip()
    {
        SecretVault vault(*m_key);
        const QByteArray secret = "aat_secret_round_trip_value"_ba;
        const QString id = u"tok_abc"_s;
        const QByteArray sealed = vault.encryptSecret(secret, id);
        QCOMPARE(sealed.size(), 24 + secret.size() + 16);
        QVERIFY(!sealed.contains(secret));
        // A fresh random nonce each time.
        QVERIFY(vault.encryptSecret(secret, id) != sealed);

        auto opened = vault.decryptSecret(sealed, id);
        QVERIFY(opened.ok());
        QCOMPARE(opened.value(), secret);

        SecretVault again(*m_key);
        QCOMPARE(again.decryptSecret(sealed, id).value(), secret);
    }

    void associatedDataBindsTheTokenId()
    {
        SecretVault vault(*m_key);
        const QByteArray secret = "aat_bound_to_one_token"_ba;
        const QByteArray sealed = vault.encryptSecret(secret, u"tok_one"_s);
        auto moved = vault.decryptSecret(sealed, u"tok_two"_s);
        QVERIFY(!moved.ok());
        QVERIFY(!moved.error().isEmpty());
        QVERIFY(!moved.error().contains(QString::fromLatin1(secret)));
    }

    void tamperingIsDetected()
    {
        SecretVault vault(*m_key);
        const QByteArray secret = "aat_do_not_touch"_ba;
        const QByteArray sealed = vault.encryptSecret(secret, u"tok_t"_s);
        for (qsizetype i = 0; i < sealed.size(); i += 5) {
            QByteArray tampered = sealed;
            tampered[i] = static_cast<char>(tampered[i] ^ 0x01);
            QVERIFY2(!vault.decryptSecret(tampered, u"tok_t"_s).ok(),
                     qPrintable(QString::number(i)));
        }
        QVERIFY(!vault.decryptSecret(sealed.left(sealed.size() - 1), u"tok_t"_s).ok());
        QVERIFY(!vault.decryptSecret(sealed.left(10), u"tok_t"_s).ok());
        QVERIFY(!vault.decryptSecret(QByteArray(), u"tok_t"_s).ok());
    }

    void wrongMasterKeyFails()
    {
        SecretVault vault(*m_key);
        SecretVault other(*m_otherKey);
        const QByteArray sealed = vault.encryptSecret("aat_secret"_ba, u"tok_k"_s);
        QVERIFY(!other.decryptSecret(sealed, u"tok_k"_s).ok());
    }

    void emptySecretRoundTrips()
    {
        SecretVault vault(*m_key);
        const QByteArray sealed = vault.encryptSecret(QByteArray(), u"tok_e"_s);
        auto opened = vault.decryptSecret(sealed, u"tok_e"_s);
        QVERIFY(opened.ok());
        QVERIFY(opened.value().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSecretVault)
#include "tst_secretvault.moc"
