#include "http/ClientAddress.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ApiAccess;
using namespace ApiAccess::Server;

class TestClientAddress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resolve_data()
    {
        QTest::addColumn<QString>("trusted"); // --trusted-proxy ranges, comma separated
        QTest::addColumn<QString>("peer");
        QTest::addColumn<QString>("xff"); // null: header absent
        QTest::addColumn<QString>("realIp"); // null: header absent
        QTest::addColumn<QString>("expected");

        const QString none;
        const QString proxies = u"10.0.0.0/8, 2001:db8:100::/48"_s;

        // No trusted proxies: the headers are the client's word, ignored.
        QTest::newRow("no proxies, no headers")
            << none << u"203.0.113.7"_s << none << none << u"203.0.113.7"_s;
        QTest::newRow("no proxies, XFF ignored")
            << none << u"203.0.113.7"_s << u"1.2.3.4"_s << u"5.6.7.8"_s << u"203.0.113.7"_s;
        QTest::newRow("no proxies, mapped peer")
            << none << u"::ffff:203.0.113.7"_s << none << none << u"203.0.113.7"_s;
        QTest::newRow("no proxies, IPv6 peer")
            << none << u"2001:db8::7"_s << none << none << u"2001:db8::7"_s;

        // Untrusted peer with proxies configured.
        QTest::newRow("untrusted peer, XFF ignored")
            << proxies << u"203.0.113.7"_s << u"10.1.1.1"_s << u"10.2.2.2"_s << u"203.0.113.7"_s;

        // Trusted peer.
        QTest::newRow("single XFF")
            << proxies << u"10.0.0.1"_s << u"198.51.100.9"_s << none << u"198.51.100.9"_s;
        QTest::newRow("mapped trusted peer")
            << proxies << u"::ffff:10.0.0.1"_s << u"198.51.100.9"_s << none << u"198.51.100.9"_s;
        QTest::newRow("chain of trusted proxies")
            << proxies << u"10.0.0.1"_s << u"198.51.100.9, 10.0.0.3, 10.0.0.2"_s << none
            << u"198.51.100.9"_s;
        QTest::newRow("spoofed left entries")
            << proxies << u"10.0.0.1"_s << u"6.6.6.6, 10.0.0.99, 198.51.100.9"_s << none
            << u"198.51.100.9"_s;
        QTest::newRow("spoofed trusted left entry")
            << proxies << u"10.0.0.1"_s << u"10.9.9.9, 198.51.100.9, 10.0.0.2"_s << none
            << u"198.51.100.9"_s;
        QTest::newRow("garbage left of the client")
            << proxies << u"10.0.0.1"_s << u"<script>, not-an-ip, 198.51.100.9"_s << none
            << u"198.51.100.9"_s;
        QTest::newRow("no spaces")
            << proxies << u"10.0.0.1"_s << u"6.6.6.6,198.51.100.9"_s << none << u"198.51.100.9"_s;
        QTest::newRow("tabs and empty elements")
            << proxies << u"10.0.0.1"_s << u"\t198.51.100.9 , ,10.0.0.2,"_s << none
            << u"198.51.100.9"_s;
        QTest::newRow("IPv4 with port")
            << proxies << u"10.0.0.1"_s << u"198.51.100.9:5678"_s << none << u"198.51.100.9"_s;
        QTest::newRow("IPv6") << proxies << u"10.0.0.1"_s << u"2001:db8:1::9"_s << none
                              << u"2001:db8:1::9"_s;
        QTest::newRow("IPv6 in brackets")
            << proxies << u"10.0.0.1"_s << u"[2001:db8:1::9]"_s << none << u"2001:db8:1::9"_s;
        QTest::newRow("IPv6 with port")
            << proxies << u"10.0.0.1"_s << u"[2001:db8:1::9]:443"_s << none << u"2001:db8:1::9"_s;
        QTest::newRow("IPv6 trusted peer and proxy")
            << proxies << u"2001:db8:100::1"_s << u"198.51.100.9, [2001:db8:100::2]:80"_s << none
            << u"198.51.100.9"_s;
        QTest::newRow("mapped XFF entry")
            << proxies << u"10.0.0.1"_s << u"::ffff:198.51.100.9"_s << none << u"198.51.100.9"_s;
        QTest::newRow("mapped trusted entry is trusted")
            << proxies << u"10.0.0.1"_s << u"198.51.100.9, ::ffff:10.0.0.2"_s << none
            << u"198.51.100.9"_s;

        // Every entry trusted, or none: X-Real-IP, else the peer.
        QTest::newRow("all trusted, X-Real-IP")
            << proxies << u"10.0.0.1"_s << u"10.0.0.3, 10.0.0.2"_s << u"198.51.100.9"_s
            << u"198.51.100.9"_s;
        QTest::newRow("absent XFF, X-Real-IP")
            << proxies << u"10.0.0.1"_s << none << u"198.51.100.9"_s << u"198.51.100.9"_s;
        QTest::newRow("empty XFF, X-Real-IP")
            << proxies << u"10.0.0.1"_s << u" , "_s << u" 198.51.100.9 "_s << u"198.51.100.9"_s;
        QTest::newRow("X-Real-IP IPv6 with port")
            << proxies << u"10.0.0.1"_s << none << u"[2001:db8:1::9]:1234"_s << u"2001:db8:1::9"_s;
        QTest::newRow("all trusted, no X-Real-IP")
            << proxies << u"10.0.0.1"_s << u"10.0.0.3"_s << none << u"10.0.0.1"_s;
        QTest::newRow("garbage X-Real-IP")
            << proxies << u"10.0.0.1"_s << none << u"localhost"_s << u"10.0.0.1"_s;
        QTest::newRow("X-Real-IP list is garbage")
            << proxies << u"10.0.0.1"_s << none << u"1.2.3.4, 5.6.7.8"_s << u"10.0.0.1"_s;

        // A right-most entry that does not parse: the nearest trusted hop,
        // never anything left of it, never X-Real-IP.
        QTest::newRow("garbage right-most")
            << proxies << u"10.0.0.1"_s << u"198.51.100.9, unknown"_s << u"6.6.6.6"_s
            << u"10.0.0.1"_s;
        QTest::newRow("garbage after a trusted hop")
            << proxies << u"10.0.0.1"_s << u"198.51.100.9, garbage, 10.0.0.2"_s << u"6.6.6.6"_s
            << u"10.0.0.2"_s;
        QTest::newRow("short IPv4 form")
            << proxies << u"10.0.0.1"_s << u"127.1"_s << none << u"10.0.0.1"_s;
        QTest::newRow("leading zero octal trap")
            << proxies << u"10.0.0.1"_s << u"010.0.0.1"_s << none << u"10.0.0.1"_s;
        QTest::newRow("port out of range")
            << proxies << u"10.0.0.1"_s << u"198.51.100.9:70000"_s << none << u"10.0.0.1"_s;
        QTest::newRow("empty port")
            << proxies << u"10.0.0.1"_s << u"198.51.100.9:"_s << none << u"10.0.0.1"_s;
        QTest::newRow("unclosed bracket")
            << proxies << u"10.0.0.1"_s << u"[2001:db8::1"_s << none << u"10.0.0.1"_s;
        QTest::newRow("IPv4 in brackets")
            << proxies << u"10.0.0.1"_s << u"[198.51.100.9]"_s << none << u"10.0.0.1"_s;
        QTest::newRow("zone id") << proxies << u"10.0.0.1"_s << u"fe80::1%eth0"_s << none
                                 << u"10.0.0.1"_s;
        QTest::newRow("CIDR is not an address")
            << proxies << u"10.0.0.1"_s << u"198.51.100.0/24"_s << none << u"10.0.0.1"_s;
        QTest::newRow("very long entry")
            << proxies << u"10.0.0.1"_s << QString(5000, u'1') << none << u"10.0.0.1"_s;
    }

    void resolve()
    {
        QFETCH(QString, trusted);
        QFETCH(QString, peer);
        QFETCH(QString, xff);
        QFETCH(QString, realIp);
        QFETCH(QString, expected);

        IpAllowList proxies;
        if (!trusted.isNull()) {
            const IpAllowList::ParseResult parsed = IpAllowList::parse(trusted);
            QVERIFY(parsed.ok());
            proxies = parsed.list;
        }
        const ClientAddressResolver resolver(proxies);
        QCOMPARE(resolver.hasTrustedProxies(), !trusted.isNull());

        const std::string xffBytes = xff.toStdString();
        const std::string realIpBytes = realIp.toStdString();
        const QHostAddress resolved = resolver.resolve(QHostAddress(peer), xffBytes, realIpBytes);
        QCOMPARE(resolved, QHostAddress(expected));
        // IPv4 answers are plain IPv4, never ::ffff:a.b.c.d.
        QCOMPARE(resolved.protocol(), QHostAddress(expected).protocol());
    }

    void defaultTrustsNobody()
    {
        const ClientAddressResolver resolver;
        QVERIFY(!resolver.hasTrustedProxies());
        QCOMPARE(resolver.resolve(QHostAddress(u"127.0.0.1"_s), "1.2.3.4", "5.6.7.8"),
                 QHostAddress(u"127.0.0.1"_s));
    }
};

QTEST_GUILESS_MAIN(TestClientAddress)
#include "tst_clientaddress.moc"
