#pragma once

#include "api/ApiClient.h"
#include "commands/Command.h"
#include "wire/Token.h"
#include "wire/TokenInput.h"

#include <QByteArray>
#include <QPointer>
#include <QString>

class QWidget;

namespace ApiAccess {

class ConflictDialog;
class TokenDialog;
class TokenTableModel;

// Edit API token (PRODUCT.md §2, §7): fetches the token and its ETag, opens
// the Create dialog as "Edit API token" prefilled, and saves only what
// changed with If-Match. When someone else changed the token meanwhile
// (412), a ConflictDialog shows what they changed and offers Reload (their
// version in the dialog, the admin's edits dropped) or Overwrite (the
// dialog's version saved over theirs); Cancel there keeps everything typed.
// Failures stay in the dialog with Retry, as for Create.
class EditTokenCommand : public Command
{
    Q_OBJECT

public:
    EditTokenCommand(ApiClient &client, TokenTableModel &model, QString tokenId,
                     QWidget *parentWindow);
    ~EditTokenCommand() override;
    void start() override;

    QString tokenId() const { return m_tokenId; }
    TokenDialog *dialog() const; // for tests and the main window
    ConflictDialog *conflictDialog() const;

Q_SIGNALS:
    void saved(const ApiAccess::Token &token);
    // The token could not even be loaded (gone, network): nothing was opened.
    void failed(const ApiAccess::ApiError &error);

private:
    void resumeRequest() override;
    void abandonRequest() override;
    void onLoaded(const Result<TokenWithTag, ApiError> &result);
    void openDialog(const TokenWithTag &loaded);
    TokenUpdateInput currentInput() const;
    void save(const TokenUpdateInput &input);
    void onSaved(const Result<TokenWithTag, ApiError> &result);
    void onConflict();
    void showConflict(const TokenWithTag &theirs);
    void cancelRequest();
    void unmark();
    void aboutToEnd(bool success) override;

    enum class Pending { Nothing, Load, Save }; // what to repeat after signing in again

    ApiClient &m_client;
    TokenTableModel &m_model;
    QString m_tokenId;
    QPointer<QWidget> m_parentWindow;
    QPointer<TokenDialog> m_dialog;
    QPointer<ConflictDialog> m_conflict;
    QPointer<ApiCall> m_call;
    std::optional<Token> m_original; // what the admin started from
    QByteArray m_etag; // of m_original
    bool m_overwriting = false; // the last Save was "Overwrite": send the whole dialog
    Pending m_pending = Pending::Nothing;
    bool m_marked = false; // the row shows "Saving…" because of this command
};

} // namespace ApiAccess
