#include "RelativeTime.h"
#include "TokenTableModel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace ApiAccess;
using namespace Qt::StringLiterals;

namespace {

using Model = TokenTableModel;

QDateTime utc(int y, int mo, int d, int h, int mi, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
}

const QDateTime kNow = utc(2026, 11, 28, 12, 0);

Token makeToken(const QString &id, const QString &name)
{
    Token token;
    token.id = id;
    token.name = name;
    token.accessLevel = AccessLevel::ReadOnly;
    token.createdAt = kNow.addDays(-1);
    token.createdBy = u"alice"_s;
    token.updatedAt = token.createdAt;
    return token;
}

QString idFor(int n)
{
    return u"tok_"_s + QString::number(n).rightJustified(20, u'0');
}

QList<Token> numberedTokens(int count)
{
    QList<Token> tokens;
    for (int i = 0; i < count; ++i)
        tokens.append(makeToken(idFor(i), u"token %1"_s.arg(i)));
    return tokens;
}

// The token every column is checked against.
Token rssReader()
{
    Token token = makeToken(u"tok_ab12cdefghjkmnpqrstu"_s, u"RSS reader"_s);
    token.allowedIpRanges = {u"10.0.0.0/8"_s, u"192.168.1.0/24"_s, u"2001:db8::/32"_s};
    token.createdAt = utc(2026, 11, 20, 9, 0);
    token.expiresAt = utc(2027, 11, 20, 0, 0);
    token.lastUsedAt = kNow.addSecs(-3 * 60);
    token.lastUsedIp = u"10.0.0.7"_s;
    return token;
}

struct Spies
{
    explicit Spies(QAbstractItemModel *model)
        : inserted(model, &QAbstractItemModel::rowsInserted)
        , removed(model, &QAbstractItemModel::rowsRemoved)
        , changed(model, &QAbstractItemModel::dataChanged)
        , reset(model, &QAbstractItemModel::modelReset)
        , layout(model, &QAbstractItemModel::layoutChanged)
    { }
    QSignalSpy inserted;
    QSignalSpy removed;
    QSignalSpy changed;
    QSignalSpy reset;
    QSignalSpy layout;
};

} // namespace

class TestTokenTableModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Model> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    QModelIndex cell(int row, int column) const { return m_model->index(row, column); }
    QString text(int row, int column, int role = Qt::DisplayRole) const
    {
        return cell(row, column).data(role).toString();
    }

    void checkIndexConsistent()
    {
        for (int row = 0; row < m_model->rowCount(); ++row)
            QCOMPARE(m_model->rowForId(text(row, Model::NameColumn, Model::TokenIdRole)), row);
    }

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void init()
    {
        m_model = std::make_unique<Model>();
        m_model->setNow(kNow);
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void headerLabelsAreExact()
    {
        const QStringList expected{
            u"Name"_s,   u"Token"_s,   u"Access level"_s, u"Allowed IP Ranges"_s,
            u"Status"_s, u"Created"_s, u"Last used"_s,    u"Actions"_s};
        QCOMPARE(m_model->columnCount(), expected.size());
        for (int column = 0; column < expected.size(); ++column)
            QCOMPARE(m_model->headerData(column, Qt::Horizontal).toString(), expected.at(column));
    }

    void everyColumn_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("display");
        QTest::addColumn<QString>("toolTip");

        const Token token = rssReader();
        const auto exact = [](const QDateTime &when) {
            return RelativeTime::exact(when, kNow);
        };
        QTest::newRow("Name") << int(Model::NameColumn) << u"RSS reader"_s << u"RSS reader"_s;
        QTest::newRow("Token") << int(Model::TokenColumn) << u"tok_ab12…••••"_s
                               << u"Token ID: tok_ab12cdefghjkmnpqrstu\n"
                                  u"Use the copy button or Ctrl+C to copy the token."_s;
        QTest::newRow("Access level") << int(Model::AccessLevelColumn) << u"Read-only"_s
                                      << AccessLevels::description(AccessLevel::ReadOnly);
        QTest::newRow("Allowed IP Ranges")
            << int(Model::AllowedIpRangesColumn) << u"10.0.0.0/8 +2"_s
            << u"10.0.0.0/8\n192.168.1.0/24\n2001:db8::/32"_s;
        QTest::newRow("Status") << int(Model::StatusColumn) << u"Active"_s
                                << u"Expires 11/20/27\n"_s + exact(*token.expiresAt);
        QTest::newRow("Created") << int(Model::CreatedColumn) << u"11/20/26"_s
                                 << exact(token.createdAt) + u"\nby alice"_s;
        QTest::newRow("Last used") << int(Model::LastUsedColumn) << u"3 minutes ago"_s
                                   << exact(*token.lastUsedAt) + u"\nfrom 10.0.0.7"_s;
        QTest::newRow("Actions") << int(Model::ActionsColumn) << QString() << QString();
    }

    void everyColumn()
    {
        QFETCH(int, column);
        QFETCH(QString, display);
        QFETCH(QString, toolTip);
        m_model->setTokens({rssReader()});
        QCOMPARE(text(0, column), display);
        QCOMPARE(text(0, column, Qt::ToolTipRole), toolTip);
        QCOMPARE(text(0, column, Model::TokenIdRole), rssReader().id);
        QCOMPARE(cell(0, column).data(Model::TokenRole).value<Token>(), rssReader());
    }

    void accessibleTexts()
    {
        m_model->setTokens({rssReader()});
        // The Token cell is the copy button: named for it, described by the token.
        QCOMPARE(text(0, Model::TokenColumn, Qt::AccessibleTextRole), u"Copy token"_s);
        QCOMPARE(text(0, Model::TokenColumn, Qt::AccessibleDescriptionRole),
                 u"Token tok_ab12 of RSS reader; the secret stays hidden. Press Ctrl+C to copy "
                 "the token."_s);
        QCOMPARE(text(0, Model::NameColumn, Qt::AccessibleDescriptionRole), QString());
        QCOMPARE(text(0, Model::ActionsColumn, Qt::AccessibleTextRole),
                 u"Actions for RSS reader"_s);
        QCOMPARE(text(0, Model::AllowedIpRangesColumn, Qt::AccessibleTextRole),
                 u"10.0.0.0/8, 192.168.1.0/24, 2001:db8::/32"_s);
        QCOMPARE(text(0, Model::LastUsedColumn, Qt::AccessibleTextRole),
                 u"3 minutes ago from 10.0.0.7"_s);
    }

    void neverUsedAndAnyAddress()
    {
        Token token = makeToken(idFor(1), u"fresh"_s);
        m_model->setTokens({token});
        QCOMPARE(text(0, Model::LastUsedColumn), u"Never"_s);
        QCOMPARE(text(0, Model::LastUsedColumn, Qt::ToolTipRole),
                 u"This token has not been used yet"_s);
        QCOMPARE(cell(0, Model::LastUsedColumn).data(Model::SortRole).toLongLong(),
                 Model::kNeverSortKey);
        QCOMPARE(text(0, Model::AllowedIpRangesColumn), u"Any address"_s);
        QCOMPARE(text(0, Model::AllowedIpRangesColumn, Qt::ToolTipRole),
                 u"Any address can use this token"_s);
        QCOMPARE(text(0, Model::StatusColumn, Qt::ToolTipRole), u"Never expires"_s);
    }

    void rangesSummary_data()
    {
        QTest::addColumn<QStringList>("ranges");
        QTest::addColumn<QString>("summary");
        QTest::newRow("none") << QStringList() << u"Any address"_s;
        QTest::newRow("one") << QStringList{u"198.51.100.7"_s} << u"198.51.100.7"_s;
        QTest::newRow("two") << QStringList{u"2001:db8::1"_s, u"10.0.0.0/8"_s}
                             << u"2001:db8::1 +1"_s;
    }

    void rangesSummary()
    {
        QFETCH(QStringList, ranges);
        QFETCH(QString, summary);
        QCOMPARE(Model::rangesSummary(ranges), summary);
    }

    void maskedTokenShowsOnlyTheIdPrefix_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("issued shape") << u"tok_ab12cdefghjkmnpqrstu"_s;
        QTest::newRow("other") << u"tok_zz7yxwvutsrqponmlkji"_s;
        QTest::newRow("short") << u"tok_1"_s;
    }

    void maskedTokenShowsOnlyTheIdPrefix()
    {
        QFETCH(QString, id);
        m_model->setTokens({makeToken(id, u"n"_s)});
        const QString shown = text(0, Model::TokenColumn);
        const QString prefix = id.left(Model::kMaskedIdLength);
        QVERIFY(shown.startsWith(prefix));
        static const QRegularExpression maskOnly(u"^…•+$"_s);
        QVERIFY2(maskOnly.match(shown.mid(prefix.size())).hasMatch(), qPrintable(shown));
        if (id.size() > Model::kMaskedIdLength)
            QVERIFY(!shown.contains(id.mid(Model::kMaskedIdLength)));
    }

    void statusTexts_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<qint64>("expiresInSecs"); // 0 = no expiry
        QTest::addColumn<QString>("display");
        QTest::addColumn<QString>("toolTipStart");
        QTest::addColumn<bool>("expiringSoon");

        const int active = int(TokenStatus::Active);
        const qint64 hour = 3600;
        const qint64 day = 24 * hour;
        QTest::newRow("active, no expiry")
            << active << qint64(0) << u"Active"_s << u"Never expires"_s << false;
        QTest::newRow("active, 30 s")
            << active << qint64(30) << u"Expires in 1 minute"_s << u"Expires just now\n"_s << true;
        QTest::newRow("active, 90 s") << active << qint64(90) << u"Expires in 1 minute"_s
                                      << u"Expires in 1 minute\n"_s << true;
        QTest::newRow("active, 45 min") << active << 45 * qint64(60) << u"Expires in 45 minutes"_s
                                        << u"Expires in 45 minutes\n"_s << true;
        QTest::newRow("active, 1 hour")
            << active << hour << u"Expires in 1 hour"_s << u"Expires in 1 hour\n"_s << true;
        QTest::newRow("active, 5 hours")
            << active << 5 * hour << u"Expires in 5 hours"_s << u"Expires in 5 hours\n"_s << true;
        QTest::newRow("active, 1 day")
            << active << day << u"Expires tomorrow"_s << u"Expires tomorrow\n"_s << true;
        QTest::newRow("active, 3 days")
            << active << 3 * day << u"Expires in 3 days"_s << u"Expires in 3 days\n"_s << true;
        QTest::newRow("active, 7 days")
            << active << 7 * day << u"Expires in 7 days"_s << u"Expires 12/5/26\n"_s << true;
        QTest::newRow("active, 7 days and a minute")
            << active << 7 * day + 60 << u"Active"_s << u"Expires 12/5/26\n"_s << false;
        QTest::newRow("active, 8 days")
            << active << 8 * day << u"Active"_s << u"Expires 12/6/26\n"_s << false;
        // The server has not said so yet, but it will: the expiry is past.
        QTest::newRow("active, expired 2 hours ago")
            << active << -2 * hour << u"Expired"_s << u"Expired 2 hours ago\n"_s << false;
        QTest::newRow("expired") << int(TokenStatus::Expired) << -2 * day << u"Expired"_s
                                 << u"Expired 2 days ago\n"_s << false;
        QTest::newRow("expired, no expiry known")
            << int(TokenStatus::Expired) << qint64(0) << u"Expired"_s << u"Expired"_s << false;
        QTest::newRow("disabled, 3 days")
            << int(TokenStatus::Disabled) << 3 * day << u"Disabled"_s
            << u"Disabled: integrations using this token are refused\nExpires in 3 days\n"_s
            << false;
        QTest::newRow("disabled, no expiry")
            << int(TokenStatus::Disabled) << qint64(0) << u"Disabled"_s
            << u"Disabled: integrations using this token are refused"_s << false;
    }

    void statusTexts()
    {
        QFETCH(int, status);
        QFETCH(qint64, expiresInSecs);
        QFETCH(QString, display);
        QFETCH(QString, toolTipStart);
        QFETCH(bool, expiringSoon);
        Token token = makeToken(idFor(1), u"t"_s);
        token.status = static_cast<TokenStatus>(status);
        if (expiresInSecs != 0)
            token.expiresAt = kNow.addSecs(expiresInSecs);
        m_model->setTokens({token});
        QCOMPARE(text(0, Model::StatusColumn), display);
        const QString toolTip = text(0, Model::StatusColumn, Qt::ToolTipRole);
        QVERIFY2(toolTip.startsWith(toolTipStart), qPrintable(toolTip));
        // Every token with an expiry has the exact moment in the tooltip.
        if (token.expiresAt) {
            QVERIFY2(toolTip.endsWith(RelativeTime::exact(*token.expiresAt, kNow)),
                     qPrintable(toolTip));
        } else {
            QCOMPARE(toolTip, toolTipStart);
        }
        for (int column = 0; column < Model::ColumnCount; ++column)
            QCOMPARE(cell(0, column).data(Model::ExpiringSoonRole).toBool(), expiringSoon);
    }

    void expiryFollowsTheClock()
    {
        Token token = makeToken(idFor(1), u"t"_s);
        token.expiresAt = kNow.addDays(8);
        m_model->setTokens({token});
        QCOMPARE(text(0, Model::StatusColumn), u"Active"_s);
        QVERIFY(!cell(0, Model::NameColumn).data(Model::ExpiringSoonRole).toBool());

        Spies spies(m_model.get());
        m_model->setNow(kNow.addDays(1));
        QCOMPARE(spies.changed.count(), 1);
        const auto roles = spies.changed.at(0).at(2).value<QList<int>>();
        QVERIFY(roles.contains(Model::ExpiringSoonRole));
        QCOMPARE(text(0, Model::StatusColumn), u"Expires in 7 days"_s);
        QVERIFY(cell(0, Model::NameColumn).data(Model::ExpiringSoonRole).toBool());

        m_model->setNow(kNow.addDays(8).addSecs(1));
        QCOMPARE(text(0, Model::StatusColumn), u"Expired"_s);
        QVERIFY(!cell(0, Model::NameColumn).data(Model::ExpiringSoonRole).toBool());
    }

    void sortRoleHasRawMeaning()
    {
        Token admin = makeToken(idFor(1), u"Zeta"_s);
        admin.accessLevel = AccessLevel::Administrative;
        admin.status = TokenStatus::Disabled;
        Token restricted = makeToken(idFor(2), u"alpha"_s);
        restricted.accessLevel = AccessLevel::RestrictedReadOnly;
        restricted.status = TokenStatus::Expired;
        restricted.lastUsedAt = kNow;
        m_model->setTokens({admin, restricted});
        const auto key = [this](int row, int column) {
            return cell(row, column).data(Model::SortRole);
        };
        QCOMPARE(key(0, Model::NameColumn).toString(), u"zeta"_s);
        QVERIFY(key(0, Model::AccessLevelColumn).toInt()
                > key(1, Model::AccessLevelColumn).toInt());
        // Severity: active < expired < disabled.
        QCOMPARE(Model::statusSeverity(TokenStatus::Active), 0);
        QVERIFY(key(1, Model::StatusColumn).toInt() > Model::statusSeverity(TokenStatus::Active));
        QVERIFY(key(0, Model::StatusColumn).toInt() > key(1, Model::StatusColumn).toInt());
        QCOMPARE(key(1, Model::LastUsedColumn).toLongLong(), kNow.toMSecsSinceEpoch());
        QCOMPARE(key(0, Model::CreatedColumn).toLongLong(), admin.createdAt.toMSecsSinceEpoch());
        QVERIFY(!key(0, Model::ActionsColumn).isValid());
    }

    void setTokensFromEmptyInsertsOnce()
    {
        Spies spies(m_model.get());
        m_model->setTokens(numberedTokens(3));
        QCOMPARE(spies.inserted.count(), 1);
        QCOMPARE(spies.inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(spies.inserted.at(0).at(2).toInt(), 2);
        QCOMPARE(spies.removed.count(), 0);
        QCOMPARE(spies.changed.count(), 0);
        QCOMPARE(spies.reset.count(), 0);
        QCOMPARE(m_model->rowCount(), 3);
        checkIndexConsistent();
    }

    void setTokensSameListIsSilent()
    {
        m_model->setTokens(numberedTokens(3));
        Spies spies(m_model.get());
        m_model->setTokens(numberedTokens(3));
        QCOMPARE(spies.inserted.count() + spies.removed.count() + spies.changed.count()
                     + spies.reset.count() + spies.layout.count(),
                 0);
    }

    void setTokensOneChangedIsOneDataChanged()
    {
        m_model->setTokens(numberedTokens(5));
        QList<Token> next = numberedTokens(5);
        next[2].name = u"renamed"_s;
        Spies spies(m_model.get());
        m_model->setTokens(next);
        QCOMPARE(spies.changed.count(), 1);
        const auto topLeft = spies.changed.at(0).at(0).value<QModelIndex>();
        const auto bottomRight = spies.changed.at(0).at(1).value<QModelIndex>();
        QCOMPARE(topLeft, cell(2, 0));
        QCOMPARE(bottomRight, cell(2, Model::ColumnCount - 1));
        QCOMPARE(spies.inserted.count() + spies.removed.count() + spies.reset.count(), 0);
        QCOMPARE(text(2, Model::NameColumn), u"renamed"_s);
    }

    void setTokensOneRemovedIsOneRowsRemoved()
    {
        m_model->setTokens(numberedTokens(5));
        QList<Token> next = numberedTokens(5);
        next.removeAt(3);
        Spies spies(m_model.get());
        m_model->setTokens(next);
        QCOMPARE(spies.removed.count(), 1);
        QCOMPARE(spies.removed.at(0).at(1).toInt(), 3);
        QCOMPARE(spies.removed.at(0).at(2).toInt(), 3);
        QCOMPARE(spies.inserted.count() + spies.changed.count() + spies.reset.count(), 0);
        QCOMPARE(m_model->rowForId(idFor(3)), -1);
        QCOMPARE(m_model->rowForId(idFor(4)), 3);
        checkIndexConsistent();
    }

    void setTokensMixedChanges()
    {
        m_model->setTokens(numberedTokens(6));
        // Server order differs from ours: rows keep their place, new ones append.
        QList<Token> next = numberedTokens(6);
        next.removeAt(4);
        next.removeAt(1);
        next[0].status = TokenStatus::Disabled;
        next.prepend(makeToken(idFor(10), u"new first"_s));
        next.append(makeToken(idFor(11), u"new last"_s));
        Spies spies(m_model.get());
        m_model->setTokens(next);
        QCOMPARE(spies.removed.count(), 2);
        QCOMPARE(spies.changed.count(), 1);
        QCOMPARE(spies.inserted.count(), 1);
        QCOMPARE(spies.reset.count(), 0);
        QStringList ids;
        for (int row = 0; row < m_model->rowCount(); ++row)
            ids.append(text(row, 0, Model::TokenIdRole));
        QCOMPARE(ids, (QStringList{idFor(0), idFor(2), idFor(3), idFor(5), idFor(10), idFor(11)}));
        QCOMPARE(m_model->token(0)->status, TokenStatus::Disabled);
        checkIndexConsistent();
    }

    void setTokensToEmptyRemovesOnce()
    {
        m_model->setTokens(numberedTokens(4));
        Spies spies(m_model.get());
        m_model->setTokens({});
        QCOMPARE(spies.removed.count(), 1);
        QCOMPARE(spies.removed.at(0).at(2).toInt(), 3);
        QCOMPARE(spies.reset.count(), 0);
        QCOMPARE(m_model->rowCount(), 0);
    }

    void repeatedIdCountsOnce()
    {
        QList<Token> tokens = numberedTokens(2);
        Token later = tokens.at(0);
        later.name = u"later wins"_s;
        tokens.append(later);
        m_model->setTokens(tokens);
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->token(m_model->rowForId(idFor(0)))->name, u"later wins"_s);
    }

    void upsertAndRemove()
    {
        m_model->setTokens(numberedTokens(3));
        Spies spies(m_model.get());

        m_model->upsertToken(numberedTokens(3).at(1)); // unchanged: nothing to say
        QCOMPARE(spies.changed.count(), 0);

        Token changed = numberedTokens(3).at(1);
        changed.allowedIpRanges = {u"10.0.0.0/8"_s};
        m_model->upsertToken(changed);
        QCOMPARE(spies.changed.count(), 1);
        QCOMPARE(spies.changed.at(0).at(0).value<QModelIndex>().row(), 1);
        QCOMPARE(text(1, Model::AllowedIpRangesColumn), u"10.0.0.0/8"_s);

        m_model->upsertToken(makeToken(idFor(7), u"seven"_s));
        QCOMPARE(spies.inserted.count(), 1);
        QCOMPARE(m_model->rowForId(idFor(7)), 3);

        QVERIFY(m_model->removeToken(idFor(0)));
        QCOMPARE(spies.removed.count(), 1);
        QCOMPARE(m_model->rowForId(idFor(7)), 2);
        QVERIFY(!m_model->removeToken(idFor(0)));
        QCOMPARE(spies.removed.count(), 1);
        QCOMPARE(spies.reset.count(), 0);
        checkIndexConsistent();
    }

    void applyChangesReplacesAppendsAndRemoves()
    {
        m_model->setTokens(numberedTokens(5));
        m_model->setOperation(idFor(3), u"Disabling…"_s);
        const quint64 localBefore = m_model->localChanges();
        const quint64 revisionBefore = m_model->revision();
        Token renamed = numberedTokens(5).at(1);
        renamed.name = u"renamed"_s;
        const Token unchanged = numberedTokens(5).at(2);
        Spies spies(m_model.get());

        m_model->applyChanges(
            {makeToken(idFor(9), u"nine"_s), renamed, unchanged, makeToken(idFor(8), u"eight"_s)},
            {idFor(3), u"tok_never_seen"_s});

        QCOMPARE(spies.removed.count(), 1); // the unknown id is ignored
        QCOMPARE(spies.changed.count(), 1); // the unchanged token says nothing
        QCOMPARE(spies.inserted.count(), 1); // both new ones at once, in the given order
        QCOMPARE(spies.reset.count() + spies.layout.count(), 0);
        QStringList ids;
        for (int row = 0; row < m_model->rowCount(); ++row)
            ids.append(text(row, 0, Model::TokenIdRole));
        QCOMPARE(ids, (QStringList{idFor(0), idFor(1), idFor(2), idFor(4), idFor(9), idFor(8)}));
        QCOMPARE(text(1, Model::NameColumn), u"renamed"_s);
        QVERIFY(m_model->operation(idFor(3)).isEmpty()); // went with its row
        checkIndexConsistent();
        // The server's changes are not the Studio's own.
        QCOMPARE(m_model->localChanges(), localBefore);
        QVERIFY(m_model->revision() > revisionBefore);
    }

    void revisionMovesOnlyWithContent()
    {
        m_model->setTokens(numberedTokens(3));
        const quint64 revision = m_model->revision();
        m_model->setTokens(numberedTokens(3));
        m_model->applyChanges(numberedTokens(3), {u"tok_never_seen"_s});
        m_model->upsertToken(numberedTokens(3).at(0));
        m_model->setOperation(idFor(1), u"Deleting…"_s);
        QCOMPARE(m_model->revision(), revision);
        m_model->upsertToken(makeToken(idFor(1), u"renamed"_s));
        QCOMPARE(m_model->revision(), revision + 1);
        QVERIFY(m_model->removeToken(idFor(2)));
        QCOMPARE(m_model->revision(), revision + 2);
    }

    void tokenAccessors()
    {
        m_model->setTokens({rssReader()});
        QCOMPARE(m_model->token(0), std::optional<Token>(rssReader()));
        QVERIFY(!m_model->token(1));
        QVERIFY(!m_model->token(-1));
        QCOMPARE(m_model->rowForId(u"tok_unknown"_s), -1);
        QVERIFY(!m_model->index(0, 0).data(Model::TokenRole).value<Token>().id.isEmpty());
    }

    void movingClockRewordsTimes()
    {
        m_model->setTokens({rssReader()});
        QCOMPARE(text(0, Model::LastUsedColumn), u"3 minutes ago"_s);
        Spies spies(m_model.get());
        m_model->setNow(kNow.addSecs(2 * 3600));
        QCOMPARE(spies.changed.count(), 1);
        QCOMPARE(text(0, Model::LastUsedColumn), u"2 hours ago"_s);
        QCOMPARE(spies.inserted.count() + spies.removed.count() + spies.reset.count(), 0);
    }

    void operationMarksOnlyItsRow()
    {
        m_model->setTokens(numberedTokens(3));
        Spies spies(m_model.get());
        m_model->setOperation(idFor(1), u"Disabling…"_s);
        QCOMPARE(spies.changed.count(), 1);
        QCOMPARE(spies.changed.at(0).at(0).value<QModelIndex>(), cell(1, 0));
        QCOMPARE(spies.changed.at(0).at(1).value<QModelIndex>(), cell(1, Model::ColumnCount - 1));
        const auto roles = spies.changed.at(0).at(2).value<QList<int>>();
        QVERIFY(roles.contains(Model::OperationRole));
        QVERIFY(roles.contains(Qt::DisplayRole));
        QCOMPARE(spies.inserted.count() + spies.removed.count() + spies.reset.count(), 0);

        QCOMPARE(text(1, Model::StatusColumn), u"Disabling…"_s);
        QCOMPARE(m_model->operation(idFor(1)), u"Disabling…"_s);
        for (int column = 0; column < Model::ColumnCount; ++column) {
            QCOMPARE(text(1, column, Model::OperationRole), u"Disabling…"_s);
            QCOMPARE(text(0, column, Model::OperationRole), QString());
            QCOMPARE(text(2, column, Model::OperationRole), QString());
        }
        QCOMPARE(text(0, Model::StatusColumn), u"Active"_s);
        QCOMPARE(text(1, Model::NameColumn), u"token 1"_s); // only the status says it

        m_model->setOperation(idFor(1), u"Disabling…"_s); // nothing new to say
        QCOMPARE(spies.changed.count(), 1);
        m_model->setOperation(idFor(1), u"Deleting…"_s);
        QCOMPARE(spies.changed.count(), 2);
        QCOMPARE(text(1, Model::StatusColumn), u"Deleting…"_s);

        m_model->clearOperation(idFor(1));
        QCOMPARE(spies.changed.count(), 3);
        QCOMPARE(spies.changed.at(2).at(0).value<QModelIndex>().row(), 1);
        QCOMPARE(spies.changed.at(2).at(1).value<QModelIndex>().row(), 1);
        QCOMPARE(text(1, Model::StatusColumn), u"Active"_s);
        QCOMPARE(text(1, Model::StatusColumn, Model::OperationRole), QString());
        m_model->clearOperation(idFor(1));
        QCOMPARE(spies.changed.count(), 3);

        // An empty text clears; an unknown id is ignored.
        m_model->setOperation(idFor(2), u"Rotating…"_s);
        m_model->setOperation(idFor(2), QString());
        QCOMPARE(text(2, Model::StatusColumn), u"Active"_s);
        QCOMPARE(spies.changed.count(), 5);
        m_model->setOperation(u"tok_unknown"_s, u"Deleting…"_s);
        QCOMPARE(spies.changed.count(), 5);
        QCOMPARE(m_model->operation(u"tok_unknown"_s), QString());
    }

    void operationSurvivesRefreshes()
    {
        m_model->setTokens(numberedTokens(4));
        m_model->setOperation(idFor(2), u"Disabling…"_s);

        QList<Token> next = numberedTokens(4);
        next.removeAt(0);
        next[1].status = TokenStatus::Disabled; // idFor(2), changed meanwhile
        next.append(makeToken(idFor(9), u"new"_s));
        m_model->setTokens(next);
        const int row = m_model->rowForId(idFor(2));
        QCOMPARE(row, 1);
        QCOMPARE(text(row, Model::StatusColumn), u"Disabling…"_s);
        QCOMPARE(text(row, Model::NameColumn, Model::OperationRole), u"Disabling…"_s);

        Token renamed = next.at(1);
        renamed.name = u"renamed"_s;
        m_model->upsertToken(renamed);
        QCOMPARE(text(row, Model::StatusColumn), u"Disabling…"_s);
        m_model->setNow(kNow.addSecs(60));
        QCOMPARE(text(row, Model::StatusColumn), u"Disabling…"_s);
        QCOMPARE(text(m_model->rowForId(idFor(9)), Model::StatusColumn), u"Active"_s);
    }

    void operationGoesWithItsToken()
    {
        const QList<Token> tokens = numberedTokens(4);
        m_model->setTokens(tokens);
        m_model->setOperation(idFor(1), u"Deleting…"_s);
        m_model->setOperation(idFor(3), u"Deleting…"_s);

        QList<Token> next = tokens;
        next.removeAt(1);
        m_model->setTokens(next);
        QCOMPARE(m_model->operation(idFor(1)), QString());
        QCOMPARE(m_model->operation(idFor(3)), u"Deleting…"_s);
        QVERIFY(m_model->removeToken(idFor(3)));
        QCOMPARE(m_model->operation(idFor(3)), QString());

        // The same ids again later are fresh rows: unmarked.
        m_model->setTokens(tokens);
        for (int row = 0; row < m_model->rowCount(); ++row) {
            QCOMPARE(text(row, Model::NameColumn, Model::OperationRole), QString());
            QCOMPARE(text(row, Model::StatusColumn), u"Active"_s);
        }
    }

    void thousandTokens()
    {
        m_model->setTokens(numberedTokens(1000));
        QCOMPARE(m_model->rowCount(), 1000);
        QList<Token> next = numberedTokens(1000);
        for (int i = 0; i < 10; ++i)
            next[i * 97 + 5].name = u"changed %1"_s.arg(i);
        for (int i = 9; i >= 0; --i)
            next.removeAt(i * 89 + 50);
        for (int i = 0; i < 10; ++i)
            next.append(makeToken(idFor(2000 + i), u"added %1"_s.arg(i)));
        Spies spies(m_model.get());
        m_model->setTokens(next);
        QCOMPARE(spies.removed.count(), 10);
        QCOMPARE(spies.changed.count(), 10);
        QCOMPARE(spies.inserted.count(), 1);
        QCOMPARE(spies.reset.count(), 0);
        QCOMPARE(m_model->rowCount(), 1000);
        checkIndexConsistent();
    }
};

QTEST_GUILESS_MAIN(TestTokenTableModel)
#include "tst_tokentablemodel.moc"
