#pragma once

#include "api/ApiClient.h"
#include "commands/Command.h"
#include "wire/Token.h"
#include "wire/TokenInput.h"

#include <QPointer>

class QWidget;

namespace ApiAccess {

class TokenDialog;
class TokenTableModel;

// Create API token: opens the dialog, sends the input, maps a 422 onto the
// fields, keeps everything typed on failures (with Retry), lets Escape
// cancel a request in flight, and on success adds the row and closes.
class CreateTokenCommand : public Command
{
    Q_OBJECT

public:
    CreateTokenCommand(ApiClient &client, TokenTableModel &model, QWidget *parentWindow);
    ~CreateTokenCommand() override;
    void start() override;
    // After a 401: sends the dialog's input again / says it was not sent.

    TokenDialog *dialog() const; // for tests and the main window

Q_SIGNALS:
    void created(const ApiAccess::Token &token);

private:
    void resumeRequest() override;
    void abandonRequest() override;
    void send(const TokenCreateInput &input);
    void cancelRequest();
    void onAnswer(const Result<TokenWithTag, ApiError> &result);
    void onRejected();
    void aboutToEnd(bool success) override;

    ApiClient &m_client;
    TokenTableModel &m_model;
    QPointer<QWidget> m_parentWindow;
    QPointer<TokenDialog> m_dialog;
    QPointer<ApiCall> m_call;
};

} // namespace ApiAccess
