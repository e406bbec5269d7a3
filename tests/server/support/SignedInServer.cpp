#include "SignedInServer.h"

#include "ApiAssertions.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace ApiAccess::Testing {

bool SignedInServer::start(const QString &admin, const QString &password,
                           const QStringList &extraArguments, const QString &listen)
{
    if (!server.addAdmin(admin, password)) {
        m_error = u"apiaccess-server admin add failed"_s;
        return false;
    }
    if (!server.start(extraArguments, listen)) {
        m_error = server.errorString();
        return false;
    }
    api = std::make_unique<ApiTestClient>(server.baseUrl());
    const ApiReply signIn = api->post(
        u"/api/v1/sessions"_s, QJsonObject{{u"username"_s, admin}, {u"password"_s, password}});
    if (signIn.status != 201) {
        m_error = u"sign-in failed: "_s + QString::fromUtf8(signIn.describe());
        return false;
    }
    session = signIn.json().value(u"sessionToken"_s).toString().toLatin1();
    api->setBearer(session);
    return true;
}

QJsonObject createTokenOk(ApiTestClient &api, const QJsonObject &body, SeenSecrets &secrets)
{
    const ApiReply reply = api.post(u"/api/v1/tokens"_s, body);
    if (reply.status != 201) {
        qWarning("create failed: %s", reply.describe().constData());
        return {};
    }
    QJsonObject object = reply.json();
    secrets.remember(object.value(u"token"_s).toString().toLatin1());
    return object;
}

int countTokens(ApiTestClient &api)
{
    const ApiReply reply = api.get(u"/api/v1/tokens?limit=1000"_s);
    return reply.status == 200 ? int(reply.json().value(u"items"_s).toArray().size()) : -1;
}

} // namespace ApiAccess::Testing
