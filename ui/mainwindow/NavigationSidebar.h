#pragma once

#include <QIcon>
#include <QWidget>

class QLabel;
class QListWidget;

namespace ApiAccess {

// The window's left side: the "Settings" heading and its pages as one flat
// list with icons (API Access now; Audit log and Policies later), as the
// settings sidebars of desktop apps do. Arrow keys, Home and End move
// between pages and show them at once; Tab enters and leaves the list.
class NavigationSidebar : public QWidget
{
    Q_OBJECT

public:
    explicit NavigationSidebar(const QString &heading, QWidget *parent = nullptr);
    ~NavigationSidebar() override;

    // Adds an entry that shows `page`; the first one added is current.
    void addPage(const QString &title, const QIcon &icon, QWidget *page);
    void setCurrentPage(QWidget *page);
    QWidget *currentPage() const;

    QString heading() const;
    QListWidget *list() const { return m_list; }
    // The entries' titles in order.
    QStringList titles() const;

Q_SIGNALS:
    void currentPageChanged(QWidget *page);

private:
    QLabel *m_heading = nullptr;
    QListWidget *m_list = nullptr;
};

} // namespace ApiAccess
