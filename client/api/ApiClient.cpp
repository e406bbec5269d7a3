#include "api/ApiClient.h"

#include "api/ProblemMapping.h"
#include "api/SystemCaCertificates.h"
#include "api/Wipe.h"
#include "common/Version.h"
#include "wire/Rfc3339.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSet>
#include <QSslConfiguration>

#include <algorithm>
#include <memory>
#include <utility>

using namespace Qt::StringLiterals;

namespace ApiAccess {

Q_LOGGING_CATEGORY(lcClient, "apiaccess.client")

namespace {

constexpr int kListAllPageSize = 1000; // the server's maximum: fewest round trips

ApiError protocolError(const QUrl &server, const QString &what)
{
    ApiError error = ProblemMapping::protocolError(what);
    error.server = ProblemMapping::serverOf(server);
    return error;
}

// Paths only: a field's message might quote the value, and values may be secret.
QString describeFieldErrors(const QList<FieldError> &errors)
{
    QStringList paths;
    for (const FieldError &error : errors)
        paths.append(error.field.isEmpty() ? u"(body)"_s : error.field);
    return QCoreApplication::translate("ApiClient", "unexpected or missing members: %1")
        .arg(paths.join(u", "_s));
}

Result<QJsonObject, ApiError> readObject(const QUrl &server, const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return fail(protocolError(
            server, QCoreApplication::translate("ApiClient", "the answer is not a JSON object")));
    return document.object();
}

Result<TokenWithTag, ApiError> readToken(const QUrl &server, QByteArray &body,
                                         const QByteArray &etag)
{
    auto object = readObject(server, body);
    wipe(body); // create and rotate answers carry the secret "token"
    if (!object)
        return fail(std::move(object).error());
    QJsonObject json = std::move(object).value();
    json.remove(u"token"_s);
    auto token = Token::fromJson(json);
    if (!token)
        return fail(protocolError(server, describeFieldErrors(token.error())));
    return TokenWithTag{std::move(token).value(), etag};
}

QString percentEncoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

QString tokenPath(const QString &id, QStringView suffix = {})
{
    return u"/api/v1/tokens/"_s + percentEncoded(id) + suffix;
}

QString encodeQuery(const TokenListQuery &query)
{
    QStringList parts;
    const auto add = [&parts](const QString &key, const QString &value) {
        parts.append(key + u'=' + percentEncoded(value));
    };
    add(u"limit"_s, QString::number(query.limit));
    if (!query.cursor.isEmpty())
        add(u"cursor"_s, query.cursor);
    if (!query.text.isEmpty())
        add(u"q"_s, query.text);
    if (query.status)
        add(u"status"_s, TokenStatuses::wireId(*query.status));
    if (query.accessLevel)
        add(u"accessLevel"_s, AccessLevels::wireId(*query.accessLevel));
    return parts.join(u'&');
}

// Who created a token and where it was last used from repeat across a
// list (a few admins, a few gateways), but each token parsed from JSON has
// copies of its own: at 100,000 tokens that is megabytes. Each text takes
// the copy an earlier token of the list already holds.
void shareRepeatedTexts(QList<Token> &page, const QList<Token> &earlier)
{
    QSet<QString> known;
    const qsizetype from = std::max<qsizetype>(0, earlier.size() - 1000);
    for (qsizetype i = from; i < earlier.size(); ++i) {
        known.insert(earlier.at(i).createdBy);
        known.insert(earlier.at(i).lastUsedIp);
    }
    const auto share = [&known](QString &text) {
        if (text.isEmpty())
            return;
        const auto found = known.constFind(text);
        if (found != known.constEnd())
            text = *found;
        else
            known.insert(text);
    };
    for (Token &token : page) {
        share(token.createdBy);
        share(token.lastUsedIp);
    }
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

ApiClient::ApiClient(QObject *parent)
    : QObject(parent)
{
    replaceManager();
    connect(&m_systemCas, &QFutureWatcherBase::finished, this, [this] {
        updateTrust();
        sendWaiting();
    });
    updateTrust();
}

ApiClient::~ApiClient()
{
    // Drop the calls first: their connections go with them, so no reply the
    // manager tears down can reach a half-destroyed client.
    qDeleteAll(findChildren<ApiCall *>(Qt::FindDirectChildrenOnly));
    for (WaitingForTrust &waiting : m_waitingForTrust)
        wipe(waiting.outgoing.body); // a sign-in's body holds the password
    if (m_session)
        wipe(m_session->sessionToken);
}

void ApiClient::setExtraCaCertificates(const QList<QSslCertificate> &certificates)
{
    if (certificates != m_extraCas) {
        m_extraCas = certificates;
        ++m_trustGeneration;
        // Qt reuses a connection to the same host with the trust it was made
        // with, whatever a later request's configuration says: new trust,
        // new connections.
        replaceManager();
    }
    updateTrust();
    sendWaiting();
}

void ApiClient::replaceManager()
{
    QNetworkAccessManager *old = std::exchange(m_manager, new QNetworkAccessManager(this));
    // The manager's replies must not outlive the calls that own their callbacks.
    m_manager->setAutoDeleteReplies(false);
    if (!old)
        return;
    // Requests in flight finish on the old manager; it goes after them.
    const QList<QNetworkReply *> replies =
        old->findChildren<QNetworkReply *>(Qt::FindDirectChildrenOnly);
    if (replies.isEmpty()) {
        old->deleteLater();
        return;
    }
    auto remaining = std::make_shared<qsizetype>(replies.size());
    for (QNetworkReply *reply : replies)
        connect(reply, &QObject::destroyed, old, [old, remaining] {
            if (--*remaining == 0)
                old->deleteLater();
        });
}

void ApiClient::updateTrust()
{
    m_trust.reset();
    if (!listsCaCertificates())
        return;
    const QFuture<QList<QSslCertificate>> system = systemCaCertificates();
    if (!system.isFinished()) {
        if (!m_watchingSystemCas) {
            m_watchingSystemCas = true;
            m_systemCas.setFuture(system); // finished() comes even if it is by now
        }
        return;
    }
    // Setting the list (rather than adding to Qt's default configuration)
    // is what keeps the system's roots: see SystemCaCertificates.h.
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(system.result() + m_extraCas);
    m_trust = tls;
}

bool ApiClient::listsCaCertificates() const
{
    return !m_extraCas.isEmpty() || systemCaDirectoryReplaced();
}

void ApiClient::sendWaiting()
{
    const bool trustReady = !listsCaCertificates() || m_trust;
    std::vector<WaitingForTrust> waiting = std::exchange(m_waitingForTrust, {});
    for (WaitingForTrust &entry : waiting) {
        if (!entry.call) { // cannot happen while the client lives; keep the books right
            wipe(entry.outgoing.body);
            setRunning(-1);
        } else if (entry.outgoing.trustGeneration != m_trustGeneration) {
            // Made for another profile's CAs: its server, its credentials.
            // It must not go out trusting this profile's.
            cancelWaiting(entry.call, std::move(entry.outgoing));
        } else if (!trustReady) {
            m_waitingForTrust.push_back(std::move(entry));
        } else {
            entry.call->m_waitingForTrust = false;
            send(entry.call, std::move(entry.outgoing));
        }
    }
}

void ApiClient::abortWaiting(ApiCall *call)
{
    const auto it =
        std::find_if(m_waitingForTrust.begin(), m_waitingForTrust.end(),
                     [call](const WaitingForTrust &entry) { return entry.call == call; });
    if (it == m_waitingForTrust.end())
        return;
    Outgoing outgoing = std::move(it->outgoing);
    m_waitingForTrust.erase(it);
    cancelWaiting(call, std::move(outgoing));
}

void ApiClient::cancelWaiting(ApiCall *call, Outgoing outgoing)
{
    call->m_waitingForTrust = false;
    call->m_aborted = true;
    wipe(outgoing.body);
    ApiError error = ProblemMapping::canceled();
    error.server = ProblemMapping::serverOf(outgoing.request.url());
    deliver(call, fail(std::move(error)), outgoing);
}

void ApiClient::setServerUrl(const QUrl &url)
{
    m_serverUrl = url;
}

QUrl ApiClient::serverUrl() const
{
    return m_serverUrl;
}

void ApiClient::setSession(const Session &session)
{
    clearSession();
    m_session = session;
    m_serverUrl = session.serverUrl;
}

void ApiClient::clearSession()
{
    ++m_sessionGeneration;
    if (m_session)
        wipe(m_session->sessionToken);
    m_session.reset();
}

std::optional<Session> ApiClient::session() const
{
    return m_session;
}

void ApiClient::setTransferTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
}

void ApiClient::setRunning(int delta)
{
    const bool wasBusy = m_running > 0;
    m_running += delta;
    const bool busy = m_running > 0;
    if (busy != wasBusy)
        Q_EMIT busyChanged(busy);
}

ApiCall *ApiClient::start(Request request, QObject *context, RawHandler handler, ApiCall *call)
{
    QUrl url = m_serverUrl;
    QString basePath = url.path(QUrl::FullyEncoded);
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + request.path, QUrl::TolerantMode);
    url.setQuery(request.query.isEmpty() ? QString() : request.query, QUrl::StrictMode);
    url.setFragment(QString());
    url.setUserInfo(QString());

    QNetworkRequest networkRequest(url);
    networkRequest.setTransferTimeout(int(m_timeout.count()));
    // A redirect would carry the bearer token to wherever it points.
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                QNetworkRequest::ManualRedirectPolicy);
    networkRequest.setRawHeader("User-Agent", productToken(u"apiaccess-studio"_s).toUtf8());
    networkRequest.setRawHeader("Accept", "application/json");
    if (!request.body.isNull())
        networkRequest.setRawHeader("Content-Type", "application/json");
    if (!request.ifMatch.isEmpty())
        networkRequest.setRawHeader("If-Match", request.ifMatch);
    // The bearer token goes only to the server that issued it, even if the
    // client's URL was changed (a sign-in to another server in progress).
    const bool carriesSession = request.auth == Auth::Session && m_session
        && !m_session->sessionToken.isEmpty()
        && m_session->serverUrl.adjusted(QUrl::StripTrailingSlash)
            == m_serverUrl.adjusted(QUrl::StripTrailingSlash);
    if (carriesSession)
        networkRequest.setRawHeader("Authorization", "Bearer " + m_session->sessionToken);

    if (!call)
        call = new ApiCall(nullptr, this);
    ++call->m_attempts;
    setRunning(+1);
    Outgoing outgoing{std::move(request.verb), std::move(networkRequest),
                      std::move(request.body), context ? context : this,
                      std::move(handler),      carriesSession && request.signalsExpiry,
                      m_sessionGeneration,     m_trustGeneration};
    if (url.scheme() == u"https"_s && listsCaCertificates() && !m_trust) {
        qCDebug(lcClient) << "request" << outgoing.verb << request.path
                          << "waits for the system's CA certificates";
        call->m_waitingForTrust = true;
        m_waitingForTrust.push_back({call, std::move(outgoing)});
        return call;
    }
    qCDebug(lcClient) << "request" << outgoing.verb << request.path;
    send(call, std::move(outgoing));
    return call;
}

void ApiClient::send(ApiCall *call, Outgoing outgoing)
{
    if (m_trust && outgoing.request.url().scheme() == u"https"_s)
        outgoing.request.setSslConfiguration(*m_trust);
    const QByteArray &verb = outgoing.verb;
    QNetworkReply *reply = nullptr;
    if (verb == "GET")
        reply = m_manager->get(outgoing.request);
    else if (verb == "DELETE")
        reply = m_manager->deleteResource(outgoing.request);
    else if (verb == "POST")
        reply = m_manager->post(outgoing.request, outgoing.body);
    else
        reply = m_manager->sendCustomRequest(outgoing.request, verb, outgoing.body);
    // Qt holds its own (shared) copy until the request is sent; ours goes now.
    outgoing.body.clear();
    call->setReply(reply);
    connect(reply, &QNetworkReply::finished, call,
            [this, call, reply, outgoing = std::move(outgoing)] { finish(call, reply, outgoing); });
}

void ApiClient::finish(ApiCall *call, QNetworkReply *reply, const Outgoing &outgoing)
{
    QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttribute.isValid() ? statusAttribute.toInt() : 0;
    const bool success = !call->m_aborted && reply->error() == QNetworkReply::NoError
        && status >= 200 && status < 300;

    RawResult result = [&]() -> RawResult {
        if (success)
            return RawAnswer{status, std::move(body), reply->rawHeader("ETag")};
        ApiError error =
            ProblemMapping::fromReply(*reply, body, call->m_aborted, call->m_tlsErrors);
        wipe(body);
        return fail(std::move(error));
    }();
    reply->deleteLater();

    if (result)
        qCDebug(lcClient) << "answer" << status;
    else
        qCInfo(lcClient).noquote()
            << "request failed:" << ApiError::kindName(result.error().kind) << status;
    deliver(call, std::move(result), outgoing);
}

void ApiClient::deliver(ApiCall *call, RawResult result, const Outgoing &outgoing)
{
    const QPointer<ApiClient> self(this);
    // A 401 for a session that has been replaced meanwhile (the admin signed
    // in again while it was in flight) says nothing about the current one.
    if (!result && result.error().kind == ApiError::Kind::Unauthorized && outgoing.signalsExpiry
        && outgoing.sessionGeneration == m_sessionGeneration)
        Q_EMIT sessionExpired();
    const quint64 attempts = call->m_attempts;
    if (self && outgoing.context)
        outgoing.handler(std::move(result), call);
    else
        qCDebug(lcClient) << "context gone; callback dropped";
    if (!self)
        return; // the callback destroyed the client and with it the call
    setRunning(-1);
    // A handler that continued the call (next page) started another request.
    if (call->m_attempts != attempts)
        return;
    Q_EMIT call->finished();
    call->deleteLater();
}

ApiCall *ApiClient::signIn(const QString &username, const QString &password, QObject *context,
                           ApiCallback<Session> callback)
{
    Request request{"POST",
                    u"/api/v1/sessions"_s,
                    {},
                    compact(QJsonObject{{u"username"_s, username}, {u"password"_s, password}}),
                    Auth::None};
    const QUrl server = m_serverUrl;
    return start(std::move(request), context,
                 [this, server, callback = std::move(callback)](RawResult &&raw, ApiCall *) {
                     if (!raw)
                         return callback(fail(std::move(raw).error()));
                     RawAnswer answer = std::move(raw).value();
                     auto object = readObject(server, answer.body);
                     wipe(answer.body);
                     if (!object)
                         return callback(fail(std::move(object).error()));
                     QString token = object->value(u"sessionToken"_s).toString();
                     const auto expiresAt = parseRfc3339(object->value(u"expiresAt"_s).toString());
                     const QString user = object->value(u"username"_s).toString();
                     if (token.isEmpty() || !expiresAt || user.isEmpty()) {
                         wipe(token);
                         return callback(fail(
                             protocolError(server,
                                           tr("the sign-in answer lacks sessionToken, expiresAt or "
                                              "username"))));
                     }
                     Session session{server, user, token.toLatin1(), *expiresAt};
                     wipe(token);
                     setSession(session);
                     callback(std::move(session));
                 });
}

ApiCall *ApiClient::signOut(QObject *context, ApiCallback<bool> callback)
{
    Request request{"DELETE", u"/api/v1/sessions/current"_s};
    request.signalsExpiry = false;
    ApiCall *call = start(std::move(request), context,
                          [callback = std::move(callback)](RawResult &&raw, ApiCall *) {
                              if (!raw)
                                  return callback(fail(std::move(raw).error()));
                              callback(true);
                          });
    // The bearer header is in the request already; the session is over here
    // whatever the server answers.
    clearSession();
    return call;
}

ApiCall *ApiClient::listTokens(const TokenListQuery &query, QObject *context,
                               ApiCallback<TokenPage> callback)
{
    const QUrl server = m_serverUrl;
    return start(Request{"GET", u"/api/v1/tokens"_s, encodeQuery(query)}, context,
                 [server, callback = std::move(callback)](RawResult &&raw, ApiCall *) {
                     if (!raw)
                         return callback(fail(std::move(raw).error()));
                     auto object = readObject(server, raw.value().body);
                     if (!object)
                         return callback(fail(std::move(object).error()));
                     auto page = TokenPage::fromJson(object.value());
                     if (!page)
                         return callback(
                             fail(protocolError(server, describeFieldErrors(page.error()))));
                     callback(std::move(page).value());
                 });
}

ApiCall *ApiClient::listAllTokens(QObject *context, ApiCallback<TokenList> callback)
{
    TokenListQuery query;
    query.limit = kListAllPageSize;
    return fetchPages(query, {}, context, std::move(callback), nullptr);
}

ApiCall *ApiClient::fetchPages(TokenListQuery query, TokenList collected, QObject *context,
                               ApiCallback<TokenList> callback, ApiCall *call)
{
    const QUrl server = m_serverUrl;
    const QString path = u"/api/v1/tokens"_s;
    return start(
        Request{"GET", path, encodeQuery(query)}, context,
        [this, server, query, collected = std::move(collected), context,
         callback = std::move(callback)](RawResult &&raw, ApiCall *current) mutable {
            if (!raw)
                return callback(fail(std::move(raw).error()));
            auto object = readObject(server, raw.value().body);
            if (!object)
                return callback(fail(std::move(object).error()));
            auto page = TokenPage::fromJson(object.value());
            if (!page)
                return callback(fail(protocolError(server, describeFieldErrors(page.error()))));
            if (collected.tokens.isEmpty())
                collected.tokens.reserve(page.value().items.size());
            shareRepeatedTexts(page.value().items, collected.tokens);
            collected.tokens.append(page.value().items);
            if (query.cursor.isEmpty()) // the first page's: from before any page was read
                collected.changesCursor = page.value().changesCursor.value_or(QString());
            const std::optional<QString> next = page.value().nextCursor;
            if (!next)
                return callback(std::move(collected));
            if (next->isEmpty() || *next == query.cursor)
                return callback(fail(protocolError(server, tr("the list does not advance"))));
            query.cursor = *next;
            fetchPages(query, std::move(collected), context, std::move(callback), current);
        },
        call);
}

ApiCall *ApiClient::listTokenChanges(const QString &changesCursor, QObject *context,
                                     ApiCallback<std::optional<TokenChangeSet>> callback)
{
    const QUrl server = m_serverUrl;
    return start(
        Request{"GET", u"/api/v1/tokens"_s, u"changedSince="_s + percentEncoded(changesCursor)},
        context, [server, callback = std::move(callback)](RawResult &&raw, ApiCall *) {
            if (!raw) {
                if (raw.error().httpStatus == 410)
                    return callback(std::optional<TokenChangeSet>());
                return callback(fail(std::move(raw).error()));
            }
            auto object = readObject(server, raw.value().body);
            if (!object)
                return callback(fail(std::move(object).error()));
            auto changes = TokenChangeSet::fromJson(object.value());
            if (!changes)
                return callback(fail(protocolError(server, describeFieldErrors(changes.error()))));
            callback(std::optional<TokenChangeSet>(std::move(changes).value()));
        });
}

ApiCall *ApiClient::getToken(const QString &id, QObject *context,
                             ApiCallback<TokenWithTag> callback)
{
    const QUrl server = m_serverUrl;
    return start(Request{"GET", tokenPath(id)}, context,
                 [server, callback = std::move(callback)](RawResult &&raw, ApiCall *) {
                     if (!raw)
                         return callback(fail(std::move(raw).error()));
                     callback(readToken(server, raw.value().body, raw.value().etag));
                 });
}

ApiCall *ApiClient::createToken(const TokenCreateInput &input, QObject *context,
                                ApiCallback<TokenWithTag> callback)
{
    const QUrl server = m_serverUrl;
    return start(Request{"POST", u"/api/v1/tokens"_s, {}, compact(input.toJson())}, context,
                 [server, callback = std::move(callback)](RawResult &&raw, ApiCall *) {
                     if (!raw)
                         return callback(fail(std::move(raw).error()));
                     callback(readToken(server, raw.value().body, raw.value().etag));
                 });
}

ApiCall *ApiClient::updateToken(const QString &id, const TokenUpdateInput &input,
                                const QByteArray &ifMatch, QObject *context,
                                ApiCallback<TokenWithTag> callback)
{
    const QUrl server = m_serverUrl;
    Request request{"PATCH", tokenPath(id), {}, compact(input.toJson())};
    request.ifMatch = ifMatch;
    return start(std::move(request), context,
                 [server, callback = std::move(callback)](RawResult &&raw, ApiCall *) {
                     if (!raw)
                         return callback(fail(std::move(raw).error()));
                     callback(readToken(server, raw.value().body, raw.value().etag));
                 });
}

ApiCall *ApiClient::deleteToken(const QString &id, QObject *context, ApiCallback<bool> callback)
{
    return start(Request{"DELETE", tokenPath(id)}, context,
                 [callback = std::move(callback)](RawResult &&raw, ApiCall *) {
                     if (!raw)
                         return callback(fail(std::move(raw).error()));
                     callback(true);
                 });
}

ApiCall *ApiClient::rotateToken(const QString &id, std::optional<int> previousSecretValidForSeconds,
                                const QByteArray &ifMatch, QObject *context,
                                ApiCallback<TokenWithTag> callback)
{
    QJsonObject body;
    if (previousSecretValidForSeconds)
        body.insert(u"previousSecretValidForSeconds"_s, *previousSecretValidForSeconds);
    const QUrl server = m_serverUrl;
    Request request{"POST", tokenPath(id, u"/rotate"), {}, compact(body)};
    request.ifMatch = ifMatch;
    return start(std::move(request), context,
                 [server, callback = std::move(callback)](RawResult &&raw, ApiCall *) {
                     if (!raw)
                         return callback(fail(std::move(raw).error()));
                     callback(readToken(server, raw.value().body, raw.value().etag));
                 });
}

ApiCall *ApiClient::fetchSecret(const QString &id, QObject *context,
                                ApiCallback<QByteArray> callback)
{
    const QUrl server = m_serverUrl;
    return start(Request{"GET", tokenPath(id, u"/secret")}, context,
                 [server, callback = std::move(callback)](RawResult &&raw, ApiCall *) {
                     if (!raw)
                         return callback(fail(std::move(raw).error()));
                     auto object = readObject(server, raw.value().body);
                     wipe(raw.value().body);
                     if (!object)
                         return callback(fail(std::move(object).error()));
                     QByteArray token = tokenStringFromJson(object.value());
                     if (token.isEmpty())
                         return callback(
                             fail(protocolError(server, tr("the answer has no token"))));
                     callback(std::move(token));
                 });
}

} // namespace ApiAccess
