#pragma once

#include <QByteArray>
#include <QString>

namespace ApiAccess {

// Overwrites a secret before its memory is released. Only this copy's
// buffer: an implicitly shared copy elsewhere (Qt's own request buffer)
// keeps its bytes until Qt drops it. Volatile so the stores are not
// optimised away as dead.
inline void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty()) {
        volatile char *p = bytes.data();
        for (qsizetype i = 0; i < bytes.size(); ++i)
            p[i] = 0;
    }
    bytes.clear();
}

inline void wipe(QString &text)
{
    if (!text.isEmpty()) {
        volatile char16_t *p = reinterpret_cast<char16_t *>(text.data());
        for (qsizetype i = 0; i < text.size(); ++i)
            p[i] = 0;
    }
    text.clear();
}

} // namespace ApiAccess
