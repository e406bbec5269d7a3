#include "access/AccessLevel.h"

#include <QCoreApplication>

#include <array>

namespace ApiAccess::AccessLevels {

namespace {

struct LevelInfo
{
    AccessLevel level;
    const char16_t *wireId;
    const char *displayName;
    const char *description;
};

// Most powerful first. Display names are exact (PRODUCT.md §3).
constexpr std::array<LevelInfo, 5> kLevels{{
    {AccessLevel::Administrative, u"administrative",
     QT_TRANSLATE_NOOP("AccessLevel", "Administrative"),
     QT_TRANSLATE_NOOP("AccessLevel",
                       "Everything the platform API offers, users and spaces included.")},
    {AccessLevel::ManagingEditorial, u"managing_editorial",
     QT_TRANSLATE_NOOP("AccessLevel", "Managing Editorial"),
     QT_TRANSLATE_NOOP("AccessLevel", "Create, configure and delete channels, pages and plugins.")},
    {AccessLevel::Editorial, u"editorial", QT_TRANSLATE_NOOP("AccessLevel", "Editorial"),
     QT_TRANSLATE_NOOP(
         "AccessLevel",
         "Change content in channels, pages and plugins, including comments and menus.")},
    {AccessLevel::ReadOnly, u"read_only", QT_TRANSLATE_NOOP("AccessLevel", "Read-only"),
     QT_TRANSLATE_NOOP("AccessLevel", "Read published content and analytics.")},
    {AccessLevel::RestrictedReadOnly, u"restricted_read_only",
     QT_TRANSLATE_NOOP("AccessLevel", "Restricted Read-only"),
     QT_TRANSLATE_NOOP("AccessLevel", "Read content in the public area only.")},
}};

const LevelInfo &info(AccessLevel level)
{
    for (const auto &entry : kLevels) {
        if (entry.level == level)
            return entry;
    }
    Q_UNREACHABLE();
    return kLevels.back();
}

} // namespace

QList<AccessLevel> all()
{
    QList<AccessLevel> levels;
    levels.reserve(qsizetype(kLevels.size()));
    for (const auto &entry : kLevels)
        levels.append(entry.level);
    return levels;
}

AccessLevel defaultLevel()
{
    return AccessLevel::RestrictedReadOnly;
}

int rank(AccessLevel level)
{
    return static_cast<int>(level);
}

bool satisfies(AccessLevel level, AccessLevel minimum)
{
    return rank(level) >= rank(minimum);
}

QString wireId(AccessLevel level)
{
    return QString::fromUtf16(info(level).wireId);
}

QString displayName(AccessLevel level)
{
    return QCoreApplication::translate("AccessLevel", info(level).displayName);
}

QString description(AccessLevel level)
{
    return QCoreApplication::translate("AccessLevel", info(level).description);
}

Result<AccessLevel, AccessLevelError> parse(QStringView id)
{
    for (const auto &entry : kLevels) {
        if (id == QStringView(entry.wireId))
            return entry.level;
    }
    QStringList valid;
    for (const auto &entry : kLevels)
        valid.append(QString::fromUtf16(entry.wireId));
    const QString shown = id.isEmpty()
        ? QCoreApplication::translate("AccessLevel", "an empty string")
        : u'"' + id.left(64).toString() + u'"';
    return fail(AccessLevelError{
        id.toString(),
        QCoreApplication::translate("AccessLevel", "%1 is not an access level; expected one of %2.")
            .arg(shown, valid.join(u", "))});
}

} // namespace ApiAccess::AccessLevels
