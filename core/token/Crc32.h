#pragma once

#include <QByteArrayView>

#include <cstdint>

namespace ApiAccess {

// CRC-32 as zlib's crc32(), PNG and gzip compute it (ISO-HDLC): reflected
// polynomial 0xEDB88320, initial value and final XOR 0xFFFFFFFF.
// crc32("123456789") == 0xCBF43926. A checksum against typing mistakes, not
// a cryptographic hash; Qt has no public CRC-32.
std::uint32_t crc32(QByteArrayView data);

} // namespace ApiAccess
