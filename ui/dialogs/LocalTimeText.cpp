#include "dialogs/LocalTimeText.h"

#include <QLocale>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace ApiAccess::LocalTimeText {

QString date(const QDateTime &time, Month month)
{
    const QLocale locale;
    QString format = locale.dateFormat(QLocale::LongFormat);
    // The weekday, with the separator that follows it in most locales
    // ("dddd, d MMMM yyyy") or the one before it in others ("yyyy年M月d日dddd").
    static const QRegularExpression weekday(u"[,،]?\\s*dddd[,،]?\\s*"_s);
    format.replace(weekday, u" "_s);
    format = format.trimmed();
    if (month == Month::Short)
        format.replace(u"MMMM"_s, u"MMM"_s);
    return locale.toString(time.toLocalTime().date(), format);
}

QString timeOfDay(const QDateTime &time)
{
    const QLocale locale;
    // Seconds say nothing about when a token ends; a few short formats
    // (the C locale's among them) still carry them.
    static const QRegularExpression seconds(u"[:.]ss"_s);
    QString format = locale.timeFormat(QLocale::ShortFormat);
    format.remove(seconds);
    return locale.toString(time.toLocalTime().time(), format);
}

} // namespace ApiAccess::LocalTimeText
