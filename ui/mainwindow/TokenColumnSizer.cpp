#include "mainwindow/TokenColumnSizer.h"

#include "RelativeTime.h"
#include "TokenTableModel.h"
#include "access/AccessLevel.h"
#include "mainwindow/TokenRowDelegate.h"

#include <QEvent>
#include <QHeaderView>
#include <QRegularExpression>
#include <QStyle>
#include <QTableView>

#include <algorithm>
#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace ApiAccess {

namespace {

using Column = TokenTableModel::Column;

constexpr int kSliceRows = 2'000;
// Name keeps at least this many average characters before others give way.
constexpr int kNameMinimumChars = 22;
// The Allowed IP Ranges column grows to about an IPv6 network and a count.
constexpr QStringView kRangesCap = u"2001:db8:ffff:ffff::/64 +99";

// The order in which columns give way to a narrow window.
constexpr std::array kGiveWayOrder{Column::CreatedColumn, Column::LastUsedColumn,
                                   Column::AllowedIpRangesColumn, Column::AccessLevelColumn};

// Counts change ("in 3 minutes" to "in 59 minutes"): measure every run of
// up to two digits as the widest two, so a column does not twitch as time
// passes.
QString widestDigits(const QString &text)
{
    static const QRegularExpression digits(u"\\d{1,2}(?!\\d)"_s);
    QString copy = text;
    copy.replace(digits, u"88"_s);
    return copy;
}

// Every text RelativeTime can show for a past time, at its widest.
QStringList pastTimeTexts()
{
    const QDateTime now = QDateTime::currentDateTime();
    QStringList texts;
    for (const qint64 secondsAgo : {0LL, 60LL, 2 * 60LL, 59 * 60LL, 3600LL, 2 * 3600LL, 23 * 3600LL,
                                    30 * 3600LL, 3 * 86'400LL, 6 * 86'400LL})
        texts.append(RelativeTime::format(now.addSecs(-secondsAgo), now));
    // A date: the widest day and month numbers.
    texts.append(QLocale().toString(QDate(2088, 12, 28), QLocale::ShortFormat));
    return texts;
}

} // namespace

TokenColumnSizer::TokenColumnSizer(QTableView *view, TokenTableModel *model,
                                   TokenRowDelegate *delegate, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_model(model)
    , m_delegate(delegate)
    , m_needed(TokenTableModel::ColumnCount, 0)
{
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(0);
    for (int column = 0; column < TokenTableModel::ColumnCount; ++column)
        header->setSectionResizeMode(column, QHeaderView::Fixed);
    header->setSectionResizeMode(Column::NameColumn, QHeaderView::Stretch);

    m_sliceTimer.setSingleShot(true);
    m_sliceTimer.setInterval(0);
    connect(&m_sliceTimer, &QTimer::timeout, this, &TokenColumnSizer::scanSlice);

    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) {
                // The first list of a session, if one slice covers it, is
                // measured at once so that its first paint has the widths.
                if (first == 0 && last + 1 == m_model->rowCount() && last < kSliceRows)
                    measureNow();
                else
                    scheduleScan();
            });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &TokenColumnSizer::scheduleScan);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TokenColumnSizer::scheduleScan);
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight,
                   const QList<int> &roles) {
                // "Disabling…" on the rows of a bulk action: those rows only,
                // and only ever wider (not a pass over the list per row).
                if (roles.contains(TokenTableModel::OperationRole))
                    measureRows(topLeft.row(), bottomRight.row());
                else
                    scheduleScan();
            });
    m_view->installEventFilter(this);
    m_view->viewport()->installEventFilter(this);
    updateNow();
}

TokenColumnSizer::~TokenColumnSizer() = default;

int TokenColumnSizer::neededWidth(int column) const
{
    return column == Column::NameColumn ? -1 : m_needed.value(column);
}

int TokenColumnSizer::minimumNameWidth() const
{
    return m_view->fontMetrics().averageCharWidth() * kNameMinimumChars + cellPadding();
}

int TokenColumnSizer::cellPadding() const
{
    // What QStyledItemDelegate adds around a text, and a little air.
    const int margin = m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view);
    return 2 * (margin + 1) + 8;
}

int TokenColumnSizer::textWidth(const QString &text)
{
    const auto cached = m_textWidths.constFind(text);
    if (cached != m_textWidths.constEnd())
        return cached.value();
    const int width = m_view->fontMetrics().horizontalAdvance(text);
    m_textWidths.insert(text, width);
    return width;
}

void TokenColumnSizer::updateNow()
{
    m_textWidths.clear();
    m_charAdvance.clear();
    measureFixedColumns();
    measureNow();
}

void TokenColumnSizer::measureNow()
{
    m_sliceTimer.stop();
    m_rescan = false;
    startScan();
    while (m_scanRow >= 0)
        scanSlice();
}

void TokenColumnSizer::startScan()
{
    m_scanRow = 0;
    m_scanStatus = 0;
    m_scanRanges = 0;
    m_scanToken = 0;
}

void TokenColumnSizer::scheduleScan()
{
    // However many changes come in one go, one pass follows them; a change
    // during a pass makes it start again when it ends.
    if (m_scanRow >= 0) {
        m_rescan = true;
        return;
    }
    startScan();
    m_sliceTimer.start();
}

void TokenColumnSizer::measureRows(int first, int last)
{
    bool wider = false;
    for (int row = first; row <= last; ++row) {
        const int status =
            textWidth(widestDigits(m_model->index(row, Column::StatusColumn).data().toString()))
            + statusExtra();
        if (status > m_needed[Column::StatusColumn]) {
            m_needed[Column::StatusColumn] = status;
            wider = true;
        }
    }
    if (wider)
        apply();
}

int TokenColumnSizer::statusExtra() const
{
    // The status may carry an icon (expiring soon, disabled) before its text.
    return m_view->fontMetrics().height() + 4 + cellPadding();
}

int TokenColumnSizer::charAdvance(QChar c)
{
    const auto known = m_charAdvance.constFind(c);
    if (known != m_charAdvance.constEnd())
        return known.value();
    const int advance = m_view->fontMetrics().horizontalAdvance(c);
    m_charAdvance.insert(c, advance);
    return advance;
}

int TokenColumnSizer::idWidth(const QString &maskedId)
{
    // Ids are "tok_" and base32; measuring each as a whole for 100,000
    // tokens costs more than adding up the advances of its characters.
    const qsizetype masked = TokenTableModel::kMaskedIdLength;
    int width = textWidth(maskedId.mid(masked)) + textWidth(maskedId.left(4));
    for (qsizetype i = 4; i < std::min(masked, maskedId.size()); ++i)
        width += charAdvance(maskedId.at(i));
    return width + 2; // kerning between the parts
}

int TokenColumnSizer::advancesWidth(const QString &text)
{
    // Address ranges ("10.0.0.0/8 +2"): digits, dots, colons, hex letters,
    // which fonts do not kern. Shaping 100,000 different texts (and keeping
    // each width) cost more than the rest of the scan together.
    int width = 2; // the rounding of the advances
    for (const QChar c : text)
        width += charAdvance(c);
    return width;
}

void TokenColumnSizer::measureFixedColumns()
{
    QHeaderView *header = m_view->horizontalHeader();
    const int padding = cellPadding();
    const auto atLeastHeader = [header](int column, int width) {
        return std::max(width, header->sectionSizeHint(column));
    };

    // The Token column: the masked ids (scanned) beside the drawn Copy button.
    const int copy = m_delegate->copyButtonRect(QRect(0, 0, 1000, 24), m_view->viewport()).width();
    m_copyButtonRoom = padding + copy + 8;

    int levels = 0;
    for (const AccessLevel level : AccessLevels::all())
        levels = std::max(levels, textWidth(AccessLevels::displayName(level)));
    m_needed[Column::AccessLevelColumn] =
        atLeastHeader(Column::AccessLevelColumn, levels + padding);

    int times = 0;
    for (const QString &text : pastTimeTexts())
        times = std::max(times, textWidth(text));
    m_needed[Column::CreatedColumn] = atLeastHeader(Column::CreatedColumn, times + padding);
    const int never = textWidth(TokenTableModel::tr("Never"));
    m_needed[Column::LastUsedColumn] =
        atLeastHeader(Column::LastUsedColumn, std::max(times, never) + padding);

    const QRect actions = m_delegate->actionsButtonRect(
        QRect(0, 0, 1000, m_view->fontMetrics().height() + 10), m_view->viewport());
    m_needed[Column::ActionsColumn] =
        atLeastHeader(Column::ActionsColumn, actions.width() + padding);
}

void TokenColumnSizer::scanSlice()
{
    if (m_scanRow < 0)
        return;
    const int rows = m_model->rowCount();
    const int end = std::min(rows, m_scanRow + kSliceRows);
    for (int row = m_scanRow; row < end; ++row) {
        const QModelIndex status = m_model->index(row, Column::StatusColumn);
        m_scanStatus = std::max(m_scanStatus, textWidth(widestDigits(status.data().toString())));
        const QModelIndex ranges = m_model->index(row, Column::AllowedIpRangesColumn);
        m_scanRanges = std::max(m_scanRanges, advancesWidth(ranges.data().toString()));
        const QModelIndex id = m_model->index(row, Column::TokenColumn);
        m_scanToken = std::max(m_scanToken, idWidth(id.data().toString()));
    }
    if (end < rows) {
        m_scanRow = end;
        m_sliceTimer.start();
        return;
    }
    m_scanRow = -1;

    const int padding = cellPadding();
    QHeaderView *header = m_view->horizontalHeader();
    int status = m_scanStatus;
    for (const TokenStatus each :
         {TokenStatus::Active, TokenStatus::Disabled, TokenStatus::Expired})
        status = std::max(status, textWidth(TokenStatuses::displayName(each)));
    m_needed[Column::StatusColumn] =
        std::max(status + statusExtra(), header->sectionSizeHint(Column::StatusColumn));
    const int ranges =
        std::min(std::max(m_scanRanges, textWidth(TokenTableModel::rangesSummary({}))),
                 textWidth(kRangesCap.toString()));
    m_needed[Column::AllowedIpRangesColumn] =
        std::max(ranges + padding, header->sectionSizeHint(Column::AllowedIpRangesColumn));
    // Ids differ in width a little; an empty list keeps room for a typical one.
    const int id = m_scanToken > 0
        ? m_scanToken
        : m_view->fontMetrics().horizontalAdvance(TokenTableModel::maskedId(u"tok_abcd"_s));
    m_needed[Column::TokenColumn] =
        std::max(id + m_copyButtonRoom, header->sectionSizeHint(Column::TokenColumn));
    apply();
    if (std::exchange(m_rescan, false))
        scheduleScan();
}

void TokenColumnSizer::apply()
{
    QHeaderView *header = m_view->horizontalHeader();
    bool changed = false;
    for (int column = 0; column < TokenTableModel::ColumnCount; ++column) {
        if (column == Column::NameColumn || header->sectionSize(column) == m_needed[column])
            continue;
        header->resizeSection(column, m_needed[column]);
        changed = true;
    }
    fitToViewport();
    if (changed)
        Q_EMIT columnsChanged();
}

void TokenColumnSizer::fitToViewport()
{
    QHeaderView *header = m_view->horizontalHeader();
    const int available = m_view->viewport()->width();
    int fixed = 0;
    for (int column = 0; column < TokenTableModel::ColumnCount; ++column) {
        if (column != Column::NameColumn)
            fixed += m_needed[column];
    }
    // Show every column that fits, giving way in order until Name has its minimum.
    bool changed = false;
    int needed = fixed + minimumNameWidth();
    for (const Column column : kGiveWayOrder) {
        const bool hide = needed > available;
        if (hide)
            needed -= m_needed[column];
        if (header->isSectionHidden(column) != hide) {
            header->setSectionHidden(column, hide);
            changed = true;
        }
    }
    if (changed)
        Q_EMIT columnsChanged();
}

bool TokenColumnSizer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        fitToViewport();
    if (watched == m_view
        && (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange))
        updateNow();
    return QObject::eventFilter(watched, event);
}

} // namespace ApiAccess
