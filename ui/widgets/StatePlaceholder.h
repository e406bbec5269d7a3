#pragma once

#include <QIcon>
#include <QWidget>

class QLabel;
class QPushButton;

namespace ApiAccess {

// What a list shows instead of a blank area when it has nothing to show:
// an icon, a title that says what the state is ("No tokens yet"), a line
// that says why or what to do, and at most one button that does it
// ("Create API token"). Centred, word-wrapped, never clipped.
//
// Accessibility: a grouping named by the title and described by the
// text, so a screen reader that lands in the empty area hears both; the
// button has its own name.
class StatePlaceholder : public QWidget
{
    Q_OBJECT

public:
    explicit StatePlaceholder(QWidget *parent = nullptr);
    ~StatePlaceholder() override;

    // An empty `buttonText` hides the button.
    void setState(const QIcon &icon, const QString &title, const QString &text,
                  const QString &buttonText);

    QString title() const;
    QString text() const;
    QPushButton *button() const { return m_button; }

Q_SIGNALS:
    void buttonClicked();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateIcon();

    QIcon m_iconSource;
    QLabel *m_icon = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_button = nullptr;
};

} // namespace ApiAccess
