// SPDX-License-Identifier: GPL-3.0-or-later
// lyss-cli on a full disk and a read-only one, for real: a small tmpfs and a read-only
// bind mount (both need root; the tests skip with a message otherwise). Nothing is
// reported done that was not, and nothing the user had is lost.
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace lyss;
using test::runCli;

namespace {
QString fixture(const char* name)
{
    return QStringLiteral(LYSS_SOURCE_DIR "/tests/data/import/") + QLatin1String(name);
}
} // namespace

class TestCliDisk : public QObject {
    Q_OBJECT

    QTemporaryDir m_data; // a database with a few hundred chats

private Q_SLOTS:
    void initTestCase()
    {
        // 300 copies of the Open WebUI fixture's chats: an export of some 600 files.
        QJsonArray many;
        const QJsonArray base =
            QJsonDocument::fromJson(test::readFile(fixture("openwebui-export.json"))).array();
        for (int i = 0; i < 300; ++i) {
            for (const QJsonValue& v : base) {
                QJsonObject c = v.toObject();
                c[QLatin1String("id")] = c[QLatin1String("id")].toString() + QString::number(i);
                many.append(c);
            }
        }
        const QString file = m_data.filePath(QStringLiteral("many.json"));
        test::writeFile(file, QJsonDocument(many).toJson());
        const auto r = runCli(m_data.path(), {QStringLiteral("import"), file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void exportOnAFullDiskFailsAndKeepsThePreviousFile()
    {
        auto disk = test::Mount::tmpfs(64 * 1024);
        if (!disk->ok())
            QSKIP(qPrintable(disk->why()));
        const QString previous = disk->filePath(QStringLiteral("prev.json"));
        test::writeFile(previous, "the previous export\n");

        auto r = runCli(m_data.path(), {QStringLiteral("export"), QStringLiteral("-o"), previous});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(
                     QStringLiteral("Could not write %1: No space left on device").arg(previous)),
                 qPrintable(r.err));
        QCOMPARE(test::readFile(previous), QByteArray("the previous export\n"));
        // No temporary file is left behind either.
        QCOMPARE(QDir(disk->path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("prev.json")});

        // One Markdown file per chat: it stops at the first that does not fit, says so,
        // and every file it leaves is whole.
        const QString folder = disk->filePath(QStringLiteral("md"));
        r = runCli(m_data.path(),
                   {QStringLiteral("export"), QStringLiteral("--format"),
                    QStringLiteral("markdown"), QStringLiteral("-o"), folder + QLatin1Char('/')});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("No space left on device")), qPrintable(r.err));
        QVERIFY(!r.err.contains(QStringLiteral("Wrote")));
        const QFileInfoList files = QDir(folder).entryInfoList(QDir::Files);
        QVERIFY(!files.isEmpty());
        for (const QFileInfo& f : files) {
            QVERIFY2(f.size() > 0, qPrintable(f.fileName()));
            QVERIFY2(f.fileName().endsWith(QLatin1String(".md")), qPrintable(f.fileName()));
        }

        // A backup that does not fit leaves no file and no journal.
        const QString backup = disk->filePath(QStringLiteral("backup.db"));
        QDir(folder).removeRecursively();
        disk->fill();
        r = runCli(m_data.path(), {QStringLiteral("backup"), backup});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("disk is full")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(backup));
        QCOMPARE(QDir(disk->path()).entryList({QStringLiteral("backup*")}, QDir::Files).size(), 0);
    }

    void replyOnADiskThatFillsIsNotLostSilently()
    {
        auto disk = test::Mount::tmpfs(4 * 1024 * 1024);
        if (!disk->ok())
            QSKIP(qPrintable(disk->why()));
        test::FakeServer server;
        QVERIFY(server.isRunning());
        QProcessEnvironment env = test::cleanEnvironment();
        env.insert(QStringLiteral("OLLAMA_BASE_URL"), server.url().toString());
        const QString data = disk->filePath(QStringLiteral("data"));
        QCOMPARE(runCli(data, {QStringLiteral("chats"), QStringLiteral("list")}, env).exitCode, 0);
        // Room for the question and the start of the reply, not for 600 KB of it.
        disk->fill(160 * 1024);
        auto r = runCli(data,
                        {QStringLiteral("chat"), QStringLiteral("--model"),
                         QStringLiteral("long-80000"), QStringLiteral("write at length")},
                        env);
        QVERIFY2(r.exitCode == 1, qPrintable(r.err));
        // Everything the user saw is on stdout, whole.
        QVERIFY(r.out.trimmed().endsWith(QStringLiteral("tok79999")));
        QVERIFY2(r.err.contains(QStringLiteral("could not be saved")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("full")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("standard output")));

        // With room again the database is whole and usable; the reply is kept as far as
        // it was saved and marked cut off, not lost without a word.
        disk->makeRoom();
        r = runCli(
            data, {QStringLiteral("chats"), QStringLiteral("list"), QStringLiteral("--json")}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString id =
            QJsonDocument::fromJson(r.out.toUtf8()).array()[0][QLatin1String("id")].toString();
        r = runCli(data,
                   {QStringLiteral("chats"), QStringLiteral("show"), id, QStringLiteral("--json")},
                   env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray messages =
            QJsonDocument::fromJson(r.out.toUtf8()).object()[QLatin1String("messages")].toArray();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages[0][QLatin1String("content")].toString(),
                 QStringLiteral("write at length"));
        QVERIFY(messages[1][QLatin1String("status")].toString() != QLatin1String("complete"));
    }

    void aFullDiskAtStartOpensToReadNotBlamed()
    {
        auto disk = test::Mount::tmpfs(1024 * 1024);
        if (!disk->ok())
            QSKIP(qPrintable(disk->why()));
        const QString data = disk->filePath(QStringLiteral("data"));
        auto r = runCli(data, {QStringLiteral("import"), fixture("openwebui-export.json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        disk->fill(0);

        r = runCli(data, {QStringLiteral("chats"), QStringLiteral("list")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("is open read only: the disk is full")),
                 qPrintable(r.err));
        QVERIFY(!r.err.contains(QStringLiteral("Move the file elsewhere")));
        QVERIFY(r.out.contains(QStringLiteral("Branchy")));
        r = runCli(data, {QStringLiteral("db"), QStringLiteral("check")});
        QVERIFY2(r.exitCode == 0 && r.out.contains(QStringLiteral("is intact")),
                 qPrintable(r.out + r.err));
        r = runCli(data, {QStringLiteral("config"), QStringLiteral("set"),
                          QStringLiteral("ui.theme"), QStringLiteral("dark")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("cannot be changed: the disk is full")),
                 qPrintable(r.err));

        // Room again: written as before, without a word about it.
        disk->makeRoom();
        r = runCli(data, {QStringLiteral("config"), QStringLiteral("set"),
                          QStringLiteral("ui.theme"), QStringLiteral("dark")});
        QVERIFY2(r.exitCode == 0 && !r.err.contains(QStringLiteral("read only")),
                 qPrintable(r.err));
    }

    void aDatabaseYouMayNotWriteIsReadNotBlamed()
    {
        // Someone else's file, readable by all: as root, lyss-cli runs as nobody for this.
        QTemporaryDir dir;
        auto r = runCli(dir.path(), {QStringLiteral("import"), fixture("openwebui-export.json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString db = dir.filePath(QStringLiteral("lyss.db"));
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                              QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                              QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                              QFileDevice::ExeOther);
        QFile::setPermissions(db, QFileDevice::ReadOwner | QFileDevice::ReadGroup |
                                      QFileDevice::ReadOther);
        const QByteArray before = test::readFile(db);
        auto run = [&](const QStringList& args) {
            QStringList command{QStringLiteral(LYSS_CLI_PATH), QStringLiteral("--data-dir"),
                                dir.path()};
            command += args;
            QProcess p;
            QProcessEnvironment env = test::cleanEnvironment();
            env.insert(QStringLiteral("ASAN_OPTIONS"), QStringLiteral("detect_leaks=0"));
            p.setProcessEnvironment(env);
            if (::geteuid() == 0)
                p.start(QStringLiteral("runuser"),
                        QStringList{QStringLiteral("-u"), QStringLiteral("nobody"),
                                    QStringLiteral("--")} +
                            command);
            else
                p.start(command.takeFirst(), command);
            p.waitForFinished(60000);
            return test::CliResult{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                                   QString::fromUtf8(p.readAllStandardError())};
        };
        r = run({QStringLiteral("chats"), QStringLiteral("list")});
        QVERIFY2(r.exitCode == 0 && r.out.contains(QStringLiteral("Branchy")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("is open read only: you have no permission to "
                                               "write")),
                 qPrintable(r.err));
        r = run({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("ui.theme"),
                 QStringLiteral("dark")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("cannot be changed: you have no permission to "
                                               "write")),
                 qPrintable(r.err));
        QCOMPARE(test::readFile(db), before);
    }

    void aReadOnlyDatabaseIsReadNotBlamed()
    {
        auto view = test::Mount::readOnlyView(m_data.path());
        if (!view->ok())
            QSKIP(qPrintable(view->why()));
        const QString db = view->filePath(QStringLiteral("lyss.db"));
        const QByteArray before = test::readFile(db);
        QVERIFY(!before.isEmpty());
        const QStringList beside = QDir(m_data.path()).entryList(QDir::Files);

        // Reading works, and says once why nothing can be changed.
        auto r = runCli(view->path(), {QStringLiteral("chats"), QStringLiteral("list"),
                                       QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray chats = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QVERIFY2(chats.size() >= 300, qPrintable(QString::number(chats.size())));
        QVERIFY2(r.err.contains(QStringLiteral("is open read only: it is on a read-only file "
                                               "system")),
                 qPrintable(r.err));
        QVERIFY(!r.err.contains(QStringLiteral("could not be read as a database")));
        QVERIFY(!r.err.contains(QStringLiteral("QSqlDatabase")));
        const QString id = chats[0][QLatin1String("id")].toString();
        r = runCli(view->path(), {QStringLiteral("chats"), QStringLiteral("show"), id});
        QVERIFY2(r.exitCode == 0 && !r.out.isEmpty(), qPrintable(r.err));
        QTemporaryDir out;
        const QString exported = out.filePath(QStringLiteral("all.json"));
        r = runCli(view->path(), {QStringLiteral("export"), QStringLiteral("-o"), exported});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(QJsonDocument::fromJson(test::readFile(exported)).array().size(), 600); // all 600
        r = runCli(view->path(), {QStringLiteral("backup"), out.filePath(QStringLiteral("b.db"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runCli(view->path(), {QStringLiteral("db"), QStringLiteral("check")});
        QVERIFY2(r.exitCode == 0 && r.out.contains(QStringLiteral("is intact")),
                 qPrintable(r.out + r.err)); // not "damaged"

        // What would change it says why it cannot, and does nothing.
        const QList<QStringList> writes{
            {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("ui.theme"),
             QStringLiteral("dark")},
            {QStringLiteral("chats"), QStringLiteral("delete"), id, QStringLiteral("--yes")},
            {QStringLiteral("import"), fixture("openwebui-export.json")},
            {QStringLiteral("chat"), QStringLiteral("hello")},
            {QStringLiteral("backends"), QStringLiteral("add"), QStringLiteral("--name"),
             QStringLiteral("x"), QStringLiteral("--kind"), QStringLiteral("ollama"),
             QStringLiteral("--url"), QStringLiteral("http://127.0.0.1:9")},
            {QStringLiteral("restore"), out.filePath(QStringLiteral("b.db"))},
        };
        for (const QStringList& args : writes) {
            r = runCli(view->path(), args);
            QVERIFY2(r.exitCode == 1, qPrintable(args.join(QLatin1Char(' '))));
            QVERIFY2(r.err.contains(QStringLiteral("cannot be changed: it is on a read-only file "
                                                   "system. Nothing was done.")),
                     qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(": ") + r.err));
        }
        QCOMPARE(test::readFile(db), before);
        QCOMPARE(QDir(m_data.path()).entryList(QDir::Files), beside); // no -wal, no -shm
    }
};

QTEST_GUILESS_MAIN(TestCliDisk)
#include "tst_clidisk.moc"
