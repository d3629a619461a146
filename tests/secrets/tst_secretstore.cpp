// SPDX-License-Identifier: GPL-3.0-or-later
// API keys in a real keyring (gnome-keyring on a private D-Bus session), and what a
// user reads when there is no keyring. ctest runs this twice: through
// tests/with-keyring.sh, and through tests/without-keyring.sh with LYSS_TEST_NO_KEYRING=1.
#include "TestSupport.h"

#include "secrets/KeychainSecretStore.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace lyss;

class TestSecretStore : public QObject {
    Q_OBJECT

    bool m_noKeyring = qEnvironmentVariableIsSet("LYSS_TEST_NO_KEYRING");

    static QStringList filesUnder(const QString& dir)
    {
        QStringList out;
        const auto entries =
            QDir(dir).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QFileInfo& info : entries) {
            out << info.fileName();
            if (info.isDir())
                out += filesUnder(info.filePath());
        }
        return out;
    }

private Q_SLOTS:
    void writeReadRemove()
    {
        if (m_noKeyring)
            QSKIP("no keyring in this run");
        KeychainSecretStore store(QStringLiteral("lyss-test"));
        const QString key = backendSecretKey(QStringLiteral("Work"));
        QCOMPARE(key, QStringLiteral("backend/work/api-key"));

        auto missing = store.read(key);
        QVERIFY2(missing.ok(), qPrintable(missing.errorMessage()));
        QVERIFY(!missing->has_value());

        QVERIFY2(store.write(key, QStringLiteral("sk-first")).ok(), "write");
        QCOMPARE(store.read(key)->value_or(QString()), QStringLiteral("sk-first"));
        QVERIFY(store.write(key, QStringLiteral("sk-second ключ 鍵")).ok());
        QCOMPARE(store.read(key)->value_or(QString()), QStringLiteral("sk-second ключ 鍵"));

        // Another service name is another namespace.
        KeychainSecretStore other(QStringLiteral("lyss-other"));
        QVERIFY(!other.read(key)->has_value());

        QVERIFY(store.remove(key).ok());
        QVERIFY(!store.read(key)->has_value());
        QVERIFY(store.remove(key).ok()); // removing again is fine
    }

    void cliAddsKeyToKeyringOnly()
    {
        if (m_noKeyring)
            QSKIP("no keyring in this run");
        QTemporaryDir dir;
        auto r = test::runCli(
            dir.path(),
            {QStringLiteral("backends"), QStringLiteral("add"), QStringLiteral("--kind"),
             QStringLiteral("openai"), QStringLiteral("--name"), QStringLiteral("work"),
             QStringLiteral("--url"), QStringLiteral("https://api.example.com/v1"),
             QStringLiteral("--key-stdin")},
            test::cleanEnvironment(), "sk-from-stdin\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("key in the keyring")));
        KeychainSecretStore keyring;
        QCOMPARE(keyring.read(backendSecretKey(QStringLiteral("work")))->value_or(QString()),
                 QStringLiteral("sk-from-stdin"));
        for (const QString& f : QDir(dir.path()).entryList(QDir::Files))
            QVERIFY2(!test::readFile(dir.filePath(f)).contains("sk-from-stdin"), qPrintable(f));
        auto list = test::runCli(dir.path(), {QStringLiteral("backends"), QStringLiteral("list")});
        QVERIFY(list.out.contains(QStringLiteral("keyring")));
        QVERIFY(!list.out.contains(QStringLiteral("sk-from-stdin")));

        auto removed = test::runCli(dir.path(), {QStringLiteral("backends"),
                                                 QStringLiteral("remove"), QStringLiteral("work")});
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
        QVERIFY(!keyring.read(backendSecretKey(QStringLiteral("work")))->has_value());
    }

    void noKeyringIsSaidPlainly()
    {
        if (!m_noKeyring)
            QSKIP("a keyring is running in this run");
        KeychainSecretStore store(QStringLiteral("lyss-test"), 10000);
        const Status st =
            store.write(QStringLiteral("backend/x/api-key"), QStringLiteral("sk-nowhere"));
        QVERIFY(!st.ok());
        QVERIFY2(st.errorMessage().contains(QStringLiteral("no keyring is available")),
                 qPrintable(st.errorMessage()));
        QVERIFY(
            st.errorMessage().contains(QStringLiteral("has not written the key anywhere else")));
        // Nothing fell back to a file in the home or config directories.
        const QString home = QDir::homePath();
        for (const QString& f : filesUnder(home))
            QVERIFY2(!f.contains(QStringLiteral("lyss"), Qt::CaseInsensitive) &&
                         !f.contains(QStringLiteral("keychain"), Qt::CaseInsensitive),
                     qPrintable(f));
    }

    void cliRefusesToAddWithoutKeyring()
    {
        if (!m_noKeyring)
            QSKIP("a keyring is running in this run");
        QTemporaryDir dir;
        auto r = test::runCli(
            dir.path(),
            {QStringLiteral("backends"), QStringLiteral("add"), QStringLiteral("--kind"),
             QStringLiteral("openai"), QStringLiteral("--name"), QStringLiteral("work"),
             QStringLiteral("--url"), QStringLiteral("https://api.example.com/v1"),
             QStringLiteral("--key-stdin")},
            test::cleanEnvironment(), "sk-nowhere\n");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("no keyring is available")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("The backend was not added")));
        auto list = test::runCli(dir.path(), {QStringLiteral("backends"), QStringLiteral("list"),
                                              QStringLiteral("--json")});
        QVERIFY(!list.out.contains(QStringLiteral("work")));
        for (const QString& f : QDir(dir.path()).entryList(QDir::Files))
            QVERIFY2(!test::readFile(dir.filePath(f)).contains("sk-nowhere"), qPrintable(f));
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
