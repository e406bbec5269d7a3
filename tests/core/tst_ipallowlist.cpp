#include "iprange/IpAllowList.h"

#include <QHostAddress>
#include <QRandomGenerator>
#include <QTest>

using namespace ApiAccess;
using namespace Qt::StringLiterals;

namespace {

using Issue = IpAllowListIssue;

QString kindName(Issue::Kind kind)
{
    switch (kind) {
    case Issue::Kind::Invalid:
        return u"Invalid"_s;
    case Issue::Kind::TooManyEntries:
        return u"TooManyEntries"_s;
    case Issue::Kind::HostBitsCleared:
        return u"HostBitsCleared"_s;
    case Issue::Kind::MappedToIpv4:
        return u"MappedToIpv4"_s;
    case Issue::Kind::Duplicate:
        return u"Duplicate"_s;
    case Issue::Kind::CoveredByOther:
        return u"CoveredByOther"_s;
    case Issue::Kind::AllowsEverything:
        return u"AllowsEverything"_s;
    }
    return u"?"_s;
}

Issue::Severity expectedSeverity(Issue::Kind kind)
{
    switch (kind) {
    case Issue::Kind::Invalid:
    case Issue::Kind::TooManyEntries:
        return Issue::Severity::Error;
    case Issue::Kind::CoveredByOther:
    case Issue::Kind::AllowsEverything:
        return Issue::Severity::Warning;
    default:
        return Issue::Severity::Note;
    }
}

// "Kind:index" or "Kind:index:related": compact, and a mismatch prints well.
QStringList summary(const QList<Issue> &issues)
{
    QStringList out;
    for (const Issue &issue : issues) {
        QString text = kindName(issue.kind) + u':' + QString::number(issue.index);
        if (issue.relatedIndex >= 0)
            text += u':' + QString::number(issue.relatedIndex);
        out.append(text);
    }
    return out;
}

QStringList split(const char *text)
{
    const QString s = QString::fromUtf8(text);
    return s.isEmpty() ? QStringList() : s.split(u' ');
}

QByteArray rowName(const char *text)
{
    QByteArray name(text);
    name.replace('\t', "\\t").replace('\r', "\\r").replace('\n', "\\n");
    return name;
}

// A pseudo-random address of the family, often near a range boundary.
IpRange::Bits randomBits(QRandomGenerator &rng, bool ipv4)
{
    IpRange::Bits bits;
    bits.low = rng.generate64();
    if (ipv4)
        bits.low &= 0xffffffffULL;
    else
        bits.high = rng.generate64();
    return bits;
}

QHostAddress toAddress(IpRange::Bits bits, bool ipv4)
{
    if (ipv4)
        return QHostAddress(quint32(bits.low));
    Q_IPV6ADDR a;
    for (int i = 7; i >= 0; --i) {
        a[i] = quint8(bits.high & 0xff);
        a[i + 8] = quint8(bits.low & 0xff);
        bits.high >>= 8;
        bits.low >>= 8;
    }
    return QHostAddress(a);
}

IpRange::Bits plus(IpRange::Bits b, qint64 delta)
{
    if (delta > 0) {
        const quint64 before = b.low;
        b.low += quint64(delta);
        if (b.low < before)
            ++b.high;
    } else if (delta < 0) {
        const quint64 before = b.low;
        b.low -= quint64(-delta);
        if (b.low > before)
            --b.high;
    }
    return b;
}

} // namespace

class TestIpAllowList : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void separators_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("canonical");

        auto row = [](const char *text, const char *expected) {
            QTest::addRow("%s", rowName(text).constData())
                << QString::fromUtf8(text) << split(expected);
        };
        row("", "");
        row("\n\n  \n\t\n", "");
        row("10.0.0.1", "10.0.0.1");
        row("10.0.0.1\n10.0.0.2", "10.0.0.1 10.0.0.2");
        row("10.0.0.1,10.0.0.2", "10.0.0.1 10.0.0.2");
        row("10.0.0.1, 10.0.0.2", "10.0.0.1 10.0.0.2");
        row("10.0.0.1 ,10.0.0.2", "10.0.0.1 10.0.0.2");
        row("10.0.0.1 10.0.0.2   10.0.0.3", "10.0.0.1 10.0.0.2 10.0.0.3");
        row("10.0.0.1\r\n10.0.0.2\r\n", "10.0.0.1 10.0.0.2");
        row("10.0.0.1\r10.0.0.2", "10.0.0.1 10.0.0.2");
        row("\t10.0.0.1\t\t10.0.0.2\t", "10.0.0.1 10.0.0.2");
        row("\n\n10.0.0.1\n\n\n", "10.0.0.1");
        row("  \n \t \n10.0.0.1", "10.0.0.1");
        row("10.0.0.1\u00a010.0.0.2", "10.0.0.1 10.0.0.2");
        row("10.0.0.1 ,\t10.0.0.2\n2001:DB8::1", "10.0.0.1 10.0.0.2 2001:db8::1");
        row("2001:db8::1, 10.0.0.1", "2001:db8::1 10.0.0.1");
        row("10.0.0.7/24\n2001:DB8::/32", "10.0.0.0/24 2001:db8::/32");
        row("10.0.0.1 10.0.0.2,10.0.0.3\n10.0.0.4", "10.0.0.1 10.0.0.2 10.0.0.3 10.0.0.4");
    }

    void separators()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, canonical);

        const auto result = IpAllowList::parse(text);
        QVERIFY2(result.ok(),
                 qPrintable(result.issues.isEmpty() ? QString() : result.issues.first().message));
        QVERIFY(result.errors().isEmpty());
        QCOMPARE(result.list.toStringList(), canonical);
        QCOMPARE(result.entryCount, int(canonical.size()));
        QCOMPARE(result.list.size(), canonical.size());
        QCOMPARE(result.list.isEmpty(), canonical.isEmpty());
    }

    void errorPositions_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("entry");
        QTest::addColumn<IpRangeErrorCode>("code");
        QTest::addColumn<int>("entryCount");

        using C = IpRangeErrorCode;
        auto row = [](const char *text, int index, int line, int column, const char *entry, C code,
                      int count) {
            QTest::addRow("%s", rowName(text).constData())
                << QString::fromUtf8(text) << index << line << column << QString::fromUtf8(entry)
                << code << count;
        };
        row("10.0.0.256", 0, 1, 1, "10.0.0.256", C::OctetTooLarge, 1);
        row("10.0.0.1\n10.0.0.256", 1, 2, 1, "10.0.0.256", C::OctetTooLarge, 2);
        row("10.0.0.1, 10.0.0.256", 1, 1, 11, "10.0.0.256", C::OctetTooLarge, 2);
        row("10.0.0.1,,10.0.0.2", 1, 1, 10, "", C::Empty, 3);
        row(",10.0.0.1", 0, 1, 1, "", C::Empty, 2);
        row("10.0.0.1,", 1, 1, 10, "", C::Empty, 2);
        row("10.0.0.1, ,10.0.0.2", 1, 1, 10, " ", C::Empty, 3);
        row("10.0.0.1,\r\n10.0.0.2", 1, 1, 10, "\r", C::Empty, 3);
        row("1.2.3.4\n,5.6.7.8", 1, 2, 1, "", C::Empty, 3);
        row("\n\n   fe80::1%eth0", 0, 3, 4, "fe80::1%eth0", C::ZoneId, 1);
        row("10.0.0.1\r\n10.0.0.2\r\n  10.0.0.0/33", 2, 3, 3, "10.0.0.0/33", C::PrefixTooLarge, 3);
        row("10.0.0.1 10.1 10.0.0.3", 1, 1, 10, "10.1", C::BadIpv4, 3);
        row("\t\t010.0.0.1", 0, 1, 3, "010.0.0.1", C::LeadingZero, 1);
        row("10.0.0.1\n10.0.0.0/255.0.0.0", 1, 2, 1, "10.0.0.0/255.0.0.0", C::NetmaskNotation, 2);
        row("10.0.0.0/", 0, 1, 1, "10.0.0.0/", C::MissingPrefix, 1);
        row("2001:db8::/64 2001:db8::/08", 1, 1, 15, "2001:db8::/08", C::BadPrefix, 2);
        row("::1\n\n\n  1::2::3 ", 1, 4, 3, "1::2::3", C::BadIpv6, 2);
        row("10.0.0.1\n\t localhost", 1, 2, 3, "localhost", C::Junk, 2);
    }

    void errorPositions()
    {
        QFETCH(QString, text);
        QFETCH(int, index);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, entry);
        QFETCH(IpRangeErrorCode, code);
        QFETCH(int, entryCount);

        const auto result = IpAllowList::parse(text);
        QVERIFY(!result.ok());
        QCOMPARE(result.entryCount, entryCount);
        const auto errors = result.errors();
        QCOMPARE(errors.size(), 1);
        const Issue &e = errors.first();
        QCOMPARE(kindName(e.kind), u"Invalid"_s);
        QCOMPARE(e.severity, Issue::Severity::Error);
        QCOMPARE(e.index, index);
        QCOMPARE(e.line, line);
        QCOMPARE(e.column, column);
        QCOMPARE(e.entry, entry);
        QVERIFY(e.rangeError.has_value());
        QCOMPARE(int(e.rangeError->code), int(code));
        const QString where = u"Line %1, column %2: "_s.arg(line).arg(column);
        QVERIFY2(e.message.startsWith(where), qPrintable(e.message));
        if (!entry.trimmed().isEmpty())
            QVERIFY2(e.message.contains(u'"' + entry + u'"'), qPrintable(e.message));
        // The valid entries around the bad one are still parsed.
        QCOMPARE(result.list.size(), qsizetype(entryCount - 1));
    }

    void fromEntries()
    {
        const auto result = IpAllowList::fromEntries(
            {u"10.0.0.1"_s, u""_s, u" 2001:DB8::/32 "_s, u"10.0.0.1 10.0.0.2"_s, u"10.1"_s});
        QCOMPARE(result.entryCount, 5);
        QCOMPARE(result.list.toStringList(), (QStringList{u"10.0.0.1"_s, u"2001:db8::/32"_s}));
        QCOMPARE(summary(result.issues),
                 (QStringList{u"Invalid:1"_s, u"Invalid:3"_s, u"Invalid:4"_s}));
        QCOMPARE(int(result.issues[0].rangeError->code), int(IpRangeErrorCode::Empty));
        QCOMPARE(int(result.issues[1].rangeError->code), int(IpRangeErrorCode::Junk));
        QCOMPARE(int(result.issues[2].rangeError->code), int(IpRangeErrorCode::BadIpv4));
        for (const Issue &issue : result.issues) {
            QCOMPARE(issue.line, -1);
            QCOMPARE(issue.column, -1);
        }
        QVERIFY2(result.issues[2].message.startsWith(u"Entry 5: \"10.1\""_s),
                 qPrintable(result.issues[2].message));

        const auto dup = IpAllowList::fromEntries({u"10.0.0.0/8"_s, u"10.1.0.0/16"_s});
        QCOMPARE(summary(dup.issues), QStringList{u"CoveredByOther:1:0"_s});
        QVERIFY2(dup.issues[0].message.contains(u"entry 1"_s), qPrintable(dup.issues[0].message));
    }

    void notes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("issues");
        QTest::addColumn<QStringList>("canonical");

        auto row = [](const char *text, const char *issues, const char *canonical) {
            QTest::addRow("%s", rowName(text).constData())
                << QString::fromUtf8(text) << split(issues) << split(canonical);
        };
        row("10.0.0.7/24", "HostBitsCleared:0", "10.0.0.0/24");
        row("10.0.0.0/24", "", "10.0.0.0/24");
        row("10.0.0.7/32", "", "10.0.0.7");
        row("2001:db8::1/64", "HostBitsCleared:0", "2001:db8::/64");
        row("2001:DB8::/64", "", "2001:db8::/64");
        row("::ffff:10.0.0.1", "MappedToIpv4:0", "10.0.0.1");
        row("::ffff:10.0.0.7/120", "MappedToIpv4:0 HostBitsCleared:0", "10.0.0.0/24");
        row("::ffff:1.2.3.4/64", "HostBitsCleared:0", "::/64");
        row("10.0.0.1\n10.0.0.1", "Duplicate:1:0", "10.0.0.1");
        row("10.0.0.1 10.0.0.2 10.0.0.1 10.0.0.2", "Duplicate:2:0 Duplicate:3:1",
            "10.0.0.1 10.0.0.2");
        row("10.0.0.0/8, 10.0.0.5/8", "HostBitsCleared:1 Duplicate:1:0", "10.0.0.0/8");
        row("::ffff:10.0.0.1 10.0.0.1", "MappedToIpv4:0 Duplicate:1:0", "10.0.0.1");
        row("2001:db8::1 2001:DB8:0::1", "Duplicate:1:0", "2001:db8::1");
        row("10.0.0.0/8\n10.1.0.0/16", "CoveredByOther:1:0", "10.0.0.0/8 10.1.0.0/16");
        row("10.1.0.0/16\n10.0.0.0/8", "CoveredByOther:0:1", "10.1.0.0/16 10.0.0.0/8");
        row("10.1.2.3\n10.0.0.0/8\n10.1.0.0/16", "CoveredByOther:0:1 CoveredByOther:2:1",
            "10.1.2.3 10.0.0.0/8 10.1.0.0/16");
        row("2001:db8::/32 2001:db8:1::/48", "CoveredByOther:1:0", "2001:db8::/32 2001:db8:1::/48");
        row("2001:db8::5 2001:db8::/120", "CoveredByOther:0:1", "2001:db8::5 2001:db8::/120");
        row("10.0.0.0/8 2001:db8::/32", "", "10.0.0.0/8 2001:db8::/32");
        row("10.0.0.0/25 10.0.0.128/25", "", "10.0.0.0/25 10.0.0.128/25");
        row("0.0.0.0/0", "AllowsEverything:0", "0.0.0.0/0");
        row("::/0", "AllowsEverything:0", "::/0");
        row("0.0.0.0/0 ::/0", "AllowsEverything:0 AllowsEverything:1", "0.0.0.0/0 ::/0");
        row("0.0.0.0/0 10.0.0.1", "AllowsEverything:0 CoveredByOther:1:0", "0.0.0.0/0 10.0.0.1");
        row("10.0.0.1/0", "HostBitsCleared:0 AllowsEverything:0", "0.0.0.0/0");
        row("0.0.0.0/0\n0.0.0.0/0", "AllowsEverything:0 Duplicate:1:0", "0.0.0.0/0");
        row("10.0.0.0/8\n10.0.0.0/8\n10.2.0.0/16", "Duplicate:1:0 CoveredByOther:2:0",
            "10.0.0.0/8 10.2.0.0/16");
        row("::ffff:0.0.0.0/96", "MappedToIpv4:0 AllowsEverything:0", "0.0.0.0/0");
        row("10.0.0.256, 10.0.0.1", "Invalid:0", "10.0.0.1");
        row("10.0.0.0/33 10.0.0.0/8 10.0.0.0/16", "Invalid:0 CoveredByOther:2:1",
            "10.0.0.0/8 10.0.0.0/16");
    }

    void notes()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, issues);
        QFETCH(QStringList, canonical);

        const auto result = IpAllowList::parse(text);
        QCOMPARE(summary(result.issues), issues);
        QCOMPARE(result.list.toStringList(), canonical);
        bool anyError = false;
        for (const Issue &issue : result.issues) {
            QCOMPARE(issue.severity, expectedSeverity(issue.kind));
            anyError = anyError || issue.severity == Issue::Severity::Error;
            QVERIFY(issue.line >= 1);
            QVERIFY(issue.column >= 1);
            QVERIFY(!issue.message.isEmpty());
            QVERIFY2(issue.message.contains(u'"' + issue.entry + u'"'), qPrintable(issue.message));
            if (issue.kind != Issue::Kind::Invalid) {
                QVERIFY(!issue.canonical.isEmpty());
                QVERIFY2(issue.message.contains(issue.canonical), qPrintable(issue.message));
            }
        }
        QCOMPARE(result.ok(), !anyError);
    }

    void messages()
    {
        const auto hostBits = IpAllowList::parse(u"10.0.0.7/24"_s);
        QCOMPARE(hostBits.issues.size(), 1);
        QCOMPARE(hostBits.issues[0].message,
                 u"Line 1, column 1: \"10.0.0.7/24\" will be stored as 10.0.0.0/24: the address "
                 "bits after the prefix length are cleared."_s);

        const auto covered = IpAllowList::parse(u"10.0.0.0/8\n  10.1.0.0/16"_s);
        QCOMPARE(covered.issues.size(), 1);
        QCOMPARE(covered.issues[0].message,
                 u"Line 2, column 3: \"10.1.0.0/16\" is already covered by 10.0.0.0/8 (line 1, "
                 "column 1), so it allows no further addresses."_s);

        const auto everything = IpAllowList::parse(u"0.0.0.0/0 ::/0"_s);
        QCOMPARE(everything.issues.size(), 2);
        QVERIFY(everything.issues[0].message.contains(u"allows every IPv4 address"_s));
        QVERIFY(everything.issues[1].message.contains(u"allows every IPv6 address"_s));

        const auto duplicate = IpAllowList::parse(u"10.0.0.1\n10.0.0.1/32"_s);
        QCOMPARE(duplicate.issues.size(), 1);
        QCOMPARE(duplicate.issues[0].message,
                 u"Line 2, column 1: \"10.0.0.1/32\" is the same range as \"10.0.0.1\" (line 1, "
                 "column 1); it is kept once."_s);

        const auto empty = IpAllowList::parse(u"10.0.0.1,,10.0.0.2"_s);
        QVERIFY2(empty.issues[0].message.startsWith(u"Line 1, column 10: There is no entry here"_s),
                 qPrintable(empty.issues[0].message));

        const auto octet = IpAllowList::parse(u"10.0.0.1\n10.0.0.1\n10.0.0.256"_s);
        QCOMPARE(octet.errors().size(), 1);
        QCOMPARE(octet.errors()[0].message,
                 u"Line 3, column 1: \"10.0.0.256\" is not a valid IPv4 address: the fourth octet "
                 "\"256\" is above 255."_s);

        const QString huge = u"2001:db8::"_s + QString(100000, u'1');
        const auto capped = IpAllowList::parse(huge);
        QCOMPARE(capped.errors().size(), 1);
        QVERIFY2(capped.errors()[0].message.size() < 300, qPrintable(capped.errors()[0].message));
        QVERIFY(capped.errors()[0].message.contains(QChar(0x2026)));
    }

    void limit_data()
    {
        QTest::addColumn<int>("valid");
        QTest::addColumn<int>("invalidAt");
        QTest::addColumn<QStringList>("errors");
        QTest::addColumn<int>("listSize");

        QTest::newRow("256") << 256 << -1 << QStringList() << 256;
        QTest::newRow("257") << 257 << -1 << QStringList{u"TooManyEntries:256"_s} << 256;
        QTest::newRow("300") << 300 << -1 << QStringList{u"TooManyEntries:256"_s} << 256;
        QTest::newRow("255 + 1 invalid") << 255 << 10 << QStringList{u"Invalid:10"_s} << 255;
        QTest::newRow("256 + 1 invalid")
            << 256 << 10 << QStringList{u"Invalid:10"_s, u"TooManyEntries:256"_s} << 255;
        QTest::newRow("invalid past the limit")
            << 260 << 258 << QStringList{u"TooManyEntries:256"_s, u"Invalid:258"_s} << 256;
        QTest::newRow("invalid is the 257th")
            << 256 << 256 << QStringList{u"TooManyEntries:256"_s, u"Invalid:256"_s} << 256;
    }

    void limit()
    {
        QFETCH(int, valid);
        QFETCH(int, invalidAt);
        QFETCH(QStringList, errors);
        QFETCH(int, listSize);

        QStringList entries;
        for (int i = 0; i < valid; ++i)
            entries.append(u"10.%1.%2.0/24"_s.arg(i / 256).arg(i % 256));
        if (invalidAt >= 0)
            entries.insert(invalidAt, u"10.0.0.256"_s);
        const auto result = IpAllowList::parse(entries.join(u'\n'));
        QCOMPARE(result.entryCount, int(entries.size()));
        QCOMPARE(summary(result.errors()), errors);
        QCOMPARE(result.ok(), errors.isEmpty());
        QCOMPARE(result.list.size(), qsizetype(listSize));
        for (const Issue &issue : result.errors()) {
            QCOMPARE(issue.line, issue.index + 1);
            if (issue.kind == Issue::Kind::TooManyEntries)
                QVERIFY2(issue.message.contains(u"at most 256 entries"_s),
                         qPrintable(issue.message));
        }
        // fromEntries applies the same limit.
        const auto fromList = IpAllowList::fromEntries(entries);
        QCOMPARE(summary(fromList.errors()), errors);
    }

    void allows_data()
    {
        QTest::addColumn<QString>("list");
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("expected");

        auto row = [](const char *list, const char *address, bool expected) {
            QTest::addRow("%s in %s", address, rowName(list).constData())
                << QString::fromUtf8(list) << QString::fromUtf8(address) << expected;
        };
        row("", "203.0.113.9", true);
        row("", "2001:db8::1", true);
        row("", "::ffff:10.0.0.1", true);
        row("10.0.0.0/8", "10.0.0.0", true);
        row("10.0.0.0/8", "10.255.255.255", true);
        row("10.0.0.0/8", "9.255.255.255", false);
        row("10.0.0.0/8", "11.0.0.0", false);
        row("10.0.0.0/8", "::ffff:10.2.3.4", true);
        row("10.0.0.0/8", "::a02:304", false);
        row("10.0.0.0/8", "2001:db8::1", false);
        row("10.0.0.0/8", "", false);
        row("10.0.0.0/25 10.0.0.128/25", "10.0.0.127", true);
        row("10.0.0.0/25 10.0.0.128/25", "10.0.0.128", true);
        row("10.0.0.0/25 10.0.0.128/25", "10.0.1.0", false);
        row("10.0.0.1 10.0.0.3", "10.0.0.2", false);
        row("10.0.0.1 10.0.0.3", "10.0.0.3", true);
        row("255.255.255.255 0.0.0.0", "255.255.255.255", true);
        row("255.255.255.255 0.0.0.0", "0.0.0.0", true);
        row("255.255.255.255 0.0.0.0", "0.0.0.1", false);
        row("2001:db8::/32 10.0.0.1", "2001:db8:ffff::1", true);
        row("2001:db8::/32 10.0.0.1", "2001:db9::", false);
        row("2001:db8::/32 10.0.0.1", "10.0.0.1", true);
        row("::/0", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true);
        row("::/0", "10.0.0.1", false);
        row("::/0", "::ffff:10.0.0.1", false);
        row("ffff:ffff:ffff:ffff::/64 ::/64", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true);
        row("ffff:ffff:ffff:ffff::/64 ::/64", "::1", true);
        row("ffff:ffff:ffff:ffff::/64 ::/64", "1::", false);
        row("::ffff:192.0.2.0/120", "192.0.2.200", true);
    }

    void allows()
    {
        QFETCH(QString, list);
        QFETCH(QString, address);
        QFETCH(bool, expected);
        const auto result = IpAllowList::parse(list);
        QVERIFY(result.ok());
        const QHostAddress host = address.isEmpty() ? QHostAddress() : QHostAddress(address);
        QCOMPARE(host.isNull(), address.isEmpty());
        QCOMPARE(result.list.allows(host), expected);
    }

    void allowsMatchesLinearScan()
    {
        QRandomGenerator rng(20240611);
        QStringList entries;
        QList<IpRange> expectedRanges;
        while (entries.size() < IpAllowList::kMaxEntries) {
            const bool ipv4 = rng.bounded(2) == 0;
            // Long prefixes mostly, so that both hits and misses are common.
            const int max = ipv4 ? 32 : 128;
            const int prefix = max - int(rng.bounded(ipv4 ? 20 : 70));
            IpRange::Bits bits = randomBits(rng, ipv4);
            if (ipv4 && rng.bounded(2) == 0)
                bits.low = 0x0a000000 | (bits.low & 0xffff); // cluster in 10.0/16: overlaps
            if (!ipv4 && rng.bounded(2) == 0)
                bits.high = 0x20010db800000000; // cluster in 2001:db8::/64
            const QString text = toAddress(bits, ipv4).toString() + u'/' + QString::number(prefix);
            entries.append(text);
        }
        const auto result = IpAllowList::fromEntries(entries);
        QVERIFY(result.ok());
        const IpAllowList &list = result.list;
        QVERIFY(list.size() > 200);

        auto linear = [&](const QHostAddress &address) {
            return std::any_of(list.ranges().cbegin(), list.ranges().cend(),
                               [&](const IpRange &r) { return r.contains(address); });
        };
        int hits = 0;
        int checked = 0;
        auto check = [&](const QHostAddress &address) {
            const bool expected = linear(address);
            hits += expected ? 1 : 0;
            ++checked;
            if (list.allows(address) != expected)
                qWarning("allows(%s) disagrees with a linear scan", qPrintable(address.toString()));
            return list.allows(address) == expected;
        };
        for (const IpRange &r : list.ranges()) {
            const bool ipv4 = r.isIpv4();
            for (qint64 delta : {-1, 0, 1}) {
                QVERIFY(check(toAddress(plus(r.firstAddress(), delta), ipv4)));
                QVERIFY(check(toAddress(plus(r.lastAddress(), delta), ipv4)));
            }
        }
        for (int i = 0; i < 5000; ++i) {
            const bool ipv4 = rng.bounded(2) == 0;
            IpRange::Bits bits = randomBits(rng, ipv4);
            if (ipv4 && rng.bounded(2) == 0)
                bits.low = 0x0a000000 | (bits.low & 0xffff);
            if (!ipv4 && rng.bounded(2) == 0)
                bits.high = 0x20010db800000000;
            const QHostAddress address = toAddress(bits, ipv4);
            QVERIFY(check(address));
            if (ipv4) {
                const QHostAddress mapped(u"::ffff:"_s + address.toString());
                QCOMPARE(list.allows(mapped), list.allows(address));
            }
        }
        // The test is only meaningful if both outcomes occur often.
        QVERIFY2(hits > checked / 10 && hits < checked * 9 / 10,
                 qPrintable(u"%1 of %2"_s.arg(hits).arg(checked)));
    }

    void roundTrip()
    {
        const auto result = IpAllowList::parse(
            u"10.0.0.7/24, 2001:DB8::1/64\n::ffff:192.0.2.1 10.0.0.0/24 0.0.0.0/0"_s);
        QVERIFY(result.ok());
        const QStringList canonical{u"10.0.0.0/24"_s, u"2001:db8::/64"_s, u"192.0.2.1"_s,
                                    u"0.0.0.0/0"_s};
        QCOMPARE(result.list.toStringList(), canonical);
        const auto again = IpAllowList::fromEntries(canonical);
        QVERIFY(again.ok());
        QCOMPARE(again.list, result.list);
        QCOMPARE(IpAllowList::fromRanges(result.list.ranges()), result.list);
        QVERIFY(!(IpAllowList() == result.list));
    }

    void emptyListAllowsEverything()
    {
        const IpAllowList empty;
        QVERIFY(empty.isEmpty());
        QVERIFY(empty.allows(QHostAddress(u"192.0.2.1"_s)));
        QVERIFY(empty.allows(QHostAddress(u"2001:db8::1"_s)));
        QVERIFY(IpAllowList::parse(u"  \n"_s).list.allows(QHostAddress(u"::1"_s)));
        // An empty list is never the result of a list with only bad entries
        // being accepted: the caller must check ok().
        const auto bad = IpAllowList::parse(u"10.0.0.256"_s);
        QVERIFY(!bad.ok());
        QVERIFY(bad.list.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestIpAllowList)
#include "tst_ipallowlist.moc"
