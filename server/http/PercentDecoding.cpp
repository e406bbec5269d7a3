#include "http/PercentDecoding.h"

namespace ApiAccess::Server {

namespace {
int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}
} // namespace

bool percentDecode(std::string_view in, std::string &out)
{
    out.reserve(out.size() + in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c != '%') {
            if (c == '\0')
                return false;
            out.push_back(c);
            continue;
        }
        if (in.size() - i < 3)
            return false;
        const int high = hexValue(in[i + 1]);
        const int low = hexValue(in[i + 2]);
        if (high < 0 || low < 0)
            return false;
        const int value = high * 16 + low;
        if (value == 0)
            return false;
        out.push_back(static_cast<char>(value));
        i += 2;
    }
    return true;
}

} // namespace ApiAccess::Server
