#include "commands/ActionFailure.h"

#include "api/ApiError.h"

#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace ApiAccess {

QMessageBox *showActionFailure(QWidget *parent, const QString &title, const QString &what,
                               const ApiError &error, std::function<void()> retry,
                               std::function<void()> dismissed)
{
    return showActionFailure(parent, title, what, error.message(), error.isRetryable(),
                             std::move(retry), std::move(dismissed));
}

QMessageBox *showActionFailure(QWidget *parent, const QString &title, const QString &what,
                               const QString &reasons, bool retryable, std::function<void()> retry,
                               std::function<void()> dismissed)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, what, QMessageBox::NoButton, parent);
    box->setObjectName(u"actionFailureBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->setInformativeText(reasons);
    // After the informative text exists, so that it is plain text too:
    // token names and server messages are never markup.
    box->setTextFormat(Qt::PlainText);
    QPushButton *retryButton = nullptr;
    if (retry && retryable) {
        retryButton = box->addButton(QMessageBox::tr("Retry"), QMessageBox::AcceptRole);
        retryButton->setObjectName(u"retryButton"_s);
    }
    QPushButton *close = box->addButton(QMessageBox::Close);
    box->setDefaultButton(retryButton ? retryButton : close);
    box->setEscapeButton(close);
    QObject::connect(
        box, &QMessageBox::finished, box,
        [box, retryButton, retry = std::move(retry), dismissed = std::move(dismissed)] {
            if (retryButton && box->clickedButton() == retryButton)
                retry();
            else if (dismissed)
                dismissed();
        });
    box->open();
    return box;
}

} // namespace ApiAccess
