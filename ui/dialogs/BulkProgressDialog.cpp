#include "dialogs/BulkProgressDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ApiAccess {

BulkProgressDialog::BulkProgressDialog(const QString &title, int total, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"tokenStateProgress"_s);
    setWindowTitle(title);
    setWindowModality(Qt::WindowModal);
    m_text = new QLabel(this);
    m_text->setTextFormat(Qt::PlainText); // token names are not markup
    m_text->setWordWrap(true);
    m_text->setMinimumWidth(360);
    m_bar = new QProgressBar(this);
    m_bar->setRange(0, total);
    m_bar->setAccessibleName(title);
    auto *buttons = new QDialogButtonBox(this);
    m_stop = buttons->addButton(tr("Stop"), QDialogButtonBox::RejectRole);
    m_stop->setObjectName(u"stopButton"_s);
    m_stop->setToolTip(tr("Stop after the token being changed now"));
    connect(buttons, &QDialogButtonBox::rejected, this, &BulkProgressDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(m_bar);
    layout->addWidget(buttons);
}

void BulkProgressDialog::setProgress(int done, const QString &text)
{
    m_bar->setValue(done);
    m_text->setText(text);
}

void BulkProgressDialog::reject()
{
    m_stop->setEnabled(false);
    m_text->setText(tr("Stopping after the current token…"));
    Q_EMIT stopRequested(); // the owner closes the dialog when it has stopped
}

} // namespace ApiAccess
