#pragma once

#include "wire/Token.h"
#include "wire/TokenInput.h"

#include <QDialog>
#include <QList>
#include <QString>
#include <QStringList>

class QCommandLinkButton;
class QLabel;
class QPushButton;

namespace ApiAccess {

// "API token changed": a Save came back 412 because someone else changed the
// token while the admin was editing it. Shows what they changed, marks what
// the admin changed too, and lets the admin choose: Reload (their version,
// the admin's edits discarded), Overwrite (the admin's version saved over
// theirs) or Cancel (back to the edit dialog, nothing lost). The command
// that owns it acts on the choice; this dialog only reports it.
class ConflictDialog : public QDialog
{
    Q_OBJECT

public:
    // original: the token as it was when the admin opened Edit; theirs: as
    // it is on the server now; mine: the admin's pending changes
    // (TokenDialog::changes()). Window-modal, deletes itself when closed.
    ConflictDialog(const Token &original, const Token &theirs, const TokenUpdateInput &mine,
                   QWidget *parent);
    ~ConflictDialog() override;

    // One human line per field that differs between a and b, in the order
    // of the edit dialog: "Name: “A” → “B”", "Access level: Read-only →
    // Editorial", "Allowed IP Ranges: Any address → 10.0.0.0/8",
    // "Expires: Never → 27 Feb 2027", "Status: Active → Disabled".
    static QStringList differences(const Token &a, const Token &b);

    QPushButton *reloadButton() const; // objectName "reloadButton"
    QPushButton *overwriteButton() const; // objectName "overwriteButton"
    QPushButton *cancelButton() const; // objectName "cancelButton"

Q_SIGNALS:
    // Each just before the dialog closes; Cancel and Escape emit neither.
    void reloadRequested();
    void overwriteRequested();

private:
    enum class Field { Name, AccessLevel, AllowedIpRanges, ExpiresAt, Status };
    struct Difference
    {
        Field field;
        QString text;
    };
    static QList<Difference> differencesByField(const Token &a, const Token &b);
    static bool changes(const TokenUpdateInput &mine, Field field);
    void choose(void (ConflictDialog::*signal)());

    QCommandLinkButton *m_reload = nullptr;
    QCommandLinkButton *m_overwrite = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace ApiAccess
