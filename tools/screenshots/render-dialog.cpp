// apiaccess-render-create-dialog FILE: renders the Create API token dialog
// for the README (docs/screenshots/create-dialog.png): a name, an access
// level, the Advanced section open with three ranges of which one is wrong
// and one will be normalised. It types like an admin (Qt Test's key clicks)
// so that the live validation shows what it shows for real, and refuses to
// write a picture that does not show that (exit code 1).

#include "dialogs/TokenDialog.h"
#include "widgets/ExpanderSection.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTextStream>

using namespace ApiAccess;
using namespace Qt::StringLiterals;

namespace {

int refuse(const QString &message)
{
    QTextStream(stderr) << "apiaccess-render-create-dialog: " << message << Qt::endl;
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 2)
        return refuse(u"usage: apiaccess-render-create-dialog FILE.png"_s);

    TokenDialog dialog(TokenDialog::Mode::Create);
    dialog.show();
    if (!QTest::qWaitForWindowExposed(&dialog))
        return refuse(u"the dialog was never shown"_s);

    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"nameEdit"_s), u"Partner CRM sync"_s);
    auto *level = dialog.findChild<QComboBox *>(u"accessLevelCombo"_s);
    level->setCurrentIndex(level->findData(u"editorial"_s));
    dialog.findChild<ExpanderSection *>(u"advancedToggle"_s)->setExpanded(true);
    auto *ranges = dialog.findChild<QPlainTextEdit *>(u"allowedIpRangesEdit"_s);
    const QStringList lines{u"10.20.0.0/16"_s, u"192.0.2.300"_s, u"10.0.0.7/24"_s};
    for (const QString &line : lines) {
        if (line != lines.first())
            QTest::keyClick(ranges, Qt::Key_Return);
        QTest::keyClicks(ranges, line);
    }
    dialog.adjustSize();
    QCoreApplication::processEvents();

    // What the picture claims, checked.
    const QString feedback = dialog.findChild<QLabel *>(u"ipRangesFeedback"_s)->text();
    QPushButton *create = nullptr;
    for (QAbstractButton *button : dialog.findChild<QDialogButtonBox *>()->buttons()) {
        if (button->text() == u"Create"_s)
            create = qobject_cast<QPushButton *>(button);
    }
    if (!create || create->isEnabled())
        return refuse(u"Create should be disabled while a line is invalid"_s);
    if (!feedback.contains(u"192.0.2.300"_s) || !feedback.contains(u"10.0.0.0/24"_s))
        return refuse(u"the feedback does not show the invalid line and the normalisation: "_s
                      + feedback);

    const QImage image = dialog.grab().toImage();
    if (image.isNull() || !image.save(arguments.at(1), "PNG"))
        return refuse(u"could not write "_s + arguments.at(1));
    QTextStream(stdout) << arguments.at(1) << Qt::endl;
    return 0;
}
