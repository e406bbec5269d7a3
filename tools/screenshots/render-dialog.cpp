// apiaccess-render-dialog create|rotate FILE: renders a dialog for the
// README (docs/screenshots/), prepared as an admin would, and refuses to
// write a picture that does not show what the README says (exit code 1).
// - create: the Create API token dialog with a name, an access level, the
//   Advanced section open with three ranges of which one is wrong and one
//   will be normalised, typed with Qt Test's key clicks so that the live
//   validation shows what it shows for real;
// - rotate: the Rotate dialog with a grace period of 24 hours chosen.

#include "dialogs/RotateDialog.h"
#include "dialogs/TokenDialog.h"
#include "widgets/ExpanderSection.h"
#include "widgets/MotionPreference.h"

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

#include <memory>

using namespace ApiAccess;
using namespace Qt::StringLiterals;

namespace {

int refuse(const QString &message)
{
    QTextStream(stderr) << "apiaccess-render-dialog: " << message << Qt::endl;
    return 1;
}

int save(QWidget &dialog, const QString &file)
{
    const QImage image = dialog.grab().toImage();
    if (image.isNull() || !image.save(file, "PNG"))
        return refuse(u"could not write "_s + file);
    QTextStream(stdout) << file << Qt::endl;
    return 0;
}

int renderCreate(const QString &file)
{
    TokenDialog dialog(TokenDialog::Mode::Create);
    dialog.show();
    if (!QTest::qWaitForWindowExposed(&dialog))
        return refuse(u"the dialog was never shown"_s);

    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"nameEdit"_s), u"Partner CRM sync"_s);
    auto *level = dialog.findChild<QComboBox *>(u"accessLevelCombo"_s);
    level->setCurrentIndex(level->findData(u"editorial"_s));
    auto *advanced = dialog.findChild<ExpanderSection *>(u"advancedToggle"_s);
    advanced->setExpanded(true);
    if (!QTest::qWaitFor([advanced] { return !advanced->isAnimating(); }))
        return refuse(u"the Advanced section did not finish opening"_s);
    auto *ranges = dialog.findChild<QPlainTextEdit *>(u"allowedIpRangesEdit"_s);
    const QStringList lines{u"10.20.0.0/16"_s, u"192.0.2.300"_s, u"10.0.0.7/24"_s};
    for (const QString &line : lines) {
        if (line != lines.first())
            QTest::keyClick(ranges, Qt::Key_Return);
        QTest::keyClicks(ranges, line);
    }
    // The dialog fits its contents by itself (ContentFit).
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

    return save(dialog, file);
}

int renderRotate(const QString &file)
{
    auto *dialog = new RotateDialog(u"HR sync – Personio to staff directory"_s, nullptr);
    dialog->setAttribute(Qt::WA_DeleteOnClose, false);
    const std::unique_ptr<RotateDialog> owner(dialog);
    dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog))
        return refuse(u"the dialog was never shown"_s);
    auto *grace = dialog->findChild<QComboBox *>(u"graceCombo"_s);
    grace->setCurrentIndex(grace->findText(u"24 hours"_s));
    QCoreApplication::processEvents();
    const QString explanation = dialog->findChild<QLabel *>(u"graceExplanation"_s)->text();
    if (!dialog->previousSecretValidForSeconds() || !explanation.contains(u"24 hours"_s))
        return refuse(u"the grace period of 24 hours is not chosen: "_s + explanation);
    return save(*dialog, file);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // The picture shows the settled dialog, not a frame of an animation.
    MotionPreference::setOverride(false);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 3)
        return refuse(u"usage: apiaccess-render-dialog create|rotate FILE.png"_s);
    if (arguments.at(1) == u"create"_s)
        return renderCreate(arguments.at(2));
    if (arguments.at(1) == u"rotate"_s)
        return renderRotate(arguments.at(2));
    return refuse(u"no such dialog: "_s + arguments.at(1));
}
