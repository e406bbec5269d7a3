#include "cli/AdminCommands.h"

#include "crypto/MasterKey.h"
#include "crypto/PasswordHash.h"
#include "store/Stores.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace ApiAccess::Server {

namespace {

constexpr int kOk = 0;
constexpr int kFailed = 1;
constexpr int kUsage = 2;
constexpr int kMinimumPasswordLength = 12;
constexpr qint64 kMaximumPasswordBytes = 4096;

QString tr(const char *text)
{
    return QCoreApplication::translate("AdminCommands", text);
}

QString usage()
{
    return tr("usage: apiaccess-server admin add NAME --password-stdin\n"
              "       apiaccess-server admin passwd NAME --password-stdin\n"
              "       apiaccess-server admin list\n"
              "       apiaccess-server admin remove NAME\n"
              "NAME is 1 to 64 characters of A-Z a-z 0-9 . _ @ -; the password is read\n"
              "from the first line of standard input and must have at least 12 characters.\n");
}

int usageError(QTextStream &err, const QString &message)
{
    err << message << u'\n' << usage();
    err.flush();
    return kUsage;
}

bool validName(const QString &name)
{
    static const QRegularExpression pattern(u"\\A[A-Za-z0-9._@-]{1,64}\\z"_s);
    return pattern.match(name).hasMatch();
}

// Wipes the bytes a password passed through.
struct WipedBytes
{
    QByteArray bytes;
    ~WipedBytes()
    {
        if (!bytes.isEmpty())
            sodium_memzero(bytes.data(), static_cast<size_t>(bytes.size()));
    }
};

// One line from standard input, without its line ending.
bool readPassword(QIODevice &in, WipedBytes &password, QTextStream &err)
{
    if (!in.isOpen() && !in.open(QIODevice::ReadOnly)) {
        err << tr("cannot read the password from standard input") << u'\n';
        return false;
    }
    password.bytes = in.readLine(kMaximumPasswordBytes + 1);
    if (password.bytes.endsWith('\n'))
        password.bytes.chop(1);
    if (password.bytes.endsWith('\r'))
        password.bytes.chop(1);
    if (password.bytes.isEmpty()) {
        err << tr("no password on standard input (expected one line)") << u'\n';
        return false;
    }
    if (password.bytes.size() > kMaximumPasswordBytes) {
        err << tr("the password is longer than %1 bytes").arg(kMaximumPasswordBytes) << u'\n';
        return false;
    }
    const QString decoded = QString::fromUtf8(password.bytes);
    const qsizetype characters = decoded.toUcs4().size();
    if (characters < kMinimumPasswordLength) {
        err << tr("the password is too short: use at least %1 characters")
                   .arg(kMinimumPasswordLength)
            << u'\n';
        return false;
    }
    return true;
}

struct Parsed
{
    QString command;
    QString name;
    bool passwordStdin = false;
};

int setPassword(AccountStore &store, const Parsed &parsed, QTextStream &out, QTextStream &err,
                QIODevice &in)
{
    WipedBytes password;
    if (!readPassword(in, password, err))
        return kFailed;
    auto hashed = PasswordHash::hash(password.bytes);
    if (!hashed) {
        err << hashed.error() << u'\n';
        return kFailed;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (parsed.command == u"add") {
        auto added = store.addAdmin(AdminAccount{parsed.name, hashed.value(), now, now});
        if (!added) {
            if (added.error().code == StoreErrorCode::AlreadyExists)
                err << tr("admin user %1 already exists; use 'admin passwd' to change the password")
                           .arg(parsed.name)
                    << u'\n';
            else
                err << tr("cannot add admin user %1: %2").arg(parsed.name, added.error().message)
                    << u'\n';
            return kFailed;
        }
        out << tr("admin user %1 added").arg(parsed.name) << u'\n';
        return kOk;
    }
    auto changed = store.setAdminPassword(parsed.name, hashed.value(), now);
    if (!changed) {
        if (changed.error().code == StoreErrorCode::NotFound)
            err << tr("no admin user %1").arg(parsed.name) << u'\n';
        else
            err << tr("cannot change the password of %1: %2")
                       .arg(parsed.name, changed.error().message)
                << u'\n';
        return kFailed;
    }
    out << tr("password of admin user %1 changed; its sessions were ended").arg(parsed.name)
        << u'\n';
    return kOk;
}

int run(const Parsed &parsed, const DatabaseConfig &database, QTextStream &out, QTextStream &err,
        QIODevice &in)
{
    if (!initialiseSodium()) {
        err << tr("libsodium could not be initialised") << u'\n';
        return kFailed;
    }
    // No master key here: accounts hold no token secret.
    auto opened = Stores::open(database, {});
    if (!opened) {
        err << opened.error() << u'\n';
        return kFailed;
    }
    AccountStore &store = *opened.value().accounts;

    if (parsed.command == u"add" || parsed.command == u"passwd")
        return setPassword(store, parsed, out, err, in);

    if (parsed.command == u"list") {
        auto admins = store.listAdmins();
        if (!admins) {
            err << tr("cannot list admin users: %1").arg(admins.error().message) << u'\n';
            return kFailed;
        }
        for (const AdminAccount &admin : admins.value())
            out << admin.username << u'\n';
        return kOk;
    }

    auto removed = store.removeAdmin(parsed.name);
    if (!removed) {
        if (removed.error().code == StoreErrorCode::NotFound)
            err << tr("no admin user %1").arg(parsed.name) << u'\n';
        else
            err << tr("cannot remove admin user %1: %2").arg(parsed.name, removed.error().message)
                << u'\n';
        return kFailed;
    }
    out << tr("admin user %1 removed").arg(parsed.name) << u'\n';
    return kOk;
}

} // namespace

int runAdminCommand(const QStringList &arguments, const DatabaseConfig &database, QTextStream &out,
                    QTextStream &err, QIODevice &stdinDevice)
{
    if (arguments.isEmpty())
        return usageError(err, tr("missing admin command"));
    if (arguments.size() == 1 && (arguments.first() == u"--help" || arguments.first() == u"-h")) {
        out << usage();
        out.flush();
        return kOk;
    }

    Parsed parsed;
    parsed.command = arguments.first();
    QStringList positional;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == u"--password-stdin")
            parsed.passwordStdin = true;
        else if (argument.startsWith(u'-') && argument.size() > 1)
            // Only the option's name: a value could be a password typed in the wrong place.
            return usageError(err, tr("unknown option %1").arg(argument.section(u'=', 0, 0)));
        else
            positional.append(argument);
    }

    const bool takesPassword = parsed.command == u"add" || parsed.command == u"passwd";
    const bool takesName = takesPassword || parsed.command == u"remove";
    if (!takesName && parsed.command != u"list")
        return usageError(err, tr("unknown admin command %1").arg(parsed.command));
    if (positional.size() != (takesName ? 1 : 0))
        return usageError(err,
                          takesName ? tr("admin %1 takes exactly one user name").arg(parsed.command)
                                    : tr("admin list takes no arguments"));
    if (parsed.passwordStdin && !takesPassword)
        return usageError(err, tr("--password-stdin is only for admin add and admin passwd"));
    if (takesPassword && !parsed.passwordStdin) {
        // Passwords on the command line end up in shell history and `ps`.
        return usageError(err, tr("admin %1 needs --password-stdin").arg(parsed.command));
    }
    if (takesName) {
        parsed.name = positional.first();
        if (!validName(parsed.name))
            return usageError(err,
                              tr("invalid user name: use 1 to 64 characters of "
                                 "A-Z a-z 0-9 . _ @ -"));
    }

    const int code = run(parsed, database, out, err, stdinDevice);
    out.flush();
    err.flush();
    return code;
}

} // namespace ApiAccess::Server
