#pragma once

#include <QList>
#include <QString>

namespace ApiAccess {

// One reason a request body was refused, as the "errors" member of a
// validation problem carries it (PRODUCT.md §6). `field` is a path into the
// body as the client sent it: "name", "allowedIpRanges[1]", "items[3].status",
// or "" for the body as a whole. `message` is translated and says what to fix.
struct FieldError
{
    QString field;
    QString message;

    friend bool operator==(const FieldError &, const FieldError &) = default;
};

} // namespace ApiAccess
