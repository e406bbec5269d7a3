#pragma once

// Runs one ApiClient call and waits for its callback (test code only):
//
//     const auto session = waitForCall<Session>([&](QObject *context, auto done) {
//         client.signIn(user, password, context, done);
//     });
//
// nullopt when no callback came within the time; a second callback is
// reported as a warning (tests that care count them themselves).
#include "api/ApiClient.h"

#include <QObject>
#include <QTest>

#include <optional>

namespace ApiAccess::Testing {

template<typename T, typename Start>
std::optional<Result<T, ApiError>> waitForCall(Start start, int timeoutMs = 15'000)
{
    QObject context;
    std::optional<Result<T, ApiError>> out;
    int calls = 0;
    start(&context, [&out, &calls](Result<T, ApiError> result) {
        ++calls;
        out.emplace(std::move(result));
    });
    if (!QTest::qWaitFor([&out] { return out.has_value(); }, timeoutMs))
        return std::nullopt;
    if (calls > 1)
        qWarning("callback ran %d times", calls);
    return out;
}

} // namespace ApiAccess::Testing
