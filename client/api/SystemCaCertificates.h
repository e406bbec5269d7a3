#pragma once

#include <QFuture>
#include <QList>
#include <QSslCertificate>
#include <QString>

namespace ApiAccess {

// The operating system's CA certificates, read once per process on a worker
// thread (the first call starts the read; later calls share it).
//
// Qt loads the system's roots on demand only while a TLS configuration's CA
// list is left alone: adding a profile's company CA to it drops every
// publicly trusted root. Such a configuration must therefore list the
// system's roots itself, and reading them (a few hundred files, ~0.2 s)
// must not happen on the GUI thread.
QFuture<QList<QSslCertificate>> systemCaCertificates();

// For tests that cannot give the process a store of its own at
// /etc/ssl/certs (no mount namespace in a chroot or a locked-down
// container): the "system" store becomes the PEM files in `directory`,
// read instead of the operating system's, and every ApiClient lists it
// explicitly, extra CAs or not, so that nothing else is trusted. Must be
// called before the first systemCaCertificates(); the Studio never calls it.
void setSystemCaDirectoryForTesting(const QString &directory);

// Whether the store was replaced by setSystemCaDirectoryForTesting().
bool systemCaDirectoryReplaced();

} // namespace ApiAccess
