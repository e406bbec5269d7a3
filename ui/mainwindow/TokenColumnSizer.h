#pragma once

#include <QHash>
#include <QObject>
#include <QTimer>
#include <QVector>

class QTableView;

namespace ApiAccess {

class TokenRowDelegate;
class TokenTableModel;

// Sizes the API Tokens table's columns so that nothing clips, whatever is
// loaded, filtered or scrolled to, and the widths do not jump:
// - Name takes the room that is left (long names are elided, their tooltip
//   is the whole name);
// - every other column is as wide as its header and the widest text it can
//   show, measured over all tokens of the model, not the rows the filter
//   lets through: the Token column fits the masked id beside the Copy
//   button; Access level, Created and Last used fit every text they can
//   show at all; Status and Allowed IP Ranges fit the texts the tokens
//   have (the ranges up to a cap: the tooltip lists them all);
// - when the window is too narrow for all of that, the least needed
//   columns give way (Created, then Last used, then Allowed IP Ranges,
//   then Access level), so Name stays readable and Actions stays in view.
//
// Measuring 100,000 tokens takes a while, so it runs in slices between
// events, one pass for any number of changes that come together; until it
// ends, the columns keep their last widths. The first list a session loads
// is measured at once when one slice covers it, so its first paint is
// right; "Disabling…" on the rows of a bulk action widens Status at once.
class TokenColumnSizer : public QObject
{
    Q_OBJECT

public:
    TokenColumnSizer(QTableView *view, TokenTableModel *model, TokenRowDelegate *delegate,
                     QObject *parent = nullptr);
    ~TokenColumnSizer() override;

    // The width a column needs (header and contents), -1 for Name.
    int neededWidth(int column) const;
    // The narrowest the Name column gets before others give way.
    int minimumNameWidth() const;
    // Measures everything now and applies it (tests; the style changed).
    void updateNow();
    bool isMeasuring() const { return m_scanRow >= 0; }

Q_SIGNALS:
    // The widths or the hidden columns changed.
    void columnsChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void scheduleScan();
    void startScan();
    void measureNow();
    void measureRows(int first, int last);
    void scanSlice();
    int statusExtra() const;
    int idWidth(const QString &maskedId);
    int advancesWidth(const QString &text);
    int charAdvance(QChar c);
    void measureFixedColumns();
    void apply();
    void fitToViewport();
    int textWidth(const QString &text);
    int cellPadding() const;

    QTableView *m_view;
    TokenTableModel *m_model;
    TokenRowDelegate *m_delegate;
    QVector<int> m_needed; // per column
    QHash<QString, int> m_textWidths; // cache, cleared when the font changes
    QHash<QChar, int> m_charAdvance; // advances of the characters ids and ranges use
    // The scan over the model: the next row, or -1 when idle.
    int m_scanRow = -1;
    bool m_rescan = false; // a change came during the pass
    int m_scanStatus = 0;
    int m_scanRanges = 0;
    int m_scanToken = 0;
    int m_copyButtonRoom = 0; // beside the id: padding and the Copy button
    QTimer m_sliceTimer;
};

} // namespace ApiAccess
