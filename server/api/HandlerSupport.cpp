#include "api/HandlerSupport.h"

#include "api/Problems.h"
#include "auth/Authenticator.h"
#include "store/AccountStore.h"
#include "store/AuditStore.h"
#include "store/TokenStore.h"
#include "token/TokenFormat.h"
#include "wire/JsonReader.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <algorithm>
#include <cctype>

using namespace Qt::StringLiterals;

namespace ApiAccess::Server::HandlerSupport {

Q_LOGGING_CATEGORY(lcApi, "apiaccess.api")

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("HandlerSupport", text);
}

std::string lower(std::string_view text)
{
    std::string result(text);
    std::transform(result.begin(), result.end(), result.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return result;
}

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

} // namespace

Result<QJsonObject, HttpResponse> jsonBody(const HttpRequest &request, bool emptyIsObject,
                                           std::initializer_list<std::string_view> alsoAccepted)
{
    if (request.body.empty() && emptyIsObject)
        return QJsonObject();

    const std::string_view contentType = request.header("content-type");
    const std::string mediaType = lower(trim(contentType.substr(0, contentType.find(';'))));
    const bool accepted = mediaType == "application/json"
        || std::find(alsoAccepted.begin(), alsoAccepted.end(), std::string_view(mediaType))
            != alsoAccepted.end();
    if (!accepted) {
        return fail(Problems::unsupportedMediaType(
            mediaType.empty()
                ? tr("Send the request body as JSON with Content-Type: application/json.")
                : tr("The request body must be JSON (Content-Type: application/json).")));
    }
    auto parsed =
        JsonReader::parseBody(QByteArrayView(request.body.data(), qsizetype(request.body.size())));
    if (!parsed)
        return fail(Problems::respond(parsed.error()));
    return std::move(parsed).value();
}

Result<QString, HttpResponse> tokenIdParameter(const HttpRequest &request)
{
    const auto it = request.pathParams.find("id");
    const QString id =
        it == request.pathParams.end() ? QString() : QString::fromStdString(it->second);
    if (!TokenFormat::validateId(id))
        return fail(Problems::notFound(tr("There is no API token with this id.")));
    return id;
}

Result<TokenTarget, HttpResponse> adminAndTokenId(ApiContext &context, const HttpRequest &request)
{
    auto principal = context.authenticator.admin(request, context.nowMs());
    if (!principal)
        return fail(std::move(principal).error());
    auto id = tokenIdParameter(request);
    if (!id)
        return fail(std::move(id).error());
    return TokenTarget{std::move(principal).value(), std::move(id).value()};
}

Result<StoredToken, HttpResponse> loadToken(ApiContext &context, const QString &id)
{
    auto found = context.tokens.findToken(id);
    if (!found)
        return fail(storeFailure(found.error(), tr("There is no API token with this id.")));
    return std::move(found).value();
}

Result<StoredToken, HttpResponse> loadIfMatching(ApiContext &context, const HttpRequest &request,
                                                 const QString &id)
{
    auto current = loadToken(context, id);
    if (current && !ifMatchAllows(request.header("if-match"), current.value()))
        return fail(Problems::preconditionFailed(
            tr("The token was changed since you loaded it (its ETag is now %1), so nothing was "
               "done. Reload it and try again.")
                .arg(QString::fromStdString(entityTag(current.value())))));
    return current;
}

std::string entityTag(const StoredToken &token)
{
    return "\"r" + std::to_string(token.revision) + '"';
}

bool ifMatchAllows(std::string_view ifMatch, const StoredToken &token)
{
    ifMatch = trim(ifMatch);
    if (ifMatch.empty() || ifMatch == "*")
        return true;
    const std::string current = entityTag(token);
    // A comma-separated list of entity tags; weak tags never match (RFC 9110 §13.1.1).
    std::size_t start = 0;
    while (start <= ifMatch.size()) {
        const std::size_t comma = ifMatch.find(',', start);
        const std::string_view candidate = trim(ifMatch.substr(
            start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
        if (candidate == current)
            return true;
        if (comma == std::string_view::npos)
            break;
        start = comma + 1;
    }
    return false;
}

HttpResponse tokenResponse(ApiContext &context, int status, const StoredToken &token)
{
    HttpResponse response = HttpResponse::json(status, token.toWire(context.now()).toJson());
    response.setHeader("ETag", entityTag(token));
    response.logTokenId = token.id.toStdString();
    return response;
}

Actor actorFor(const Principal &principal, const HttpRequest &request)
{
    return Actor{principal.name, request.clientAddress};
}

AuditEvent auditEvent(ApiContext &context, const Principal &principal, const HttpRequest &request,
                      AuditAction action, const QString &tokenId, const QString &detail)
{
    return AuditEvent{context.now(), actorFor(principal, request), action, tokenId, detail};
}

HttpResponse storeFailure(const StoreError &error, const QString &what)
{
    switch (error.code) {
    case StoreErrorCode::NotFound:
        return Problems::notFound(what);
    case StoreErrorCode::RevisionMismatch:
        return Problems::preconditionFailed(tr(
            "The token was changed by someone else since you loaded it. Reload it and try again."));
    case StoreErrorCode::InvalidCursor:
        return Problems::badRequest(tr("The cursor is not one this server handed out."),
                                    {FieldError{u"cursor"_s, tr("is not a valid cursor")}});
    case StoreErrorCode::AlreadyExists:
    case StoreErrorCode::Unavailable:
        break;
    }
    qCWarning(lcApi) << "store failure:" << error.message;
    return Problems::serviceUnavailable();
}

void markNoStore(HttpResponse &response)
{
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
}

} // namespace ApiAccess::Server::HandlerSupport
