#pragma once

#include "api/ApiError.h"
#include "common/Result.h"
#include "wire/Token.h"
#include "wire/TokenInput.h"

#include <QByteArray>
#include <QDateTime>
#include <QFutureWatcher>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <functional>
#include <optional>
#include <vector>

class QNetworkReply;

namespace ApiAccess {

// A signed-in session: what the Studio needs to act for an admin. The
// session token lives in memory only (the keychain comes later).
struct Session
{
    QUrl serverUrl;
    QString username;
    QByteArray sessionToken;
    QDateTime expiresAt;
    // A session on the Studio's own local sandbox: it ends with the Studio,
    // so it is never kept in the keychain or given a profile.
    bool sandbox = false;
};

// A token with its ETag, as the server answered.
struct TokenWithTag
{
    Token token;
    QByteArray etag;
};

struct TokenListQuery
{
    int limit = 100;
    QString cursor;
    QString text;
    std::optional<TokenStatus> status;
    std::optional<AccessLevel> accessLevel;
};

// The whole token list, and where to follow its changes from (empty from a
// server without the change feed).
struct TokenList
{
    QList<Token> tokens;
    QString changesCursor;
};

// One request in flight (for listAllTokens: one page after the other).
// Abort it to cancel: the callback then runs once, at once, with
// ApiError::Kind::Canceled. Deletes itself (deleteLater) after its callback
// has run, so keep it in a QPointer<ApiCall>.
class ApiCall : public QObject
{
    Q_OBJECT

public:
    explicit ApiCall(QNetworkReply *reply, QObject *parent = nullptr);
    void abort();
    bool isRunning() const;
    bool wasAborted() const { return m_aborted; }

Q_SIGNALS:
    // After the callback has run (or was dropped because its context died).
    void finished();

private:
    friend class ApiClient;
    void setReply(QNetworkReply *reply);

    QPointer<QNetworkReply> m_reply;
    QStringList m_tlsErrors; // from QNetworkReply::sslErrors, never ignored
    quint64 m_attempts = 0; // requests started for this call (pages, waits)
    bool m_aborted = false;
    bool m_waitingForTrust = false; // not sent yet: see ApiClient::setExtraCaCertificates
};

template<typename T>
using ApiCallback = std::function<void(Result<T, ApiError>)>;

// The Studio's side of the token server API (PRODUCT.md §6, docs/api/openapi.yaml).
// Asynchronous only: every call returns at once and reports through its
// callback, on the client's thread (the GUI thread in the Studio), and only
// if `context` still exists by then. Never blocks, never nests an event loop.
class ApiClient : public QObject
{
    Q_OBJECT

public:
    explicit ApiClient(QObject *parent = nullptr);
    // Calls still in flight are dropped: their callbacks never run.
    ~ApiClient() override;

    void setServerUrl(const QUrl &url);
    QUrl serverUrl() const;
    void setSession(const Session &session); // sets the URL and the bearer token
    void clearSession();
    std::optional<Session> session() const;
    // CA certificates to trust for this server on top of the system's (a
    // profile's company CA). Certificate errors are never ignored. HTTPS
    // requests wait (without blocking) until the system's CA list has been
    // read once in this process (SystemCaCertificates.h).
    void setExtraCaCertificates(const QList<QSslCertificate> &certificates);
    QList<QSslCertificate> extraCaCertificates() const { return m_extraCas; }

    void setTransferTimeout(std::chrono::milliseconds timeout);

    std::chrono::milliseconds transferTimeout() const { return m_timeout; }
    bool isBusy() const { return m_running > 0; }

    // Sends no Authorization. On success the session is also set on this
    // client (setSession), so the next calls carry it.
    ApiCall *signIn(const QString &username, const QString &password, QObject *context,
                    ApiCallback<Session> callback);
    // Ends the session on the server; the local session is cleared whatever
    // the answer (a 401 here does not emit sessionExpired).
    ApiCall *signOut(QObject *context, ApiCallback<bool> callback);

    ApiCall *listTokens(const TokenListQuery &query, QObject *context,
                        ApiCallback<TokenPage> callback);
    // Every page, following nextCursor; one callback with the whole list.
    ApiCall *listAllTokens(QObject *context, ApiCallback<TokenList> callback);
    // What changed since a changesCursor (GET /api/v1/tokens?changedSince).
    // nullopt: the server can no longer tell (410), list afresh.
    ApiCall *listTokenChanges(const QString &changesCursor, QObject *context,
                              ApiCallback<std::optional<TokenChangeSet>> callback);
    ApiCall *getToken(const QString &id, QObject *context, ApiCallback<TokenWithTag> callback);
    // The create answer's secret is wiped at once: the Studio fetches it
    // again with fetchSecret() when the admin copies (never kept around).
    ApiCall *createToken(const TokenCreateInput &input, QObject *context,
                         ApiCallback<TokenWithTag> callback);
    ApiCall *updateToken(const QString &id, const TokenUpdateInput &input,
                         const QByteArray &ifMatch, QObject *context,
                         ApiCallback<TokenWithTag> callback);
    ApiCall *deleteToken(const QString &id, QObject *context, ApiCallback<bool> callback);
    // With `ifMatch` (the token's ETag) the server rotates only the token as
    // it was then: a retry after a lost answer gets Conflict, not a second
    // secret. Empty: unconditional.
    ApiCall *rotateToken(const QString &id, std::optional<int> previousSecretValidForSeconds,
                         const QByteArray &ifMatch, QObject *context,
                         ApiCallback<TokenWithTag> callback);
    // The full token string (base64 id:secret) for the clipboard. The
    // caller wipes it when done.
    ApiCall *fetchSecret(const QString &id, QObject *context, ApiCallback<QByteArray> callback);

Q_SIGNALS:
    // A call made with the current session got 401: the session has ended.
    // Not for a call sent with a session that has since been replaced.
    void sessionExpired();
    // A request started or ended: for the status bar's busy indicator.
    void busyChanged(bool busy);

private:
    friend class ApiCall; // abortWaiting
    // A 2xx answer before it is parsed.
    struct RawAnswer
    {
        int status = 0;
        QByteArray body; // the caller wipes it when it may hold a secret
        QByteArray etag;
    };
    using RawResult = Result<RawAnswer, ApiError>;
    // Gets the call too, so that listAllTokens can continue it.
    using RawHandler = std::function<void(RawResult &&, ApiCall *)>;
    enum class Auth { None, Session };

    struct Request
    {
        Request(QByteArray verb_, QString path_, QString query_ = {}, QByteArray body_ = {},
                Auth auth_ = Auth::Session)
            : verb(std::move(verb_))
            , path(std::move(path_))
            , query(std::move(query_))
            , body(std::move(body_))
            , auth(auth_)
        { }

        QByteArray verb;
        QString path; // below the server URL's path, e.g. /api/v1/tokens
        QString query; // already percent-encoded, without '?'
        QByteArray body; // JSON, or null for none
        Auth auth = Auth::Session;
        QByteArray ifMatch;
        bool signalsExpiry = true; // a 401 emits sessionExpired (not for signOut)
    };

    // A request ready to go out, and what its answer goes to.
    struct Outgoing
    {
        QByteArray verb;
        QNetworkRequest request;
        QByteArray body;
        QPointer<QObject> context;
        RawHandler handler;
        bool signalsExpiry = false;
        quint64 sessionGeneration = 0;
        quint64 trustGeneration = 0; // the extra CAs it was made under
    };
    struct WaitingForTrust
    {
        QPointer<ApiCall> call;
        Outgoing outgoing;
    };

    // Starts `request`; `handler` runs when the answer is in, unless
    // `context` is gone by then. With `call` the request continues that call
    // (the next page of listAllTokens).
    ApiCall *start(Request request, QObject *context, RawHandler handler, ApiCall *call = nullptr);
    void send(ApiCall *call, Outgoing outgoing);
    void finish(ApiCall *call, QNetworkReply *reply, const Outgoing &outgoing);
    void deliver(ApiCall *call, RawResult result, const Outgoing &outgoing);
    // The extra CAs with the system's, once the system's list is read.
    void updateTrust();
    // Whether requests carry an explicit CA list (m_trust) instead of Qt's
    // on-demand system roots: with extra CAs, or a test's store.
    bool listsCaCertificates() const;
    void replaceManager();
    void sendWaiting();
    void abortWaiting(ApiCall *call); // ApiCall::abort before the request went out
    void cancelWaiting(ApiCall *call, Outgoing outgoing);
    ApiCall *fetchPages(TokenListQuery query, TokenList collected, QObject *context,
                        ApiCallback<TokenList> callback, ApiCall *call);
    void setRunning(int delta);

    // A child of the client; replaced when the trust changes (see
    // setExtraCaCertificates), the old one going when its replies have.
    QNetworkAccessManager *m_manager = nullptr;
    QUrl m_serverUrl;
    std::optional<Session> m_session;
    QList<QSslCertificate> m_extraCas;
    // The system's CAs plus m_extraCas; unset while !listsCaCertificates()
    // or the system's list is still being read.
    std::optional<QSslConfiguration> m_trust;
    QFutureWatcher<QList<QSslCertificate>> m_systemCas;
    bool m_watchingSystemCas = false;
    std::vector<WaitingForTrust> m_waitingForTrust;
    quint64 m_trustGeneration = 0; // changes with the extra CAs
    quint64 m_sessionGeneration = 0; // changes with every setSession/clearSession
    std::chrono::milliseconds m_timeout{30'000};
    int m_running = 0;
};

} // namespace ApiAccess
