// Integration test: the change feed of the token list, GET
// /api/v1/tokens?changedSince=… (issue #15), against the real
// apiaccess-server over real HTTP: a client that listed once hears about
// exactly what changed since, and an unchanged list costs almost nothing.

#include "ApiAssertions.h"
#include "SignedInServer.h"
#include "wire/Problem.h"
#include "wire/Token.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace ApiAccess;
using namespace ApiAccess::Testing;

namespace {

const QString kAdmin = u"changes-admin"_s;
const QString kPassword = u"changes-test-password"_s;

QString changedSincePath(const QString &cursor)
{
    return u"/api/v1/tokens?changedSince="_s + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
}

QStringList ids(const QList<Token> &tokens)
{
    QStringList result;
    for (const Token &token : tokens)
        result.append(token.id);
    result.sort();
    return result;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

class TestServerTokensChanges : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void firstPageOfTheWholeListCarriesACursor();
    void unchangedListAnswersNothing();
    void everyKindOfChangeIsReported();
    void cursorsAreStatelessAndRepeatable();
    void changesWhileListingAreNotMissed();
    void badCursorsAre400_data();
    void badCursorsAre400();
    void oldCursorsAre410();
    void tooManyChangesAre410();
    // Last: a token used shortly before a cursor is reported again (last
    // use is written in batches, so the feed looks a few seconds back),
    // which the exact comparisons above do not expect.
    void useIsReported();

private:
    QString listCursor();
    TokenChangeSet changesSince(const QString &cursor, qsizetype *bytes = nullptr);
    QJsonObject create(const QString &name);

    SignedInServer m_env;
    SeenSecrets m_secrets;
};

void TestServerTokensChanges::initTestCase()
{
    QVERIFY2(m_env.start(kAdmin, kPassword), qPrintable(m_env.errorString()));
    for (int i = 0; i < 12; ++i)
        QVERIFY(!create(u"Existing integration %1"_s.arg(i)).isEmpty());
}

QJsonObject TestServerTokensChanges::create(const QString &name)
{
    return createTokenOk(*m_env.api, {{u"name"_s, name}, {u"accessLevel"_s, u"read_only"_s}},
                         m_secrets);
}

// The changes cursor of a fresh listing's first page; empty on failure.
QString TestServerTokensChanges::listCursor()
{
    const ApiReply reply = m_env.api->get(u"/api/v1/tokens?limit=5"_s);
    if (reply.status != 200) {
        qWarning("list failed: %s", reply.describe().constData());
        return {};
    }
    return reply.json().value(u"changesCursor"_s).toString();
}

TokenChangeSet TestServerTokensChanges::changesSince(const QString &cursor, qsizetype *bytes)
{
    const ApiReply reply = m_env.api->get(changedSincePath(cursor));
    if (reply.status != 200 || reply.header("Content-Type") != "application/json") {
        qWarning("change feed failed: %s", reply.describe().constData());
        return {};
    }
    if (bytes)
        *bytes = reply.body.size();
    const auto changes = TokenChangeSet::fromJson(reply.json());
    if (!changes) {
        qWarning("change feed answer does not read: %s", reply.describe().constData());
        return {};
    }
    return changes.value();
}

void TestServerTokensChanges::firstPageOfTheWholeListCarriesACursor()
{
    const ApiReply first = m_env.api->get(u"/api/v1/tokens?limit=5"_s);
    QVERIFY2(first.status == 200, first.describe().constData());
    QVERIFY(!first.json().value(u"changesCursor"_s).toString().isEmpty());

    // Later pages and filtered listings are not the whole list: no cursor.
    const QString next = first.json().value(u"nextCursor"_s).toString();
    QVERIFY(!next.isEmpty());
    const QStringList queries{u"limit=5&cursor="_s
                                  + QString::fromLatin1(QUrl::toPercentEncoding(next)),
                              u"q=existing"_s, u"status=active"_s, u"accessLevel=read_only"_s};
    for (const QString &query : queries) {
        const ApiReply reply = m_env.api->get(u"/api/v1/tokens?"_s + query);
        QVERIFY2(reply.status == 200, reply.describe().constData());
        QVERIFY2(!reply.json().contains(u"changesCursor"_s), qPrintable(query));
    }
}

void TestServerTokensChanges::unchangedListAnswersNothing()
{
    const QString cursor = listCursor();
    QVERIFY(!cursor.isEmpty());
    qsizetype bytes = 0;
    const TokenChangeSet changes = changesSince(cursor, &bytes);
    QVERIFY(!changes.changesCursor.isEmpty());
    QVERIFY(changes.items.isEmpty());
    QVERIFY(changes.deletedIds.isEmpty());
    // The goal of issue #15: an unchanged list costs ≤ 2 KB on the wire,
    // headers included; the body is a small fraction of that.
    QVERIFY2(bytes < 200, QByteArray::number(bytes).constData());

    // And the new cursor goes on from there, just as quietly.
    const TokenChangeSet again = changesSince(changes.changesCursor);
    QVERIFY(!again.changesCursor.isEmpty());
    QVERIFY(again.items.isEmpty());
    QVERIFY(again.deletedIds.isEmpty());
}

void TestServerTokensChanges::everyKindOfChangeIsReported()
{
    const QString edited = create(u"To be edited"_s).value(u"id"_s).toString();
    const QString disabled = create(u"To be disabled"_s).value(u"id"_s).toString();
    const QString rotated = create(u"To be rotated"_s).value(u"id"_s).toString();
    const QString deleted = create(u"To be deleted"_s).value(u"id"_s).toString();
    const QString cursor = listCursor();
    QVERIFY(!cursor.isEmpty());

    const QString created = create(u"Created after the listing"_s).value(u"id"_s).toString();
    const ApiReply edit =
        m_env.api->patch(u"/api/v1/tokens/"_s + edited, {{u"name"_s, u"Edited name"_s}});
    QVERIFY2(edit.status == 200, edit.describe().constData());
    const ApiReply disable =
        m_env.api->patch(u"/api/v1/tokens/"_s + disabled, {{u"enabled"_s, false}});
    QVERIFY2(disable.status == 200, disable.describe().constData());
    const ApiReply rotate = m_env.api->post(u"/api/v1/tokens/"_s + rotated + u"/rotate"_s, {});
    QVERIFY2(rotate.status == 200, rotate.describe().constData());
    m_secrets.remember(rotate.json().value(u"token"_s).toString().toLatin1());
    const ApiReply remove = m_env.api->del(u"/api/v1/tokens/"_s + deleted);
    QVERIFY2(remove.status == 204, remove.describe().constData());
    // Created and deleted in between: reported as deleted, which a client
    // that never saw it simply ignores.
    const QString fleeting = create(u"Fleeting"_s).value(u"id"_s).toString();
    QCOMPARE(m_env.api->del(u"/api/v1/tokens/"_s + fleeting).status, 204);

    const TokenChangeSet changes = changesSince(cursor);
    QCOMPARE(ids(changes.items), sorted({created, edited, disabled, rotated}));
    QCOMPARE(sorted(changes.deletedIds), sorted({deleted, fleeting}));
    // Each item is the token as it is now, exactly as GET /tokens/{id} says.
    for (const Token &token : changes.items) {
        const ApiReply one = m_env.api->get(u"/api/v1/tokens/"_s + token.id);
        QVERIFY2(one.status == 200, one.describe().constData());
        QCOMPARE(token.toJson(), one.json());
    }
    // Newest first, like the list.
    for (qsizetype i = 1; i < changes.items.size(); ++i)
        QVERIFY(changes.items.at(i - 1).createdAt >= changes.items.at(i).createdAt);

    const TokenChangeSet after = changesSince(changes.changesCursor);
    QVERIFY(after.items.isEmpty());
    QVERIFY(after.deletedIds.isEmpty());
}

void TestServerTokensChanges::cursorsAreStatelessAndRepeatable()
{
    const QString cursor = listCursor();
    const QString id = create(u"Seen twice"_s).value(u"id"_s).toString();
    // Asking again with the same cursor (a retry after a lost answer)
    // answers the same changes: the server keeps nothing per client.
    QCOMPARE(ids(changesSince(cursor).items), QStringList{id});
    QCOMPARE(ids(changesSince(cursor).items), QStringList{id});
}

void TestServerTokensChanges::useIsReported()
{
    const QJsonObject created = create(u"Used by an integration"_s);
    const QString id = created.value(u"id"_s).toString();
    const QString cursor = listCursor();
    QVERIFY(changesSince(cursor).items.isEmpty());

    ApiTestClient gateway(m_env.server.baseUrl());
    const ApiReply verified = gateway.send(
        "GET", u"/api/v1/verify"_s, {},
        {{"Authorization", "Basic " + created.value(u"token"_s).toString().toLatin1()}});
    QCOMPARE(verified.status, 204);
    // Last use is written in batches (about a second): ask until it is.
    TokenChangeSet changes;
    QTRY_VERIFY_WITH_TIMEOUT((changes = changesSince(cursor), !changes.items.isEmpty()), 10'000);
    QCOMPARE(ids(changes.items), QStringList{id});
    QVERIFY(changes.items.constFirst().lastUsedAt.has_value());
    QCOMPARE(changes.items.constFirst().lastUsedIp, u"127.0.0.1"_s);
}

void TestServerTokensChanges::changesWhileListingAreNotMissed()
{
    // The cursor is taken before the first page is read: a token changed
    // while a client pages through the list is in the next change set,
    // even if the page it is on was read before the change.
    const ApiReply first = m_env.api->get(u"/api/v1/tokens?limit=2"_s);
    QVERIFY2(first.status == 200, first.describe().constData());
    const QString cursor = first.json().value(u"changesCursor"_s).toString();
    const QString onFirstPage =
        first.json().value(u"items"_s).toArray().at(0).toObject().value(u"id"_s).toString();
    const ApiReply edit = m_env.api->patch(u"/api/v1/tokens/"_s + onFirstPage,
                                           {{u"name"_s, u"Renamed while listing"_s}});
    QVERIFY2(edit.status == 200, edit.describe().constData());

    const TokenChangeSet changes = changesSince(cursor);
    QCOMPARE(ids(changes.items), QStringList{onFirstPage});
    QCOMPARE(changes.items.constFirst().name, u"Renamed while listing"_s);
}

void TestServerTokensChanges::badCursorsAre400_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("fields");
    QTest::newRow("garbage") << u"changedSince=garbage"_s << QStringList{u"changedSince"_s};
    QTest::newRow("empty") << u"changedSince="_s << QStringList{u"changedSince"_s};
    QTest::newRow("a list cursor")
        << u"changedSince=eyJjIjoxfQ"_s << QStringList{u"changedSince"_s};
    QTest::newRow("combined with limit") << u"changedSince=%1&limit=5"_s << QStringList{u"limit"_s};
    QTest::newRow("combined with q and status")
        << u"changedSince=%1&q=x&status=active"_s << QStringList{u"q"_s, u"status"_s};
    QTest::newRow("twice") << u"changedSince=%1&changedSince=%1"_s
                           << QStringList{u"changedSince"_s};
}

void TestServerTokensChanges::badCursorsAre400()
{
    QFETCH(QString, query);
    QFETCH(QStringList, fields);
    if (query.contains(u"%1"))
        query = query.arg(QString::fromLatin1(QUrl::toPercentEncoding(listCursor())));
    const int before = countTokens(*m_env.api);
    const ApiReply reply = m_env.api->get(u"/api/v1/tokens?"_s + query);
    QCOMPARE_PROBLEM_WITH_TITLE(reply, 400);
    QCOMPARE(sortedErrorFields(reply), fields);
    QCOMPARE(countTokens(*m_env.api), before);
}

void TestServerTokensChanges::oldCursorsAre410()
{
    // White-box: the cursor is base64url("1.<generation>.<issued ms>…").
    // One issued eleven minutes ago points into change records that may be
    // pruned (they are kept ten): the client must list afresh.
    const QByteArray decoded = QByteArray::fromBase64(
        listCursor().toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    QList<QByteArray> parts = decoded.split('.');
    QVERIFY(parts.size() >= 3);
    parts[2] = QByteArray::number(QDateTime::currentMSecsSinceEpoch() - 11 * 60'000);
    const QString old = QString::fromLatin1(
        parts.join('.').toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const ApiReply reply = m_env.api->get(changedSincePath(old));
    QCOMPARE_PROBLEM_WITH_TITLE(reply, 410);
    QCOMPARE(reply.json().value(u"type"_s).toString(), Problem::kTypeChangesExpired.toString());
}

void TestServerTokensChanges::tooManyChangesAre410()
{
    const QString cursor = listCursor();
    for (int i = 0; i < 1001; ++i)
        QVERIFY(!create(u"Bulk %1"_s.arg(i)).isEmpty());
    const ApiReply reply = m_env.api->get(changedSincePath(cursor));
    QCOMPARE_PROBLEM_WITH_TITLE(reply, 410);
    QCOMPARE(reply.json().value(u"type"_s).toString(), Problem::kTypeChangesExpired.toString());
    QVERIFY(reply.json().value(u"detail"_s).toString().contains(u"1000"_s));

    // Listing afresh gives a cursor that works again.
    const TokenChangeSet changes = changesSince(listCursor());
    QVERIFY(!changes.changesCursor.isEmpty());
    QVERIFY(changes.items.isEmpty());
}

QTEST_GUILESS_MAIN(TestServerTokensChanges)
#include "tst_server_tokens_changes.moc"
