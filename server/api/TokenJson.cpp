#include "api/TokenJson.h"

#include "access/AccessLevel.h"
#include "wire/Rfc3339.h"

#include <algorithm>
#include <array>

namespace ApiAccess::Server {

namespace {

// One byte of a string's UTF-8, escaped as Qt's JSON writer escapes: the
// two JSON specials, the five short control escapes, other control
// characters as \u00XX, everything else as it is.
void appendEscaped(std::string &out, char c)
{
    static constexpr std::array<char, 16> kHex{'0', '1', '2', '3', '4', '5', '6', '7',
                                               '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
    case '"':
        out += "\\\"";
        break;
    case '\\':
        out += "\\\\";
        break;
    case '\b':
        out += "\\b";
        break;
    case '\f':
        out += "\\f";
        break;
    case '\n':
        out += "\\n";
        break;
    case '\r':
        out += "\\r";
        break;
    case '\t':
        out += "\\t";
        break;
    default:
        if (byte < 0x20) {
            out += "\\u00";
            out += kHex[byte >> 4];
            out += kHex[byte & 0xf];
        } else {
            out += c;
        }
    }
}

void appendString(std::string &out, const QString &text)
{
    out += '"';
    // Most texts (ids, addresses, most names) are ASCII: written from the
    // UTF-16 directly, without making a UTF-8 copy first.
    if (std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; })) {
        for (const QChar c : text)
            appendEscaped(out, static_cast<char>(c.unicode()));
    } else {
        for (const char c : text.toUtf8())
            appendEscaped(out, c);
    }
    out += '"';
}

// formatRfc3339's text, written from the milliseconds directly for the
// years 1970 to 9999 (a listing writes 400,000 of them); other times take
// formatRfc3339 itself.
void appendTime(std::string &out, const QDateTime &time)
{
    constexpr qint64 kMsPerDay = 86'400'000;
    constexpr qint64 kYear10000 = 253'402'300'800'000; // 10000-01-01T00:00:00Z
    const qint64 ms = time.isValid() ? time.toMSecsSinceEpoch() : -1;
    if (ms < 0 || ms >= kYear10000) {
        appendString(out, formatRfc3339(time));
        return;
    }
    // Days to civil date (Howard Hinnant's algorithm, for days >= 0).
    const qint64 days = ms / kMsPerDay;
    const qint64 secondOfDay = ms % kMsPerDay / 1000;
    const qint64 z = days + 719'468;
    const qint64 era = z / 146'097;
    const qint64 dayOfEra = z - era * 146'097;
    const qint64 yearOfEra =
        (dayOfEra - dayOfEra / 1460 + dayOfEra / 36'524 - dayOfEra / 146'096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 monthIndex = (5 * dayOfYear + 2) / 153;
    const qint64 day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
    const qint64 month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
    const qint64 year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);

    char text[23] = "\"0000-00-00T00:00:00Z\"";
    const auto put = [&text](int at, qint64 value, int width) {
        for (int i = at + width - 1; i >= at; --i, value /= 10)
            text[i] = char('0' + value % 10);
    };
    put(1, year, 4);
    put(6, month, 2);
    put(9, day, 2);
    put(12, secondOfDay / 3600, 2);
    put(15, secondOfDay / 60 % 60, 2);
    put(18, secondOfDay % 60, 2);
    out.append(text, 22);
}

void appendTime(std::string &out, const std::optional<QDateTime> &time)
{
    if (time)
        appendTime(out, *time);
    else
        out += "null";
}

} // namespace

void appendTokenJson(std::string &out, const Token &token)
{
    // Keys in the order QJsonObject keeps them (sorted), so that both
    // writers give the same bytes.
    out += "{\"accessLevel\":";
    appendString(out, AccessLevels::wireId(token.accessLevel));
    out += ",\"allowedIpRanges\":[";
    for (qsizetype i = 0; i < token.allowedIpRanges.size(); ++i) {
        if (i > 0)
            out += ',';
        appendString(out, token.allowedIpRanges.at(i));
    }
    out += "],\"createdAt\":";
    appendTime(out, token.createdAt);
    out += ",\"createdBy\":";
    appendString(out, token.createdBy);
    out += ",\"expiresAt\":";
    appendTime(out, token.expiresAt);
    out += ",\"id\":";
    appendString(out, token.id);
    out += ",\"lastUsedAt\":";
    appendTime(out, token.lastUsedAt);
    out += ",\"lastUsedIp\":";
    if (token.lastUsedIp.isEmpty())
        out += "null";
    else
        appendString(out, token.lastUsedIp);
    out += ",\"name\":";
    appendString(out, token.name);
    out += ",\"status\":";
    appendString(out, TokenStatuses::wireId(token.status));
    out += ",\"updatedAt\":";
    appendTime(out, token.updatedAt);
    out += '}';
}

namespace {

// About 330 bytes a token: one allocation for most answers.
std::string reserved(qsizetype tokens)
{
    std::string out;
    out.reserve(128 + std::size_t(tokens) * 384);
    return out;
}

void appendTokens(std::string &out, const QList<Token> &tokens)
{
    out += '[';
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        if (i > 0)
            out += ',';
        appendTokenJson(out, tokens.at(i));
    }
    out += ']';
}

} // namespace

std::string tokenPageJson(const TokenPage &page)
{
    std::string out = reserved(page.items.size());
    out += '{';
    if (page.changesCursor) {
        out += "\"changesCursor\":";
        appendString(out, *page.changesCursor);
        out += ',';
    }
    out += "\"items\":";
    appendTokens(out, page.items);
    out += ",\"nextCursor\":";
    if (page.nextCursor)
        appendString(out, *page.nextCursor);
    else
        out += "null";
    out += '}';
    return out;
}

std::string tokenChangeSetJson(const TokenChangeSet &changes)
{
    std::string out = reserved(changes.items.size());
    out += "{\"changesCursor\":";
    appendString(out, changes.changesCursor);
    out += ",\"deletedIds\":[";
    for (qsizetype i = 0; i < changes.deletedIds.size(); ++i) {
        if (i > 0)
            out += ',';
        appendString(out, changes.deletedIds.at(i));
    }
    out += "],\"items\":";
    appendTokens(out, changes.items);
    out += '}';
    return out;
}

} // namespace ApiAccess::Server
