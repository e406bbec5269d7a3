#include "wire/Rfc3339.h"

#include <QDate>
#include <QTime>

namespace ApiAccess {

namespace {

constexpr int kMinYear = 1;
constexpr int kMaxYear = 9999;

bool inWireRange(const QDateTime &utc)
{
    const int year = utc.date().year();
    return year >= kMinYear && year <= kMaxYear;
}

// Reads a fixed-width run of ASCII digits. QChar::isDigit() is not used on
// purpose: it accepts Arabic-Indic and other digits that RFC 3339 does not.
class Cursor
{
public:
    explicit Cursor(QStringView text)
        : m_text(text)
    { }

    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek() const { return atEnd() ? QChar() : m_text[m_pos]; }

    std::optional<int> digits(int count)
    {
        if (m_pos + count > m_text.size())
            return std::nullopt;
        int value = 0;
        for (int i = 0; i < count; ++i) {
            const char16_t c = m_text[m_pos + i].unicode();
            if (c < u'0' || c > u'9')
                return std::nullopt;
            value = value * 10 + (c - u'0');
        }
        m_pos += count;
        return value;
    }

    bool expect(char16_t c)
    {
        if (atEnd() || m_text[m_pos].unicode() != c)
            return false;
        ++m_pos;
        return true;
    }

    bool expectOneOf(char16_t a, char16_t b) { return expect(a) || expect(b); }

    // Any number of digits, at least one; only the first three count.
    std::optional<int> fractionMilliseconds()
    {
        int value = 0;
        int seen = 0;
        while (!atEnd()) {
            const char16_t c = m_text[m_pos].unicode();
            if (c < u'0' || c > u'9')
                break;
            if (seen < 3)
                value = value * 10 + (c - u'0');
            ++seen;
            ++m_pos;
        }
        if (seen == 0)
            return std::nullopt;
        for (int i = seen; i < 3; ++i)
            value *= 10;
        return value;
    }

private:
    QStringView m_text;
    qsizetype m_pos = 0;
};

} // namespace

QString formatRfc3339(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    const QDateTime utc = time.toUTC();
    if (!inWireRange(utc))
        return {};
    const QDate date = utc.date();
    const QTime clock = utc.time();
    return QString::asprintf("%04d-%02d-%02dT%02d:%02d:%02dZ", date.year(), date.month(),
                             date.day(), clock.hour(), clock.minute(), clock.second());
}

std::optional<QDateTime> parseRfc3339(QStringView text)
{
    Cursor in(text);
    const auto year = in.digits(4);
    if (!year || !in.expect(u'-'))
        return std::nullopt;
    const auto month = in.digits(2);
    if (!month || !in.expect(u'-'))
        return std::nullopt;
    const auto day = in.digits(2);
    if (!day || !in.expectOneOf(u'T', u't'))
        return std::nullopt;
    const auto hour = in.digits(2);
    if (!hour || !in.expect(u':'))
        return std::nullopt;
    const auto minute = in.digits(2);
    if (!minute || !in.expect(u':'))
        return std::nullopt;
    const auto second = in.digits(2);
    if (!second)
        return std::nullopt;

    int milliseconds = 0;
    if (in.expect(u'.')) {
        const auto fraction = in.fractionMilliseconds();
        if (!fraction)
            return std::nullopt;
        milliseconds = *fraction;
    }

    int offsetSeconds = 0;
    if (!in.expectOneOf(u'Z', u'z')) {
        int sign = 0;
        if (in.expect(u'+'))
            sign = 1;
        else if (in.expect(u'-'))
            sign = -1;
        else
            return std::nullopt;
        const auto offsetHours = in.digits(2);
        if (!offsetHours || !in.expect(u':'))
            return std::nullopt;
        const auto offsetMinutes = in.digits(2);
        if (!offsetMinutes || *offsetHours > 23 || *offsetMinutes > 59)
            return std::nullopt;
        // "-00:00" means "UTC, local offset unknown" (RFC 3339 §4.3): the
        // instant is the same as with "Z".
        offsetSeconds = sign * (*offsetHours * 3600 + *offsetMinutes * 60);
    }
    if (!in.atEnd())
        return std::nullopt;

    if (*year < kMinYear || *month < 1 || *month > 12)
        return std::nullopt;
    // QDate::isValid applies the Gregorian leap-year rule (2000 yes, 1900 no).
    if (!QDate::isValid(*year, *month, *day))
        return std::nullopt;
    if (*hour > 23 || *minute > 59 || *second > 59)
        return std::nullopt;

    const QDateTime local(QDate(*year, *month, *day), QTime(*hour, *minute, *second, milliseconds),
                          Qt::UTC);
    const QDateTime utc = local.addSecs(-offsetSeconds);
    if (!utc.isValid() || !inWireRange(utc))
        return std::nullopt;
    return utc;
}

} // namespace ApiAccess
