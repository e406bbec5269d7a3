#include "api/HandlerSupport.h"
#include "api/Handlers.h"
#include "api/Problems.h"
#include "api/TokenFeed.h"
#include "api/TokenJson.h"
#include "auth/Authenticator.h"
#include "crypto/SecretVault.h"
#include "store/AccountStore.h"
#include "store/AuditStore.h"
#include "store/TokenStore.h"
#include "token/TokenFormat.h"
#include "wire/Token.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace ApiAccess::Server::Handlers {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TokenReadHandlers", text);
}

struct ListQuery : TokenQuery
{
    std::optional<QString> changedSince;

    // The first page of the whole list: where its changes cursor starts.
    bool isFirstUnfiltered() const
    {
        return cursor.isEmpty() && text.isEmpty() && !status && !accessLevel;
    }
};

// The query of GET /api/v1/tokens, or the 400 listing every bad parameter.
Result<ListQuery, HttpResponse> parseListQuery(const QUrlQuery &query, const QDateTime &now)
{
    static const QSet<QString> known{u"limit"_s,  u"cursor"_s,      u"q"_s,
                                     u"status"_s, u"accessLevel"_s, u"changedSince"_s};
    QList<FieldError> errors;
    ListQuery result;
    result.now = now;
    QSet<QString> seen;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!known.contains(key)) {
            errors.append({key.left(64), tr("is not a query parameter of this endpoint")});
            continue;
        }
        if (seen.contains(key)) {
            errors.append({key, tr("may be given only once")});
            continue;
        }
        seen.insert(key);
        if (key == u"limit") {
            bool ok = false;
            const int limit = value.toInt(&ok);
            if (!ok || limit < 1 || limit > 1000)
                errors.append({key, tr("must be a whole number from 1 to 1000")});
            else
                result.limit = limit;
        } else if (key == u"cursor") {
            result.cursor = value;
        } else if (key == u"changedSince") {
            result.changedSince = value;
        } else if (key == u"q") {
            if (value.size() > 200)
                errors.append({key, tr("must be at most 200 characters")});
            else
                result.text = value;
        } else if (key == u"status") {
            const auto status = TokenStatuses::parse(value);
            if (!status)
                errors.append({key, status.error()});
            else
                result.status = TokenStatuses::wireId(*status);
        } else if (key == u"accessLevel") {
            const auto level = AccessLevels::parse(value);
            if (!level)
                errors.append({key, level.error().message});
            else
                result.accessLevel = *level;
        }
    }
    if (result.changedSince) {
        // The feed follows the whole list, one answer at a time.
        for (const QString &key : std::as_const(seen)) {
            if (key != u"changedSince")
                errors.append({key, tr("cannot be combined with changedSince")});
        }
    }
    if (!errors.isEmpty())
        return fail(Problems::badRequest(tr("Some query parameters are not valid."), errors));
    return result;
}

} // namespace

HttpResponse listTokens(ApiContext &context, HttpRequest &request)
{
    const auto principal = context.authenticator.admin(request, context.nowMs());
    if (!principal)
        return principal.error();
    const QDateTime now = context.now();
    const auto query = parseListQuery(request.query, now);
    if (!query)
        return query.error();
    if (query->changedSince) {
        HttpResponse response = TokenFeed::changesSince(context, *query->changedSince);
        response.logTokenId = principal->tokenId.toStdString();
        return response;
    }
    std::optional<QString> changesCursor;
    if (query->isFirstUnfiltered()) {
        auto anchor = TokenFeed::anchor(context);
        if (!anchor)
            return anchor.error();
        changesCursor = std::move(anchor).value();
    }
    const auto page = context.tokens.listTokens(query.value());
    if (!page)
        return HandlerSupport::storeFailure(page.error(), QString());

    TokenPage wire;
    wire.items.reserve(page->items.size());
    for (const StoredToken &token : page->items)
        wire.items.append(token.toWire(now));
    if (!page->nextCursor.isEmpty())
        wire.nextCursor = page->nextCursor;
    wire.changesCursor = std::move(changesCursor);
    HttpResponse response;
    response.contentType = "application/json";
    response.body = tokenPageJson(wire);
    response.logTokenId = principal->tokenId.toStdString();
    return response;
}

HttpResponse getToken(ApiContext &context, HttpRequest &request)
{
    const auto target = HandlerSupport::adminAndTokenId(context, request);
    if (!target)
        return target.error();
    const QString &id = target->id;
    const auto token = HandlerSupport::loadToken(context, id);
    if (!token)
        return token.error();
    return HandlerSupport::tokenResponse(context, 200, token.value());
}

HttpResponse getTokenSecret(ApiContext &context, HttpRequest &request)
{
    const auto target = HandlerSupport::adminAndTokenId(context, request);
    if (!target)
        return target.error();
    const Principal &principal = target->principal;
    const QString &id = target->id;
    const auto token = HandlerSupport::loadToken(context, id);
    if (!token)
        return token.error();

    if (request.method == "HEAD") {
        // HEAD shows whether the secret could be fetched without fetching
        // it, so it neither decrypts nor counts as a retrieval in the audit.
        HttpResponse response = HttpResponse::json(200, QJsonObject());
        HandlerSupport::markNoStore(response);
        return response;
    }

    auto secret = context.vault.decryptSecret(token->encryptedSecret, token->id);
    if (!secret) {
        // Wrong master key or a damaged row: the operator must look, the client cannot help.
        qCritical("cannot decrypt the secret of token %s: %s", qPrintable(token->id),
                  qPrintable(secret.error()));
        return Problems::serviceUnavailable();
    }
    QByteArray encoded = TokenFormat::encode(TokenCredentials{token->id, secret.value()});
    secret.value().fill('\0');

    const auto audited = context.audit.recordAudit(HandlerSupport::auditEvent(
        context, principal, request, AuditAction::TokenSecretRetrieved, token->id));
    if (!audited) {
        encoded.fill('\0');
        // No trace, no secret: retrieval must always be on the record.
        return HandlerSupport::storeFailure(audited.error(), QString());
    }

    HttpResponse response =
        HttpResponse::json(200, QJsonObject{{u"token"_s, QString::fromLatin1(encoded)}});
    encoded.fill('\0');
    HandlerSupport::markNoStore(response);
    response.logTokenId = token->id.toStdString();
    return response;
}

} // namespace ApiAccess::Server::Handlers
