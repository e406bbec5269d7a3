#pragma once

#include "ApiTestClient.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QTest>

namespace ApiAccess::Testing {

// Whether sortedErrorFields() also checks that every entry has a message.
enum class EntryMessages {
    Required, // an entry without "message" adds "<entry without message>"
    NotChecked,
};

// The "field" of every entry in a problem's "errors" array, sorted.
QStringList sortedErrorFields(const ApiReply &reply,
                              EntryMessages messages = EntryMessages::Required);

// The keys of a JSON object, sorted.
QStringList sortedKeys(const QJsonObject &object);

// Every secret a test saw (session tokens, API tokens and their bare
// secrets), for the check that none of them is in the server log.
class SeenSecrets
{
public:
    // Exactly this value.
    void append(const QByteArray &secret) { m_secrets.append(secret); }
    // This value and, if it is an API token, its bare secret too: a log
    // line with "id:secret" would leak it.
    void remember(const QByteArray &secretOrToken);

    const QList<QByteArray> &all() const { return m_secrets; }
    qsizetype size() const { return m_secrets.size(); }

private:
    QList<QByteArray> m_secrets;
};

} // namespace ApiAccess::Testing

// A problem document with this status (RFC 9457, PRODUCT.md §6): the status,
// the problem content type and the same status in the body.
#define QCOMPARE_PROBLEM(replyExpression, expectedStatus)                                          \
    do {                                                                                           \
        const ::ApiAccess::Testing::ApiReply &problemReply_ = (replyExpression);                   \
        QVERIFY2(problemReply_.status == (expectedStatus), problemReply_.describe().constData());  \
        QCOMPARE(problemReply_.header("Content-Type"),                                             \
                 QByteArrayLiteral("application/problem+json"));                                   \
        QCOMPARE(problemReply_.json().value(QStringLiteral("status")).toInt(), (expectedStatus));  \
    } while (false)

// QCOMPARE_PROBLEM, and the problem has a non-empty title.
#define QCOMPARE_PROBLEM_WITH_TITLE(replyExpression, expectedStatus)                               \
    do {                                                                                           \
        const ::ApiAccess::Testing::ApiReply &titledReply_ = (replyExpression);                    \
        QCOMPARE_PROBLEM(titledReply_, (expectedStatus));                                          \
        QVERIFY(!titledReply_.json().value(QStringLiteral("title")).toString().isEmpty());         \
    } while (false)

// The server log names `route` (else the check proves nothing), the test saw
// more than ten secrets, and none of them is in the log.
#define QVERIFY_LOG_HOLDS_NO_SECRET(logExpression, route, seenSecrets)                             \
    do {                                                                                           \
        const QByteArray &secretLog_ = (logExpression);                                            \
        QVERIFY2(secretLog_.contains(route), secretLog_.right(2000).constData());                  \
        QVERIFY((seenSecrets).size() > 10);                                                        \
        for (const QByteArray &seenSecret_ : (seenSecrets).all()) {                                \
            QVERIFY(!seenSecret_.isEmpty());                                                       \
            QVERIFY2(!secretLog_.contains(seenSecret_),                                            \
                     "a secret or session token is in the server log");                            \
        }                                                                                          \
    } while (false)
