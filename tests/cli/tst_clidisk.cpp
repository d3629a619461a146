// SPDX-License-Identifier: GPL-3.0-or-later
// lyss-cli on a full disk and a read-only one, for real: a small tmpfs and a read-only
// bind mount (both need root; the tests skip with a message otherwise). Nothing is
// reported done that was not, and nothing the user had is lost.
#include "TestSupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

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
        QCOMPARE(QDir(disk->path()).entryList(QDir::Files),
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
};

QTEST_GUILESS_MAIN(TestCliDisk)
#include "tst_clidisk.moc"
