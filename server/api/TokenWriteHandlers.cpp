#include "api/HandlerSupport.h"
#include "api/Handlers.h"
#include "api/Problems.h"
#include "auth/Authenticator.h"
#include "crypto/SecretVault.h"
#include "store/AccountStore.h"
#include "store/AuditStore.h"
#include "store/TokenStore.h"
#include "token/TokenFormat.h"
#include "verify/UsageRecorder.h"
#include "verify/Verifier.h"
#include "wire/JsonReader.h"
#include "wire/Token.h"
#include "wire/TokenInput.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace ApiAccess::Server::Handlers {

namespace {

constexpr qint64 kMaxGraceSeconds = 30LL * 24 * 3600;

QString tr(const char *text)
{
    return QCoreApplication::translate("TokenWriteHandlers", text);
}

// Stored times are whole seconds (ApiContext::now()), and so is what a client
// reads back. An expiry given with a fraction is cut to its second: else the
// verifier (milliseconds) would refuse the token while the API still called
// it "active", and a client would see an expiresAt that had passed while the
// token still worked.
std::optional<QDateTime> wholeSeconds(const std::optional<QDateTime> &time)
{
    if (!time)
        return std::nullopt;
    return QDateTime::fromSecsSinceEpoch(time->toSecsSinceEpoch(), Qt::UTC);
}

bool inThePast(const std::optional<QDateTime> &expiresAt, const QDateTime &now)
{
    return expiresAt && *expiresAt <= now;
}

FieldError expiryInThePast()
{
    return {u"expiresAt"_s, tr("must be in the future (or null for a token that never expires)")};
}

// The answer for create and rotate: the token and, this once, its secret.
HttpResponse responseWithSecret(ApiContext &context, int status, const StoredToken &token,
                                const TokenCredentials &credentials)
{
    QByteArray encoded = TokenFormat::encode(credentials);
    HttpResponse response =
        HttpResponse::json(status, toJsonWithSecret(token.toWire(context.now()), encoded));
    encoded.fill('\0');
    response.setHeader("ETag", HandlerSupport::entityTag(token));
    HandlerSupport::markNoStore(response);
    response.logTokenId = token.id.toStdString();
    return response;
}

AuditAction actionFor(const TokenUpdateInput &input)
{
    const bool onlyEnabled = input.enabled && !input.name && !input.accessLevel
        && !input.allowedIpRanges && !input.expiresAt;
    if (onlyEnabled)
        return *input.enabled ? AuditAction::TokenEnabled : AuditAction::TokenDisabled;
    return AuditAction::TokenChanged;
}

QString changedFields(const TokenUpdateInput &input)
{
    QStringList fields;
    if (input.name)
        fields << u"name"_s;
    if (input.accessLevel)
        fields << u"accessLevel"_s;
    if (input.allowedIpRanges)
        fields << u"allowedIpRanges"_s;
    if (input.expiresAt)
        fields << u"expiresAt"_s;
    if (input.enabled)
        fields << u"enabled"_s;
    return fields.join(u", ");
}

} // namespace

HttpResponse createToken(ApiContext &context, HttpRequest &request)
{
    const auto principal = context.authenticator.admin(request, context.nowMs());
    if (!principal)
        return principal.error();
    const auto body = HandlerSupport::jsonBody(request);
    if (!body)
        return body.error();
    const auto input = TokenCreateInput::fromJson(body.value());
    if (!input)
        return Problems::validation(input.error());
    const QDateTime now = context.now();
    const std::optional<QDateTime> expiresAt = wholeSeconds(input->expiresAt);
    if (inThePast(expiresAt, now))
        return Problems::validation({expiryInThePast()});

    TokenCredentials credentials = TokenFormat::generate();
    StoredToken token;
    token.id = credentials.id;
    token.name = input->name;
    token.accessLevel = input->accessLevel;
    token.allowedIpRanges = input->allowedIpRanges.toStringList();
    token.enabled = true;
    token.createdAt = now;
    token.createdBy = principal->name;
    token.updatedAt = now;
    token.expiresAt = expiresAt;
    token.secretHash = context.vault.hashSecret(credentials.secret);
    token.encryptedSecret = context.vault.encryptSecret(credentials.secret, token.id);

    const auto created = context.tokens.createToken(
        token,
        HandlerSupport::auditEvent(context, principal.value(), request, AuditAction::TokenCreated,
                                   token.id, token.name));
    if (!created) {
        credentials.secret.fill('\0');
        return HandlerSupport::storeFailure(created.error(), QString());
    }
    context.verifier.tokenCreated(token.id);

    HttpResponse response = responseWithSecret(context, 201, created.value(), credentials);
    credentials.secret.fill('\0');
    response.setHeader("Location", "/api/v1/tokens/" + token.id.toStdString());
    return response;
}

HttpResponse updateToken(ApiContext &context, HttpRequest &request)
{
    const auto target = HandlerSupport::adminAndTokenId(context, request);
    if (!target)
        return target.error();
    const Principal &principal = target->principal;
    const QString &id = target->id;
    const auto body = HandlerSupport::jsonBody(request, false, {"application/merge-patch+json"});
    if (!body)
        return body.error();
    const auto input = TokenUpdateInput::fromJson(body.value());
    if (!input)
        return Problems::validation(input.error());
    const QDateTime now = context.now();
    std::optional<std::optional<QDateTime>> expiresAt;
    if (input->expiresAt)
        expiresAt = wholeSeconds(*input->expiresAt);
    if (expiresAt && inThePast(*expiresAt, now))
        return Problems::validation({expiryInThePast()});

    const auto current = HandlerSupport::loadIfMatching(context, request, id);
    if (!current)
        return current.error();
    if (input->isEmpty())
        return HandlerSupport::tokenResponse(context, 200, current.value());

    TokenChanges changes;
    changes.name = input->name;
    changes.accessLevel = input->accessLevel;
    if (input->allowedIpRanges)
        changes.allowedIpRanges = input->allowedIpRanges->toStringList();
    changes.expiresAt = expiresAt;
    changes.enabled = input->enabled;

    // The revision read above is the one If-Match approved; the store
    // refuses the write if anyone changed the token in between.
    const auto updated = context.tokens.updateToken(
        id, changes, current->revision, now,
        HandlerSupport::auditEvent(context, principal, request, actionFor(input.value()), id,
                                   changedFields(input.value())));
    if (!updated)
        return HandlerSupport::storeFailure(updated.error(),
                                            tr("There is no API token with this id."));
    context.verifier.invalidate(id);
    return HandlerSupport::tokenResponse(context, 200, updated.value());
}

HttpResponse deleteToken(ApiContext &context, HttpRequest &request)
{
    const auto target = HandlerSupport::adminAndTokenId(context, request);
    if (!target)
        return target.error();
    const Principal &principal = target->principal;
    const QString &id = target->id;
    if (request.hasHeader("if-match")) {
        const auto current = HandlerSupport::loadIfMatching(context, request, id);
        if (!current)
            return current.error();
    }
    const auto deleted = context.tokens.deleteToken(
        id, HandlerSupport::auditEvent(context, principal, request, AuditAction::TokenDeleted, id));
    if (!deleted)
        return HandlerSupport::storeFailure(deleted.error(),
                                            tr("There is no API token with this id."));
    context.verifier.invalidate(id);
    context.usage.forget(id);
    HttpResponse response = HttpResponse::noContent();
    response.logTokenId = id.toStdString();
    return response;
}

HttpResponse rotateToken(ApiContext &context, HttpRequest &request)
{
    const auto target = HandlerSupport::adminAndTokenId(context, request);
    if (!target)
        return target.error();
    const Principal &principal = target->principal;
    const QString &id = target->id;
    const auto body = HandlerSupport::jsonBody(request, true);
    if (!body)
        return body.error();
    JsonReader in(body.value());
    in.rejectUnknownFields({u"previousSecretValidForSeconds"});
    const auto grace = in.integer(u"previousSecretValidForSeconds", JsonReader::Optional);
    if (grace && (*grace < 0 || *grace > kMaxGraceSeconds))
        in.addError(u"previousSecretValidForSeconds"_s,
                    tr("must be from 0 to %1 seconds (30 days)").arg(kMaxGraceSeconds));
    if (in.hasErrors())
        return Problems::validation(in.errors());
    // If-Match makes a retried rotation safe: one whose answer was lost has
    // moved the token on, and the retry gets 412 instead of a second secret
    // that would end the first one's grace period.
    std::optional<qint64> expectedRevision;
    if (request.hasHeader("if-match")) {
        const auto current = HandlerSupport::loadIfMatching(context, request, id);
        if (!current)
            return current.error();
        expectedRevision = current->revision;
    }

    const QDateTime now = context.now();
    std::optional<QDateTime> previousValidUntil;
    // From the current millisecond, not from the whole second of `now`: the
    // grace must not come out up to a second shorter than asked for.
    if (grace && *grace > 0)
        previousValidUntil =
            QDateTime::fromMSecsSinceEpoch(context.nowMs() + *grace * 1000, Qt::UTC);

    TokenCredentials credentials{id, TokenFormat::generateSecret()};
    const QByteArray hash = context.vault.hashSecret(credentials.secret);
    const QByteArray sealed = context.vault.encryptSecret(credentials.secret, credentials.id);
    const QString detail = previousValidUntil ? tr("previous secret valid for %1 s").arg(*grace)
                                              : tr("previous secret revoked");
    const auto rotated = context.tokens.rotateSecret(
        id, hash, sealed, previousValidUntil, expectedRevision, now,
        HandlerSupport::auditEvent(context, principal, request, AuditAction::TokenRotated, id,
                                   detail));
    if (!rotated) {
        credentials.secret.fill('\0');
        return HandlerSupport::storeFailure(rotated.error(),
                                            tr("There is no API token with this id."));
    }
    context.verifier.invalidate(id);
    HttpResponse response = responseWithSecret(context, 200, rotated.value(), credentials);
    credentials.secret.fill('\0');
    return response;
}

} // namespace ApiAccess::Server::Handlers
