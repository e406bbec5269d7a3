#include "mainwindow/ApiTokensPage.h"

#include "TokenFilterProxyModel.h"
#include "TokenTableModel.h"
#include "accessibility/ComboBoxChoice.h"
#include "mainwindow/TokenColumnSizer.h"
#include "mainwindow/TokenRowDelegate.h"
#include "widgets/StatePlaceholder.h"

#include <QAction>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace ApiAccess {

namespace {

constexpr int kAll = -1; // the filters' "All …" item

// "Text (shortcut)", the shortcut as this platform writes it (⌘N on macOS).
QString withShortcut(const QString &text, const QKeySequence &keys)
{
    return u"%1 (%2)"_s.arg(text, keys.toString(QKeySequence::NativeText));
}

} // namespace

ApiTokensPage::ApiTokensPage(TokenTableModel &model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new TokenFilterProxyModel(this))
    , m_delegate(new TokenRowDelegate(TokenTableModel::TokenColumn, TokenTableModel::ActionsColumn,
                                      TokenTableModel::StatusColumn, this))
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

    buildMessageBar();
    QWidget *toolbar = buildToolbar();
    buildView();
    buildActions();

    // Under the toolbar, while a search or a filter hides tokens.
    m_filterLine = new QWidget(this);
    m_filterSummary = new QLabel(m_filterLine);
    m_filterSummary->setObjectName(u"filterSummary"_s);
    m_filterSummary->setWordWrap(true);
    m_filterSummary->setTextFormat(Qt::PlainText); // it quotes the search
    m_clearFilters = new QPushButton(tr("Clear filters"), m_filterLine);
    m_clearFilters->setObjectName(u"clearFiltersButton"_s);
    m_clearFilters->setFlat(true);
    auto *filterLayout = new QHBoxLayout(m_filterLine);
    filterLayout->setContentsMargins({});
    filterLayout->addWidget(m_filterSummary, 1);
    filterLayout->addWidget(m_clearFilters);
    m_filterLine->hide();
    connect(m_clearFilters, &QPushButton::clicked, this, &ApiTokensPage::resetFilters);

    m_placeholder = new StatePlaceholder(this);
    connect(m_placeholder, &StatePlaceholder::buttonClicked, this,
            &ApiTokensPage::onPlaceholderButton);
    m_listStack = new QStackedWidget(this);
    m_listStack->setObjectName(u"tokenListStack"_s);
    m_listStack->addWidget(m_view);
    m_listStack->addWidget(m_placeholder);

    // The page's primary action beside its title, where the eye starts.
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(title, 1);
    titleRow->addWidget(m_create, 0, Qt::AlignBottom);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(titleRow);
    layout->addWidget(explanation);
    layout->addWidget(m_messageBar);
    layout->addWidget(toolbar);
    layout->addWidget(m_filterLine);
    layout->addWidget(m_listStack, 1);

    connect(m_delegate, &TokenRowDelegate::copyRequested, this, [this](const QString &id) {
        if (canCopy())
            Q_EMIT copyRequested(id);
    });
    connect(m_delegate, &TokenRowDelegate::actionsRequested, this,
            [this](const QModelIndex &index, const QRect &button) {
                openMenuAt(index, m_view->viewport()->mapToGlobal(button.bottomLeft()));
            });
    for (const auto signal :
         {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_proxy, signal, this, &ApiTokensPage::updateListState);
        connect(&m_model, signal, this, &ApiTokensPage::updateListState);
    }
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ApiTokensPage::updateListState);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &ApiTokensPage::updateListState);
    updateActions();
    updateListState();
}

ApiTokensPage::~ApiTokensPage() = default;

QWidget *ApiTokensPage::buildToolbar()
{
    auto *toolbar = new QWidget(this);
    m_search = new QLineEdit(toolbar);
    m_search->setObjectName(u"searchEdit"_s);
    m_search->setPlaceholderText(tr("Search tokens"));
    m_search->setAccessibleName(tr("Search tokens"));
    m_search->setClearButtonEnabled(true);
    // Qt's clear button is an icon without a name: screen readers would
    // announce an anonymous button.
    if (auto *clear = m_search->findChild<QAction *>(u"_q_qlineeditclearaction"_s)) {
        clear->setText(tr("Clear search"));
        clear->setToolTip(tr("Clear search"));
    }

    m_statusFilter = new QComboBox(toolbar);
    m_statusFilter->setObjectName(u"statusFilter"_s);
    m_statusFilter->setAccessibleName(tr("Filter by status"));
    m_statusFilter->addItem(tr("All statuses"), kAll);
    for (const TokenStatus status :
         {TokenStatus::Active, TokenStatus::Disabled, TokenStatus::Expired})
        m_statusFilter->addItem(TokenStatuses::displayName(status), static_cast<int>(status));
    ComboBoxChoice::enable(m_statusFilter);
    // Visible labels: on Linux a combo box's accessible name is its value,
    // and screen readers take what it is from the label that names it.
    auto *statusLabel = new QLabel(tr("&Status:"), toolbar);
    statusLabel->setObjectName(u"statusFilterLabel"_s);
    statusLabel->setBuddy(m_statusFilter);

    m_levelFilter = new QComboBox(toolbar);
    m_levelFilter->setObjectName(u"accessLevelFilter"_s);
    m_levelFilter->setAccessibleName(tr("Filter by access level"));
    m_levelFilter->addItem(tr("All access levels"), kAll);
    for (const AccessLevel level : AccessLevels::all())
        m_levelFilter->addItem(AccessLevels::displayName(level), static_cast<int>(level));
    ComboBoxChoice::enable(m_levelFilter);
    auto *levelLabel = new QLabel(tr("Access &level:"), toolbar);
    levelLabel->setObjectName(u"accessLevelFilterLabel"_s);
    levelLabel->setBuddy(m_levelFilter);

    auto *refresh = new QToolButton(toolbar);
    m_refresh = refresh;
    refresh->setObjectName(u"refreshButton"_s);
    refresh->setText(tr("Refresh"));
    refresh->setAccessibleName(tr("Refresh"));
    refresh->setToolTip(withShortcut(tr("Refresh the list"), QKeySequence(Qt::Key_F5)));
    refresh->setEnabled(m_signedIn); // nothing to refresh before a session

    m_create = new QPushButton(tr("Create API token"), this);
    m_create->setObjectName(u"createTokenButton"_s);
    m_create->setDefault(true);
    m_create->setToolTip(withShortcut(tr("Create API token"), QKeySequence::New));

    auto *layout = new QHBoxLayout(toolbar);
    layout->setContentsMargins({});
    layout->addWidget(m_search, 1);
    layout->addSpacing(6);
    layout->addWidget(statusLabel);
    layout->addWidget(m_statusFilter);
    layout->addSpacing(6);
    layout->addWidget(levelLabel);
    layout->addWidget(m_levelFilter);
    layout->addSpacing(6);
    layout->addWidget(refresh);

    connect(m_create, &QPushButton::clicked, this, &ApiTokensPage::createRequested);
    connect(refresh, &QToolButton::clicked, this, &ApiTokensPage::refreshRequested);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &TokenFilterProxyModel::setSearchText);
    connect(m_search, &QLineEdit::textChanged, this, &ApiTokensPage::updateListState);
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this,
            &ApiTokensPage::onFiltersChanged);
    connect(m_levelFilter, &QComboBox::currentIndexChanged, this, &ApiTokensPage::onFiltersChanged);
    return toolbar;
}

void ApiTokensPage::buildView()
{
    m_view = new QTableView(this);
    m_view->setObjectName(u"tokensView"_s);
    m_view->setAccessibleName(tr("API tokens"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(m_delegate);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(TokenTableModel::NameColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // Tab leaves the table (arrow keys move inside it), as in a list of
    // files: Tab moving cell by cell would trap keyboard users.
    m_view->setTabKeyNavigation(false);
    m_sizer = new TokenColumnSizer(m_view, &m_model, m_delegate, this);
    // Return, the Menu key and Shift+F10 on the table; right-clicks on its
    // viewport and keyboard context menu events on the table itself.
    m_view->installEventFilter(this);
    m_view->viewport()->installEventFilter(this);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ApiTokensPage::updateActions);
    // A refresh may change a selected token's status, or remove it.
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &ApiTokensPage::updateActions);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &ApiTokensPage::updateActions);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ApiTokensPage::updateActions);
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeInserted, this,
            &ApiTokensPage::rememberTopRow);
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            &ApiTokensPage::rememberTopRow);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &ApiTokensPage::restoreTopRow);
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &ApiTokensPage::noteTopRow);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &ApiTokensPage::restoreTopRow);
}

void ApiTokensPage::buildMessageBar()
{
    m_messageBar = new MessageBar(this);
    m_messageBar->setObjectName(u"messageBar"_s);
    m_messageCopy = m_messageBar->addAction(tr("Copy token"), u"messageCopyButton"_s);
    m_messageRetry = m_messageBar->addAction(tr("Retry"), u"messageRetryButton"_s);
    connect(m_messageCopy, &QPushButton::clicked, this, &ApiTokensPage::onCopyFromMessage);
    connect(m_messageRetry, &QPushButton::clicked, this, &ApiTokensPage::refreshRequested);
    connect(m_messageBar, &MessageBar::closed, this, [this] { m_messageTokenId.clear(); });
}

QList<Token> ApiTokensPage::selectedTokens() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<Token> tokens;
    tokens.reserve(rows.size());
    for (const QModelIndex &row : std::as_const(rows))
        tokens.append(row.data(TokenTableModel::TokenRole).value<Token>());
    return tokens;
}

QStringList ApiTokensPage::selectedTokenIds() const
{
    QStringList ids;
    for (const Token &token : selectedTokens())
        ids.append(token.id);
    return ids;
}

QString ApiTokensPage::selectedTokenId() const
{
    const QItemSelectionModel *selection = m_view->selectionModel();
    const QModelIndex current = selection->currentIndex();
    if (current.isValid() && selection->isRowSelected(current.row(), current.parent()))
        return current.data(TokenTableModel::TokenIdRole).toString();
    const QStringList ids = selectedTokenIds();
    return ids.isEmpty() ? QString() : ids.constFirst();
}

bool ApiTokensPage::selectToken(const QString &id)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model.index(m_model.rowForId(id), 0));
    if (!index.isValid())
        return false;
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

void ApiTokensPage::selectTokens(const QStringList &ids)
{
    QItemSelection selection;
    QModelIndex first;
    for (const QString &id : ids) {
        const QModelIndex index = m_proxy->mapFromSource(m_model.index(m_model.rowForId(id), 0));
        if (!index.isValid())
            continue;
        selection.select(index, index);
        if (!first.isValid())
            first = index;
    }
    QItemSelectionModel *model = m_view->selectionModel();
    model->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (!first.isValid())
        return;
    model->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
    m_view->scrollTo(first);
}

void ApiTokensPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void ApiTokensPage::onFiltersChanged()
{
    const int status = m_statusFilter->currentData().toInt();
    m_proxy->setStatusFilter(status == kAll ? std::nullopt
                                            : std::optional(static_cast<TokenStatus>(status)));
    const int level = m_levelFilter->currentData().toInt();
    m_proxy->setAccessLevelFilter(level == kAll ? std::nullopt
                                                : std::optional(static_cast<AccessLevel>(level)));
    updateListState();
}

void ApiTokensPage::noteTopRow()
{
    // Read while nothing changes (after scrolling, after a change): asking
    // the view during rowsAboutToBe… would lay it out half-way through the
    // change and leave the columns sized for the old rows.
    m_topTokenId = m_view->indexAt(QPoint(0, 0)).data(TokenTableModel::TokenIdRole).toString();
}

void ApiTokensPage::rememberTopRow()
{
    m_atTop = m_view->verticalScrollBar()->value() == 0;
}

void ApiTokensPage::restoreTopRow()
{
    // At the top of the list the admin sees what arrives there; elsewhere
    // the token at the top stays there (QTableView would keep the row
    // number instead, and the rows would slide under the admin's eyes).
    if (!m_atTop && !m_topTokenId.isEmpty()) {
        const QModelIndex index =
            m_proxy->mapFromSource(m_model.index(m_model.rowForId(m_topTokenId), 0));
        if (index.isValid())
            m_view->scrollTo(index, QAbstractItemView::PositionAtTop);
    }
    noteTopRow();
}

void ApiTokensPage::showMessage(MessageBar::Severity severity, const QString &text,
                                const QString &copyTokenId)
{
    m_messageTokenId = copyTokenId;
    m_messageCopy->setVisible(!copyTokenId.isEmpty());
    m_messageRetry->hide();
    m_messageBar->showMessage(severity, text);
}

void ApiTokensPage::showCreatedMessage(const QString &name, const QString &id)
{
    showMessage(MessageBar::Severity::Success,
                tr("Token “%1” created. Copy it now to paste it into the service that will use it.")
                    .arg(name),
                id);
    // What comes next is copying it: Return or Space does that now.
    m_messageCopy->setFocus(Qt::OtherFocusReason);
}

void ApiTokensPage::hideMessage()
{
    m_messageBar->hide();
    m_messageTokenId.clear();
}

void ApiTokensPage::onCopyFromMessage()
{
    if (!m_messageTokenId.isEmpty() && canCopy())
        Q_EMIT copyRequested(m_messageTokenId);
}

bool ApiTokensPage::canCopy() const
{
    // The secret comes from the server just in time: a session is needed,
    // and an offline copy has no server. A list that failed to refresh
    // still lets the admin try: copying changes nothing, and fails clearly.
    return m_signedIn && !m_readOnly;
}

} // namespace ApiAccess
