#include "TestCertificates.h"

#include <QProcess>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace ApiAccess::Testing {

namespace {

// Runs the openssl tool; an error message, or empty with its output in `out`.
QString runOpenssl(const QStringList &arguments, QByteArray *out = nullptr)
{
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    if (openssl.isEmpty())
        return u"the openssl command line tool is missing: scripts/test must install it "
               "(Debian package openssl) for the TLS tests"_s;
    QProcess process;
    process.start(openssl, arguments);
    if (!process.waitForFinished(30'000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0)
        return u"openssl %1 failed: "_s.arg(arguments.value(0))
            + QString::fromLocal8Bit(process.readAllStandardError());
    if (out)
        *out = process.readAllStandardOutput();
    return {};
}

const QStringList kNewKey = {
    u"-newkey"_s, u"ec"_s,    u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s,
    u"-nodes"_s,  u"-days"_s, u"1"_s};
const QStringList kFor127001 = {u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s,
                                u"subjectAltName=IP:127.0.0.1"_s};

} // namespace

QString makeSelfSignedCertificate(const QString &certFile, const QString &keyFile)
{
    return runOpenssl(QStringList{u"req"_s, u"-x509"_s} + kNewKey + kFor127001
                      + QStringList{u"-keyout"_s, keyFile, u"-out"_s, certFile});
}

QString makeCertificateAuthority(const QString &commonName, const QString &certFile,
                                 const QString &keyFile)
{
    return runOpenssl(QStringList{u"req"_s, u"-x509"_s} + kNewKey
                      + QStringList{u"-subj"_s, u"/CN="_s + commonName, u"-addext"_s,
                                    u"basicConstraints=critical,CA:TRUE"_s, u"-addext"_s,
                                    u"keyUsage=critical,keyCertSign,cRLSign"_s, u"-keyout"_s,
                                    keyFile, u"-out"_s, certFile});
}

QString makeServerCertificate(const QString &caCertFile, const QString &caKeyFile,
                              const QString &certFile, const QString &keyFile)
{
    return runOpenssl(
        QStringList{u"req"_s, u"-x509"_s, u"-CA"_s, caCertFile, u"-CAkey"_s, caKeyFile} + kNewKey
        + kFor127001
        + QStringList{u"-addext"_s, u"basicConstraints=critical,CA:FALSE"_s, u"-keyout"_s, keyFile,
                      u"-out"_s, certFile});
}

QString subjectHash(const QString &certFile)
{
    QByteArray out;
    if (!runOpenssl({u"x509"_s, u"-hash"_s, u"-noout"_s, u"-in"_s, certFile}, &out).isEmpty())
        return {};
    return QString::fromLatin1(out.trimmed());
}

} // namespace ApiAccess::Testing
