#pragma once

#include "iprange/IpAllowList.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace ApiAccess {

// What the token dialog says under "Allowed IP Ranges": the core parser's
// verdict on every entry, plus whatever the server refused, each naming
// the line the admin has to look at. Kept apart from the dialog so the
// dialog is only widgets and the wording lives in one place.
class IpRangesFeedback
{
    Q_DECLARE_TR_FUNCTIONS(ApiAccess::IpRangesFeedback)

public:
    IpRangesFeedback();

    // Re-validates. Server errors are dropped: they were about other text.
    void setText(QStringView text);

    bool isValid() const { return m_result.ok(); }
    bool isEmpty() const { return m_result.entryCount == 0; }
    const IpAllowList &allowList() const { return m_result.list; }
    const IpAllowList::ParseResult &parseResult() const { return m_result; }

    // An error the server reported for "allowedIpRanges[rangeIndex]", where
    // the index counts the canonical ranges the dialog sent (duplicates
    // collapsed), not the entries typed; -1 for "allowedIpRanges" itself.
    void addServerError(int rangeIndex, const QString &message);
    bool hasServerErrors() const { return !m_serverErrors.isEmpty(); }

    // 1-based line on which the range sent at `rangeIndex` was typed, or -1.
    int lineOfRange(int rangeIndex) const;

    // Plain text, one finding per line.
    QString displayText() const;

private:
    IpAllowList::ParseResult m_result;
    QList<int> m_rangeLines; // line of each range of m_result.list, in order
    QStringList m_serverErrors;
};

} // namespace ApiAccess
