#pragma once

#include "api/ApiClient.h"
#include "commands/Command.h"
#include "dialogs/BulkProgressDialog.h"
#include "dialogs/ConfirmActionDialog.h"

#include <QList>
#include <QPointer>
#include <QString>
#include <QStringList>

class QWidget;

namespace ApiAccess {

class TokenTableModel;

// Disable, Enable or Delete one token or many (PRODUCT.md §2; issue 5):
// one confirmation that names them (ConfirmActionDialog), then one request
// per token, one after the other, each row showing that it is in progress.
// From kProgressThreshold tokens on, a progress dialog counts and can stop
// after the current one. Failures do not stop the others: at the end a
// report names each failed token with its reason and offers Retry for them
// (no second confirmation), and done() tells the window which ones failed
// so that it leaves them selected.
class TokenStateCommand : public Command
{
    Q_OBJECT

public:
    static constexpr int kProgressThreshold = 5;

    TokenStateCommand(ApiClient &client, TokenTableModel &model, TokenAction action,
                      QStringList tokenIds, QWidget *parentWindow);
    ~TokenStateCommand() override;
    void start() override;

    TokenAction action() const { return m_action; }
    ConfirmActionDialog *confirmation() const { return m_confirmation; }
    BulkProgressDialog *progress() const { return m_progress; }

Q_SIGNALS:
    // Once all were tried (and after every Retry round).
    void done(const QStringList &succeededIds, const QStringList &failedIds);

private:
    void resumeRequest() override;
    void abandonRequest() override;
    struct Item
    {
        QString id;
        QString name;
    };
    struct Failure
    {
        Item item;
        QString reason;
        bool retryable = false;
    };

    void run(QList<Item> items);
    void next();
    void onAnswer(const Item &item, const std::optional<ApiError> &error, const Token *token);
    void finishRound();
    QString operationText() const; // "Disabling…"
    QString pastTense(qsizetype count) const; // "3 tokens disabled"
    QString title() const;

    ApiClient &m_client;
    TokenTableModel &m_model;
    TokenAction m_action;
    QStringList m_requestedIds;
    QPointer<QWidget> m_parentWindow;
    QPointer<ConfirmActionDialog> m_confirmation;
    QPointer<BulkProgressDialog> m_progress;
    QPointer<ApiCall> m_call;
    QList<Item> m_queue; // still to send, in order
    QStringList m_succeeded;
    QList<Failure> m_failures;
    qsizetype m_roundSize = 0;
    bool m_stopRequested = false;
};

} // namespace ApiAccess
