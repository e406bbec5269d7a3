// studio_bench's eye in the programs whose cold start it measures, the real
// apiaccess-studio and the hello world alike, neither of which needs a line
// of code for it: a Qt generic plugin (QT_PLUGIN_PATH to the folder above
// generic/, QT_QPA_GENERIC_PLUGINS=studiobenchprobe:ROWS). When a
// QTableView's viewport has first painted at least ROWS rows (default 0)
// and that paint has been flushed, it prints one line and ends the process
// at once:
//
//   apiaccess-bench-first-paint NS ROWS VMHWM_KIB VMRSS_KIB
//
// NS is CLOCK_MONOTONIC (steady_clock) in ns, ROWS the rows of the view's
// model at that paint.

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QGenericPlugin>
#include <QTableView>
#include <QTimer>

#include <chrono>
#include <cstdio>
#include <unistd.h>

namespace {

qint64 statusKiB(const QByteArray &status, QByteArrayView field)
{
    for (const QByteArray &line : status.split('\n')) {
        if (line.startsWith(field) && line.mid(field.size()).startsWith(':'))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

class FirstPaintProbe : public QObject
{
public:
    explicit FirstPaintProbe(int minimumRows)
        : m_minimumRows(minimumRows)
    { }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (m_seen || event->type() != QEvent::Paint || !watched->isWidgetType())
            return false;
        auto *widget = static_cast<QWidget *>(watched);
        auto *view = qobject_cast<QTableView *>(widget->parentWidget());
        if (!view || view->viewport() != widget)
            return false;
        m_rows = view->model() ? view->model()->rowCount() : 0;
        if (m_rows < m_minimumRows)
            return false;
        m_seen = true;
        // Queued behind the paint pass this paint is part of, and its flush.
        QTimer::singleShot(0, this, &FirstPaintProbe::report);
        return false;
    }

private:
    void report()
    {
        const qint64 ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                              std::chrono::steady_clock::now().time_since_epoch())
                              .count();
        QFile file(QStringLiteral("/proc/self/status"));
        const QByteArray status = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        std::printf("apiaccess-bench-first-paint %lld %d %lld %lld\n", static_cast<long long>(ns),
                    m_rows, static_cast<long long>(statusKiB(status, "VmHWM")),
                    static_cast<long long>(statusKiB(status, "VmRSS")));
        std::fflush(stdout);
        ::_exit(0); // the measurement ends here; no shutdown to wait for
    }

    const int m_minimumRows;
    bool m_seen = false;
    int m_rows = 0;
};

} // namespace

class FirstPaintProbePlugin : public QGenericPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID QGenericPluginFactoryInterface_iid FILE "studio_bench_probe.json")

public:
    QObject *create(const QString &, const QString &specification) override
    {
        auto *probe = new FirstPaintProbe(specification.toInt());
        QCoreApplication::instance()->installEventFilter(probe);
        return probe;
    }
};

#include "studio_bench_probe.moc"
