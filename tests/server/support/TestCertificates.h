#pragma once

#include <QString>

namespace ApiAccess::Testing {

// A self-signed certificate and key for 127.0.0.1 (CN and IP subjectAltName),
// made with the openssl command line tool, valid for a day. Returns an error
// message for the test to fail with, or an empty string.
QString makeSelfSignedCertificate(const QString &certFile, const QString &keyFile);

// A certificate authority named `commonName` (CA:TRUE, may sign
// certificates), valid for a day. Same error convention.
QString makeCertificateAuthority(const QString &commonName, const QString &certFile,
                                 const QString &keyFile);

// A server certificate for 127.0.0.1 issued by the CA in caCertFile/caKeyFile.
QString makeServerCertificate(const QString &caCertFile, const QString &caKeyFile,
                              const QString &certFile, const QString &keyFile);

// OpenSSL's subject hash of a certificate, the name (hash.0) under which
// OpenSSL looks a CA up in a certificate directory; empty on failure.
QString subjectHash(const QString &certFile);

} // namespace ApiAccess::Testing
