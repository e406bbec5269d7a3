#include "profiles/ConnectionProfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslCertificate>

using namespace Qt::StringLiterals;

namespace ApiAccess {

Result<bool, QString> ConnectionProfile::validate() const
{
    const QString scheme = serverUrl.scheme();
    if (!serverUrl.isValid() || (scheme != u"https"_s && scheme != u"http"_s))
        return fail(QCoreApplication::translate(
            "ConnectionProfile", "The server address must start with https:// (or http://)."));
    if (serverUrl.host().isEmpty())
        return fail(QCoreApplication::translate(
            "ConnectionProfile",
            "The server address needs a host name, as in https://tokens.example.com."));
    // The address first: a name can be suggested from it, not the reverse.
    if (displayName.trimmed().isEmpty())
        return fail(QCoreApplication::translate("ConnectionProfile", "The profile needs a name."));
    if (!caCertificateFile.isEmpty()) {
        QFile file(caCertificateFile);
        if (!file.open(QIODevice::ReadOnly))
            return fail(QCoreApplication::translate("ConnectionProfile",
                                                    "The CA certificate file cannot be read: %1")
                            .arg(caCertificateFile));
        if (QSslCertificate::fromDevice(&file, QSsl::Pem).isEmpty())
            return fail(
                QCoreApplication::translate("ConnectionProfile",
                                            "The CA certificate file holds no PEM certificate: %1")
                    .arg(caCertificateFile));
    }
    return true;
}

QString ConnectionProfile::label() const
{
    const QString host = serverUrl.host();
    if (host.isEmpty())
        return displayName;
    // The port tells two servers on one host apart (a sandbox, staging).
    QString where = host.contains(u':') ? u'[' + host + u']' : host;
    if (serverUrl.port() != -1)
        where += u':' + QString::number(serverUrl.port());
    return displayName == host || displayName == where ? where
                                                       : u"%1 (%2)"_s.arg(displayName, where);
}

} // namespace ApiAccess
