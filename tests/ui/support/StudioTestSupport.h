#pragma once

// What the Studio's GUI tests share: a session from the real server, and
// waiting for the window-modal dialogs the Studio opens (never exec(), so
// the test finds them and answers them like an admin would).

#include "api/ApiClient.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QUrl>

#include <optional>

namespace ApiAccess::Testing {

constexpr int kGuiWaitMs = 15'000;

// Signs in through the Studio's own ApiClient; nullopt on failure.
inline std::optional<Session> signInSession(const QUrl &server, const QString &user,
                                            const QString &password)
{
    ApiClient client;
    client.setServerUrl(server);
    std::optional<Session> session;
    bool done = false;
    QObject context;
    client.signIn(user, password, &context, [&](Result<Session, ApiError> result) {
        done = true;
        if (result)
            session = result.value();
    });
    if (!QTest::qWaitFor([&] { return done; }, kGuiWaitMs))
        return std::nullopt;
    return session;
}

// The first visible top-level or child widget of type T named `name` (any
// name when empty) below `root`, once it shows; null after kGuiWaitMs.
template<typename T>
T *waitForVisible(QObject *root, const QString &name = {})
{
    T *found = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] {
            const auto all = root->findChildren<T *>(name);
            for (T *candidate : all) {
                if (candidate->isVisible()) {
                    found = candidate;
                    return true;
                }
            }
            return false;
        },
        kGuiWaitMs);
    return shown ? found : nullptr;
}

inline QAbstractButton *buttonWithText(QWidget *root, const QString &text)
{
    const auto buttons = root->findChildren<QAbstractButton *>();
    for (QAbstractButton *button : buttons) {
        if (button->text() == text && button->isVisible())
            return button;
    }
    return nullptr;
}

// Everything a dialog says: its labels, list items and message box texts,
// one per line, for asserting on what the admin reads.
inline QString visibleText(QWidget *root)
{
    QStringList parts;
    if (auto *box = qobject_cast<QMessageBox *>(root))
        parts << box->text() << box->informativeText();
    const auto labels = root->findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        if (label->isVisible())
            parts << label->text();
    }
    const auto lists = root->findChildren<QListWidget *>();
    for (const QListWidget *list : lists) {
        for (int i = 0; i < list->count(); ++i)
            parts << list->item(i)->text();
    }
    return parts.join(u'\n');
}

} // namespace ApiAccess::Testing
