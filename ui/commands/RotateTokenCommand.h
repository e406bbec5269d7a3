#pragma once

#include "api/ApiClient.h"
#include "commands/Command.h"
#include "wire/Token.h"

#include <QByteArray>
#include <QPointer>
#include <QString>

#include <optional>

class QWidget;

namespace ApiAccess {

class RotateDialog;
class TokenTableModel;

// Rotate (PRODUCT.md §2, §4): a confirmation that says integrations must be
// updated, with the choice to keep the previous secret valid for a while;
// then POST /rotate with the token's ETag as If-Match. On success
// rotated(token) lets the window offer the new token for copying at once (the
// secret itself is fetched only on Copy). A failure is explained with Retry
// (showActionFailure); a retry after a lost answer never rotates twice.
class RotateTokenCommand : public Command
{
    Q_OBJECT

public:
    RotateTokenCommand(ApiClient &client, TokenTableModel &model, QString tokenId,
                       QWidget *parentWindow);
    ~RotateTokenCommand() override;
    void start() override;

    RotateDialog *dialog() const; // for tests

Q_SIGNALS:
    void rotated(const ApiAccess::Token &token);

private:
    void resumeRequest() override;
    void abandonRequest() override;
    void send(); // loads the ETag first if there is none
    void rotate();
    static bool mayHaveHappened(const ApiError &error);
    static bool sameSettings(const Token &a, const Token &b);
    void onConflict(const Result<TokenWithTag, ApiError> &conflict);
    void onAnswer(const Result<TokenWithTag, ApiError> &result);

    ApiClient &m_client;
    TokenTableModel &m_model;
    QString m_tokenId;
    QString m_name;
    QPointer<QWidget> m_parentWindow;
    QPointer<RotateDialog> m_dialog;
    QPointer<ApiCall> m_call;
    std::optional<int> m_grace;
    QByteArray m_etag; // the version the rotation is for (If-Match)
    Token m_before; // that version
    bool m_outcomeUnknown = false; // a rotation with m_etag got no trustworthy answer
};

} // namespace ApiAccess
