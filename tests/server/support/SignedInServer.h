#pragma once

#include "ApiTestClient.h"
#include "ServerProcess.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace ApiAccess::Testing {

class SeenSecrets;

// The set-up most integration tests share: the real server with one admin
// account, started, and a client signed in as that admin (Bearer session).
struct SignedInServer
{
    ServerProcess server;
    std::unique_ptr<ApiTestClient> api; // signed in as the admin once start() succeeded
    QByteArray session; // the admin's session token

    // Adds the admin, starts the server (see ServerProcess::start) and signs
    // in with POST /api/v1/sessions. Returns false (see errorString()) at the
    // first step that fails.
    bool start(const QString &admin, const QString &password,
               const QStringList &extraArguments = {},
               const QString &listen = QStringLiteral("127.0.0.1:0"));
    QString errorString() const { return m_error; }

private:
    QString m_error;
};

// POST /api/v1/tokens with `body`: on 201 remembers the token in `secrets`
// and answers the created token; else warns and answers {}.
QJsonObject createTokenOk(ApiTestClient &api, const QJsonObject &body, SeenSecrets &secrets);

// How many tokens GET /api/v1/tokens?limit=1000 lists; -1 if it fails.
int countTokens(ApiTestClient &api);

} // namespace ApiAccess::Testing
