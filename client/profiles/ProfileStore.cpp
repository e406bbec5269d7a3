#include "profiles/ProfileStore.h"

#include <QSettings>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ApiAccess {

namespace {

const QString kProfiles = u"profiles"_s;
const QString kLastUsed = u"lastUsedProfile"_s;

// "https://host", "https://host/" and "https://host/./" are one server.
QUrl sameServerForm(const QUrl &url)
{
    QUrl form = url.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
    if (form.path() == u"/"_s)
        form.setPath(QString());
    return form;
}

bool validId(const QString &id)
{
    return !id.isEmpty() && std::all_of(id.begin(), id.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-';
    });
}

ConnectionProfile read(QSettings &settings, const QString &id)
{
    settings.beginGroup(kProfiles + u'/' + id);
    ConnectionProfile profile;
    profile.id = id;
    profile.displayName = settings.value(u"displayName"_s).toString();
    profile.serverUrl = QUrl(settings.value(u"serverUrl"_s).toString());
    profile.username = settings.value(u"username"_s).toString();
    profile.caCertificateFile = settings.value(u"caCertificateFile"_s).toString();
    profile.keepSignedIn = settings.value(u"keepSignedIn"_s, false).toBool();
    settings.endGroup();
    return profile;
}

void write(QSettings &settings, const ConnectionProfile &profile)
{
    settings.beginGroup(kProfiles + u'/' + profile.id);
    settings.setValue(u"displayName"_s, profile.displayName);
    settings.setValue(u"serverUrl"_s, profile.serverUrl.toString());
    settings.setValue(u"username"_s, profile.username);
    settings.setValue(u"caCertificateFile"_s, profile.caCertificateFile);
    settings.setValue(u"keepSignedIn"_s, profile.keepSignedIn);
    settings.endGroup();
    settings.sync();
}

} // namespace

ProfileStore::ProfileStore()
    : m_settings(std::make_unique<QSettings>())
{ }

ProfileStore::ProfileStore(const QString &iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{ }

ProfileStore::~ProfileStore() = default;

QList<ConnectionProfile> ProfileStore::profiles() const
{
    m_settings->beginGroup(kProfiles);
    const QStringList ids = m_settings->childGroups();
    m_settings->endGroup();
    QList<ConnectionProfile> list;
    for (const QString &id : ids) {
        if (validId(id))
            list.append(read(*m_settings, id));
    }
    std::sort(list.begin(), list.end(), [](const auto &a, const auto &b) {
        const int byName = QString::compare(a.displayName, b.displayName, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.id < b.id;
    });
    return list;
}

std::optional<ConnectionProfile> ProfileStore::profile(const QString &id) const
{
    if (!validId(id))
        return std::nullopt;
    m_settings->beginGroup(kProfiles);
    const bool exists = m_settings->childGroups().contains(id);
    m_settings->endGroup();
    if (!exists)
        return std::nullopt;
    return read(*m_settings, id);
}

ConnectionProfile ProfileStore::add(ConnectionProfile profile)
{
    profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    write(*m_settings, profile);
    return profile;
}

bool ProfileStore::update(const ConnectionProfile &profile)
{
    if (!this->profile(profile.id))
        return false;
    write(*m_settings, profile);
    return true;
}

bool ProfileStore::remove(const QString &id)
{
    if (!profile(id))
        return false;
    m_settings->remove(kProfiles + u'/' + id);
    if (lastUsedId() == id)
        m_settings->remove(kLastUsed);
    m_settings->sync();
    return true;
}

QString ProfileStore::lastUsedId() const
{
    const QString id = m_settings->value(kLastUsed).toString();
    return profile(id) ? id : QString();
}

void ProfileStore::setLastUsedId(const QString &id)
{
    m_settings->setValue(kLastUsed, id);
    m_settings->sync();
}

std::optional<ConnectionProfile> ProfileStore::find(const QUrl &server,
                                                    const QString &username) const
{
    const QUrl wanted = sameServerForm(server);
    const auto all = profiles();
    for (const ConnectionProfile &profile : all) {
        if (sameServerForm(profile.serverUrl) == wanted && profile.username == username)
            return profile;
    }
    return std::nullopt;
}

} // namespace ApiAccess
