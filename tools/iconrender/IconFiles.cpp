#include "IconFiles.h"

#include <QtEndian>

namespace ApiAccess {

namespace {

template<typename T>
void appendLittleEndian(QByteArray &out, T value)
{
    char bytes[sizeof(T)];
    qToLittleEndian(value, bytes);
    out.append(bytes, sizeof(T));
}

void appendBigEndian(QByteArray &out, quint32 value)
{
    char bytes[sizeof(value)];
    qToBigEndian(value, bytes);
    out.append(bytes, sizeof(value));
}

constexpr int kIconDirSize = 6;
constexpr int kIconDirEntrySize = 16;
constexpr int kIcnsHeaderSize = 8;

} // namespace

QByteArray icoFile(const QList<IconImage> &images)
{
    // ICONDIR: reserved, type 1 (icon), count; then one ICONDIRENTRY per
    // image; then the images. All little-endian.
    QByteArray out;
    appendLittleEndian<quint16>(out, 0);
    appendLittleEndian<quint16>(out, 1);
    appendLittleEndian(out, quint16(images.size()));
    auto offset = quint32(kIconDirSize + kIconDirEntrySize * images.size());
    for (const IconImage &image : images) {
        Q_ASSERT(image.size >= 1 && image.size <= 256);
        // A width or height of 256 does not fit a byte: 0 stands for it.
        const auto side = quint8(image.size == 256 ? 0 : image.size);
        appendLittleEndian(out, side); // width
        appendLittleEndian(out, side); // height
        appendLittleEndian<quint8>(out, 0); // palette colours: none
        appendLittleEndian<quint8>(out, 0); // reserved
        appendLittleEndian<quint16>(out, 1); // colour planes
        appendLittleEndian<quint16>(out, 32); // bits per pixel
        appendLittleEndian(out, quint32(image.png.size()));
        appendLittleEndian(out, offset);
        offset += quint32(image.png.size());
    }
    for (const IconImage &image : images)
        out.append(image.png);
    return out;
}

QByteArray icnsFile(const QList<IcnsEntry> &entries)
{
    // 'icns' and the file's length, then per entry its type, its length
    // counting this 8-byte header, and its data. All big-endian.
    qsizetype total = kIcnsHeaderSize;
    for (const IcnsEntry &entry : entries)
        total += kIcnsHeaderSize + entry.png.size();

    QByteArray out;
    out.reserve(total);
    out.append("icns");
    appendBigEndian(out, quint32(total));
    for (const IcnsEntry &entry : entries) {
        Q_ASSERT(entry.type.size() == 4);
        out.append(entry.type);
        appendBigEndian(out, quint32(kIcnsHeaderSize + entry.png.size()));
        out.append(entry.png);
    }
    return out;
}

} // namespace ApiAccess
