#pragma once

#include <QString>

namespace ApiAccess::Testing {

// A self-signed certificate and key for 127.0.0.1 (CN and IP subjectAltName),
// made with the openssl command line tool, valid for a day. Returns an error
// message for the test to fail with, or an empty string.
QString makeSelfSignedCertificate(const QString &certFile, const QString &keyFile);

} // namespace ApiAccess::Testing
