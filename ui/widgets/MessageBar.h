#pragma once

#include <QFrame>
#include <QList>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QToolButton;

namespace ApiAccess {

// A banner above a page or in a dialog, like KDE's KMessageWidget: an icon
// and a tint that say how serious the message is, the text (plain text,
// word-wrapped, never elided), optional action buttons and a close button.
//
// Nothing is hard-coded: the icon is the style's message-box icon of the
// severity, and the tint and the stripe on the leading edge are that
// icon's own colour blended into the palette's window colour, so light,
// dark and high-contrast palettes (and platform icon themes) each get their
// own; a monochrome icon theme falls back to distinct palette colours. The
// text keeps the palette's window text colour.
//
// Accessibility: the bar is a Notification (LiveRegion) whose name is the
// text, with "Error:" or "Warning:" before it where that is the severity;
// showing it announces it unless the caller says otherwise.
class MessageBar : public QFrame
{
    Q_OBJECT

public:
    enum class Severity { Information, Success, Warning, Error };
    Q_ENUM(Severity)

    explicit MessageBar(QWidget *parent = nullptr);
    ~MessageBar() override;

    // Shows `text` with `severity`, replacing what was shown; the action
    // buttons added stay unless clearActions() ran. (hide() hides it.)
    void showMessage(Severity severity, const QString &text, bool announce = true);
    // Hides the bar when the close button is pressed (default true).
    void setClosable(bool closable);

    // Adds a push button after the text; `objectName` for tests.
    QPushButton *addAction(const QString &text, const QString &objectName);
    void clearActions();
    QList<QPushButton *> actions() const { return m_actions; }

    Severity severity() const { return m_severity; }
    QString text() const;
    QLabel *textLabel() const { return m_text; }
    QToolButton *closeButton() const { return m_close; }

    // The colour the bar tints itself with for `severity` (see the class
    // comment).
    QColor accentColor(Severity severity) const;

Q_SIGNALS:
    void closed();

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applySeverity();

    Severity m_severity = Severity::Information;
    QColor m_accent; // accentColor(m_severity), kept for painting
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QHBoxLayout *m_actionsLayout = nullptr;
    QToolButton *m_close = nullptr;
    QList<QPushButton *> m_actions;
};

} // namespace ApiAccess
