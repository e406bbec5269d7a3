#include "wire/JsonDuplicates.h"

#include <QList>
#include <QSet>

namespace ApiAccess {

namespace {

// One open object or array on the way from the root to the scan position.
// Paths are built only for the answer: building one per container would
// make deep nesting under long names quadratic.
struct Level
{
    bool isObject = false;
    QSet<QString> names; // objects: every member name so far
    QString member; // objects: the member whose value is being read
    qsizetype index = 0; // arrays: the element being read
};

// The index of the closing quote of the string opened at `open`, or the
// end of the input if there is none.
qsizetype closingQuote(QByteArrayView json, qsizetype open)
{
    qsizetype i = open + 1;
    while (i < json.size() && json[i] != '"')
        i += json[i] == '\\' ? 2 : 1;
    return qMin(i, json.size());
}

// The four hex digits of a \u escape starting at `at`; -1 if they are not.
int hexQuad(QByteArrayView raw, qsizetype at)
{
    if (at + 4 > raw.size())
        return -1;
    bool ok = false;
    const int value = raw.sliced(at, 4).toInt(&ok, 16);
    return ok && value >= 0 ? value : -1;
}

// The text of a JSON string's contents in UTF-16 code units, as QJsonDocument
// keys it: a surrogate pair written as two \u escapes equals the character
// written in UTF-8.
QString unescape(QByteArrayView raw)
{
    QString text;
    qsizetype run = 0; // start of the bytes not yet appended
    qsizetype i = 0;
    while (i < raw.size()) {
        if (raw[i] != '\\') {
            ++i;
            continue;
        }
        text += QString::fromUtf8(raw.sliced(run, i - run));
        const char escape = i + 1 < raw.size() ? raw[i + 1] : '\\';
        qsizetype length = 2;
        switch (escape) {
        case 'b':
            text += u'\b';
            break;
        case 'f':
            text += u'\f';
            break;
        case 'n':
            text += u'\n';
            break;
        case 'r':
            text += u'\r';
            break;
        case 't':
            text += u'\t';
            break;
        case 'u': {
            const int unit = hexQuad(raw, i + 2);
            if (unit >= 0) {
                text += QChar(char16_t(unit));
                length = 6;
            }
            break;
        }
        default:
            text += QLatin1Char(escape);
            break; // '"', '\\', '/'
        }
        i = qMin(i + length, raw.size());
        run = i;
    }
    return text + QString::fromUtf8(raw.sliced(run));
}

QString pathTo(const QList<Level> &levels, const QString &name)
{
    QString path;
    for (qsizetype i = 0; i + 1 < levels.size(); ++i) {
        const Level &level = levels.at(i);
        if (!level.isObject)
            path += u'[' + QString::number(level.index) + u']';
        else if (path.isEmpty())
            path = level.member;
        else
            path += u'.' + level.member;
    }
    return path.isEmpty() ? name : path + u'.' + name;
}

} // namespace

std::optional<JsonDuplicate> findDuplicateMember(QByteArrayView json)
{
    QList<Level> levels;
    bool expectName = false; // the next string in an object is a member name
    for (qsizetype i = 0; i < json.size(); ++i) {
        switch (json[i]) {
        case '{':
            levels.append(Level{true, {}, {}, 0});
            expectName = true;
            break;
        case '[':
            levels.append(Level{});
            expectName = false;
            break;
        case '}':
        case ']':
            if (!levels.isEmpty())
                levels.removeLast();
            expectName = false;
            break;
        case ',':
            if (!levels.isEmpty() && levels.last().isObject)
                expectName = true;
            else if (!levels.isEmpty())
                ++levels.last().index;
            break;
        case '"': {
            const qsizetype close = closingQuote(json, i);
            if (expectName && !levels.isEmpty() && levels.last().isObject) {
                Level &level = levels.last();
                const QString name = unescape(json.sliced(i + 1, close - i - 1));
                if (level.names.contains(name))
                    return JsonDuplicate{name, pathTo(levels, name), i};
                level.names.insert(name);
                level.member = name;
                expectName = false;
            }
            i = close;
            break;
        }
        default: // whitespace, ':', numbers, true, false, null
            break;
        }
    }
    return std::nullopt;
}

} // namespace ApiAccess
