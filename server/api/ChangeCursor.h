#pragma once

#include "store/ChangePosition.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace ApiAccess::Server {

// The changes cursor of GET /api/v1/tokens?changedSince=…: opaque to
// clients (base64url), it carries where the reader stands in the change
// feed (ChangePosition: its generation and the gaps it still looks for)
// and when the server issued it, from which the tokens used or expired
// since are found. The server keeps nothing per reader.
struct ChangeCursor
{
    // Gaps a cursor carries at most: they are rare (PostgreSQL transactions
    // committing out of order), and the cursor stays short.
    static constexpr std::size_t kMaxGaps = 64;

    ChangePosition position;
    qint64 issuedAtMs = 0;

    QString encode() const;
    // nullopt for anything this server would not have issued.
    static std::optional<ChangeCursor> decode(QStringView text);
};

} // namespace ApiAccess::Server
