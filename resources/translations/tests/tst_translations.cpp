// The Studio in German (issue 7): the embedded translation reaches the
// dialogs, the access level names and the plural forms, and the .ts files
// leave nothing untranslated. The .qm files are embedded under :/i18n as in
// apiaccess-studio, and loaded the way app/main.cpp loads them.

#include "RelativeTime.h"
#include "access/AccessLevel.h"
#include "dialogs/ConfirmActionDialog.h"
#include "dialogs/TokenDialog.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include <memory>

using namespace ApiAccess;
using namespace Qt::StringLiterals;

namespace {

struct TsMessage
{
    QString context;
    QString source;
    bool numerus = false;
    QString type; // "", "unfinished", "vanished", "obsolete"
    QStringList translations; // one, or one per plural form
};

QList<TsMessage> readTs(const QString &path, QString *language)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            if (xml.isEndElement() && xml.name() == u"message")
                messages.append(message);
            continue;
        }
        const auto name = xml.name();
        if (name == u"TS") {
            *language = xml.attributes().value(u"language"_s).toString();
        } else if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            message =
                TsMessage{context, {}, xml.attributes().value(u"numerus"_s) == u"yes", {}, {}};
        } else if (name == u"source") {
            message.source = xml.readElementText();
        } else if (name == u"translation") {
            message.type = xml.attributes().value(u"type"_s).toString();
            if (!message.numerus)
                message.translations.append(xml.readElementText());
        } else if (name == u"numerusform") {
            message.translations.append(xml.readElementText());
        }
    }
    if (xml.hasError())
        qWarning("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return messages;
}

// %1…%99 and %n, sorted: a translation must keep every one of them.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(u"%(\\d+|n)"_s);
    QStringList found;
    for (const auto &match : pattern.globalMatch(text))
        found.append(match.captured());
    found.sort();
    return found;
}

QString tsPath(const char *name)
{
    return QStringLiteral(APIACCESS_TS_DIR) + u'/' + QLatin1StringView(name);
}

} // namespace

class TranslationsTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTranslator> m_translator;

    void useLanguage(const QLocale &locale)
    {
        if (m_translator)
            QCoreApplication::removeTranslator(m_translator.get());
        m_translator = std::make_unique<QTranslator>();
        QVERIFY2(m_translator->load(locale, u"apiaccess"_s, u"_"_s, u":/i18n"_s),
                 qPrintable(locale.name()));
        QVERIFY(QCoreApplication::installTranslator(m_translator.get()));
    }

private Q_SLOTS:
    void init() { useLanguage(QLocale(QLocale::German, QLocale::Germany)); }

    void cleanup()
    {
        if (m_translator)
            QCoreApplication::removeTranslator(m_translator.get());
        m_translator.reset();
    }

    void germanAndEnglishAreEmbedded()
    {
        QVERIFY(QFile::exists(u":/i18n/apiaccess_de.qm"_s));
        QVERIFY(QFile::exists(u":/i18n/apiaccess_en.qm"_s));
        // Austria and Switzerland get the German translation too.
        QTranslator austrian;
        QVERIFY(austrian.load(QLocale(QLocale::German, QLocale::Austria), u"apiaccess"_s, u"_"_s,
                              u":/i18n"_s));
        QCOMPARE(austrian.translate("AccessLevel", "Editorial"), u"Redaktion"_s);
    }

    void createDialogSpeaksGerman()
    {
        TokenDialog dialog(TokenDialog::Mode::Create);
        QCOMPARE(dialog.windowTitle(), u"API-Token erstellen"_s);
        auto *create = dialog.findChild<QPushButton *>(u"createButton"_s);
        auto *cancel = dialog.findChild<QPushButton *>(u"cancelButton"_s);
        QVERIFY(create && cancel);
        QCOMPARE(create->text(), u"Erstellen"_s);
        QCOMPARE(cancel->text(), u"Abbrechen"_s);
        auto *nameLabel = dialog.findChild<QLabel *>(u"nameLabel"_s);
        QVERIFY(nameLabel);
        QCOMPARE(nameLabel->text(), u"Tokenname"_s);
        auto *advanced = dialog.findChild<QWidget *>(u"advancedToggle"_s);
        QVERIFY(advanced);
        QCOMPARE(advanced->property("text").toString(), u"Erweitert"_s);

        // The access levels show their German names; the default is the
        // least powerful one, whatever the language.
        auto *levels = dialog.findChild<QComboBox *>(u"accessLevelCombo"_s);
        QVERIFY(levels);
        QCOMPARE(levels->itemText(0), u"Administrativ"_s);
        QCOMPARE(levels->currentText(), u"Nur Lesen (eingeschränkt)"_s);
        QCOMPARE(levels->currentData().toString(), u"restricted_read_only"_s);
        auto *description = dialog.findChild<QLabel *>(u"accessLevelDescription"_s);
        QVERIFY(description);
        QCOMPARE(description->text(), u"Nur Inhalte im öffentlichen Bereich lesen."_s);
    }

    void editDialogSpeaksGerman()
    {
        TokenDialog dialog(TokenDialog::Mode::Edit);
        QCOMPARE(dialog.windowTitle(), u"API-Token bearbeiten"_s);
        auto *save = dialog.findChild<QPushButton *>(u"createButton"_s);
        QVERIFY(save);
        QCOMPARE(save->text(), u"Speichern"_s);
    }

    void accessLevelNames_data()
    {
        QTest::addColumn<AccessLevel>("level");
        QTest::addColumn<QString>("german");
        QTest::addColumn<QString>("wireId");
        QTest::newRow("administrative")
            << AccessLevel::Administrative << u"Administrativ"_s << u"administrative"_s;
        QTest::newRow("managing_editorial")
            << AccessLevel::ManagingEditorial << u"Redaktionsleitung"_s << u"managing_editorial"_s;
        QTest::newRow("editorial") << AccessLevel::Editorial << u"Redaktion"_s << u"editorial"_s;
        QTest::newRow("read_only") << AccessLevel::ReadOnly << u"Nur Lesen"_s << u"read_only"_s;
        QTest::newRow("restricted_read_only")
            << AccessLevel::RestrictedReadOnly << u"Nur Lesen (eingeschränkt)"_s
            << u"restricted_read_only"_s;
    }

    void accessLevelNames()
    {
        QFETCH(AccessLevel, level);
        QFETCH(QString, german);
        QFETCH(QString, wireId);
        QCOMPARE(AccessLevels::displayName(level), german);
        // The wire id is a product term of the API and is never translated.
        QCOMPARE(AccessLevels::wireId(level), wireId);
    }

    void confirmDialogCountsInGerman()
    {
        QStringList names;
        for (int i = 1; i <= ConfirmActionDialog::kMaxNamesListed + 1; ++i)
            names.append(u"Token %1"_s.arg(i));
        const auto oneMore = std::unique_ptr<ConfirmActionDialog>(
            ConfirmActionDialog::create(TokenAction::Delete, names, nullptr));
        QCOMPARE(oneMore->windowTitle(), u"11 API-Token löschen"_s);
        QVERIFY2(oneMore->text().startsWith(u"Diese 11 Token löschen?"_s),
                 qPrintable(oneMore->text()));
        QVERIFY2(oneMore->text().endsWith(u"und 1 weiteres"_s), qPrintable(oneMore->text()));
        QCOMPARE(oneMore->confirmButton()->text(), u"Löschen"_s);

        names << u"Token 12"_s << u"Token 13"_s;
        const auto threeMore = std::unique_ptr<ConfirmActionDialog>(
            ConfirmActionDialog::create(TokenAction::Disable, names, nullptr));
        QVERIFY2(threeMore->text().endsWith(u"und 3 weitere"_s), qPrintable(threeMore->text()));

        const auto single = std::unique_ptr<ConfirmActionDialog>(
            ConfirmActionDialog::create(TokenAction::Disable, {u"RSS reader"_s}, nullptr));
        QCOMPARE(single->text(), u"„RSS reader“ deaktivieren?"_s);
    }

    void pluralsFollowTheCount()
    {
        const QDateTime now(QDate(2025, 3, 14), QTime(12, 0), Qt::UTC);
        QCOMPARE(RelativeTime::format(now.addSecs(-3 * 3600), now), u"vor 3 Stunden"_s);
        QCOMPARE(RelativeTime::format(now.addSecs(-3600), now), u"vor 1 Stunde"_s);
        QCOMPARE(RelativeTime::format(now.addDays(-3), now), u"vor 3 Tagen"_s);
        QCOMPARE(RelativeTime::format(now.addDays(-1), now), u"gestern"_s);

        const char *tooMany = "Too many requests. Try again in %n second(s).";
        QCOMPARE(QCoreApplication::translate("Problem", tooMany, nullptr, 1),
                 u"Zu viele Anfragen. Versuchen Sie es in 1 Sekunde erneut."_s);
        QCOMPARE(QCoreApplication::translate("Problem", tooMany, nullptr, 3),
                 u"Zu viele Anfragen. Versuchen Sie es in 3 Sekunden erneut."_s);
    }

    void englishHasPluralForms()
    {
        useLanguage(QLocale(QLocale::English, QLocale::UnitedStates));
        const char *tooMany = "Too many requests. Try again in %n second(s).";
        QCOMPARE(QCoreApplication::translate("Problem", tooMany, nullptr, 1),
                 u"Too many requests. Try again in 1 second."_s);
        QCOMPARE(QCoreApplication::translate("Problem", tooMany, nullptr, 3),
                 u"Too many requests. Try again in 3 seconds."_s);
        TokenDialog dialog(TokenDialog::Mode::Create);
        QCOMPARE(dialog.windowTitle(), u"Create API token"_s);
        QCOMPARE(AccessLevels::displayName(AccessLevel::ManagingEditorial),
                 u"Managing Editorial"_s);
    }

    void tsFilesAreComplete_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("language");
        QTest::newRow("de") << tsPath("apiaccess_de.ts") << u"de_DE"_s;
        QTest::newRow("en") << tsPath("apiaccess_en.ts") << u"en_US"_s;
    }

    // Every message finished, no leftovers of removed strings, every
    // placeholder kept, both plural forms filled (German and English have two).
    void tsFilesAreComplete()
    {
        QFETCH(QString, path);
        QFETCH(QString, language);
        QString declared;
        const QList<TsMessage> messages = readTs(path, &declared);
        QCOMPARE(declared, language);
        QVERIFY2(messages.size() > 400, qPrintable(QString::number(messages.size())));
        QStringList problems;
        for (const TsMessage &m : messages) {
            const QString where = m.context + u": "_s + m.source;
            if (!m.type.isEmpty())
                problems.append(m.type + u" — "_s + where);
            if (m.translations.size() != (m.numerus ? 2 : 1))
                problems.append(u"wrong number of forms — "_s + where);
            for (const QString &text : m.translations) {
                if (text.trimmed().isEmpty())
                    problems.append(u"empty — "_s + where);
                else if (placeholders(text) != placeholders(m.source))
                    problems.append(u"placeholders differ — "_s + where + u" → "_s + text);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    // German typography and terms: „…“ instead of “…”, the Sie form, and
    // the product's German terms used the same way everywhere.
    void germanStyle()
    {
        QString declared;
        const QList<TsMessage> messages = readTs(tsPath("apiaccess_de.ts"), &declared);
        QVERIFY(!messages.isEmpty());
        static const QRegularExpression informal(u"\\b(du|dein|deine|dich|dir)\\b"_s,
                                                 QRegularExpression::CaseInsensitiveOption);
        QStringList problems;
        QSet<QString> sources;
        for (const TsMessage &m : messages) {
            sources.insert(m.source);
            for (const QString &text : m.translations) {
                if (text.contains(u'“') && !text.contains(u'„'))
                    problems.append(u"English quotes: "_s + text);
                if (informal.match(text).hasMatch())
                    problems.append(u"informal: "_s + text);
                if (text.contains(u"API Token"_s) || text.contains(u"API-token"_s))
                    problems.append(u"write API-Token: "_s + text);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        // The labels PRODUCT.md names exactly are all there to translate.
        for (const QString &label : {u"Create API token"_s, u"Token Name"_s, u"Access level"_s,
                                     u"Advanced"_s, u"Allowed IP Ranges"_s, u"Copy token"_s})
            QVERIFY2(sources.contains(label), qPrintable(label));
    }
};

QTEST_MAIN(TranslationsTest)
#include "tst_translations.moc"
