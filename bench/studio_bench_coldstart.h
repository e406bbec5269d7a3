#pragma once

// Cold start: the real apiaccess-studio binary, opening a profile whose
// offline cache holds some tokens, against a Qt Widgets hello world (a main
// window with an empty table), each a fresh process, alternating in pairs.
// Both are measured the same way, by studio_bench_probe loaded into them:
// the wall time from starting the process to its first table painted and
// flushed, and its peak resident memory (VmHWM) then.

#include <QString>

#include <vector>

namespace ApiAccess::Bench {

struct ColdStartFigures
{
    QString error; // set when a run failed
    int cachedTokens = 0;
    int studioRows = -1; // the rows of the Studio's first painted table
    std::vector<double> studioMs, helloMs;
    std::vector<double> studioPeakMiB, helloPeakMiB;
    // Median of each pair's Studio ÷ hello world.
    double wallRatio = 0;
    double memoryRatio = 0;
};

// `home`: an empty folder for HOME and the XDG folders of the programs.
ColdStartFigures measureColdStart(const QString &home, int pairs, int cachedTokens);

} // namespace ApiAccess::Bench
