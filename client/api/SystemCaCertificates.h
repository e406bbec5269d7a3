#pragma once

#include <QFuture>
#include <QList>
#include <QSslCertificate>

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

} // namespace ApiAccess
