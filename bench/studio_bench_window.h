#pragma once

// The Studio's main window in this process, wired to a ProfileController as
// main() wires it, against a real apiaccess-server through a CountingProxy:
// the first load, search keystrokes, refreshes of the unchanged list, and
// the longest GUI stall in each (issue #15).

#include <QList>
#include <QString>
#include <QUrl>

#include <vector>

namespace ApiAccess::Bench {

struct WindowRun
{
    QUrl server; // the real server; the window talks to it through the proxy
    QString username;
    QString password;
    int keystrokes = 20;
    int refreshes = 3;
};

struct WindowFigures
{
    QString error; // set when a step failed; the figures before it stand
    int rows = 0;

    // The first load, from the session set on the window to:
    double loadMs = 0; // tokensLoaded: the model and the view hold every row
    double loadLastByteMs = 0; // the list's last byte through the proxy
    double loadSettledMs = 0; // laid out, painted, nothing left to do
    qint64 loadBytes = 0;
    qint64 rssBeforeKiB = 0; // the window shown, empty
    qint64 rssAfterKiB = 0; // settled after the first load
    qint64 hwmAfterKiB = 0;
    double loadStallMs = 0; // until tokensLoaded
    double loadBlockMs = 0; // the ticks' gap around tokensLoaded: the load's last step
    // The offline cache written after it: the ProfileController's slot on
    // tokensLoaded, until the write was seen done, and the stall meanwhile.
    double loadSlotMs = 0;
    double loadSaveMs = 0;
    double loadSaveStallMs = 0;

    // Search: one key at a time into the search field.
    bool debounced = false;
    std::vector<double> keyHandledMs; // the key event: filter applied, rows counted
    std::vector<double> keySettledMs; // until laid out, painted, nothing left
    QList<int> rowsAfterKey;

    // Refreshes (F5) of the unchanged list.
    std::vector<double> refreshMs; // F5 to tokensLoaded
    std::vector<double> refreshServerMs; // the last request's last byte to the answer's
    std::vector<qint64> refreshBytes;
    double refreshStallMs = 0; // the worst of the refreshes, each figure on its own
    double refreshBlockMs = 0;
    double refreshSlotMs = 0;
    double refreshSaveMs = 0;
    double refreshSaveStallMs = 0;

    // TokenTableModel::refreshTimes(), which the window runs every 30 s.
    double timesStallMs = 0;
};

WindowFigures measureWindow(const WindowRun &run);

} // namespace ApiAccess::Bench
