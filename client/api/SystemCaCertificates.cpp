#include "api/SystemCaCertificates.h"

#include <QPromise>
#include <QSslConfiguration>
#include <QThreadPool>

#include <memory>

namespace ApiAccess {

QFuture<QList<QSslCertificate>> systemCaCertificates()
{
    static const QFuture<QList<QSslCertificate>> loaded = [] {
        auto promise = std::make_shared<QPromise<QList<QSslCertificate>>>();
        QFuture<QList<QSslCertificate>> future = promise->future();
        promise->start();
        QThreadPool::globalInstance()->start([promise] {
            promise->addResult(QSslConfiguration::systemCaCertificates());
            promise->finish();
        });
        return future;
    }();
    return loaded;
}

} // namespace ApiAccess
