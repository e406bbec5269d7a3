#pragma once

#include <string>
#include <string_view>

namespace ApiAccess::Server {

// Decodes %XX escapes of a URL path (RFC 3986 §2.1) into `out` (appended).
// False for a '%' not followed by two hex digits or an escaped NUL: neither
// has a legitimate use in our paths, and a NUL could cut a string short in
// code further down. '+' stays '+' (it means space only in form bodies).
bool percentDecode(std::string_view in, std::string &out);

} // namespace ApiAccess::Server
