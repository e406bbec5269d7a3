#pragma once

#include <QObject>

namespace ApiAccess {

// One user action (Kleopatra's pattern): it owns its dialog and its network
// call, and ends with exactly one of finished() or canceled(). Views only
// create and start commands, so actions are testable without the main window.
// A command deletes itself after it has ended (deleteLater).
//
// A command whose request the server refused with 401 (the session ended)
// does not end: it calls waitForSignIn(), which emits waitingForSignIn(), and
// keeps its dialog and input. The window signs in again and then calls
// resumeAfterSignIn(), which repeats the refused request (resumeRequest()),
// or abandonAfterSignIn() when the admin gave up or signed in elsewhere
// (abandonRequest()).
class Command : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    virtual void start() = 0;
    // Each does nothing unless the command is waiting for a sign-in.
    void resumeAfterSignIn();
    void abandonAfterSignIn();

protected:
    // Ends the command once: aboutToEnd(), then finished() or canceled(),
    // then deleteLater(). Later calls do nothing.
    void end(bool success);
    bool hasEnded() const { return m_ended; }
    // Cleanup of a subclass before the end signal (its dialog, a row mark).
    virtual void aboutToEnd(bool success) { Q_UNUSED(success) }

    // The server refused the request with 401: wait for the window's sign-in.
    void waitForSignIn();
    bool isWaitingForSignIn() const { return m_waitingForSignIn; }
    // Repeat the refused request / give it up (the command may end).
    virtual void resumeRequest() { }
    virtual void abandonRequest() { }

Q_SIGNALS:
    void finished();
    void canceled();
    void waitingForSignIn();
    // A one-line status for the status bar ("Token created", "Copying token…").
    void statusMessage(const QString &text);

private:
    bool m_ended = false;
    bool m_waitingForSignIn = false;
};

} // namespace ApiAccess
