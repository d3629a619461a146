// SPDX-License-Identifier: GPL-3.0-or-later
// Accounts through lyss-cli as people use it, with a real keyring keeping the session:
// turning them on keeps the chats and signs you in; without a session nothing runs; a
// second person sees none of the first one's chats, even by exact id; roles are refused
// in words; the wait after failed sign-ins outlives the process and holds up nobody else;
// the password is in no file Lyss writes.
#include "TestSupport.h"

#include "accounts/Accounts.h"
#include "app/AppContext.h"
#include "secrets/SecretStore.h"
#include "store/ChatStore.h"
#include "store/LocalUser.h"
#include "store/sqlite/Database.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace lyss;
using test::runCli;

namespace {
QStringList words(const QString& line)
{
    return line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}
} // namespace

class TestCliAccounts : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_chatId;

    // The session token lyss-cli keeps in the keyring for this data folder.
    QByteArray keptToken()
    {
        AppContext::Options o;
        o.dataDir = m_dir.path();
        o.env = test::cleanEnvironment();
        auto app = AppContext::open(o);
        if (!app)
            return {};
        auto kept = (*app)->secrets().read((*app)->sessionSecretKey());
        return kept && kept->has_value() ? (*kept)->toUtf8() : QByteArray();
    }

    test::CliResult cli(const QString& line, const QByteArray& input = {})
    {
        return runCli(m_dir.path(), words(line), test::cleanEnvironment(), input);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A chat of the one local person, from before accounts.
        auto db = Database::open(QDir(m_dir.path()).filePath(QStringLiteral("lyss.db")));
        QVERIFY(db.ok());
        ChatStore store(**db, localUserId());
        auto chat = store.chats().createChat({.title = QStringLiteral("Alice's plans")});
        QVERIFY(chat.ok());
        m_chatId = chat->id;
        QVERIFY(store.messages()
                    .addMessage({.chatId = m_chatId,
                                 .role = Role::User,
                                 .content = QStringLiteral("the secret plan")})
                    .ok());
    }

    void turningAccountsOnSignsYouIn()
    {
        auto r = cli(QStringLiteral("accounts enable --name alice --password-stdin"),
                     "correct horse battery\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Signed in as alice (admin)")), qPrintable(r.out));
        r = cli(QStringLiteral("chats list"));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("Alice's plans")));
        QCOMPARE(cli(QStringLiteral("whoami")).out, QStringLiteral("alice (admin)\n"));
        QVERIFY(cli(QStringLiteral("accounts status")).out.contains(QStringLiteral("on: 1")));
        // A password never comes from an argument.
        r = cli(QStringLiteral("login alice correct horse battery"));
        QCOMPARE(r.exitCode, 2);
    }

    void withoutASessionNothingRuns()
    {
        QCOMPARE(cli(QStringLiteral("logout")).exitCode, 0);
        for (const QString& line : {QStringLiteral("chats list"), QStringLiteral("whoami"),
                                    QStringLiteral("export"), QStringLiteral("config list")}) {
            const auto r = cli(line);
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(QStringLiteral("lyss-cli login NAME")), qPrintable(r.err));
            QVERIFY(!r.out.contains(QStringLiteral("plans")));
        }
        QCOMPARE(
            cli(QStringLiteral("login alice --password-stdin"), "correct horse battery\n").exitCode,
            0);
    }

    void aSecondPersonSeesNothingOfTheFirst()
    {
        auto r = cli(QStringLiteral("users add bob --password-stdin"), "bob's password\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QByteArray alices = keptToken();
        QVERIFY(!alices.isEmpty());
        QCOMPARE(cli(QStringLiteral("login bob --password-stdin"), "bob's password\n").exitCode, 0);
        // Alice's session, replaced in the keyring, is over in the database too.
        QVERIFY(keptToken() != alices);
        {
            AppContext::Options o;
            o.dataDir = m_dir.path();
            o.env = test::cleanEnvironment();
            auto app = AppContext::open(o);
            QVERIFY(app.ok());
            QCOMPARE((*app)->accounts().resume(alices).errorCode(), ErrorCode::Unauthorised);
        }
        QCOMPARE(cli(QStringLiteral("whoami")).out, QStringLiteral("bob (user)\n"));
        QVERIFY(!cli(QStringLiteral("chats list")).out.contains(QStringLiteral("plans")));
        // Even by exact id: the same answer as for an id that does not exist.
        const auto other = cli(QStringLiteral("chats show ") + m_chatId);
        const auto none = cli(QStringLiteral("chats show 00000000-0000-0000-0000-000000000000"));
        QCOMPARE(other.exitCode, 1);
        QCOMPARE(QString(other.err).replace(m_chatId, QStringLiteral("ID")),
                 QString(none.err).replace(QStringLiteral("00000000-0000-0000-0000-000000000000"),
                                           QStringLiteral("ID")));
        for (const QString& line :
             {QStringLiteral("chats delete %1 --yes"), QStringLiteral("chat --chat %1 hello")}) {
            const auto r2 = cli(line.arg(m_chatId));
            QCOMPARE(r2.exitCode, 1);
        }
        const auto exported = cli(QStringLiteral("export"));
        QVERIFY(!exported.out.contains(QStringLiteral("secret plan")));
        // What only an admin may do is refused in words.
        for (const QString& line :
             {QStringLiteral("backends add --kind ollama --name x --url "
                             "http://127.0.0.1:9"),
              QStringLiteral("users list"), QStringLiteral("config set auth.signup true"),
              QStringLiteral("users role bob admin"),
              QStringLiteral("backup ") + m_dir.filePath("b.db")}) {
            const auto refused = cli(line);
            QCOMPARE(refused.exitCode, 1);
            QVERIFY2(refused.err.contains(QStringLiteral("Only an admin may")),
                     qPrintable(refused.err));
        }
        QVERIFY(!QFile::exists(m_dir.filePath("b.db")));
        // A person's own settings are theirs to change.
        QCOMPARE(cli(QStringLiteral("config set ui.theme dark")).exitCode, 0);
    }

    void pendingWaitsForApproval()
    {
        QCOMPARE(
            cli(QStringLiteral("login alice --password-stdin"), "correct horse battery\n").exitCode,
            0);
        QCOMPARE(cli(QStringLiteral("users add carol --role pending --password-stdin"),
                     "carol's password\n")
                     .exitCode,
                 0);
        QCOMPARE(cli(QStringLiteral("login carol --password-stdin"), "carol's password\n").exitCode,
                 0);
        auto r = cli(QStringLiteral("chats list"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("waits for an admin's approval")),
                 qPrintable(r.err));
        QCOMPARE(
            cli(QStringLiteral("login alice --password-stdin"), "correct horse battery\n").exitCode,
            0);
        QCOMPARE(cli(QStringLiteral("users approve carol")).exitCode, 0);
        r = cli(QStringLiteral("users list --json"));
        const QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(list.size(), 3);
        QCOMPARE(list.at(2)[QStringLiteral("role")].toString(), QStringLiteral("user"));
    }

    void onlyAnAdminExportsOtherPeoplesChats()
    {
        // alice is signed in (the last case). Bob has a chat of his own.
        auto listed = cli(QStringLiteral("users list --json"));
        QString bobId;
        for (const QJsonValue& u : QJsonDocument::fromJson(listed.out.toUtf8()).array()) {
            if (u[QStringLiteral("name")].toString() == QStringLiteral("bob"))
                bobId = u[QStringLiteral("id")].toString();
        }
        QVERIFY(!bobId.isEmpty());
        {
            auto db = Database::open(QDir(m_dir.path()).filePath(QStringLiteral("lyss.db")));
            QVERIFY(db.ok());
            ChatStore bobs(**db, bobId);
            QVERIFY(bobs.chats().createChat({.title = QStringLiteral("Bob's garden")}).ok());
        }
        auto r = cli(QStringLiteral("export --user bob"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("Bob's garden")));
        QVERIFY(!r.out.contains(QStringLiteral("Alice's plans")));
        r = cli(QStringLiteral("export --all-users"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray all = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QSet<QString> owners;
        for (const QJsonValue& c : all)
            owners << c[QStringLiteral("user_id")].toString();
        QVERIFY(owners.contains(bobId) && owners.contains(localUserId()));
        QVERIFY(r.out.contains(QStringLiteral("Alice's plans")));
        QVERIFY(r.out.contains(QStringLiteral("Bob's garden")));
        r = cli(QStringLiteral("export --user nobody"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("no account named nobody")), qPrintable(r.err));
        QCOMPARE(cli(QStringLiteral("export --all-users --user bob")).exitCode, 2);

        // Bob exports his own, and nobody else's.
        QCOMPARE(cli(QStringLiteral("login bob --password-stdin"), "bob's password\n").exitCode, 0);
        QVERIFY(cli(QStringLiteral("export --user bob")).out.contains(QStringLiteral("garden")));
        for (const QString& line :
             {QStringLiteral("export --user alice"), QStringLiteral("export --all-users")}) {
            r = cli(line);
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(QStringLiteral("Only an admin may export another person's "
                                                   "chats")),
                     qPrintable(r.err));
            QVERIFY(!r.out.contains(QStringLiteral("plans")));
        }
    }

    void failedSignInsMakeTheAccountWaitAcrossProcesses()
    {
        for (int i = 0; i < 5; ++i)
            QCOMPARE(cli(QStringLiteral("login bob --password-stdin"), "not it at all\n").err,
                     QStringLiteral("lyss-cli: The name or the password is not right.\n"));
        // The same answer, and the same work, for a name that does not exist.
        QCOMPARE(cli(QStringLiteral("login nobody --password-stdin"), "not it at all\n").err,
                 QStringLiteral("lyss-cli: The name or the password is not right.\n"));
        auto r = cli(QStringLiteral("login bob --password-stdin"), "bob's password\n");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("try again in 1 second")), qPrintable(r.err));
        // Nobody else waits.
        QCOMPARE(cli(QStringLiteral("login carol --password-stdin"), "carol's password\n").exitCode,
                 0);
        QThread::msleep(1100);
        QCOMPARE(cli(QStringLiteral("login bob --password-stdin"), "bob's password\n").exitCode, 0);
        // Each failure is in the data folder's auth.log, with its time.
        const QString log =
            QString::fromUtf8(test::readFile(m_dir.filePath(QStringLiteral("auth.log"))));
        QVERIFY2(log.contains(QStringLiteral("failed sign-in 5 in a row for bob, waits 1 s")),
                 qPrintable(log));
        QVERIFY(log.contains(QRegularExpression(QStringLiteral("^20\\d\\d-\\d\\d-\\d\\dT"),
                                                QRegularExpression::MultilineOption)));
    }

    void thePasswordIsInNoFile()
    {
        QCOMPARE(
            cli(QStringLiteral("login alice --password-stdin"), "correct horse battery\n").exitCode,
            0);
        QCOMPARE(
            cli(QStringLiteral("backup ") + m_dir.filePath(QStringLiteral("copy.db"))).exitCode, 0);
        QCOMPARE(cli(QStringLiteral("export -o ") + m_dir.filePath(QStringLiteral("mine.json")))
                     .exitCode,
                 0);
        int files = 0;
        for (const QString& name : QDir(m_dir.path()).entryList(QDir::Files)) {
            const QByteArray bytes = test::readFile(m_dir.filePath(name));
            for (const char* secret :
                 {"correct horse battery", "bob's password", "carol's password"})
                QVERIFY2(!bytes.contains(secret), qPrintable(name));
            ++files;
        }
        QVERIFY(files >= 3); // the database, its backup, the export (and a WAL)
    }
};

QTEST_GUILESS_MAIN(TestCliAccounts)
#include "tst_cliaccounts.moc"
