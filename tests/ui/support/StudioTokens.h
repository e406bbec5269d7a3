#pragma once

// Tokens a GUI test arranges on the real server as an integrator would
// (through ApiTestClient, not the Studio), and the wait until the Studio's
// window lists them.

#include "ApiTestClient.h"
#include "StudioTestSupport.h"
#include "TokenTableModel.h"
#include "mainwindow/MainWindow.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTest>

namespace ApiAccess::Testing {

// The admin the GUI tests sign in as.
inline const QString kTestAdmin = QStringLiteral("admin");
inline const QString kTestPassword = QStringLiteral("correct horse battery staple");

struct CreatedToken
{
    QString id; // empty when the server did not create it
    QString name;
    QByteArray token; // base64(id ":" secret), as the create answer gave it
};

inline CreatedToken createToken(ApiTestClient &api, const QString &name, const QString &level,
                                const QStringList &ranges = {})
{
    const ApiReply reply = api.createToken(name, level, ranges);
    if (reply.status != 201)
        return {};
    return {reply.json().value(QStringLiteral("id")).toString(), name,
            reply.json().value(QStringLiteral("token")).toString().toLatin1()};
}

// Refreshes the window and waits until it lists every one of `ids`.
inline bool refreshUntilListed(MainWindow &window, const QStringList &ids)
{
    // refresh() does nothing while a list is on its way, and that one may
    // have left before the tokens were made: let it land, then ask again.
    if (!QTest::qWaitFor([&] { return !window.isRefreshing(); }, kGuiWaitMs))
        return false;
    window.refresh();
    return QTest::qWaitFor(
        [&] {
            for (const QString &id : ids) {
                if (window.tokenModel().rowForId(id) < 0)
                    return false;
            }
            return true;
        },
        kGuiWaitMs);
}

} // namespace ApiAccess::Testing
