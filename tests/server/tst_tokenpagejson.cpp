// The token list's (and the change feed's) JSON writer against Qt's: byte for byte the same, for
// names and usernames with everything JSON must escape.

#include "api/TokenJson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace ApiAccess;
using namespace ApiAccess::Server;

class TestTokenPageJson : public QObject
{
    Q_OBJECT

private:
    static Token token(const QString &name, const QString &createdBy)
    {
        Token t;
        t.id = u"tok_abcdefghij0123456789"_s;
        t.name = name;
        t.accessLevel = AccessLevel::ReadOnly;
        t.allowedIpRanges = {u"10.0.0.0/8"_s, u"2001:db8::/32"_s};
        t.status = TokenStatus::Active;
        t.createdAt = QDateTime::fromMSecsSinceEpoch(1'765'000'000'123, Qt::UTC);
        t.createdBy = createdBy;
        t.updatedAt = t.createdAt.addSecs(3600);
        return t;
    }

    static QByteArray qtJson(const TokenPage &page)
    {
        return QJsonDocument(page.toJson()).toJson(QJsonDocument::Compact);
    }

private Q_SLOTS:
    void sameBytesAsQt_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("plain") << u"Backup job nightly"_s;
        QTest::newRow("quotes and backslash") << u"say \"hi\" \\ bye"_s;
        QTest::newRow("control characters")
            << QString::fromUtf16(u"tab\tnew\nline\rback\bfeed\f bell\a nul\x01 unit\x1f del\x7f");
        QTest::newRow("non-ASCII") << u"Lohnbüro – 東京 – 🚀"_s;
        QTest::newRow("empty") << QString();
        QTest::newRow("slash and angle brackets") << u"</script> a/b"_s;
    }

    void sameBytesAsQt()
    {
        QFETCH(QString, name);
        TokenPage page;
        Token first = token(name, name + u"@example.org"_s);
        page.items.append(first);
        Token second = token(u"second"_s, u"admin"_s);
        second.allowedIpRanges.clear();
        second.accessLevel = AccessLevel::Administrative;
        second.status = TokenStatus::Disabled;
        second.expiresAt = second.createdAt.addDays(30);
        second.lastUsedAt = second.createdAt.addDays(1);
        second.lastUsedIp = u"192.0.2.7"_s;
        page.items.append(second);
        page.nextCursor = u"eyJjIjoxNzY1MDAwMDAwMTIzLCJpIjoidG9rX2FiYyJ9"_s;
        QCOMPARE(QByteArray::fromStdString(tokenPageJson(page)), qtJson(page));

        page.nextCursor.reset();
        QCOMPARE(QByteArray::fromStdString(tokenPageJson(page)), qtJson(page));

        page.changesCursor = u"MS40Mi4xNzY1MDAwMDAwMTIz"_s;
        QCOMPARE(QByteArray::fromStdString(tokenPageJson(page)), qtJson(page));

        TokenChangeSet changes;
        changes.items = page.items;
        changes.deletedIds = {name, u"tok_deleted"_s};
        changes.changesCursor = u"MS40My4xNzY1MDAwMDAwMTIz"_s;
        QCOMPARE(QByteArray::fromStdString(tokenChangeSetJson(changes)),
                 QJsonDocument(changes.toJson()).toJson(QJsonDocument::Compact));
    }

    void emptyChangeSet()
    {
        TokenChangeSet changes;
        changes.changesCursor = u"MS40Mi4x"_s;
        const QByteArray json = QByteArray::fromStdString(tokenChangeSetJson(changes));
        QCOMPARE(json, QJsonDocument(changes.toJson()).toJson(QJsonDocument::Compact));
        const auto parsed = TokenChangeSet::fromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value(), changes);
    }

    void timesAsQtWritesThem_data()
    {
        QTest::addColumn<QDateTime>("time");
        const auto utc = [](int y, int mo, int d, int h, int mi, int sec, int ms = 0) {
            return QDateTime(QDate(y, mo, d), QTime(h, mi, sec, ms), Qt::UTC);
        };
        QTest::newRow("the epoch") << utc(1970, 1, 1, 0, 0, 0);
        QTest::newRow("before the epoch") << utc(1969, 7, 20, 20, 17, 40);
        QTest::newRow("year one") << utc(1, 1, 1, 0, 0, 0);
        QTest::newRow("leap day") << utc(2028, 2, 29, 12, 30, 45, 999);
        QTest::newRow("not a leap year") << utc(2100, 3, 1, 0, 0, 0);
        QTest::newRow("last second of a year") << utc(1999, 12, 31, 23, 59, 59, 500);
        QTest::newRow("last second there is") << utc(9999, 12, 31, 23, 59, 59);
        QTest::newRow("past the wire's range") << utc(10000, 1, 1, 0, 0, 0);
        QTest::newRow("another time zone")
            << QDateTime(QDate(2026, 12, 8), QTime(3, 30), QTimeZone(3600 * 5 + 1800));
        QTest::newRow("invalid") << QDateTime();
    }

    void timesAsQtWritesThem()
    {
        QFETCH(QDateTime, time);
        TokenPage page;
        Token t = token(u"times"_s, u"admin"_s);
        t.createdAt = time;
        t.updatedAt = time;
        t.expiresAt = time;
        t.lastUsedAt = time;
        page.items.append(t);
        QCOMPARE(QByteArray::fromStdString(tokenPageJson(page)), qtJson(page));
    }

    void emptyPage()
    {
        TokenPage page;
        QCOMPARE(QByteArray::fromStdString(tokenPageJson(page)), qtJson(page));
    }

    void readsBackAsTheSameTokens()
    {
        TokenPage page;
        for (int i = 0; i < 50; ++i)
            page.items.append(token(u"token %1 \"quoted\""_s.arg(i), u"admin"_s));
        const auto parsed = TokenPage::fromJson(
            QJsonDocument::fromJson(QByteArray::fromStdString(tokenPageJson(page))).object());
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->items.size(), 50);
        QCOMPARE(parsed->items.at(7).name, u"token 7 \"quoted\""_s);
        QCOMPARE(parsed->items.at(7).allowedIpRanges, page.items.at(7).allowedIpRanges);
    }
};

QTEST_GUILESS_MAIN(TestTokenPageJson)
#include "tst_tokenpagejson.moc"
