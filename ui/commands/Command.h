#pragma once

#include <QObject>

namespace ApiAccess {

// One user action (Kleopatra's pattern): it owns its dialog and its network
// call, and ends with exactly one of finished() or canceled(). Views only
// create and start commands, so actions are testable without the main window.
// A command deletes itself after it has ended (deleteLater).
class Command : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    virtual void start() = 0;

Q_SIGNALS:
    void finished();
    void canceled();
    // A one-line status for the status bar ("Token created", "Copying token…").
    void statusMessage(const QString &text);
};

} // namespace ApiAccess
