#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>

namespace ApiAccess {

// The one place a secret reaches the system clipboard (STYLE.md, after
// KeePassXC). It marks the data as sensitive for clipboard managers and
// history, counts down, and then clears the clipboard, but only if the
// clipboard still holds what it put there: whatever the admin copied since
// is theirs. It keeps a hash of the secret to tell, never the secret.
class SecretClipboard : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultTimeoutSeconds = 30;

    explicit SecretClipboard(QObject *parent = nullptr);
    // Clears the clipboard if it still holds our secret: an owner going away
    // must not leave a token behind for the rest of the session.
    ~SecretClipboard() override;

    // Seconds until the clipboard is cleared; 0 means never. Applies to the
    // next copy.
    void setTimeout(int seconds);
    int timeout() const { return m_timeoutSeconds; }

    void copySecret(const QByteArray &secret);
    // Clears now, if the clipboard still holds the secret; stops the countdown.
    void clearNow();

    // True from a copy until it is cleared or replaced.
    bool holdsSecret() const { return !m_secretHash.isEmpty(); }
    // 0 when not counting down (nothing copied, or a timeout of 0).
    int secondsLeft() const { return m_secondsLeft; }
    // For the status bar: "Token copied — clipboard clears in 30 s"; empty
    // when nothing of ours is on the clipboard.
    QString statusText() const;

Q_SIGNALS:
    void copied();
    void countdownChanged(int secondsLeft);
    void statusTextChanged(const QString &text);
    // We removed the secret from the clipboard.
    void cleared();
    // Something else is on the clipboard now; we leave it alone.
    void replacedByUser();

private:
    void onTick();
    void onClipboardChanged();
    void onAboutToQuit();
    bool clipboardStillHoldsSecret() const;
    void clearIfUnchanged(bool notify);
    void forget();

    QTimer m_tick{this}; // a child, so tests can see whether a countdown runs
    QByteArray m_secretHash; // SHA-256 of the text we set; empty = nothing of ours
    int m_timeoutSeconds = kDefaultTimeoutSeconds;
    int m_secondsLeft = 0;
    bool m_settingClipboard = false;
};

} // namespace ApiAccess
