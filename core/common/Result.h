#pragma once

#include <utility>
#include <variant>

namespace ApiAccess {

// The error half of a Result, spelled out at the call site:
//     return fail(IpRangeError{...});
template<typename E>
struct Failure
{
    E error;
};

template<typename E>
Failure<std::decay_t<E>> fail(E &&error)
{
    return Failure<std::decay_t<E>>{std::forward<E>(error)};
}

// A value or an error, never both. Errors are values in this code base: no
// exceptions cross the event loop or the HTTP front (STYLE.md). A small
// stand-in for C++23's std::expected, which Debian 12's toolchain lacks in
// C++20 mode.
template<typename T, typename E>
class [[nodiscard]] Result
{
public:
    using value_type = T;
    using error_type = E;

    Result(const T &value)
        : m_state(std::in_place_index<0>, value)
    { }
    Result(T &&value)
        : m_state(std::in_place_index<0>, std::move(value))
    { }
    template<typename G>
    Result(Failure<G> failure)
        : m_state(std::in_place_index<1>, std::move(failure.error))
    { }

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_state); }
    T &value() & { return std::get<0>(m_state); }
    T &&value() && { return std::get<0>(std::move(m_state)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }

    const E &error() const & { return std::get<1>(m_state); }
    E &&error() && { return std::get<1>(std::move(m_state)); }

    T valueOr(T fallback) const { return ok() ? value() : std::move(fallback); }

private:
    std::variant<T, E> m_state;
};

} // namespace ApiAccess
