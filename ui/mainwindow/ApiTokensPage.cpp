#include "mainwindow/ApiTokensPage.h"

#include "TokenFilterProxyModel.h"
#include "TokenTableModel.h"
#include "mainwindow/CopyButtonDelegate.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ApiAccess {

ApiTokensPage::ApiTokensPage(TokenTableModel &model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new TokenFilterProxyModel(this))
    , m_delegate(new CopyButtonDelegate(TokenTableModel::TokenColumn,
                                        TokenTableModel::ActionsColumn, this))
{
    setObjectName(u"apiTokensPage"_s);
    m_proxy->setSourceModel(&m_model);

    auto *title = new QLabel(tr("API Tokens"), this);
    title->setObjectName(u"pageTitle"_s);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setAccessibleName(tr("API Tokens"));

    auto *explanation = new QLabel(
        tr("Tokens let third-party services use the API on your behalf, each with its own "
           "access level and allowed addresses."),
        this);
    explanation->setObjectName(u"pageExplanation"_s);
    explanation->setWordWrap(true);

    m_create = new QPushButton(tr("Create API token"), this);
    m_create->setObjectName(u"createTokenButton"_s);
    m_create->setDefault(true);
    m_create->setToolTip(tr("Create API token (Ctrl+N)"));

    m_search = new QLineEdit(this);
    m_search->setObjectName(u"searchEdit"_s);
    m_search->setPlaceholderText(tr("Search tokens"));
    m_search->setAccessibleName(tr("Search tokens"));
    m_search->setClearButtonEnabled(true);

    m_view = new QTableView(this);
    m_view->setObjectName(u"tokensView"_s);
    m_view->setAccessibleName(tr("API tokens"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(m_delegate);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(TokenTableModel::NameColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(TokenTableModel::NameColumn,
                                                     QHeaderView::Stretch);
    // Every column fits its header and contents (the header view samples
    // at most a thousand rows); the name takes what is left.
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(TokenTableModel::NameColumn,
                                                     QHeaderView::Stretch);

    buildMessageBar();

    auto *refresh = new QToolButton(this);
    refresh->setObjectName(u"refreshButton"_s);
    refresh->setText(tr("Refresh"));
    refresh->setAccessibleName(tr("Refresh"));
    refresh->setToolTip(tr("Refresh the list (F5)"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(refresh);
    top->addWidget(m_create);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(explanation);
    layout->addWidget(m_messageBar);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    connect(m_create, &QPushButton::clicked, this, &ApiTokensPage::createRequested);
    connect(refresh, &QToolButton::clicked, this, &ApiTokensPage::refreshRequested);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &TokenFilterProxyModel::setSearchText);
    connect(m_delegate, &CopyButtonDelegate::copyRequested, this, &ApiTokensPage::copyRequested);
}

ApiTokensPage::~ApiTokensPage() = default;

void ApiTokensPage::buildMessageBar()
{
    m_messageBar = new QFrame(this);
    m_messageBar->setObjectName(u"messageBar"_s);
    m_messageBar->setFrameShape(QFrame::StyledPanel);
    m_messageBar->setAutoFillBackground(true);
    QPalette palette = m_messageBar->palette();
    palette.setColor(QPalette::Window, palette.color(QPalette::AlternateBase));
    m_messageBar->setPalette(palette);

    m_messageText = new QLabel(m_messageBar);
    m_messageText->setObjectName(u"messageText"_s);
    m_messageText->setWordWrap(true);
    auto *copy = new QPushButton(tr("Copy token"), m_messageBar);
    copy->setObjectName(u"messageCopyButton"_s);
    auto *close = new QToolButton(m_messageBar);
    close->setObjectName(u"messageCloseButton"_s);
    close->setText(u"×"_s);
    close->setAutoRaise(true);
    close->setAccessibleName(tr("Close message"));
    close->setToolTip(tr("Close message"));

    auto *layout = new QHBoxLayout(m_messageBar);
    layout->addWidget(m_messageText, 1);
    layout->addWidget(copy);
    layout->addWidget(close);
    m_messageBar->hide();

    connect(copy, &QPushButton::clicked, this, &ApiTokensPage::onCopyFromMessage);
    connect(close, &QToolButton::clicked, this, &ApiTokensPage::hideMessage);
}

QString ApiTokensPage::selectedTokenId() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const QModelIndex index = rows.isEmpty() ? current : rows.constFirst();
    return index.isValid() ? index.data(TokenTableModel::TokenIdRole).toString() : QString();
}

bool ApiTokensPage::selectToken(const QString &id)
{
    const int sourceRow = m_model.rowForId(id);
    if (sourceRow < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model.index(sourceRow, 0));
    if (!index.isValid())
        return false;
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

void ApiTokensPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void ApiTokensPage::showCreatedMessage(const QString &name, const QString &id)
{
    m_messageTokenId = id;
    m_messageText->setText(
        tr("Token “%1” created. Copy it now to paste it into the service that will use it.")
            .arg(name));
    m_messageBar->show();
}

void ApiTokensPage::hideMessage()
{
    m_messageBar->hide();
    m_messageTokenId.clear();
}

void ApiTokensPage::onCopyFromMessage()
{
    if (!m_messageTokenId.isEmpty())
        Q_EMIT copyRequested(m_messageTokenId);
}

} // namespace ApiAccess
