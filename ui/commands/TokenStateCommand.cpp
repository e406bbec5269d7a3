#include "commands/TokenStateCommand.h"

#include "TokenTableModel.h"
#include "commands/ActionFailure.h"
#include "dialogs/BulkProgressDialog.h"

#include <QPushButton>

namespace ApiAccess {

TokenStateCommand::TokenStateCommand(ApiClient &client, TokenTableModel &model, TokenAction action,
                                     QStringList tokenIds, QWidget *parentWindow)
    : Command(parentWindow)
    , m_client(client)
    , m_model(model)
    , m_action(action)
    , m_requestedIds(std::move(tokenIds))
    , m_parentWindow(parentWindow)
{ }

TokenStateCommand::~TokenStateCommand()
{
    delete m_progress.data();
    delete m_confirmation.data();
}

void TokenStateCommand::start()
{
    if (m_confirmation || hasEnded())
        return;
    QList<Item> items;
    QStringList names;
    for (const QString &id : std::as_const(m_requestedIds)) {
        const auto token = m_model.token(m_model.rowForId(id));
        if (!token)
            continue; // gone from the list meanwhile
        items.append({id, token->name});
        names.append(token->name);
    }
    if (items.isEmpty()) {
        end(false);
        return;
    }
    m_confirmation = ConfirmActionDialog::create(m_action, names, m_parentWindow);
    connect(m_confirmation, &ConfirmActionDialog::confirmed, this, [this, items] { run(items); });
    connect(m_confirmation, &QDialog::finished, this, [this] {
        if (m_confirmation
            && m_confirmation->clickedButton()
                != static_cast<QAbstractButton *>(m_confirmation->confirmButton()))
            end(false); // Cancel, Escape or closed
    });
    m_confirmation->open(); // window-modal; never exec()
}

QString TokenStateCommand::title() const
{
    switch (m_action) {
    case TokenAction::Disable:
        return tr("Disable API tokens");
    case TokenAction::Enable:
        return tr("Enable API tokens");
    case TokenAction::Delete:
        break;
    }
    return tr("Delete API tokens");
}

QString TokenStateCommand::operationText() const
{
    switch (m_action) {
    case TokenAction::Disable:
        return tr("Disabling…");
    case TokenAction::Enable:
        return tr("Enabling…");
    case TokenAction::Delete:
        break;
    }
    return tr("Deleting…");
}

QString TokenStateCommand::pastTense(qsizetype count) const
{
    // One string per English form, so that the source text reads right
    // without a translation loaded; translations give their own forms.
    const int n = int(count);
    switch (m_action) {
    case TokenAction::Disable:
        return n == 1 ? tr("%n token disabled", nullptr, n) : tr("%n tokens disabled", nullptr, n);
    case TokenAction::Enable:
        return n == 1 ? tr("%n token enabled", nullptr, n) : tr("%n tokens enabled", nullptr, n);
    case TokenAction::Delete:
        break;
    }
    return n == 1 ? tr("%n token deleted", nullptr, n) : tr("%n tokens deleted", nullptr, n);
}

void TokenStateCommand::run(QList<Item> items)
{
    m_queue = std::move(items);
    m_roundSize = m_queue.size();
    m_failures.clear();
    m_stopRequested = false;
    for (const Item &item : std::as_const(m_queue))
        m_model.setOperation(item.id, operationText());
    if (m_roundSize >= kProgressThreshold) {
        m_progress = new BulkProgressDialog(title(), int(m_roundSize), m_parentWindow);
        connect(m_progress, &BulkProgressDialog::stopRequested, this,
                [this] { m_stopRequested = true; });
        m_progress->open();
    }
    next();
}

void TokenStateCommand::next()
{
    if (m_call || isWaitingForSignIn())
        return;
    if (m_queue.isEmpty() || m_stopRequested) {
        finishRound();
        return;
    }
    const Item item = m_queue.first();
    const qsizetype doneCount = m_roundSize - m_queue.size();
    if (m_progress) {
        m_progress->setProgress(int(doneCount),
                                tr("%1 (%2 of %3): “%4”")
                                    .arg(operationText())
                                    .arg(doneCount + 1)
                                    .arg(m_roundSize)
                                    .arg(item.name));
    }
    Q_EMIT statusMessage(tr("%1 “%2”").arg(operationText(), item.name));
    if (m_action == TokenAction::Delete) {
        m_call = m_client.deleteToken(item.id, this, [this, item](Result<bool, ApiError> result) {
            m_call = nullptr;
            onAnswer(item, result ? std::nullopt : std::optional(result.error()), nullptr);
        });
        return;
    }
    TokenUpdateInput input;
    input.enabled = m_action == TokenAction::Enable;
    m_call = m_client.updateToken(item.id, input, {}, this,
                                  [this, item](Result<TokenWithTag, ApiError> result) {
                                      m_call = nullptr;
                                      if (result)
                                          onAnswer(item, std::nullopt, &result.value().token);
                                      else
                                          onAnswer(item, result.error(), nullptr);
                                  });
}

void TokenStateCommand::onAnswer(const Item &item, const std::optional<ApiError> &error,
                                 const Token *token)
{
    if (error && error->kind == ApiError::Kind::Unauthorized) {
        // Stays first in the queue; the window resumes after signing in.
        waitForSignIn();
        return;
    }
    m_queue.removeFirst();
    m_model.clearOperation(item.id);
    const bool gone = error && error->kind == ApiError::Kind::NotFound;
    if (!error || (gone && m_action == TokenAction::Delete)) {
        // Deleting what is already gone reaches what the admin wanted.
        if (m_action == TokenAction::Delete)
            m_model.removeToken(item.id);
        else if (token)
            m_model.upsertToken(*token);
        m_succeeded.append(item.id);
    } else {
        if (gone) {
            m_model.removeToken(item.id);
            m_failures.append({item, tr("It no longer exists."), false});
        } else {
            m_failures.append({item, error->message(), error->isRetryable()});
        }
    }
    next();
}

void TokenStateCommand::finishRound()
{
    // Rows not sent (Stop) are failures too: they did not change.
    for (const Item &item : std::as_const(m_queue)) {
        m_model.clearOperation(item.id);
        m_failures.append({item, tr("Not tried: stopped."), true});
    }
    m_queue.clear();
    if (m_progress) {
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    QStringList failedIds;
    QList<Item> retryable;
    QStringList reasons;
    for (const Failure &failure : std::as_const(m_failures)) {
        failedIds.append(failure.item.id);
        reasons.append(tr("“%1”: %2").arg(failure.item.name, failure.reason));
        if (failure.retryable)
            retryable.append(failure.item);
    }
    const qsizetype succeededThisRound = m_roundSize - m_failures.size();
    m_roundSize = 0;
    Q_EMIT done(m_succeeded, failedIds);
    if (m_failures.isEmpty()) {
        Q_EMIT statusMessage(pastTense(m_succeeded.size()));
        end(true);
        return;
    }
    Q_EMIT statusMessage(
        tr("%1; %2 failed").arg(pastTense(succeededThisRound)).arg(m_failures.size()));
    const QString what = m_failures.size() == 1 && succeededThisRound == 0
        ? tr("“%1” could not be changed.").arg(m_failures.first().item.name)
        : tr("%1. These could not be changed:").arg(pastTense(succeededThisRound));
    showActionFailure(
        m_parentWindow, title(), what, reasons.join(u'\n'), !retryable.isEmpty(),
        [self = QPointer(this), retryable] {
            if (self)
                self->run(retryable);
        },
        [self = QPointer(this)] {
            if (self)
                self->end(false);
        });
}

void TokenStateCommand::resumeRequest()
{
    next();
}

void TokenStateCommand::abandonRequest()
{
    m_stopRequested = true;
    next();
}

} // namespace ApiAccess
