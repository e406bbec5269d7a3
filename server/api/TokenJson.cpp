#include "api/TokenJson.h"

#include "access/AccessLevel.h"
#include "wire/Rfc3339.h"

#include <array>

namespace ApiAccess::Server {

namespace {

// As Qt's JSON writer escapes: the two JSON specials, the five short
// control escapes, other control characters as \u00XX, everything else as
// UTF-8.
void appendString(std::string &out, const QString &text)
{
    static constexpr std::array<char, 16> kHex{'0', '1', '2', '3', '4', '5', '6', '7',
                                               '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
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
    out += '"';
}

void appendTime(std::string &out, const std::optional<QDateTime> &time)
{
    if (time)
        appendString(out, formatRfc3339(*time));
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
