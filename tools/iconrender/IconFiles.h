#pragma once

#include <QByteArray>
#include <QList>

namespace ApiAccess {

// One picture of an icon file: its pixel size and its PNG bytes.
struct IconImage
{
    int size = 0;
    QByteArray png;
};

// A Windows icon (.ico) holding the images as PNG, as Windows Vista and
// later read them (rc.exe, Explorer, MSI's ARPPRODUCTICON). Sizes 1-256.
QByteArray icoFile(const QList<IconImage> &images);

// An ICNS entry: its four-character type and the PNG it holds.
struct IcnsEntry
{
    QByteArray type;
    QByteArray png;
};

// A macOS icon (.icns) of PNG entries, in the given order.
QByteArray icnsFile(const QList<IcnsEntry> &entries);

} // namespace ApiAccess
