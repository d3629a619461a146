// SPDX-License-Identifier: GPL-3.0-or-later
// What lyss-cli writes to a terminal cannot control it, a table stays a table whatever
// a title holds, and a failed write to stdout fails the command.
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace lyss;
using test::runCli;

namespace {

// An Open WebUI export with one chat whose title and reply try to take over a terminal.
QByteArray hostileExport()
{
    const QString title =
        QStringLiteral("Evil\x1b]0;pwned\x07 title\nsecond line\x1b[2J\u202egnp.exe");
    QJsonObject user{{QStringLiteral("id"), QStringLiteral("m1")},
                     {QStringLiteral("parentId"), QJsonValue()},
                     {QStringLiteral("childrenIds"), QJsonArray{QStringLiteral("m2")}},
                     {QStringLiteral("role"), QStringLiteral("user")},
                     {QStringLiteral("content"), QStringLiteral("hi")},
                     {QStringLiteral("timestamp"), 1700000000}};
    QJsonObject reply{{QStringLiteral("id"), QStringLiteral("m2")},
                      {QStringLiteral("parentId"), QStringLiteral("m1")},
                      {QStringLiteral("childrenIds"), QJsonArray{}},
                      {QStringLiteral("role"), QStringLiteral("assistant")},
                      {QStringLiteral("content"),
                       QStringLiteral("line one\nline two\x1b[31m red\x9b"
                                      "1m\tend\r\nover\rwritten \u202eevil\u202c "
                                      "\u2067isolate\u2069 \u00e9t\u00e9 \u201cq\u201d")},
                      {QStringLiteral("model"), QStringLiteral("llama\x1b[5m")},
                      {QStringLiteral("timestamp"), 1700000005}};
    QJsonObject chat{
        {QStringLiteral("title"), title},
        {QStringLiteral("history"),
         QJsonObject{{QStringLiteral("currentId"), QStringLiteral("m2")},
                     {QStringLiteral("messages"),
                      QJsonObject{{QStringLiteral("m1"), user}, {QStringLiteral("m2"), reply}}}}}};
    QJsonObject entry{{QStringLiteral("id"), QStringLiteral("evil-1")},
                      {QStringLiteral("title"), title},
                      {QStringLiteral("chat"), chat},
                      {QStringLiteral("created_at"), 1700000000},
                      {QStringLiteral("updated_at"), 1700000005}};
    return QJsonDocument(QJsonArray{entry}).toJson();
}

// Runs lyss-cli with stdout and stderr on a pseudo-terminal (util-linux's script).
test::CliResult runOnTerminal(const QString& dataDir, const QStringList& args,
                              const QByteArray& input = {})
{
    QStringList quoted;
    for (const QString& a :
         QStringList{QStringLiteral(LYSS_CLI_PATH), QStringLiteral("--data-dir"), dataDir} + args)
        quoted << QLatin1Char('\'') +
                      QString(a).replace(QLatin1Char('\''), QStringLiteral("'\\''")) +
                      QLatin1Char('\'');
    QProcess p;
    p.setProcessEnvironment(test::cleanEnvironment());
    p.start(QStringLiteral("script"),
            {QStringLiteral("-qec"), quoted.join(QLatin1Char(' ')), QStringLiteral("/dev/null")});
    p.waitForStarted();
    if (!input.isEmpty()) {
        QTest::qWait(300); // the question first, then the answer typed on the terminal
        p.write(input);
    }
    p.waitForFinished(60000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestCliTerminal : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString file = m_dir.filePath(QStringLiteral("evil.json"));
        test::writeFile(file, hostileExport());
        const auto r = runCli(m_dir.path(), {QStringLiteral("import"), file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void chatsListEscapesControlsOnATerminal()
    {
        const auto r =
            runOnTerminal(m_dir.path(), {QStringLiteral("chats"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(!r.out.contains(QChar(0x1b)), qPrintable(r.out));
        QVERIFY(!r.out.contains(QChar(0x07)));
        QVERIFY(!r.out.contains(QChar(0x202e)));
        QVERIFY2(r.out.contains(QStringLiteral("Evil\\x1b]0;pwned\\x07 title\\nsecond line\\x1b[2J"
                                               "\\u202egnp.exe")),
                 qPrintable(r.out));
    }

    void tableStaysOneLineAChatOffATerminal()
    {
        const auto r = runCli(m_dir.path(), {QStringLiteral("chats"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2); // the header and the one chat
        QVERIFY2(lines[1].contains(QStringLiteral("title\\nsecond line")), qPrintable(lines[1]));
        QVERIFY(!r.out.contains(QChar(0x1b)));
    }

    void chatsShowKeepsNewlinesAndEscapesTheRest()
    {
        const auto list = runCli(m_dir.path(), {QStringLiteral("chats"), QStringLiteral("list"),
                                                QStringLiteral("--json")});
        const QString id =
            QJsonDocument::fromJson(list.out.toUtf8()).array()[0][QLatin1String("id")].toString();
        const auto r =
            runOnTerminal(m_dir.path(), {QStringLiteral("chats"), QStringLiteral("show"), id});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(!r.out.contains(QChar(0x1b)), qPrintable(r.out));
        QVERIFY(!r.out.contains(QChar(0x9b)));
        // The reply's lines stay lines (script turns \n into \r\n), its tab stays a tab.
        QVERIFY2(r.out.contains(QStringLiteral("line one\r\nline two\\x1b[31m red\\x9b1m\tend")),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("llama\\x1b[5m")));
        // A carriage return that would write over the line, and text turned around or set
        // apart by the bidirectional controls, are shown for what they are; other text in
        // the same bytes' range passes.
        QVERIFY2(r.out.contains(QStringLiteral("over\\rwritten \\u202eevil\\u202c \\u2067isolate"
                                               "\\u2069 \u00e9t\u00e9 \u201cq\u201d")),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("# Evil\\x1b]0;pwned\\x07 title\\nsecond line")));

        // --json stays JSON, escaped the JSON way.
        const auto json =
            runOnTerminal(m_dir.path(), {QStringLiteral("chats"), QStringLiteral("show"), id,
                                         QStringLiteral("--json")});
        QVERIFY(!json.out.contains(QChar(0x1b)));
        QVERIFY(json.out.contains(QStringLiteral("\\u001b]0;pwned")));
    }

    void chatsDeleteAsksFirst()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("evil.json"));
        test::writeFile(file, hostileExport());
        QCOMPARE(runCli(dir.path(), {QStringLiteral("import"), file}).exitCode, 0);
        const auto list = runCli(dir.path(), {QStringLiteral("chats"), QStringLiteral("list"),
                                              QStringLiteral("--json")});
        const QString id =
            QJsonDocument::fromJson(list.out.toUtf8()).array()[0][QLatin1String("id")].toString();
        const QStringList del{QStringLiteral("chats"), QStringLiteral("delete"), id.left(8)};

        // Not a terminal, no --yes: refused, nothing deleted.
        auto r = runCli(dir.path(), del);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--yes")), qPrintable(r.err));
        // On a terminal it asks; "n" keeps the chat.
        r = runOnTerminal(dir.path(), del, "n\n");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral("and its 2 messages? [y/N]")), qPrintable(r.out));
        QVERIFY(!r.out.contains(QChar(0x1b))); // the title in the question is escaped too
        QVERIFY(r.out.contains(QStringLiteral("Nothing was deleted.")));
        QCOMPARE(runCli(dir.path(), {QStringLiteral("chats"), QStringLiteral("show"), id}).exitCode,
                 0);
        // "y" deletes it.
        r = runOnTerminal(dir.path(), del, "y\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("Deleted the chat")));
        QCOMPARE(runCli(dir.path(), {QStringLiteral("chats"), QStringLiteral("show"), id}).exitCode,
                 1);
        // --yes does not ask.
        QCOMPARE(runCli(dir.path(), {QStringLiteral("import"), file}).exitCode, 0);
        const auto again = runCli(dir.path(), {QStringLiteral("chats"), QStringLiteral("list"),
                                               QStringLiteral("--json")});
        const QString id2 =
            QJsonDocument::fromJson(again.out.toUtf8()).array()[0][QLatin1String("id")].toString();
        r = runCli(dir.path(), {QStringLiteral("chats"), QStringLiteral("delete"), id2,
                                QStringLiteral("--yes")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void failedWriteToStdoutFails()
    {
        // lyss-cli chats list > /dev/full
        QProcess p;
        p.setProcessEnvironment(test::cleanEnvironment());
        p.setStandardOutputFile(QStringLiteral("/dev/full"));
        p.start(QStringLiteral(LYSS_CLI_PATH), {QStringLiteral("--data-dir"), m_dir.path(),
                                                QStringLiteral("chats"), QStringLiteral("list")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 1);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(
            err.contains(QStringLiteral("Could not write the output: No space left on device")),
            qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestCliTerminal)
#include "tst_cliterminal.moc"
