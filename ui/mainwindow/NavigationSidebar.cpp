#include "mainwindow/NavigationSidebar.h"

#include <QLabel>
#include <QListWidget>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ApiAccess {

namespace {

constexpr int kPageRole = Qt::UserRole + 1; // QObject* of the page

} // namespace

NavigationSidebar::NavigationSidebar(const QString &heading, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"navigationSidebar"_s);
    m_heading = new QLabel(heading, this);
    m_heading->setObjectName(u"navigationHeading"_s);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);

    m_list = new QListWidget(this);
    m_list->setObjectName(u"navigationList"_s);
    m_list->setAccessibleName(heading);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setUniformItemSizes(true);
    m_list->setTextElideMode(Qt::ElideNone);
    const int icon = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_list->setIconSize(QSize(icon, icon));
    m_list->setSpacing(2);
    m_heading->setBuddy(m_list);
    // The list's colours: it is part of the window, not a document.
    m_list->viewport()->setBackgroundRole(QPalette::Window);
    m_list->viewport()->setAutoFillBackground(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 0, 8);
    layout->addWidget(m_heading);
    layout->addWidget(m_list, 1);

    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (!item)
            return;
        if (auto *page = qobject_cast<QWidget *>(item->data(kPageRole).value<QObject *>()))
            Q_EMIT currentPageChanged(page);
    });
    // A page is always shown, so one entry is always selected: a click on
    // the empty part of the list does not leave the window without one.
    connect(m_list, &QListWidget::itemSelectionChanged, this, [this] {
        if (m_list->selectedItems().isEmpty() && m_list->currentItem())
            m_list->currentItem()->setSelected(true);
    });
}

NavigationSidebar::~NavigationSidebar() = default;

void NavigationSidebar::addPage(const QString &title, const QIcon &icon, QWidget *page)
{
    auto *item = new QListWidgetItem(icon, title, m_list);
    item->setData(kPageRole, QVariant::fromValue(static_cast<QObject *>(page)));
    item->setToolTip(title);
    // Wide enough for every title: the sidebar never elides one.
    const int width = m_list->sizeHintForColumn(0) + 2 * m_list->frameWidth()
        + style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this);
    m_list->setMinimumWidth(std::max(m_list->minimumWidth(), width));
    if (!m_list->currentItem())
        m_list->setCurrentItem(item);
}

void NavigationSidebar::setCurrentPage(QWidget *page)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(kPageRole).value<QObject *>() == page) {
            m_list->setCurrentRow(row);
            return;
        }
    }
}

QWidget *NavigationSidebar::currentPage() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? qobject_cast<QWidget *>(item->data(kPageRole).value<QObject *>()) : nullptr;
}

QString NavigationSidebar::heading() const
{
    return m_heading->text();
}

QStringList NavigationSidebar::titles() const
{
    QStringList titles;
    for (int row = 0; row < m_list->count(); ++row)
        titles.append(m_list->item(row)->text());
    return titles;
}

} // namespace ApiAccess
