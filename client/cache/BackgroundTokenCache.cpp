#include "cache/BackgroundTokenCache.h"

#include <QMetaObject>
#include <QThread>

#include <deque>
#include <mutex>

namespace ApiAccess {

namespace {

struct Job
{
    enum class Kind { Open, Save, Touch, Erase, Close };
    Kind kind = Kind::Close;
    QString path;
    TokenListCache::Snapshot snapshot; // Save
    QDateTime savedAt; // Touch
};

bool isWrite(const Job &job)
{
    return job.kind == Job::Kind::Save || job.kind == Job::Kind::Touch;
}

} // namespace

// Lives on the cache's thread; the owner only queues jobs.
class BackgroundTokenCache::Worker : public QObject
{
public:
    explicit Worker(BackgroundTokenCache &owner)
        : m_owner(owner)
    { }

    // From the owner's thread. True when the worker must be woken.
    bool queue(Job job)
    {
        const std::lock_guard lock(m_mutex);
        if (isWrite(job) && !m_jobs.empty() && isWrite(m_jobs.back())) {
            // Not started yet: the newer list (or time) replaces it.
            Job &pending = m_jobs.back();
            if (job.kind == Job::Kind::Touch && pending.kind == Job::Kind::Save)
                pending.snapshot.savedAt = job.savedAt;
            else
                pending = std::move(job);
        } else {
            m_jobs.push_back(std::move(job));
        }
        if (m_draining)
            return false;
        m_draining = true;
        return true;
    }

    void setRowHook(TokenListCache::RowHook hook)
    {
        const std::lock_guard lock(m_mutex);
        m_rowHook = std::move(hook);
    }

    // On the cache's thread: everything queued, oldest first.
    void drain()
    {
        for (;;) {
            Job job;
            {
                const std::lock_guard lock(m_mutex);
                if (m_jobs.empty()) {
                    m_draining = false;
                    return;
                }
                job = std::move(m_jobs.front());
                m_jobs.pop_front();
            }
            run(job);
        }
    }

    void stop()
    {
        drain();
        m_cache.reset(); // its connection belongs to this thread
        QThread::currentThread()->quit();
    }

private:
    void run(Job &job)
    {
        switch (job.kind) {
        case Job::Kind::Open:
            return open(job.path);
        case Job::Kind::Save:
        case Job::Kind::Touch:
            return write(job);
        case Job::Kind::Erase:
            if (m_cache && m_cache->filePath() == job.path)
                m_cache.reset();
            (void)TokenListCache(job.path).erase();
            return;
        case Job::Kind::Close:
            m_cache.reset();
            return;
        }
    }

    void open(const QString &path)
    {
        m_cache = std::make_unique<TokenListCache>(path);
        {
            const std::lock_guard lock(m_mutex);
            if (m_rowHook)
                m_cache->setRowWrittenHookForTesting(m_rowHook);
        }
        Opened result;
        result.path = path;
        result.available = m_cache->open();
        if (result.available) {
            result.outcome = m_cache->outcome();
            result.reason = m_cache->reason();
            result.snapshot = m_cache->load();
        } else {
            result.error = m_cache->errorString();
            m_cache.reset();
        }
        deliver([result = std::move(result)](BackgroundTokenCache &owner) {
            Q_EMIT owner.opened(result);
        });
    }

    void write(const Job &job)
    {
        if (!m_cache)
            return; // no file (it could not be opened): nothing to keep up to date
        const bool ok =
            job.kind == Job::Kind::Save ? m_cache->save(job.snapshot) : m_cache->touch(job.savedAt);
        deliver([path = m_cache->filePath(), ok, error = ok ? QString() : m_cache->errorString()](
                    BackgroundTokenCache &owner) { Q_EMIT owner.saved(path, ok, error); });
    }

    template<typename F>
    void deliver(F &&emitOn)
    {
        // Runs on the owner's thread. The owner outlives this thread (its
        // destructor joins it), and Qt drops what is still queued for it
        // when it goes.
        QMetaObject::invokeMethod(
            &m_owner, [owner = &m_owner, emitOn = std::forward<F>(emitOn)] { emitOn(*owner); },
            Qt::QueuedConnection);
    }

    BackgroundTokenCache &m_owner;
    std::unique_ptr<TokenListCache> m_cache;

    std::mutex m_mutex; // guards what follows
    std::deque<Job> m_jobs;
    bool m_draining = false; // a drain() is queued or running
    TokenListCache::RowHook m_rowHook;
};

BackgroundTokenCache::BackgroundTokenCache(QObject *parent)
    : QObject(parent)
    , m_worker(std::make_unique<Worker>(*this))
    , m_thread(new QThread(this))
{
    m_thread->setObjectName(QStringLiteral("apiaccess-cache"));
    m_worker->moveToThread(m_thread);
    m_thread->start(QThread::LowPriority);
}

BackgroundTokenCache::~BackgroundTokenCache()
{
    // What was asked is done (a list being saved is not lost), then the
    // thread ends; queued after every drain, so it runs last.
    QMetaObject::invokeMethod(
        m_worker.get(), [worker = m_worker.get()] { worker->stop(); }, Qt::QueuedConnection);
    m_thread->wait();
}

void BackgroundTokenCache::open(const QString &path)
{
    if (m_worker->queue(Job{Job::Kind::Open, path, {}, {}}))
        post();
}

void BackgroundTokenCache::save(TokenListCache::Snapshot snapshot)
{
    if (m_worker->queue(Job{Job::Kind::Save, {}, std::move(snapshot), {}}))
        post();
}

void BackgroundTokenCache::touch(const QDateTime &savedAt)
{
    if (m_worker->queue(Job{Job::Kind::Touch, {}, {}, savedAt}))
        post();
}

void BackgroundTokenCache::erase(const QString &path)
{
    if (m_worker->queue(Job{Job::Kind::Erase, path, {}, {}}))
        post();
}

void BackgroundTokenCache::close()
{
    if (m_worker->queue(Job{Job::Kind::Close, {}, {}, {}}))
        post();
}

void BackgroundTokenCache::setRowWrittenHookForTesting(TokenListCache::RowHook hook)
{
    m_worker->setRowHook(std::move(hook));
}

void BackgroundTokenCache::post()
{
    QMetaObject::invokeMethod(
        m_worker.get(), [worker = m_worker.get()] { worker->drain(); }, Qt::QueuedConnection);
}

} // namespace ApiAccess
