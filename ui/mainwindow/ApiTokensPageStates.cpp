// ApiTokensPage's states: signed out, loading, failed, no tokens yet, no
// match, and the table; the line that says a search or filter is on; the
// rows a failed refresh left behind, dimmed and out of date.

#include "TokenFilterProxyModel.h"
#include "TokenTableModel.h"
#include "mainwindow/ApiTokensPage.h"
#include "mainwindow/TokenRowDelegate.h"
#include "widgets/StatePlaceholder.h"
#include "widgets/StudioIcons.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace ApiAccess {

void ApiTokensPage::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    if (readOnly)
        m_everLoaded = true; // the offline copy is a list too
    updateActions();
    updateListState();
}

void ApiTokensPage::setSignedIn(bool signedIn)
{
    if (signedIn == m_signedIn)
        return;
    m_signedIn = signedIn;
    if (!signedIn) {
        m_everLoaded = false;
        m_loading = false;
    }
    m_refresh->setEnabled(signedIn);
    updateActions();
    updateListState();
}

void ApiTokensPage::setLoading(bool loading)
{
    m_loading = loading;
    updateListState();
}

void ApiTokensPage::showRefreshFailure(const QString &text)
{
    m_failure = text;
    m_loading = false;
    // Rows from before stay, but they may be wrong now: dim them and wait
    // for a refresh before acting on them.
    m_stale = m_model.rowCount() > 0;
    m_delegate->setStale(m_stale);
    m_view->viewport()->update();
    if (m_stale) {
        showMessage(MessageBar::Severity::Error,
                    tr("%1 The list below may be out of date; actions are unavailable until the "
                       "list is refreshed.")
                        .arg(text));
        m_messageRetry->show();
    }
    // With nothing to show, the placeholder says it (with Retry) instead.
    updateActions();
    updateListState();
}

void ApiTokensPage::listLoaded()
{
    m_everLoaded = true;
    clearRefreshFailure();
}

void ApiTokensPage::clearRefreshFailure()
{
    m_failure.clear();
    m_loading = false;
    if (m_stale) {
        m_stale = false;
        m_delegate->setStale(false);
        m_view->viewport()->update();
    }
    if (!m_messageRetry->isHidden())
        hideMessage();
    updateActions();
    updateListState();
}

bool ApiTokensPage::hasActiveFilters() const
{
    return !m_search->text().trimmed().isEmpty() || m_statusFilter->currentIndex() > 0
        || m_levelFilter->currentIndex() > 0;
}

void ApiTokensPage::resetFilters()
{
    m_search->clear();
    m_statusFilter->setCurrentIndex(0);
    m_levelFilter->setCurrentIndex(0);
    updateListState();
}

QString ApiTokensPage::filterDescription() const
{
    QStringList parts;
    const QString search = m_search->text().trimmed();
    if (!search.isEmpty())
        parts.append(tr("search “%1”").arg(search));
    if (m_statusFilter->currentIndex() > 0)
        parts.append(tr("status: %1").arg(m_statusFilter->currentText()));
    if (m_levelFilter->currentIndex() > 0)
        parts.append(tr("access level: %1").arg(m_levelFilter->currentText()));
    return QLocale().createSeparatedList(parts);
}

void ApiTokensPage::updateFilterSummary()
{
    const int total = m_model.rowCount();
    const bool show = hasActiveFilters() && total > 0;
    if (show) {
        const int shown = m_proxy->rowCount();
        m_filterSummary->setText(tr("Showing %1 of %n tokens (%2).", nullptr, total)
                                     .arg(shown)
                                     .arg(filterDescription()));
    }
    m_filterLine->setVisible(show);
}

void ApiTokensPage::updateListState()
{
    updateFilterSummary();
    const bool empty = m_model.rowCount() == 0;
    const auto set = [this](StudioIcons::Symbol symbol, const QString &title, const QString &text,
                            const QString &button, PlaceholderAction action) {
        m_placeholder->setState(StudioIcons::icon(symbol), title, text, button);
        m_placeholderAction = action;
        m_listStack->setCurrentWidget(m_placeholder);
    };
    const auto setFailure = [this](const QString &title, const QString &text, const QString &button,
                                   PlaceholderAction action) {
        m_placeholder->setState(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this),
                                title, text, button);
        m_placeholderAction = action;
        m_listStack->setCurrentWidget(m_placeholder);
    };

    if (empty && !m_signedIn && !m_readOnly) {
        set(StudioIcons::Symbol::Person, tr("You are signed out"),
            tr("Sign in to see and manage the API tokens of this server."), tr("Sign in…"),
            PlaceholderAction::SignIn);
    } else if (empty && !m_failure.isEmpty()) {
        setFailure(tr("The tokens could not be loaded"), m_failure, tr("Retry"),
                   PlaceholderAction::Retry);
    } else if (empty && !m_everLoaded) {
        // Only before the first list: a refresh of a known empty list keeps
        // saying "No tokens yet" rather than flickering every minute.
        set(StudioIcons::Symbol::Key, tr("Loading tokens…"),
            tr("The list appears as soon as the server answers."), QString(),
            PlaceholderAction::None);
    } else if (empty) {
        set(StudioIcons::Symbol::Key, tr("No tokens yet"),
            tr("Create a token for each service that should use the API, with the access "
               "level it needs and the addresses it may come from."),
            m_readOnly ? QString() : tr("Create API token"), PlaceholderAction::Create);
    } else if (m_proxy->rowCount() == 0) {
        set(StudioIcons::Symbol::Search, tr("No tokens match"),
            tr("No token matches these filters: %1.").arg(filterDescription()), tr("Clear filters"),
            PlaceholderAction::ClearFilters);
    } else {
        m_placeholderAction = PlaceholderAction::None;
        m_listStack->setCurrentWidget(m_view);
    }
}

void ApiTokensPage::onPlaceholderButton()
{
    switch (m_placeholderAction) {
    case PlaceholderAction::SignIn:
        Q_EMIT signInRequested();
        break;
    case PlaceholderAction::Create:
        Q_EMIT createRequested();
        break;
    case PlaceholderAction::ClearFilters:
        resetFilters();
        break;
    case PlaceholderAction::Retry:
        Q_EMIT refreshRequested();
        break;
    case PlaceholderAction::None:
        break;
    }
}

} // namespace ApiAccess
