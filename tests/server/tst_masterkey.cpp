#include "crypto/MasterKey.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sodium.h>
#include <sys/stat.h>

using namespace ApiAccess::Server;
using namespace Qt::StringLiterals;

namespace {

unsigned modeOf(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return 0xffff;
    return info.st_mode & 0777;
}

void writeFile(const QString &path, const QByteArray &bytes, unsigned mode)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
    file.close();
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode), 0);
}

QByteArray knownKey()
{
    QByteArray key(MasterKey::kSize, Qt::Uninitialized);
    for (int i = 0; i < key.size(); ++i)
        key[i] = static_cast<char>(i * 7 + 3);
    return key;
}

} // namespace

class TestMasterKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsPrivateKeyOnFirstStart()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString dataDir = tmp.filePath(u"data"_s);
        auto key = MasterKey::loadOrCreate(dataDir, {});
        QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error()));
        const QString path = dataDir + u"/master.key"_s;
        QVERIFY(QFileInfo::exists(path));
        QCOMPARE(QFileInfo(path).size(), qint64(MasterKey::kSize));
        QCOMPARE(modeOf(path), 0600u);
        QCOMPARE(modeOf(dataDir), 0700u);
        // No temporary file is left behind.
        QCOMPARE(QDir(dataDir).entryList(QDir::Files | QDir::Hidden).size(), 1);
    }

    void reloadGivesSameDerivedKeys()
    {
        QTemporaryDir tmp;
        auto first = MasterKey::loadOrCreate(tmp.path(), {});
        QVERIFY(first.ok());
        auto second = MasterKey::loadOrCreate(tmp.path(), {});
        QVERIFY(second.ok());
        QCOMPARE(first->deriveKey(1), second->deriveKey(1));
        QCOMPARE(first->deriveKey(2), second->deriveKey(2));
        QVERIFY(first->deriveKey(1) != first->deriveKey(2));

        QTemporaryDir other;
        auto fresh = MasterKey::loadOrCreate(other.path(), {});
        QVERIFY(fresh.ok());
        QVERIFY(fresh->deriveKey(1) != first->deriveKey(1));
    }

    void survivesMove()
    {
        QTemporaryDir tmp;
        auto loaded = MasterKey::loadOrCreate(tmp.path(), {});
        QVERIFY(loaded.ok());
        const auto expected = loaded->deriveKey(5);
        MasterKey moved = std::move(loaded).value();
        QCOMPARE(moved.deriveKey(5), expected);
    }

    void refusesKeyReadableByOthers_data()
    {
        QTest::addColumn<unsigned>("mode");
        QTest::newRow("0644") << 0644u;
        QTest::newRow("0640") << 0640u;
        QTest::newRow("0604") << 0604u;
        QTest::newRow("0610") << 0610u;
    }
    void refusesKeyReadableByOthers()
    {
        QFETCH(unsigned, mode);
        QTemporaryDir tmp;
        const QString path = tmp.filePath(u"master.key"_s);
        writeFile(path, knownKey(), mode);
        auto key = MasterKey::loadOrCreate(tmp.path(), {});
        QVERIFY(!key.ok());
        QVERIFY2(key.error().contains(u"chmod 600"_s), qPrintable(key.error()));
        QVERIFY(key.error().contains(path));

        auto viaOption = MasterKey::loadOrCreate(tmp.path(), path);
        QVERIFY(!viaOption.ok());
        QVERIFY(viaOption.error().contains(u"chmod 600"_s));
    }

    void refusesWrongSize_data()
    {
        QTest::addColumn<int>("size");
        QTest::newRow("empty") << 0;
        QTest::newRow("31") << 31;
        QTest::newRow("33") << 33;
        QTest::newRow("64") << 64;
    }
    void refusesWrongSize()
    {
        QFETCH(int, size);
        QTemporaryDir tmp;
        const QString path = tmp.filePath(u"master.key"_s);
        writeFile(path, QByteArray(size, 'k'), 0600);
        auto key = MasterKey::loadOrCreate(tmp.path(), {});
        QVERIFY(!key.ok());
        QVERIFY2(key.error().contains(u"32 bytes"_s), qPrintable(key.error()));
    }

    void readsKeyFileGivenOnCommandLine()
    {
        QTemporaryDir tmp;
        const QString keyFile = tmp.filePath(u"elsewhere.key"_s);
        writeFile(keyFile, knownKey(), 0400);
        const QString dataDir = tmp.filePath(u"data"_s);
        auto key = MasterKey::loadOrCreate(dataDir, keyFile);
        QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error()));
        QVERIFY(!QFileInfo::exists(dataDir + u"/master.key"_s));

        // The derivation is libsodium's KDF with the documented context.
        std::array<unsigned char, 32> expected{};
        const QByteArray master = knownKey();
        crypto_kdf_derive_from_key(expected.data(), expected.size(), 7, "apiacces",
                                   reinterpret_cast<const unsigned char *>(master.constData()));
        QCOMPARE(key->deriveKey(7), expected);
    }

    void refusesMissingKeyFile()
    {
        QTemporaryDir tmp;
        auto key = MasterKey::loadOrCreate(tmp.path(), tmp.filePath(u"absent.key"_s));
        QVERIFY(!key.ok());
        QVERIFY(key.error().contains(u"absent.key"_s));
        QVERIFY(!QFileInfo::exists(tmp.filePath(u"absent.key"_s)));
    }
};

QTEST_GUILESS_MAIN(TestMasterKey)
#include "tst_masterkey.moc"
