#pragma once

#include <QDialog>
#include <QString>

class QLabel;
class QProgressBar;
class QPushButton;

namespace ApiAccess {

// Progress of an action on many tokens: what is being done to which token,
// how many of how many, and Stop (after the current one). Unlike
// QProgressDialog, setProgress() never runs the event loop, so it is safe
// to call from a network callback. Window-modal; open(), never exec().
class BulkProgressDialog : public QDialog
{
    Q_OBJECT

public:
    BulkProgressDialog(const QString &title, int total, QWidget *parent);

    void setProgress(int done, const QString &text);
    QPushButton *stopButton() const { return m_stop; }

Q_SIGNALS:
    void stopRequested();

protected:
    void reject() override; // Escape and closing mean Stop, not "vanish"

private:
    QLabel *m_text = nullptr;
    QProgressBar *m_bar = nullptr;
    QPushButton *m_stop = nullptr;
};

} // namespace ApiAccess
