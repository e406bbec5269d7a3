#include "api/SystemCaCertificates.h"

#include <QDir>
#include <QPromise>
#include <QSslConfiguration>
#include <QThreadPool>

#include <memory>

namespace ApiAccess {

namespace {

QString &replacementDirectory()
{
    static QString directory;
    return directory;
}

QList<QSslCertificate> readStore(const QString &replacement)
{
    if (replacement.isEmpty())
        return QSslConfiguration::systemCaCertificates();
    return QSslCertificate::fromPath(QDir(replacement).filePath(QStringLiteral("*.pem")), QSsl::Pem,
                                     QSslCertificate::PatternSyntax::Wildcard);
}

} // namespace

void setSystemCaDirectoryForTesting(const QString &directory)
{
    replacementDirectory() = directory;
}

bool systemCaDirectoryReplaced()
{
    return !replacementDirectory().isEmpty();
}

QFuture<QList<QSslCertificate>> systemCaCertificates()
{
    static const QFuture<QList<QSslCertificate>> loaded = [] {
        auto promise = std::make_shared<QPromise<QList<QSslCertificate>>>();
        QFuture<QList<QSslCertificate>> future = promise->future();
        promise->start();
        QThreadPool::globalInstance()->start([promise, replacement = replacementDirectory()] {
            promise->addResult(readStore(replacement));
            promise->finish();
        });
        return future;
    }();
    return loaded;
}

} // namespace ApiAccess
