#pragma once

#include <QObject>

class QWidget;

namespace ApiAccess {

// Keeps a dialog exactly as tall as its contents need at its current width,
// from the same event that changed them: a feedback line that wraps, a
// section that opens, an error bar that appears. Word-wrapped labels are
// laid out for the real width (height for width), so no sentence is cut
// off and no empty band is left below the buttons; the admin may make the
// dialog wider (never narrower than its contents allow), and the height
// follows.
//
// Qt's own QLayout::SetFixedSize does not do this: it sizes word-wrapped
// labels for a guessed width and clips them when the guess is wrong.
class ContentFit : public QObject
{
    Q_OBJECT

public:
    // `window` must have a layout. `preferredWidthInChars` is its starting
    // width in average characters of its font (so 200 % text scales it).
    ContentFit(QWidget *window, int preferredWidthInChars);
    ~ContentFit() override;

    // Refits now (the layout has been invalidated by the caller or not).
    void refit();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_window;
    bool m_fitting = false;
};

} // namespace ApiAccess
