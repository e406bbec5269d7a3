#include "iprange/IpRange.h"

#include <QHostAddress>
#include <QTest>

using namespace ApiAccess;
using namespace Qt::StringLiterals;

namespace {

QString codeName(IpRangeErrorCode code)
{
    switch (code) {
    case IpRangeErrorCode::Empty:
        return u"Empty"_s;
    case IpRangeErrorCode::Junk:
        return u"Junk"_s;
    case IpRangeErrorCode::OctetTooLarge:
        return u"OctetTooLarge"_s;
    case IpRangeErrorCode::LeadingZero:
        return u"LeadingZero"_s;
    case IpRangeErrorCode::BadIpv4:
        return u"BadIpv4"_s;
    case IpRangeErrorCode::BadIpv6:
        return u"BadIpv6"_s;
    case IpRangeErrorCode::ZoneId:
        return u"ZoneId"_s;
    case IpRangeErrorCode::MissingPrefix:
        return u"MissingPrefix"_s;
    case IpRangeErrorCode::BadPrefix:
        return u"BadPrefix"_s;
    case IpRangeErrorCode::PrefixTooLarge:
        return u"PrefixTooLarge"_s;
    case IpRangeErrorCode::NetmaskNotation:
        return u"NetmaskNotation"_s;
    }
    return u"?"_s;
}

QString utf8(const char *text)
{
    return QString::fromUtf8(text);
}

// Row names show control characters escaped so the log stays one line per row.
QByteArray rowName(const char *text)
{
    QByteArray name(text);
    name.replace('\t', "\\t").replace('\r', "\\r").replace('\n', "\\n");
    return name;
}

void valid(const char *input, const char *canonical, bool ipv4, int prefix)
{
    QTest::addRow("%s", rowName(input).constData())
        << utf8(input) << utf8(canonical) << ipv4 << prefix;
}

void invalid(const char *input, IpRangeErrorCode code, const char *mentions)
{
    QTest::addRow("%s", rowName(input).constData())
        << utf8(input) << codeName(code) << utf8(mentions);
}

void formats(const char *address, const char *expected)
{
    QTest::addRow("%s", address) << utf8(address) << utf8(expected);
}

void contains(const char *range, const char *address, bool expected)
{
    QTest::addRow("%s in %s", address, range) << utf8(range) << utf8(address) << expected;
}

IpRange range(const QString &text)
{
    const auto parsed = IpRange::parse(text);
    if (!parsed)
        qFatal("test range does not parse: %s", qPrintable(text));
    return parsed.value();
}

} // namespace

class TestIpRange : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseValid_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("canonical");
        QTest::addColumn<bool>("ipv4");
        QTest::addColumn<int>("prefix");

        // IPv4 single addresses and white space trimming.
        valid("192.0.2.10", "192.0.2.10", true, 32);
        valid("0.0.0.0", "0.0.0.0", true, 32);
        valid("0.0.0.1", "0.0.0.1", true, 32);
        valid("255.255.255.255", "255.255.255.255", true, 32);
        valid("  198.51.100.7  ", "198.51.100.7", true, 32);
        valid("\t10.0.0.1\r\n", "10.0.0.1", true, 32);
        valid("100.64.0.0", "100.64.0.0", true, 32);
        // IPv4 CIDR, every prefix edge, host bits cleared.
        valid("10.0.0.0/8", "10.0.0.0/8", true, 8);
        valid("10.20.30.40/8", "10.0.0.0/8", true, 8);
        valid("10.0.0.7/24", "10.0.0.0/24", true, 24);
        valid("10.0.0.7/32", "10.0.0.7", true, 32);
        valid("10.0.0.0/32", "10.0.0.0", true, 32);
        valid("10.0.0.7/31", "10.0.0.6/31", true, 31);
        valid("10.0.0.6/31", "10.0.0.6/31", true, 31);
        valid("10.0.0.1/0", "0.0.0.0/0", true, 0);
        valid("0.0.0.0/0", "0.0.0.0/0", true, 0);
        valid("128.0.0.0/1", "128.0.0.0/1", true, 1);
        valid("200.1.2.3/1", "128.0.0.0/1", true, 1);
        valid("127.255.255.255/1", "0.0.0.0/1", true, 1);
        valid("1.2.3.4/7", "0.0.0.0/7", true, 7);
        valid("172.16.5.4/12", "172.16.0.0/12", true, 12);
        valid("192.168.1.255/16", "192.168.0.0/16", true, 16);
        valid("100.64.0.1/10", "100.64.0.0/10", true, 10);
        valid("203.0.113.129/25", "203.0.113.128/25", true, 25);
        valid("203.0.113.5/30", "203.0.113.4/30", true, 30);
        valid("255.255.255.255/9", "255.128.0.0/9", true, 9);
        valid(" 10.0.0.0/8 ", "10.0.0.0/8", true, 8);
        // IPv6: full, compressed and upper-case input, RFC 5952 output.
        valid("2001:db8::1", "2001:db8::1", false, 128);
        valid("2001:DB8::1", "2001:db8::1", false, 128);
        valid("2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1", false, 128);
        valid("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1", false, 128);
        valid("2001:0db8::0001", "2001:db8::1", false, 128);
        valid("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1", false, 128);
        valid("2001:db8:0:0:0:0:2:1", "2001:db8::2:1", false, 128);
        valid("2001:db8::0:1", "2001:db8::1", false, 128);
        valid("2001:db8:0:0:1:0:0:0", "2001:db8:0:0:1::", false, 128);
        valid("1:0:0:2:0:0:3:4", "1::2:0:0:3:4", false, 128);
        valid("2001:db8:0:0:0:1:0:0", "2001:db8::1:0:0", false, 128);
        valid("::", "::", false, 128);
        valid("0:0:0:0:0:0:0:0", "::", false, 128);
        valid("::1", "::1", false, 128);
        valid("0:0:0:0:0:0:0:1", "::1", false, 128);
        valid("1::", "1::", false, 128);
        valid("1:0:0:0:0:0:0:0", "1::", false, 128);
        valid("1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8", false, 128);
        valid("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0", false, 128);
        valid("::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8", false, 128);
        valid("1:0:2:3:4:5:6:7", "1:0:2:3:4:5:6:7", false, 128);
        valid("FE80:0:0:0:0204:61FF:FE9D:F156", "fe80::204:61ff:fe9d:f156", false, 128);
        valid("2001:DB8:AAAA:BBBB:CCCC:DDDD:EEEE:1", "2001:db8:aaaa:bbbb:cccc:dddd:eeee:1", false,
              128);
        valid("::1.2.3.4", "::102:304", false, 128);
        valid("64:ff9b::192.0.2.33", "64:ff9b::c000:221", false, 128);
        valid("  2001:db8::1\t", "2001:db8::1", false, 128);
        // IPv6 CIDR, prefix edges, host bits cleared.
        valid("2001:db8::/32", "2001:db8::/32", false, 32);
        valid("2001:db8:abcd:12::/64", "2001:db8:abcd:12::/64", false, 64);
        valid("2001:db8:abcd:12:1:2:3:4/64", "2001:db8:abcd:12::/64", false, 64);
        valid("2001:db8:1234:5678:9abc:def0:1234:5678/48", "2001:db8:1234::/48", false, 48);
        valid("2001:db8::1/127", "2001:db8::/127", false, 127);
        valid("2001:db8::3/127", "2001:db8::2/127", false, 127);
        valid("2001:db8::1/128", "2001:db8::1", false, 128);
        valid("2001:db8::ffff:ffff:ffff:ffff/65", "2001:db8:0:0:8000::/65", false, 65);
        valid("2001:db8::ffff:ffff:ffff:ffff/63", "2001:db8::/63", false, 63);
        valid("::/0", "::/0", false, 0);
        valid("2001:db8::1/0", "::/0", false, 0);
        valid("8000::/1", "8000::/1", false, 1);
        valid("ffff::/1", "8000::/1", false, 1);
        // IPv4-mapped IPv6 becomes IPv4 (prefix 96 and up).
        valid("::ffff:1.2.3.4", "1.2.3.4", true, 32);
        valid("::FFFF:10.0.0.1", "10.0.0.1", true, 32);
        valid("::ffff:a00:1", "10.0.0.1", true, 32);
        valid("0:0:0:0:0:ffff:192.168.1.1", "192.168.1.1", true, 32);
        valid("::ffff:10.0.0.0/104", "10.0.0.0/8", true, 8);
        valid("::ffff:10.0.0.7/120", "10.0.0.0/24", true, 24);
        valid("::ffff:0.0.0.0/96", "0.0.0.0/0", true, 0);
        valid("::ffff:1.2.3.4/128", "1.2.3.4", true, 32);
        valid("::ffff:1.2.3.4/64", "::/64", false, 64);
        valid("::ffff:1.2.3.4/95", "::fffe:0:0/95", false, 95);
    }

    void parseValid()
    {
        QFETCH(QString, input);
        QFETCH(QString, canonical);
        QFETCH(bool, ipv4);
        QFETCH(int, prefix);

        const auto parsed = IpRange::parse(input);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        const IpRange &r = parsed.value();
        QCOMPARE(r.toString(), canonical);
        QCOMPARE(r.isIpv4(), ipv4);
        QCOMPARE(r.isIpv6(), !ipv4);
        QVERIFY(!r.isNull());
        QCOMPARE(r.prefixLength(), prefix);
        QCOMPARE(r.maxPrefixLength(), ipv4 ? 32 : 128);
        QCOMPARE(r.isSingleAddress(), prefix == r.maxPrefixLength());
        QCOMPARE(r.allowsEverything(), prefix == 0);

        // The canonical form is a fixed point.
        const auto again = IpRange::parse(canonical);
        QVERIFY(again.ok());
        QCOMPARE(again.value(), r);
        QCOMPARE(again.value().toString(), canonical);

        // network() agrees with the canonical text.
        const QString networkText = canonical.section(u'/', 0, 0);
        QCOMPARE(r.network(), QHostAddress(networkText));
        QVERIFY(r.contains(r.network()));
    }

    void parseInvalid_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("mentions");

        using C = IpRangeErrorCode;
        invalid("", C::Empty, "empty");
        invalid("   ", C::Empty, "empty");
        invalid("\t\r\n", C::Empty, "empty");
        invalid("localhost", C::Junk, "\"localhost\"");
        invalid("example.com", C::Junk, "\"example.com\"");
        invalid("any", C::Junk, "\"any\"");
        invalid("１０.0.0.1", C::Junk, "１０.0.0.1");
        invalid("10.0.0.1 10.0.0.2", C::Junk, "white space");
        invalid("10.0.0.0 /24", C::Junk, "white space");
        invalid("/24", C::Junk, "before the '/'");
        invalid("http://10.0.0.1", C::Junk, "URL");
        // IPv4 octets.
        invalid("10.0.0.256", C::OctetTooLarge, "fourth octet \"256\" is above 255");
        invalid("256.0.0.1", C::OctetTooLarge, "first octet \"256\"");
        invalid("1.300.3.4", C::OctetTooLarge, "second octet \"300\"");
        invalid("1.2.999.4", C::OctetTooLarge, "third octet \"999\"");
        invalid("1.2.3.1000", C::OctetTooLarge, "\"1000\"");
        invalid("10.0.0.99999999999999999999", C::OctetTooLarge, "99999999999999999999");
        invalid("10.0.0.256/24", C::OctetTooLarge, "\"256\"");
        invalid("010.0.0.1", C::LeadingZero, "\"010\"");
        invalid("10.0.0.01", C::LeadingZero, "fourth octet \"01\"");
        invalid("10.00.0.1", C::LeadingZero, "\"00\"");
        invalid("10.0.0.0377", C::LeadingZero, "\"0377\"");
        invalid("10.1", C::BadIpv4, "shorthand");
        invalid("127.1", C::BadIpv4, "\"127.1\"");
        invalid("10.0.0", C::BadIpv4, "but has 3");
        invalid("1.2.3.4.5", C::BadIpv4, "but has 5");
        invalid("167772161", C::BadIpv4, "but has 1");
        invalid("10..0.1", C::BadIpv4, "empty octet");
        invalid("10.0.0.", C::BadIpv4, "empty octet");
        invalid(".10.0.0.1", C::BadIpv4, "empty octet");
        invalid("0x0a.0.0.1", C::BadIpv4, "\"0x0a\" is not a decimal number");
        invalid("10.0.0.x", C::BadIpv4, "\"x\"");
        invalid("10.0.0.*", C::BadIpv4, "wildcard");
        invalid("10.0.0.1:8080", C::BadIpv4, "\":8080\"");
        // IPv6 structure.
        invalid("1:2:3:4:5:6:7:8:9", C::BadIpv6, "more than eight groups");
        invalid("1:2:3:4:5:6:7:1.2.3.4", C::BadIpv6, "more than eight groups");
        invalid("1:2:3:4:5:6:7", C::BadIpv6, "7 groups");
        invalid("1::2::3", C::BadIpv6, "'::' may appear only once");
        invalid(":::", C::BadIpv6, "'::' may appear only once");
        invalid("1:::2", C::BadIpv6, "'::' may appear only once");
        invalid("12345::1", C::BadIpv6, "\"12345\"");
        invalid("2001:db8::00001", C::BadIpv6, "\"00001\"");
        invalid("2001:db8::g", C::BadIpv6, "\"g\"");
        invalid("2001:db8::1-2", C::BadIpv6, "\"-\"");
        invalid("[2001:db8::1]", C::BadIpv6, "brackets");
        invalid("[::1]/128", C::BadIpv6, "brackets");
        invalid(":1:2:3:4:5:6:7", C::BadIpv6, "begins with a single ':'");
        invalid(":1::", C::BadIpv6, "begins with a single ':'");
        invalid("1:2:3:4:5:6:7:", C::BadIpv6, "ends with a single ':'");
        invalid("1::2:", C::BadIpv6, "ends with a single ':'");
        invalid(":", C::BadIpv6, "single ':'");
        invalid("1:2:3:4:5:6:7:8::", C::BadIpv6, "at most seven");
        invalid("1:2:3:4:5:6::1.2.3.4", C::BadIpv6, "at most seven");
        invalid("::1.2.3.4:5", C::BadIpv6, "\"1.2.3.4\" must be the last");
        invalid("1.2.3.4::", C::BadIpv6, "must be the last");
        invalid("::ffff:1.2.3.256", C::OctetTooLarge, "embedded IPv4 part: \"1.2.3.256\"");
        invalid("::ffff:1.2.3.04", C::LeadingZero, "\"04\"");
        invalid("::ffff:1.2.3", C::BadIpv4, "embedded IPv4");
        invalid("::ffff:1.2..3", C::BadIpv4, "empty octet");
        // Zone ids.
        invalid("fe80::1%eth0", C::ZoneId, "\"fe80::1%eth0\"");
        invalid("fe80::1%25eth0", C::ZoneId, "zone id");
        invalid("fe80::%1/64", C::ZoneId, "local to one host");
        // Prefixes.
        invalid("10.0.0.0/", C::MissingPrefix, "nothing after '/'");
        invalid("::/", C::MissingPrefix, "\"::/\"");
        invalid("10.0.0.0/8/8", C::BadPrefix, "more than one '/'");
        invalid("10.0.0.0//8", C::BadPrefix, "more than one '/'");
        invalid("10.0.0.0/+8", C::BadPrefix, "\"+8\"");
        invalid("10.0.0.0/-1", C::BadPrefix, "\"-1\"");
        invalid("10.0.0.0/ 8", C::BadPrefix, "\" 8\"");
        invalid("10.0.0.0/8a", C::BadPrefix, "\"8a\"");
        invalid("10.0.0.0/0x8", C::BadPrefix, "\"0x8\"");
        invalid("10.0.0.0/08", C::BadPrefix, "leading zero");
        invalid("10.0.0.0/00", C::BadPrefix, "\"00\"");
        invalid("2001:db8::/064", C::BadPrefix, "\"064\"");
        invalid("10.0.0.0/33", C::PrefixTooLarge, "/33");
        invalid("10.0.0.0/128", C::PrefixTooLarge, "at most /32");
        invalid("10.0.0.0/99999999999", C::PrefixTooLarge, "99999999999");
        invalid("2001:db8::/129", C::PrefixTooLarge, "at most /128");
        invalid("::/200", C::PrefixTooLarge, "/200");
        invalid("::ffff:1.2.3.4/129", C::PrefixTooLarge, "/129");
        invalid("10.0.0.0/255.0.0.0", C::NetmaskNotation, "/8 instead of 255.0.0.0");
        invalid("192.168.1.0/255.255.255.0", C::NetmaskNotation, "/24 instead of 255.255.255.0");
        invalid("10.0.0.0/255.255.255.255", C::NetmaskNotation, "/32");
        invalid("10.0.0.0/0.0.0.0", C::NetmaskNotation, "/0 instead");
        invalid("10.0.0.0/255.0.255.0", C::NetmaskNotation, "instead of 255.0.255.0");
        invalid("10.0.0.0/255.255", C::NetmaskNotation, "prefix length");
        invalid("2001:db8::/255.255.0.0", C::NetmaskNotation, "netmask");
    }

    void parseInvalid()
    {
        QFETCH(QString, input);
        QFETCH(QString, code);
        QFETCH(QString, mentions);

        const auto parsed = IpRange::parse(input);
        QVERIFY2(!parsed.ok(), qPrintable(parsed.ok() ? parsed.value().toString() : QString()));
        QCOMPARE(codeName(parsed.error().code), code);
        const QString &message = parsed.error().message;
        QVERIFY2(message.contains(mentions), qPrintable(message));
        QVERIFY2(!message.contains(u"invalid"_s, Qt::CaseInsensitive), qPrintable(message));
        QVERIFY(message.endsWith(u'.'));
        // The message names the entry (except when there is nothing to name).
        if (!input.trimmed().isEmpty())
            QVERIFY2(message.contains(input.trimmed()), qPrintable(message));
    }

    void longEntryIsCappedInMessage()
    {
        const QString entry = u"10.0.0.1"_s + QString(5000, u'x');
        const auto parsed = IpRange::parse(entry);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().message.size() < 400, qPrintable(parsed.error().message));
        QVERIFY(parsed.error().message.contains(u"10.0.0.1xxx"_s));
        QVERIFY(parsed.error().message.contains(QChar(0x2026)));
    }

    void formatIpv6_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("expected");

        formats("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1");
        formats("2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1");
        formats("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1");
        formats("2001:db8:0:0:0:0:2:1", "2001:db8::2:1");
        formats("ABCD:EF01::", "abcd:ef01::");
        formats("::", "::");
        formats("::1", "::1");
        formats("1::", "1::");
        formats("0:0:1:0:0:0:0:1", "0:0:1::1");
        formats("1:0:1:0:1:0:1:0", "1:0:1:0:1:0:1:0");
        formats("0:1:0:1:0:1:0:1", "0:1:0:1:0:1:0:1");
        formats("1:0:0:1:0:0:1:1", "1::1:0:0:1:1");
        formats("0:0:0:0:0:1:0:0", "::1:0:0");
        formats("1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8");
        formats("::ffff:1.2.3.4", "::ffff:1.2.3.4");
        formats("::ffff:0:0", "::ffff:0.0.0.0");
        formats("::fffe:1.2.3.4", "::fffe:102:304");
        formats("fe80::0aBc:0:0:0", "fe80::abc:0:0:0");
    }

    void formatIpv6()
    {
        QFETCH(QString, address);
        QFETCH(QString, expected);
        const QHostAddress host(address);
        QVERIFY(!host.isNull());
        QCOMPARE(ApiAccess::formatIpv6(host.toIPv6Address()), expected);
    }

    void containsAddress_data()
    {
        QTest::addColumn<QString>("range");
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("expected");

        contains("10.0.0.0/8", "10.0.0.0", true);
        contains("10.0.0.0/8", "10.255.255.255", true);
        contains("10.0.0.0/8", "10.1.2.3", true);
        contains("10.0.0.0/8", "9.255.255.255", false);
        contains("10.0.0.0/8", "11.0.0.0", false);
        contains("192.168.1.128/25", "192.168.1.128", true);
        contains("192.168.1.128/25", "192.168.1.255", true);
        contains("192.168.1.128/25", "192.168.1.127", false);
        contains("192.168.1.128/25", "192.168.2.0", false);
        contains("203.0.113.7", "203.0.113.7", true);
        contains("203.0.113.7", "203.0.113.6", false);
        contains("203.0.113.7", "203.0.113.8", false);
        contains("10.0.0.6/31", "10.0.0.6", true);
        contains("10.0.0.6/31", "10.0.0.7", true);
        contains("10.0.0.6/31", "10.0.0.5", false);
        contains("10.0.0.6/31", "10.0.0.8", false);
        contains("128.0.0.0/1", "127.255.255.255", false);
        contains("128.0.0.0/1", "128.0.0.0", true);
        contains("128.0.0.0/1", "255.255.255.255", true);
        contains("0.0.0.0/0", "0.0.0.0", true);
        contains("0.0.0.0/0", "255.255.255.255", true);
        contains("0.0.0.0/0", "::1", false);
        contains("0.0.0.0/0", "::", false);
        contains("2001:db8::/32", "2001:db8::", true);
        contains("2001:db8::/32", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", true);
        contains("2001:db8::/32", "2001:db7:ffff:ffff:ffff:ffff:ffff:ffff", false);
        contains("2001:db8::/32", "2001:db9::", false);
        contains("2001:db8::/32", "10.0.0.1", false);
        contains("2001:db8::/127", "2001:db8::1", true);
        contains("2001:db8::/127", "2001:db8::2", false);
        contains("2001:db8::8000:0:0:0/65", "2001:db8::8000:0:0:0", true);
        contains("2001:db8::8000:0:0:0/65", "2001:db8::ffff:ffff:ffff:ffff", true);
        contains("2001:db8::8000:0:0:0/65", "2001:db8::7fff:ffff:ffff:ffff", false);
        contains("2001:db8::8000:0:0:0/65", "2001:db8:0:1::", false);
        contains("2001:db8::1", "2001:db8::1", true);
        contains("2001:db8::1", "2001:db8::2", false);
        contains("2001:db8::1", "2001:db8::", false);
        contains("::/0", "::", true);
        contains("::/0", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true);
        contains("::/0", "1.2.3.4", false);
        // A mapped client is an IPv4 client, so no IPv6 range matches it.
        contains("::/0", "::ffff:1.2.3.4", false);
        contains("10.0.0.0/8", "::ffff:10.1.2.3", true);
        contains("10.0.0.0/8", "::ffff:a01:203", true);
        contains("10.0.0.0/8", "::ffff:11.0.0.0", false);
        contains("10.0.0.0/8", "::ffff:9.255.255.255", false);
        contains("::ffff:10.0.0.0/104", "10.2.3.4", true);
        contains("::ffff:10.0.0.0/104", "::ffff:10.2.3.4", true);
        // IPv4-compatible (::a.b.c.d) is not mapped: it stays IPv6.
        contains("::10.0.0.1", "10.0.0.1", false);
        contains("1.2.3.4", "::1.2.3.4", false);
        contains("fe80::/10", "fe80::1%eth0", true);
        contains("10.0.0.0/8", "", false);
        contains("::/0", "", false);
    }

    void containsAddress()
    {
        QFETCH(QString, range);
        QFETCH(QString, address);
        QFETCH(bool, expected);
        const QHostAddress host = address.isEmpty() ? QHostAddress() : QHostAddress(address);
        QCOMPARE(host.isNull(), address.isEmpty());
        QCOMPARE(::range(range).contains(host), expected);
    }

    void containsRange_data()
    {
        QTest::addColumn<QString>("outer");
        QTest::addColumn<QString>("inner");
        QTest::addColumn<bool>("expected");

        QTest::newRow("wider v4") << u"10.0.0.0/8"_s << u"10.1.0.0/16"_s << true;
        QTest::newRow("narrower v4") << u"10.1.0.0/16"_s << u"10.0.0.0/8"_s << false;
        QTest::newRow("itself") << u"10.0.0.0/8"_s << u"10.0.0.0/8"_s << true;
        QTest::newRow("single inside") << u"10.0.0.0/8"_s << u"10.9.9.9"_s << true;
        QTest::newRow("neighbour") << u"10.0.0.0/25"_s << u"10.0.0.128/25"_s << false;
        QTest::newRow("everything v4") << u"0.0.0.0/0"_s << u"255.255.255.255"_s << true;
        QTest::newRow("cross family") << u"0.0.0.0/0"_s << u"::/0"_s << false;
        QTest::newRow("cross family 2") << u"::/0"_s << u"10.0.0.1"_s << false;
        QTest::newRow("wider v6") << u"2001:db8::/32"_s << u"2001:db8:1::/48"_s << true;
        QTest::newRow("narrower v6") << u"2001:db8:1::/48"_s << u"2001:db8::/32"_s << false;
        QTest::newRow("v6 /65 halves")
            << u"2001:db8::/65"_s << u"2001:db8::8000:0:0:0/65"_s << false;
        QTest::newRow("v6 single") << u"2001:db8::/127"_s << u"2001:db8::1"_s << true;
    }

    void containsRange()
    {
        QFETCH(QString, outer);
        QFETCH(QString, inner);
        QFETCH(bool, expected);
        QCOMPARE(range(outer).contains(range(inner)), expected);
    }

    void nullRange()
    {
        const IpRange null;
        QVERIFY(null.isNull());
        QVERIFY(!null.isSingleAddress());
        QVERIFY(!null.allowsEverything());
        QVERIFY(null.toString().isEmpty());
        QVERIFY(!null.contains(QHostAddress(u"10.0.0.1"_s)));
        QVERIFY(!null.contains(range(u"10.0.0.1"_s)));
        QVERIFY(!range(u"0.0.0.0/0"_s).contains(null));
        QVERIFY(IpRange::fromAddress(QHostAddress()).isNull());
    }

    void fromAddress()
    {
        QCOMPARE(IpRange::fromAddress(QHostAddress(u"192.0.2.1"_s)), range(u"192.0.2.1"_s));
        QCOMPARE(IpRange::fromAddress(QHostAddress(u"2001:DB8::1"_s)), range(u"2001:db8::1"_s));
        const IpRange mapped = IpRange::fromAddress(QHostAddress(u"::ffff:192.0.2.1"_s));
        QVERIFY(mapped.isIpv4());
        QCOMPARE(mapped.toString(), u"192.0.2.1"_s);
        QCOMPARE(mapped.prefixLength(), 32);
    }

    void bits()
    {
        const IpRange v4 = range(u"10.0.0.0/8"_s);
        QCOMPARE(v4.firstAddress(), (IpRange::Bits{0, 0x0a000000}));
        QCOMPARE(v4.lastAddress(), (IpRange::Bits{0, 0x0affffff}));
        QCOMPARE(range(u"0.0.0.0/0"_s).lastAddress(), (IpRange::Bits{0, 0xffffffff}));
        const IpRange v6 = range(u"2001:db8::/64"_s);
        QCOMPARE(v6.firstAddress(), (IpRange::Bits{0x20010db800000000, 0}));
        QCOMPARE(v6.lastAddress(), (IpRange::Bits{0x20010db800000000, ~0ULL}));
        QCOMPARE(range(u"::/0"_s).lastAddress(), (IpRange::Bits{~0ULL, ~0ULL}));
        QCOMPARE(range(u"2001:db8::/65"_s).lastAddress(),
                 (IpRange::Bits{0x20010db800000000, 0x7fffffffffffffff}));
    }

    void ordering()
    {
        QVERIFY(range(u"255.255.255.255"_s) < range(u"::"_s));
        QVERIFY(!(range(u"::"_s) < range(u"0.0.0.0"_s)));
        QVERIFY(range(u"10.0.0.0/8"_s) < range(u"10.0.0.0/16"_s));
        QVERIFY(range(u"10.0.0.0/16"_s) < range(u"10.0.0.1"_s));
        QVERIFY(range(u"9.0.0.0/8"_s) < range(u"10.0.0.0/8"_s));
        QVERIFY(range(u"2001:db8::/32"_s) < range(u"2001:db8::1"_s));
        QVERIFY(!(range(u"10.0.0.0/8"_s) < range(u"10.0.0.0/8"_s)));
        QVERIFY(range(u"10.0.0.7/8"_s) == range(u"10.0.0.0/8"_s));
        QVERIFY(!(range(u"10.0.0.0/8"_s) == range(u"10.0.0.0/9"_s)));
    }
};

QTEST_GUILESS_MAIN(TestIpRange)
#include "tst_iprange.moc"
