#include "TestCertificates.h"

#include <QProcess>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace ApiAccess::Testing {

QString makeSelfSignedCertificate(const QString &certFile, const QString &keyFile)
{
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    if (openssl.isEmpty())
        return u"the openssl command line tool is missing: scripts/test must install it "
               "(Debian package openssl) for the TLS tests"_s;
    QProcess generate;
    generate.start(openssl,
                   {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                    u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s, u"-days"_s, u"1"_s, u"-subj"_s,
                    u"/CN=127.0.0.1"_s, u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s,
                    u"-keyout"_s, keyFile, u"-out"_s, certFile});
    if (!generate.waitForFinished(30'000) || generate.exitStatus() != QProcess::NormalExit
        || generate.exitCode() != 0)
        return u"openssl req failed: "_s + QString::fromLocal8Bit(generate.readAllStandardError());
    return {};
}

} // namespace ApiAccess::Testing
