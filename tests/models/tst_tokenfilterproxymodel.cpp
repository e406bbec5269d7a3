#include "TokenFilterProxyModel.h"
#include "TokenTableModel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QPair>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace ApiAccess;
using namespace Qt::StringLiterals;

namespace {

using Model = TokenTableModel;

const QDateTime kNow(QDate(2026, 11, 28), QTime(12, 0), Qt::UTC);

Token makeToken(QChar letter, const QString &name, AccessLevel level, TokenStatus status,
                const QStringList &ranges, qint64 createdSecsAgo,
                std::optional<qint64> lastUsedSecsAgo)
{
    Token token;
    token.id = u"tok_"_s + QString(20, letter);
    token.name = name;
    token.accessLevel = level;
    token.status = status;
    token.allowedIpRanges = ranges;
    token.createdAt = kNow.addSecs(-createdSecsAgo);
    token.updatedAt = token.createdAt;
    token.createdBy = u"alice"_s;
    if (lastUsedSecsAgo) {
        token.lastUsedAt = kNow.addSecs(-*lastUsedSecsAgo);
        token.lastUsedIp = u"198.51.100.7"_s;
    }
    return token;
}

constexpr qint64 kMinute = 60;
constexpr qint64 kHour = 3600;
constexpr qint64 kDay = 86400;

// Chosen so that sorting by the display text would give a different order
// than sorting by meaning for every column that has one.
QList<Token> fixture()
{
    return {
        makeToken(u'a', u"alpha feed"_s, AccessLevel::RestrictedReadOnly, TokenStatus::Active, {},
                  10 * kDay, 1 * kHour),
        makeToken(u'b', u"Bravo sync"_s, AccessLevel::Administrative, TokenStatus::Disabled,
                  {u"10.0.0.0/8"_s, u"10.1.0.0/16"_s}, 2 * kDay, std::nullopt),
        makeToken(u'c', u"charlie bot"_s, AccessLevel::Editorial, TokenStatus::Expired,
                  {u"2001:db8::/32"_s}, 30 * kDay, 5 * kDay),
        makeToken(u'd', u"Delta analytics"_s, AccessLevel::ReadOnly, TokenStatus::Active,
                  {u"192.168.0.0/16"_s}, 1 * kHour, 2 * kMinute),
        makeToken(u'e', u"echo hr"_s, AccessLevel::ManagingEditorial, TokenStatus::Active, {},
                  400 * kDay, std::nullopt),
    };
}

} // namespace

class TestTokenFilterProxyModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Model> m_model;
    std::unique_ptr<TokenFilterProxyModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;

    // The first word of each visible row's name, in proxy order.
    QStringList shown() const
    {
        QStringList names;
        for (int row = 0; row < m_proxy->rowCount(); ++row) {
            const QString name = m_proxy->index(row, Model::NameColumn).data().toString();
            names.append(name.section(u' ', 0, 0).toLower());
        }
        return names;
    }

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void init()
    {
        m_model = std::make_unique<Model>();
        m_model->setNow(kNow);
        m_proxy = std::make_unique<TokenFilterProxyModel>();
        m_proxy->setSourceModel(m_model.get());
        const auto mode = QAbstractItemModelTester::FailureReportingMode::Fatal;
        m_modelTester = std::make_unique<QAbstractItemModelTester>(m_model.get(), mode);
        m_proxyTester = std::make_unique<QAbstractItemModelTester>(m_proxy.get(), mode);
        m_model->setTokens(fixture());
    }

    void cleanup()
    {
        m_proxyTester.reset();
        m_modelTester.reset();
        m_proxy.reset();
        m_model.reset();
    }

    void sortByMeaning_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<Qt::SortOrder>("order");
        QTest::addColumn<QStringList>("expected");

        const auto asc = Qt::AscendingOrder;
        const auto desc = Qt::DescendingOrder;
        // Case-folded, so "Bravo" is not sorted before "alpha".
        QTest::newRow("name asc") << int(Model::NameColumn) << asc
                                  << QStringList{u"alpha"_s, u"bravo"_s, u"charlie"_s, u"delta"_s,
                                                 u"echo"_s};
        QTest::newRow("name desc")
            << int(Model::NameColumn) << desc
            << QStringList{u"echo"_s, u"delta"_s, u"charlie"_s, u"bravo"_s, u"alpha"_s};
        QTest::newRow("token asc")
            << int(Model::TokenColumn) << asc
            << QStringList{u"alpha"_s, u"bravo"_s, u"charlie"_s, u"delta"_s, u"echo"_s};
        // By rank, least powerful first; alphabetical would start with Administrative.
        QTest::newRow("access level asc")
            << int(Model::AccessLevelColumn) << asc
            << QStringList{u"alpha"_s, u"delta"_s, u"charlie"_s, u"echo"_s, u"bravo"_s};
        QTest::newRow("access level desc")
            << int(Model::AccessLevelColumn) << desc
            << QStringList{u"bravo"_s, u"echo"_s, u"charlie"_s, u"delta"_s, u"alpha"_s};
        // "Any address" first (ties by name), then by the canonical text.
        QTest::newRow("ranges asc")
            << int(Model::AllowedIpRangesColumn) << asc
            << QStringList{u"alpha"_s, u"echo"_s, u"bravo"_s, u"delta"_s, u"charlie"_s};
        // Severity: active, expired, disabled; ties A to Z by name either way.
        QTest::newRow("status asc")
            << int(Model::StatusColumn) << asc
            << QStringList{u"alpha"_s, u"delta"_s, u"echo"_s, u"charlie"_s, u"bravo"_s};
        QTest::newRow("status desc")
            << int(Model::StatusColumn) << desc
            << QStringList{u"bravo"_s, u"charlie"_s, u"alpha"_s, u"delta"_s, u"echo"_s};
        // Chronological, although the texts ("1 hour ago", "10/24/25") are not.
        QTest::newRow("created asc")
            << int(Model::CreatedColumn) << asc
            << QStringList{u"echo"_s, u"charlie"_s, u"alpha"_s, u"bravo"_s, u"delta"_s};
        QTest::newRow("created desc")
            << int(Model::CreatedColumn) << desc
            << QStringList{u"delta"_s, u"bravo"_s, u"alpha"_s, u"charlie"_s, u"echo"_s};
        // "Never" last in both directions.
        QTest::newRow("last used asc")
            << int(Model::LastUsedColumn) << asc
            << QStringList{u"charlie"_s, u"alpha"_s, u"delta"_s, u"bravo"_s, u"echo"_s};
        QTest::newRow("last used desc")
            << int(Model::LastUsedColumn) << desc
            << QStringList{u"delta"_s, u"alpha"_s, u"charlie"_s, u"bravo"_s, u"echo"_s};
    }

    void sortByMeaning()
    {
        QFETCH(int, column);
        QFETCH(Qt::SortOrder, order);
        QFETCH(QStringList, expected);
        m_proxy->sort(column, order);
        QCOMPARE(shown(), expected);
    }

    void sortFollowsUpdates()
    {
        m_proxy->sort(Model::LastUsedColumn, Qt::DescendingOrder);
        Token charlie = fixture().at(2);
        charlie.lastUsedAt = kNow;
        m_model->upsertToken(charlie);
        QCOMPARE(shown().front(), u"charlie"_s);
        m_model->upsertToken(makeToken(u'f', u"foxtrot"_s, AccessLevel::ReadOnly,
                                       TokenStatus::Active, {}, kDay, std::nullopt));
        QCOMPARE(shown().back(), u"foxtrot"_s); // never used: last, after "echo" by name
        QCOMPARE(shown().size(), 6);
    }

    void search_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");

        const QStringList all{u"alpha"_s, u"bravo"_s, u"charlie"_s, u"delta"_s, u"echo"_s};
        QTest::newRow("empty") << QString() << all;
        QTest::newRow("white space only") << u"   "_s << all;
        QTest::newRow("name, other case") << u"ALPHA"_s << QStringList{u"alpha"_s};
        QTest::newRow("name, inner word") << u"sync"_s << QStringList{u"bravo"_s};
        QTest::newRow("full id") << u"tok_cccccccccccccccccccc"_s << QStringList{u"charlie"_s};
        QTest::newRow("id fragment") << u"dddd"_s << QStringList{u"delta"_s};
        QTest::newRow("level display name") << u"managing"_s << QStringList{u"echo"_s};
        QTest::newRow("level display name, two terms")
            << u"Managing Editorial"_s << QStringList{u"echo"_s};
        QTest::newRow("level display name, both read-only")
            << u"read-only"_s << QStringList{u"alpha"_s, u"delta"_s};
        QTest::newRow("level wire id") << u"managing_editorial"_s << QStringList{u"echo"_s};
        QTest::newRow("level wire id, both read_only")
            << u"read_only"_s << QStringList{u"alpha"_s, u"delta"_s};
        QTest::newRow("second range") << u"10.1."_s << QStringList{u"bravo"_s};
        QTest::newRow("IPv6 range, upper case") << u"2001:DB8"_s << QStringList{u"charlie"_s};
        QTest::newRow("name and range") << u"delta 192.168"_s << QStringList{u"delta"_s};
        // The Allowed IP Ranges column says "Any address" for an empty list.
        QTest::newRow("any address") << u"any address"_s << QStringList{u"alpha"_s, u"echo"_s};
        QTest::newRow("any address and a name") << u"echo any"_s << QStringList{u"echo"_s};
        QTest::newRow("name and someone else's range") << u"delta 10."_s << QStringList();
        QTest::newRow("nothing") << u"no such token"_s << QStringList();
    }

    void search()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        m_proxy->sort(Model::NameColumn, Qt::AscendingOrder);
        m_proxy->setSearchText(text);
        QCOMPARE(m_proxy->searchText(), text);
        QCOMPARE(shown(), expected);
        m_proxy->setSearchText(QString());
        QCOMPARE(m_proxy->rowCount(), m_model->rowCount());
    }

    void typingOnNarrowsAndBackspaceWidens()
    {
        // Key by key, as the search field sends it: a narrower search asks
        // only the rows that matched, a wider one asks all of them again.
        m_proxy->sort(Model::NameColumn, Qt::AscendingOrder);
        const QList<QPair<QString, QStringList>> steps{
            {u"a"_s, {u"alpha"_s, u"bravo"_s, u"charlie"_s, u"delta"_s, u"echo"_s}},
            {u"al"_s, {u"alpha"_s, u"charlie"_s, u"delta"_s, u"echo"_s}}, // "editorial"
            {u"alp"_s, {u"alpha"_s}},
            {u"alp "_s, {u"alpha"_s}},
            {u"alp x"_s, {}},
            {u"alp"_s, {u"alpha"_s}},
            {u"al"_s, {u"alpha"_s, u"charlie"_s, u"delta"_s, u"echo"_s}},
            {u"a"_s, {u"alpha"_s, u"bravo"_s, u"charlie"_s, u"delta"_s, u"echo"_s}},
            {u"ab"_s, {}},
            {QString(), {u"alpha"_s, u"bravo"_s, u"charlie"_s, u"delta"_s, u"echo"_s}},
            {u"ec"_s, {u"echo"_s}},
        };
        for (const auto &[text, expected] : steps) {
            m_proxy->setSearchText(text);
            QVERIFY2(shown() == expected, qPrintable(text));
        }
    }

    void aChangedRowIsAskedAgainWhileTheSearchNarrows()
    {
        m_proxy->setSearchText(u"fox"_s);
        QCOMPARE(shown(), QStringList());
        // Renamed by a refresh while the admin types: the next, narrower
        // search must not trust what the row answered before.
        Token renamed = *m_model->token(m_model->rowForId(u"tok_"_s + QString(20, u'b')));
        renamed.name = u"Bravo foxtrot"_s;
        m_model->applyChanges({renamed}, {});
        QCOMPARE(shown(), QStringList{u"bravo"_s}); // the dynamic filter took it in
        m_proxy->setSearchText(u"foxt"_s);
        QCOMPARE(shown(), QStringList{u"bravo"_s});
        m_proxy->setSearchText(u"foxtr"_s);
        QCOMPARE(shown(), QStringList{u"bravo"_s});
    }

    void filters_data()
    {
        QTest::addColumn<std::optional<TokenStatus>>("status");
        QTest::addColumn<std::optional<AccessLevel>>("level");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");

        const std::optional<TokenStatus> anyStatus;
        const std::optional<AccessLevel> anyLevel;
        QTest::newRow("active") << std::optional(TokenStatus::Active) << anyLevel << QString()
                                << QStringList{u"alpha"_s, u"delta"_s, u"echo"_s};
        QTest::newRow("disabled") << std::optional(TokenStatus::Disabled) << anyLevel << QString()
                                  << QStringList{u"bravo"_s};
        QTest::newRow("expired") << std::optional(TokenStatus::Expired) << anyLevel << QString()
                                 << QStringList{u"charlie"_s};
        QTest::newRow("administrative") << anyStatus << std::optional(AccessLevel::Administrative)
                                        << QString() << QStringList{u"bravo"_s};
        QTest::newRow("managing editorial")
            << anyStatus << std::optional(AccessLevel::ManagingEditorial) << QString()
            << QStringList{u"echo"_s};
        QTest::newRow("editorial") << anyStatus << std::optional(AccessLevel::Editorial)
                                   << QString() << QStringList{u"charlie"_s};
        QTest::newRow("read-only") << anyStatus << std::optional(AccessLevel::ReadOnly) << QString()
                                   << QStringList{u"delta"_s};
        QTest::newRow("restricted read-only")
            << anyStatus << std::optional(AccessLevel::RestrictedReadOnly) << QString()
            << QStringList{u"alpha"_s};
        QTest::newRow("active read-only")
            << std::optional(TokenStatus::Active) << std::optional(AccessLevel::ReadOnly)
            << QString() << QStringList{u"delta"_s};
        QTest::newRow("active and search")
            << std::optional(TokenStatus::Active) << anyLevel << u"hr"_s << QStringList{u"echo"_s};
        QTest::newRow("active administrative")
            << std::optional(TokenStatus::Active) << std::optional(AccessLevel::Administrative)
            << QString() << QStringList();
    }

    void filters()
    {
        QFETCH(std::optional<TokenStatus>, status);
        QFETCH(std::optional<AccessLevel>, level);
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        m_proxy->sort(Model::NameColumn, Qt::AscendingOrder);
        m_proxy->setStatusFilter(status);
        m_proxy->setAccessLevelFilter(level);
        m_proxy->setSearchText(text);
        QCOMPARE(m_proxy->statusFilter(), status);
        QCOMPARE(m_proxy->accessLevelFilter(), level);
        QCOMPARE(shown(), expected);

        m_proxy->setStatusFilter(std::nullopt);
        m_proxy->setAccessLevelFilter(std::nullopt);
        m_proxy->setSearchText(QString());
        QCOMPARE(m_proxy->rowCount(), 5);
    }

    void filtersFollowUpdates()
    {
        m_proxy->sort(Model::NameColumn, Qt::AscendingOrder);
        m_proxy->setStatusFilter(TokenStatus::Disabled);
        QCOMPARE(shown(), QStringList{u"bravo"_s});
        Token alpha = fixture().at(0);
        alpha.status = TokenStatus::Disabled;
        m_model->upsertToken(alpha);
        QCOMPARE(shown(), (QStringList{u"alpha"_s, u"bravo"_s}));

        m_proxy->setStatusFilter(std::nullopt);
        m_proxy->setAccessLevelFilter(AccessLevel::Administrative);
        alpha.accessLevel = AccessLevel::Administrative;
        m_model->upsertToken(alpha);
        QCOMPARE(shown(), (QStringList{u"alpha"_s, u"bravo"_s}));
        QVERIFY(m_model->removeToken(fixture().at(1).id));
        QCOMPARE(shown(), QStringList{u"alpha"_s});
    }

    void anActiveTokenPastItsExpiryIsFoundUnderExpired()
    {
        // The row reads "Expired" (the server will say so at the next
        // refresh), so the Expired filter shows it and Active does not.
        Token alpha = fixture().at(0);
        alpha.expiresAt = kNow.addSecs(-kMinute);
        m_model->upsertToken(alpha);
        m_proxy->sort(Model::NameColumn, Qt::AscendingOrder);
        m_proxy->setStatusFilter(TokenStatus::Expired);
        QCOMPARE(shown(), (QStringList{u"alpha"_s, u"charlie"_s}));
        m_proxy->setStatusFilter(TokenStatus::Active);
        QCOMPARE(shown(), (QStringList{u"delta"_s, u"echo"_s}));
    }

    void statusWordingDoesNotChangeTheOrder()
    {
        // "Disabling…" and "Expires in 2 days" are words on top of
        // the status; the sort stays by severity, then by name.
        Token echo = fixture().at(4);
        echo.expiresAt = kNow.addDays(2);
        m_model->upsertToken(echo);
        m_proxy->sort(Model::StatusColumn, Qt::AscendingOrder);
        const QStringList before = shown();
        QCOMPARE(before,
                 (QStringList{u"alpha"_s, u"delta"_s, u"echo"_s, u"charlie"_s, u"bravo"_s}));

        QSignalSpy layout(m_proxy.get(), &QAbstractItemModel::layoutChanged);
        QSignalSpy removed(m_proxy.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(m_proxy.get(), &QAbstractItemModel::dataChanged);
        m_proxy->setStatusFilter(std::nullopt);
        m_model->setOperation(fixture().at(0).id, u"Disabling…"_s);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(layout.count() + removed.count(), 0);
        QCOMPARE(shown(), before);
        QCOMPARE(m_proxy->index(0, Model::StatusColumn).data().toString(), u"Disabling…"_s);
        QCOMPARE(m_proxy->index(2, Model::StatusColumn).data().toString(), u"Expires in 2 days"_s);
    }

    void searchFollowsUpdates()
    {
        m_proxy->sort(Model::NameColumn, Qt::AscendingOrder);
        m_proxy->setSearchText(u"feed"_s);
        QCOMPARE(shown(), QStringList{u"alpha"_s});

        QList<Token> next = fixture();
        next[0].name = u"alpha"_s; // no longer matches
        next.append(makeToken(u'f', u"foxtrot feed"_s, AccessLevel::ReadOnly, TokenStatus::Active,
                              {}, kDay, std::nullopt));
        m_model->setTokens(next);
        QCOMPARE(shown(), QStringList{u"foxtrot"_s});

        QVERIFY(m_model->removeToken(next.back().id));
        QCOMPARE(shown(), QStringList());
    }

    void relativeTimeRefreshKeepsOrderAndRows()
    {
        m_proxy->sort(Model::CreatedColumn, Qt::AscendingOrder);
        m_proxy->setSearchText(u"a"_s);
        const QStringList before = shown();
        m_model->setNow(kNow.addDays(3));
        QCOMPARE(shown(), before);
    }

    void thousandTokensSortedAndSearched()
    {
        QList<Token> tokens;
        for (int i = 0; i < 1000; ++i) {
            Token token =
                makeToken(u'x', u"bulk-%1"_s.arg(i, 4, 10, QChar(u'0')), AccessLevel::ReadOnly,
                          TokenStatus::Active, {}, i * kMinute, std::nullopt);
            token.id = u"tok_"_s + QString::number(i).rightJustified(20, u'0');
            tokens.append(token);
        }
        m_proxy->sort(Model::CreatedColumn, Qt::DescendingOrder);
        m_proxy->setSearchText(u"bulk-09"_s);
        m_model->setTokens(tokens);
        QCOMPARE(m_proxy->rowCount(), 100); // bulk-0900 .. bulk-0999
        // Newest first: bulk-0900 was created 900 minutes ago, 0999 before it.
        QCOMPARE(m_proxy->index(0, Model::NameColumn).data().toString(), u"bulk-0900"_s);
        QCOMPARE(m_proxy->index(99, Model::NameColumn).data().toString(), u"bulk-0999"_s);
    }
};

QTEST_GUILESS_MAIN(TestTokenFilterProxyModel)
#include "tst_tokenfilterproxymodel.moc"
