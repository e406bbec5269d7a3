#pragma once

#include "wire/Token.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QString>
#include <QUrl>
#include <QVariant>

#include <optional>

namespace ApiAccess::TokenCacheRows {

// The statements TokenListCache runs; every one names its columns, so the
// file never gets a value that is not in this list.
QString selectSnapshotSql(); // saved_at, server_url, username, token count
QString selectTokensSql();
QString insertSnapshotSql(); // saved_at, server_url, username
QString insertTokenSql(); // position, then the Token's metadata

// Binds one token's metadata to a prepared insertTokenSql().
void bindToken(QSqlQuery &query, qsizetype position, const Token &token);

// The current row of selectTokensSql(); nullopt with `problem` set when it
// holds a value this build cannot read (an access level from the future).
std::optional<Token> readToken(const QSqlQuery &query, QString *problem);

// Unix milliseconds in UTC; null for an invalid time, and back.
QVariant toMsecs(const QDateTime &time);
QDateTime fromMsecs(const QVariant &value);

// What of a server URL may be stored: no user info (a password), no query
// and no fragment (a token someone put there).
QString storableUrl(const QUrl &url);

} // namespace ApiAccess::TokenCacheRows
