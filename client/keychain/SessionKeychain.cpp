#include "keychain/SessionKeychain.h"

#include "keychain/KeychainDiagnosis.h"
#include "keychain/SessionEntry.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace ApiAccess {

Q_LOGGING_CATEGORY(lcKeychain, "apiaccess.client.keychain")

struct SessionKeychain::Call
{
    QPointer<QObject> context;
    Deliver deliver; // empty once settled: whichever of answer and timeout came first
};

SessionKeychain::SessionKeychain(QObject *parent)
    : SessionKeychain(u"io.github.apiaccess.Studio"_s, parent)
{ }

SessionKeychain::SessionKeychain(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{ }

SessionKeychain::~SessionKeychain() = default;

QString SessionKeychain::entryKey(const QString &profileId)
{
    return u"profile/"_s + profileId;
}

void SessionKeychain::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = std::max(timeout, std::chrono::milliseconds(0));
}

void SessionKeychain::store(const QString &profileId, const StoredSession &session,
                            QObject *context, std::function<void(KeychainResult)> done)
{
    Deliver deliver = [done = std::move(done)](const KeychainResult &result, QKeychain::Job *) {
        done(result);
    };
    const std::optional<QByteArray> entry = SessionEntry::encode(session);
    if (!entry)
        return reject(tr("The session is incomplete and was not saved."), context,
                      std::move(deliver));
    auto *job = new QKeychain::WritePasswordJob(m_service);
    // Shared with the job, which frees it when it is done; no copy of ours stays.
    job->setBinaryData(*entry);
    run(job, profileId, context, std::move(deliver));
}

void SessionKeychain::load(const QString &profileId, QObject *context,
                           std::function<void(std::optional<StoredSession>, KeychainResult)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    run(job, profileId, context,
        [done = std::move(done)](const KeychainResult &result, QKeychain::Job *answered) {
            if (result.status != KeychainStatus::Ok)
                return done(std::nullopt, result);
            // binaryData() shares the job's buffer, which goes with the job
            // (QtKeychain's to free): wiping here would only wipe a copy.
            auto session = SessionEntry::decode(
                static_cast<QKeychain::ReadPasswordJob *>(answered)->binaryData());
            if (!session)
                return done(std::nullopt,
                            {KeychainStatus::Failed,
                             tr("The saved session in the keychain could not be read; "
                                "you will have to sign in again.")});
            done(std::move(session), result);
        });
}

void SessionKeychain::remove(const QString &profileId, QObject *context,
                             std::function<void(KeychainResult)> done)
{
    // libsecret reports no error for a missing item (Ok, as promised), nor
    // for one left in place because the keyring stayed locked: run() has
    // KeychainDiagnosis tell the two apart.
    run(new QKeychain::DeletePasswordJob(m_service), profileId, context,
        [done = std::move(done)](const KeychainResult &result, QKeychain::Job *) { done(result); });
}

// The job gets no parent and deletes itself when it finishes: libsecret
// holds a raw pointer to it until then, so it must outlive a timeout and
// even this object.
void SessionKeychain::run(QKeychain::Job *job, const QString &profileId, QObject *context,
                          Deliver deliver)
{
    if (profileId.isEmpty()) {
        delete job; // never started
        return reject(tr("No connection profile was named."), context, std::move(deliver));
    }
    auto call = std::make_shared<Call>(Call{context, std::move(deliver)});
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never QSettings in plain text
    job->setKey(entryKey(profileId));
    connect(job, &QKeychain::Job::finished, this, [this, call](QKeychain::Job *answered) {
        // A delete from a locked keyring also ends without an error.
        if (answered->error() == QKeychain::NoError
            && !qobject_cast<QKeychain::DeletePasswordJob *>(answered))
            return settle(call, {}, answered);
        KeychainDiagnosis::diagnose(
            answered->error(), answered->errorString(), this,
            [this, call](const KeychainResult &result) { settle(call, result, nullptr); });
    });
    QTimer::singleShot(m_timeout, this, [this, call, after = m_timeout] {
        if (call->deliver)
            qCInfo(lcKeychain) << "keychain job timed out after" << after.count() << "ms";
        settle(call, KeychainDiagnosis::timedOut(after), nullptr);
    });
    job->start();
}

void SessionKeychain::reject(const QString &message, QObject *context, Deliver deliver)
{
    auto call = std::make_shared<Call>(Call{context, std::move(deliver)});
    QMetaObject::invokeMethod(
        this,
        [this, call, message] {
            settle(call, {KeychainStatus::Failed, message}, nullptr);
        },
        Qt::QueuedConnection);
}

void SessionKeychain::settle(const std::shared_ptr<Call> &call, const KeychainResult &result,
                             QKeychain::Job *answered)
{
    Deliver deliver = std::exchange(call->deliver, {});
    if (!deliver)
        return;
    const QPointer<QObject> context = call->context;
    if (result.status == KeychainStatus::Unavailable
        && !std::exchange(m_announcedUnavailable, true))
        Q_EMIT unavailable(result.message); // may delete this: touch no member after it
    if (context)
        deliver(result, answered);
}

} // namespace ApiAccess
