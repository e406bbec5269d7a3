#include "wire/TokenInput.h"

#include "wire/JsonReader.h"
#include "wire/Rfc3339.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonValue>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ApiAccess {

namespace {

constexpr QStringView kName = u"name";
constexpr QStringView kAccessLevel = u"accessLevel";
constexpr QStringView kAllowedIpRanges = u"allowedIpRanges";
constexpr QStringView kExpiresAt = u"expiresAt";
constexpr QStringView kEnabled = u"enabled";

// Line breaks and the explicit bidirectional embeddings, overrides and
// isolates: the latter can make a name read differently from what it is
// ("Trojan Source"), and a token name is something admins trust at a glance.
bool isForbidden(char32_t codePoint)
{
    switch (QChar::category(codePoint)) {
    case QChar::Other_Control:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    default:
        break;
    }
    return (codePoint >= 0x202A && codePoint <= 0x202E)
        || (codePoint >= 0x2066 && codePoint <= 0x2069);
}

std::optional<QString> readName(JsonReader &in, JsonReader::Presence presence)
{
    const auto name = in.string(kName, presence);
    if (!name)
        return std::nullopt;
    auto normalized = TokenNames::normalize(*name);
    if (!normalized) {
        in.addError(in.path(kName), normalized.error());
        return std::nullopt;
    }
    return std::move(normalized).value();
}

std::optional<AccessLevel> readAccessLevel(JsonReader &in, JsonReader::Presence presence)
{
    const auto wireId = in.string(kAccessLevel, presence);
    if (!wireId)
        return std::nullopt;
    const auto level = AccessLevels::parse(*wireId);
    if (!level) {
        in.addError(in.path(kAccessLevel), level.error().message);
        return std::nullopt;
    }
    return level.value();
}

std::optional<IpAllowList> readAllowList(JsonReader &in)
{
    const auto elements = in.array(kAllowedIpRanges, JsonReader::Optional);
    if (!elements)
        return std::nullopt;

    // Past the limit only the limit is reported: the admin has to shorten
    // the list anyway, and a huge array must not buy a huge answer.
    if (elements->size() > IpAllowList::kMaxEntries) {
        in.addError(
            in.path(kAllowedIpRanges),
            QCoreApplication::translate("TokenInput", "must have at most %1 entries (it has %2)")
                .arg(IpAllowList::kMaxEntries)
                .arg(elements->size()));
        return std::nullopt;
    }

    // Non-strings are reported and left out, and the strings still go
    // through the allow-list parser, so one answer lists every mistake.
    // `origin` maps the parser's indices back to positions in the array.
    struct Indexed
    {
        qsizetype index;
        FieldError error;
    };
    QList<Indexed> found;
    QStringList strings;
    QList<qsizetype> origin;
    for (qsizetype i = 0; i < elements->size(); ++i) {
        const QJsonValue element = elements->at(i);
        if (element.isString()) {
            strings.append(element.toString());
            origin.append(i);
        } else {
            found.append(
                {i, {in.path(kAllowedIpRanges, i), JsonReader::mustBeMessage(QJsonValue::String)}});
        }
    }

    // The path already says which entry, so the range error's own sentence
    // is used rather than the issue's "Entry N: ..." form, whose N would
    // miscount once non-strings are left out.
    IpAllowList::ParseResult parsed = IpAllowList::fromEntries(strings);
    for (const IpAllowListIssue &issue : std::as_const(parsed.issues)) {
        if (issue.severity != IpAllowListIssue::Severity::Error
            || issue.kind == IpAllowListIssue::Kind::TooManyEntries) {
            continue;
        }
        const qsizetype index = issue.index >= 0 && issue.index < origin.size()
            ? origin.at(issue.index)
            : static_cast<qsizetype>(issue.index);
        const QString message = issue.rangeError ? issue.rangeError->message : issue.message;
        found.append({index, {in.path(kAllowedIpRanges, index), message}});
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const Indexed &a, const Indexed &b) { return a.index < b.index; });
    for (const Indexed &entry : std::as_const(found))
        in.addError(entry.error.field, entry.error.message);
    if (!found.isEmpty())
        return std::nullopt;
    return std::move(parsed.list);
}

std::optional<std::optional<QDateTime>> readExpiresAt(JsonReader &in)
{
    return in.nullableDateTime(kExpiresAt, JsonReader::Optional);
}

QJsonValue toJsonValue(const std::optional<QDateTime> &time)
{
    return time ? QJsonValue(formatRfc3339(*time)) : QJsonValue(QJsonValue::Null);
}

} // namespace

namespace TokenNames {

Result<QString, QString> normalize(QStringView name)
{
    const QStringView trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return fail(QCoreApplication::translate("TokenInput", "must not be empty"));
    qsizetype codePoints = 0;
    for (qsizetype i = 0; i < trimmed.size(); ++i) {
        const QChar c = trimmed[i];
        char32_t codePoint = c.unicode();
        if (c.isHighSurrogate() && i + 1 < trimmed.size() && trimmed[i + 1].isLowSurrogate()) {
            codePoint = QChar::surrogateToUcs4(c, trimmed[i + 1]);
            ++i;
        } else if (c.isSurrogate()) {
            return fail(QCoreApplication::translate("TokenInput", "contains an invalid character"));
        }
        if (isForbidden(codePoint)) {
            return fail(QCoreApplication::translate(
                "TokenInput", "must not contain line breaks or other control characters"));
        }
        ++codePoints;
    }
    if (codePoints > kMaxLength) {
        return fail(QCoreApplication::translate("TokenInput",
                                                "must be at most %1 characters long (it has %2)")
                        .arg(kMaxLength)
                        .arg(codePoints));
    }
    return trimmed.toString();
}

} // namespace TokenNames

Result<TokenCreateInput, QList<FieldError>> TokenCreateInput::fromJson(const QJsonObject &object)
{
    JsonReader in(object);
    in.rejectUnknownFields({kName, kAccessLevel, kAllowedIpRanges, kExpiresAt});
    const auto name = readName(in, JsonReader::Required);
    const auto accessLevel = readAccessLevel(in, JsonReader::Required);
    auto allowList = readAllowList(in);
    const auto expiresAt = readExpiresAt(in);
    if (in.hasErrors())
        return fail(in.errors());

    TokenCreateInput input;
    input.name = *name;
    input.accessLevel = *accessLevel;
    if (allowList)
        input.allowedIpRanges = std::move(*allowList);
    input.expiresAt = expiresAt.value_or(std::nullopt);
    return input;
}

QJsonObject TokenCreateInput::toJson() const
{
    QJsonObject object{
        {kName.toString(), name},
        {kAccessLevel.toString(), AccessLevels::wireId(accessLevel)},
        {kAllowedIpRanges.toString(), QJsonArray::fromStringList(allowedIpRanges.toStringList())},
    };
    if (expiresAt)
        object.insert(kExpiresAt.toString(), formatRfc3339(*expiresAt));
    return object;
}

bool TokenUpdateInput::isEmpty() const
{
    return !name && !accessLevel && !allowedIpRanges && !expiresAt && !enabled;
}

Result<TokenUpdateInput, QList<FieldError>> TokenUpdateInput::fromJson(const QJsonObject &object)
{
    JsonReader in(object);
    in.rejectUnknownFields({kName, kAccessLevel, kAllowedIpRanges, kExpiresAt, kEnabled});
    TokenUpdateInput input;
    input.name = readName(in, JsonReader::Optional);
    input.accessLevel = readAccessLevel(in, JsonReader::Optional);
    input.allowedIpRanges = readAllowList(in);
    input.expiresAt = readExpiresAt(in);
    input.enabled = in.boolean(kEnabled, JsonReader::Optional);
    if (in.hasErrors())
        return fail(in.errors());
    return input;
}

QJsonObject TokenUpdateInput::toJson() const
{
    QJsonObject object;
    if (name)
        object.insert(kName.toString(), *name);
    if (accessLevel)
        object.insert(kAccessLevel.toString(), AccessLevels::wireId(*accessLevel));
    if (allowedIpRanges) {
        object.insert(kAllowedIpRanges.toString(),
                      QJsonArray::fromStringList(allowedIpRanges->toStringList()));
    }
    if (expiresAt)
        object.insert(kExpiresAt.toString(), toJsonValue(*expiresAt));
    if (enabled)
        object.insert(kEnabled.toString(), *enabled);
    return object;
}

} // namespace ApiAccess
