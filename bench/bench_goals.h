#pragma once

#include <QString>

namespace ApiAccess::Bench {

// One row of issue #15's summary: each benchmark appends the figures that
// have a goal to the file APIACCESS_BENCH_GOALS names (when set), and
// scripts/bench prints them as one table at the end of its run.
void recordGoal(const QString &figure, const QString &measured, const QString &goal, bool met);

} // namespace ApiAccess::Bench
