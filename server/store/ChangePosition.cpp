#include "store/ChangePosition.h"

#include <algorithm>

namespace ApiAccess::Server {

qint64 ChangePosition::readAfter() const
{
    return m_gaps.empty() ? m_generation : std::min(m_generation, m_gaps.begin()->first - 1);
}

ChangePosition::Seen ChangePosition::see(qint64 generation, qint64 nowMs)
{
    if (generation <= m_generation)
        return m_gaps.erase(generation) > 0 ? Seen::LateCommit : Seen::Old;
    const qint64 skipped = generation - m_generation - 1;
    const bool jumped = skipped > kMaxGapRun;
    if (jumped) {
        m_gaps.clear();
    } else {
        for (qint64 missing = m_generation + 1; missing < generation; ++missing)
            m_gaps.emplace(missing, nowMs);
    }
    m_generation = generation;
    return jumped ? Seen::Jumped : Seen::New;
}

void ChangePosition::forgetGapsMissedBefore(qint64 cutoffMs)
{
    std::erase_if(m_gaps, [cutoffMs](const auto &gap) { return gap.second <= cutoffMs; });
}

void ChangePosition::addGap(qint64 generation, qint64 firstMissedMs)
{
    if (generation > 0 && generation < m_generation)
        m_gaps.emplace(generation, firstMissedMs);
}

void ChangePosition::keepNewestGaps(std::size_t count)
{
    while (m_gaps.size() > count)
        m_gaps.erase(m_gaps.begin());
}

} // namespace ApiAccess::Server
