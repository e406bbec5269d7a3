#pragma once

#include <QScrollArea>

class QLabel;

namespace ApiAccess {

// Holds a word-wrapped feedback label (one line per problem) at the height
// its text needs, up to `maxLines` lines; beyond that it scrolls, so that a
// list of 256 IP ranges with a problem each cannot push a dialog past the
// bottom of the screen, and Tab can reach it to scroll from the keyboard.
// Laid out height-for-width like the label itself.
class FeedbackScroller : public QScrollArea
{
    Q_OBJECT

public:
    FeedbackScroller(QLabel *label, int maxLines, QWidget *parent = nullptr);
    ~FeedbackScroller() override;

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    int cap() const;

    QLabel *m_label;
    int m_maxLines;
};

} // namespace ApiAccess
