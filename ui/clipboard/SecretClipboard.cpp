#include "clipboard/SecretClipboard.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QGuiApplication>
#include <QMimeData>

using namespace Qt::StringLiterals;

namespace ApiAccess {

namespace {

QByteArray hashOf(const QString &text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}

QClipboard *systemClipboard()
{
    return QGuiApplication::clipboard();
}

} // namespace

SecretClipboard::SecretClipboard(QObject *parent)
    : QObject(parent)
{
    m_tick.setInterval(1000);
    m_tick.setTimerType(Qt::CoarseTimer);
    connect(&m_tick, &QTimer::timeout, this, &SecretClipboard::onTick);
    connect(systemClipboard(), &QClipboard::dataChanged, this,
            &SecretClipboard::onClipboardChanged);
    // On quit, not only on destruction: the owner may outlive the event loop
    // or never be destroyed at all.
    connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, this,
            &SecretClipboard::onAboutToQuit);
}

SecretClipboard::~SecretClipboard()
{
    clearIfUnchanged(false);
}

void SecretClipboard::setTimeout(int seconds)
{
    m_timeoutSeconds = qMax(0, seconds);
}

void SecretClipboard::copySecret(const QByteArray &secret)
{
    const QString text = QString::fromUtf8(secret);
    auto *mime = new QMimeData;
    mime->setText(text);
    // Sensitivity hints, after KeePassXC. Klipper and other X11/Wayland
    // managers skip data marked as a secret.
    mime->setData(u"x-kde-passwordManagerHint"_s, QByteArrayLiteral("secret"));
    // Windows: keep it out of clipboard monitors, the clipboard history
    // (Win+V) and the cloud clipboard. Each is a DWORD; harmless elsewhere,
    // so set always and testable on every platform.
    const QByteArray zeroDword(4, '\0');
    mime->setData(u"ExcludeClipboardContentFromMonitorProcessing"_s, zeroDword);
    mime->setData(u"CanIncludeInClipboardHistory"_s, zeroDword);
    mime->setData(u"CanUploadToCloudClipboard"_s, zeroDword);
#ifdef Q_OS_MACOS
    // The nspasteboard.org concealed type carries the data itself, so only
    // where a pasteboard manager reads it: elsewhere it would be a second
    // copy of the secret for nothing.
    mime->setData(u"application/x-nspasteboard-concealed-type"_s, secret);
#endif

    m_secretHash = hashOf(text);
    m_settingClipboard = true;
    systemClipboard()->setMimeData(mime, QClipboard::Clipboard);
    m_settingClipboard = false;

    m_secondsLeft = m_timeoutSeconds;
    if (m_timeoutSeconds > 0)
        m_tick.start();
    else
        m_tick.stop();
    Q_EMIT copied();
    Q_EMIT countdownChanged(m_secondsLeft);
    Q_EMIT statusTextChanged(statusText());
}

void SecretClipboard::clearNow()
{
    clearIfUnchanged(true);
}

QString SecretClipboard::statusText() const
{
    if (!holdsSecret())
        return QString();
    if (m_secondsLeft > 0)
        return tr("Token copied — clipboard clears in %1 s").arg(QString::number(m_secondsLeft));
    return tr("Token copied");
}

void SecretClipboard::onTick()
{
    if (!holdsSecret()) {
        m_tick.stop();
        return;
    }
    --m_secondsLeft;
    if (m_secondsLeft > 0) {
        Q_EMIT countdownChanged(m_secondsLeft);
        Q_EMIT statusTextChanged(statusText());
        return;
    }
    clearIfUnchanged(true); // says countdownChanged(0)
}

void SecretClipboard::onClipboardChanged()
{
    // Noticing a replacement early stops a countdown that would otherwise
    // tell the admin a stale story; clearing stays safe either way, because
    // clearIfUnchanged() compares again.
    if (m_settingClipboard || !holdsSecret())
        return;
    if (!clipboardStillHoldsSecret()) {
        forget();
        Q_EMIT replacedByUser();
        Q_EMIT countdownChanged(0);
        Q_EMIT statusTextChanged(statusText());
    }
}

void SecretClipboard::onAboutToQuit()
{
    clearIfUnchanged(true);
}

bool SecretClipboard::clipboardStillHoldsSecret() const
{
    const QMimeData *current = systemClipboard()->mimeData(QClipboard::Clipboard);
    if (!current || !current->hasText())
        return false;
    return hashOf(current->text()) == m_secretHash;
}

void SecretClipboard::clearIfUnchanged(bool notify)
{
    // No application, no clipboard to clear (a destructor run after it).
    if (!holdsSecret() || !QGuiApplication::instance())
        return;
    const bool ours = clipboardStillHoldsSecret();
    forget();
    if (ours) {
        m_settingClipboard = true;
        systemClipboard()->clear(QClipboard::Clipboard);
        m_settingClipboard = false;
    }
    if (!notify)
        return;
    if (ours)
        Q_EMIT cleared();
    else
        Q_EMIT replacedByUser();
    Q_EMIT countdownChanged(0);
    Q_EMIT statusTextChanged(statusText());
}

void SecretClipboard::forget()
{
    m_tick.stop();
    m_secretHash.clear();
    m_secondsLeft = 0;
}

} // namespace ApiAccess
