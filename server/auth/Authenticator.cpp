#include "auth/Authenticator.h"

#include "access/AccessLevel.h"
#include "api/Problems.h"
#include "crypto/SecretVault.h"
#include "store/AccountStore.h"
#include "verify/Verifier.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace ApiAccess::Server {

Q_LOGGING_CATEGORY(lcAuth, "apiaccess.auth")

namespace {

constexpr std::string_view kSessionPrefix = "ses_";
constexpr qsizetype kSessionRandomBytes = 32;
constexpr qsizetype kSessionTokenLength = 4 + 43; // prefix + unpadded base64url of 32 bytes
constexpr qint64 kTouchEveryMs = 60'000;

QString tr(const char *text)
{
    return QCoreApplication::translate("Authenticator", text);
}

bool startsWithSchemeIgnoringCase(std::string_view header, std::string_view scheme)
{
    if (header.size() <= scheme.size() || header[scheme.size()] != ' ')
        return false;
    for (std::size_t i = 0; i < scheme.size(); ++i) {
        const auto lower = [](char c) {
            return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
        };
        if (lower(header[i]) != lower(scheme[i]))
            return false;
    }
    return true;
}

// The session token from "Bearer <token>", if it has our shape.
std::optional<QByteArray> bearerToken(std::string_view header)
{
    if (!startsWithSchemeIgnoringCase(header, "bearer"))
        return std::nullopt;
    std::string_view value = header.substr(7);
    while (!value.empty() && value.front() == ' ')
        value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t'))
        value.remove_suffix(1);
    if (qsizetype(value.size()) != kSessionTokenLength || value.substr(0, 4) != kSessionPrefix)
        return std::nullopt;
    for (char c : value.substr(4)) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || c == '-' || c == '_';
        if (!ok)
            return std::nullopt;
    }
    return QByteArray(value.data(), qsizetype(value.size()));
}

} // namespace

Authenticator::Authenticator(AccountStore &accounts, const SecretVault &vault, Verifier &verifier)
    : m_accounts(accounts)
    , m_vault(vault)
    , m_verifier(verifier)
{ }

Result<Principal, HttpResponse> Authenticator::session(const HttpRequest &request, qint64 nowMs)
{
    const std::string_view header = request.header("authorization");
    if (header.empty())
        return fail(Problems::unauthorized());
    const auto token = bearerToken(header);
    if (!token)
        return fail(Problems::unauthorized(tr("The session token is malformed. Sign in again.")));

    const QByteArray hash = m_vault.hashSessionToken(*token);
    const auto found = m_accounts.findSession(hash);
    if (!found) {
        if (found.error().code == StoreErrorCode::NotFound)
            return fail(Problems::unauthorized(tr("The session has ended. Sign in again.")));
        qCWarning(lcAuth) << "session lookup failed:" << found.error().message;
        return fail(Problems::serviceUnavailable());
    }
    const SessionRecord &session = found.value();
    const qint64 idleEndsMs =
        session.lastSeenAt.toMSecsSinceEpoch() + std::chrono::milliseconds(kIdleTimeout).count();
    if (nowMs >= session.expiresAt.toMSecsSinceEpoch() || nowMs >= idleEndsMs) {
        (void)m_accounts.deleteSession(hash);
        return fail(Problems::unauthorized(tr("The session has expired. Sign in again.")));
    }
    if (nowMs - session.lastSeenAt.toMSecsSinceEpoch() >= kTouchEveryMs)
        (void)m_accounts.touchSession(hash, QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC));
    return Principal{session.username, QString(), hash};
}

Result<Principal, HttpResponse> Authenticator::admin(const HttpRequest &request, qint64 nowMs)
{
    const std::string_view header = request.header("authorization");
    if (header.empty())
        return fail(Problems::unauthorized());
    if (startsWithSchemeIgnoringCase(header, "basic")) {
        const VerifyResult verified =
            m_verifier.verify(header, request.clientAddress, AccessLevel::Administrative, nowMs);
        switch (verified.outcome) {
        case VerifyOutcome::Allowed:
            return Principal{u"token:"_s + verified.token->id, verified.token->id, {}};
        case VerifyOutcome::ForbiddenLevel:
            return fail(Problems::forbidden(
                tr("Only Administrative API tokens may manage tokens; this token's level is %1.")
                    .arg(AccessLevels::displayName(verified.token->accessLevel))));
        case VerifyOutcome::ForbiddenAddress:
            return fail(Problems::forbidden(
                tr("This API token may not be used from %1: the address is outside its allowed IP "
                   "ranges.")
                    .arg(IpRange::fromAddress(request.clientAddress).toString())));
        case VerifyOutcome::Unavailable:
            return fail(Problems::serviceUnavailable());
        case VerifyOutcome::Unauthorized:
            break;
        }
        return fail(Problems::unauthorized(tr("The API token is missing, malformed, unknown, "
                                              "disabled, expired or no longer valid.")));
    }
    return session(request, nowMs);
}

Result<IssuedSession, QString> Authenticator::issueSession(const QString &username, qint64 nowMs)
{
    QByteArray random(kSessionRandomBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()),
                                          kSessionRandomBytes / 4);
    const QByteArray token = QByteArray(kSessionPrefix.data(), qsizetype(kSessionPrefix.size()))
        + random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    random.fill('\0');

    const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
    SessionRecord record;
    record.tokenHash = m_vault.hashSessionToken(token);
    record.username = username;
    record.createdAt = now;
    record.lastSeenAt = now;
    record.expiresAt = now.addMSecs(std::chrono::milliseconds(kAbsoluteTimeout).count());
    const auto created = m_accounts.createSession(record);
    if (!created)
        return fail(created.error().message);
    return IssuedSession{token, record.expiresAt};
}

} // namespace ApiAccess::Server
