#include "dialogs/IpRangesFeedback.h"

using namespace Qt::StringLiterals;

namespace ApiAccess {

namespace {

// Lines of each canonical range, in the order IpAllowList keeps them. The
// list collapses duplicates keeping the first, and parsing line by line
// then dropping repeats gives the same order; so the server's index into
// what was sent maps back to the line the admin typed it on.
QList<int> lineOfEachRange(QStringView text)
{
    QList<int> lines;
    QList<IpRange> seen;
    int lineNumber = 0;
    for (const QStringView line : text.tokenize(u'\n')) {
        ++lineNumber;
        const auto parsed = IpAllowList::parse(line);
        for (const IpRange &range : parsed.list.ranges()) {
            if (seen.contains(range))
                continue;
            seen.append(range);
            lines.append(lineNumber);
        }
    }
    return lines;
}

} // namespace

IpRangesFeedback::IpRangesFeedback()
{
    setText(QStringView());
}

void IpRangesFeedback::setText(QStringView text)
{
    m_result = IpAllowList::parse(text);
    m_rangeLines = lineOfEachRange(text);
    m_serverErrors.clear();
}

int IpRangesFeedback::lineOfRange(int rangeIndex) const
{
    if (rangeIndex < 0 || rangeIndex >= m_rangeLines.size())
        return -1;
    return m_rangeLines.at(rangeIndex);
}

void IpRangesFeedback::addServerError(int rangeIndex, const QString &message)
{
    const int line = lineOfRange(rangeIndex);
    if (line > 0)
        m_serverErrors.append(tr("Error: Line %1: %2").arg(QString::number(line), message));
    else
        m_serverErrors.append(tr("Error: %1").arg(message));
}

QString IpRangesFeedback::displayText() const
{
    QStringList lines = m_serverErrors;
    if (isEmpty()) {
        lines.append(tr("Any address can use this token."));
        return lines.join(u'\n');
    }
    // The severity is spelled out rather than only coloured, so it reaches
    // screen readers and people who do not see the colour.
    for (const IpAllowListIssue &issue : m_result.issues) {
        switch (issue.severity) {
        case IpAllowListIssue::Severity::Error:
            lines.append(tr("Error: %1").arg(issue.message));
            break;
        case IpAllowListIssue::Severity::Warning:
            lines.append(tr("Warning: %1").arg(issue.message));
            break;
        case IpAllowListIssue::Severity::Note:
            lines.append(tr("Note: %1").arg(issue.message));
            break;
        }
    }
    if (isValid()) {
        // A long list is right above; repeating it would bury the findings.
        constexpr qsizetype kListedRanges = 5;
        const QStringList ranges = m_result.list.toStringList();
        lines.append(ranges.size() <= kListedRanges
                         ? tr("Only addresses in %1 can use this token.").arg(ranges.join(u", "_s))
                         : tr("Only addresses in the %1 ranges above can use this token.")
                               .arg(QString::number(ranges.size())));
    }
    return lines.join(u'\n');
}

} // namespace ApiAccess
