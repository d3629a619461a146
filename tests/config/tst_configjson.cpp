// SPDX-License-Identifier: GPL-3.0-or-later
// Moving config.json into the database: Lyss's own shapes, Open WebUI's file with its
// keys going to a real keyring, the database winning, and a broken file left alone.
// Runs under tests/with-keyring.sh.
#include "TestSupport.h"

#include "app/AppContext.h"
#include "config/BackendResolver.h"
#include "config/ConfigJsonImporter.h"
#include "config/SecretFilter.h"
#include "config/Settings.h"
#include "secrets/KeychainSecretStore.h"
#include "store/BackendRepository.h"
#include "store/ConfigRepository.h"
#include "store/LocalUser.h"
#include "store/sqlite/Database.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace lyss;

namespace {

// Open WebUI's legacy config.json, shaped as in ../shared/FORMATS.md.
QByteArray openWebUiFixture()
{
    return test::readFile(QStringLiteral(LYSS_SOURCE_DIR "/tests/data/openwebui-config.json"));
}

} // namespace

class TestConfigJson : public QObject {
    Q_OBJECT

    struct Fixture {
        QTemporaryDir dir;
        std::unique_ptr<Database> db;
        std::unique_ptr<ConfigRepository> config;
        std::unique_ptr<ConfigRepository> personal; // the local user's
        std::unique_ptr<BackendRepository> backends;

        Fixture()
        {
            auto opened = Database::open(dir.filePath(QStringLiteral("lyss.db")));
            if (!opened.ok())
                qFatal("%s", qPrintable(opened.errorMessage()));
            db = std::move(opened).value();
            config = std::make_unique<ConfigRepository>(*db);
            personal = std::make_unique<ConfigRepository>(*db, localUserId());
            backends = std::make_unique<BackendRepository>(*db);
        }
        ~Fixture()
        {
            backends.reset();
            personal.reset();
            config.reset();
            db.reset();
        }
        QString configPath() const { return dir.filePath(QStringLiteral("config.json")); }
        ConfigJsonReport run(SecretStore* secrets)
        {
            return ConfigJsonImporter(*db, *config, *personal, *backends, secrets).run(dir.path());
        }
        // Where the key belongs: the person's settings or the installation's.
        QString stored(const QString& key)
        {
            const SettingDefinition* def = Settings::definition(key);
            auto v = (def && def->scope == SettingScope::Person ? personal : config)->get(key);
            return v.ok() && v->has_value() ? (**v).toVariant().toString()
                                            : QStringLiteral("<none>");
        }
        QStringList backupFiles() const
        {
            return QDir(dir.path())
                .entryList({QStringLiteral("config.json.backup.*")}, QDir::Files);
        }
    };

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QFAIL("run this test through tests/with-keyring.sh");
    }

    void lyssFlatForm()
    {
        Fixture f;
        const QByteArray content = "{\"ui.theme\": \"dark\", \"chat.default_model\": \"llama3.2\"}";
        test::writeFile(f.configPath(), content);
        const ConfigJsonReport r = f.run(nullptr);
        QCOMPARE(r.outcome, ConfigJsonReport::Outcome::Migrated);
        QCOMPARE(r.format, QStringLiteral("Lyss"));
        QCOMPARE(f.stored(QStringLiteral("ui.theme")), QStringLiteral("dark"));
        QCOMPARE(f.stored(QStringLiteral("chat.default_model")), QStringLiteral("llama3.2"));
        QVERIFY(!QFileInfo::exists(f.configPath()));
        QCOMPARE(f.backupFiles().size(), 1);
        QVERIFY(QRegularExpression(QStringLiteral("^config\\.json\\.backup\\.\\d{10,}$"))
                    .match(f.backupFiles().first())
                    .hasMatch());
        QCOMPARE(test::readFile(f.dir.filePath(f.backupFiles().first())), content);
        QCOMPARE(r.backupPath, f.dir.filePath(f.backupFiles().first()));
        QVERIFY(r.summary().contains(QStringLiteral("ui.theme")));
        // Once moved, it is not read again.
        QCOMPARE(f.run(nullptr).outcome, ConfigJsonReport::Outcome::NotFound);
    }

    void lyssNestedFormKeepsUnknownKeys()
    {
        Fixture f;
        test::writeFile(f.configPath(), "{\"ui\": {\"theme\": \"oled-dark\", \"font_scale\": 1.2}, "
                                        "\"plugins\": {\"weather\": {\"units\": \"metric\"}}}");
        const ConfigJsonReport r = f.run(nullptr);
        QCOMPARE(r.outcome, ConfigJsonReport::Outcome::Migrated);
        QCOMPARE(f.stored(QStringLiteral("ui.theme")), QStringLiteral("oled-dark"));
        QCOMPARE(f.stored(QStringLiteral("ui.font_scale")), QStringLiteral("1.2"));
        QCOMPARE(f.stored(QStringLiteral("plugins.weather.units")), QStringLiteral("metric"));
        QCOMPARE(r.unknownKept, (QStringList{QStringLiteral("plugins.weather.units"),
                                             QStringLiteral("ui.font_scale")}));
        QVERIFY(r.summary().contains(QStringLiteral("plugins.weather.units")));
    }

    void databaseValuesWin()
    {
        Fixture f;
        QVERIFY(f.personal->set(QStringLiteral("ui.theme"), QStringLiteral("light")).ok());
        test::writeFile(f.configPath(), "{\"ui\": {\"theme\": \"dark\", \"language\": \"fr\"}}");
        const ConfigJsonReport r = f.run(nullptr);
        QCOMPARE(r.outcome, ConfigJsonReport::Outcome::Migrated);
        QCOMPARE(f.stored(QStringLiteral("ui.theme")), QStringLiteral("light"));
        QCOMPARE(f.stored(QStringLiteral("ui.language")), QStringLiteral("fr"));
        QCOMPARE(r.keptExisting, QStringList{QStringLiteral("ui.theme")});
        QCOMPARE(r.applied, QStringList{QStringLiteral("ui.language")});
    }

    void invalidValueIsReportedNotApplied()
    {
        Fixture f;
        test::writeFile(f.configPath(), "{\"ui.theme\": \"purple\"}");
        const ConfigJsonReport r = f.run(nullptr);
        QCOMPARE(r.outcome, ConfigJsonReport::Outcome::Migrated);
        QCOMPARE(f.stored(QStringLiteral("ui.theme")), QStringLiteral("<none>"));
        QCOMPARE(r.problems.size(), 1);
        QVERIFY(r.problems.first().contains(QStringLiteral("ui.theme")));
        QVERIFY(r.problems.first().contains(QStringLiteral("backup file")));
    }

    void openWebUiConfig()
    {
        Fixture f;
        test::writeFile(f.configPath(), openWebUiFixture());
        KeychainSecretStore keyring;
        const ConfigJsonReport r = f.run(&keyring);
        QCOMPARE(r.outcome, ConfigJsonReport::Outcome::Migrated);
        QCOMPARE(r.format, QStringLiteral("Open WebUI"));
        QVERIFY2(r.problems.isEmpty(), qPrintable(r.problems.join(QLatin1Char('\n'))));

        auto backends = f.backends->list();
        QVERIFY(backends.ok());
        QStringList got;
        for (const BackendRecord& b : *backends)
            got << QStringLiteral("%1 %2 %3 enabled=%4 key=%5")
                       .arg(b.name, backendKindName(b.kind), b.url.toString())
                       .arg(b.enabled)
                       .arg(b.hasKey);
        QCOMPARE(
            got,
            (QStringList{
                QStringLiteral("ollama ollama http://localhost:11434 enabled=1 key=0"),
                QStringLiteral("ollama-2 ollama http://gpu-box:11434 enabled=0 key=0"),
                QStringLiteral("api.openai.com openai https://api.openai.com/v1 enabled=1 key=1"),
                QStringLiteral("localhost openai http://localhost:8080/v1 enabled=1 key=0"),
            }));
        // The key is in the keyring under the backend's name...
        auto key = keyring.read(backendSecretKey(QStringLiteral("api.openai.com")));
        QVERIFY2(key.ok(), qPrintable(key.errorMessage()));
        QCOMPARE(key->value_or(QString()), QStringLiteral("sk-test-secret-1"));
        // ...and nowhere in the database files.
        f.backends.reset();
        f.personal.reset();
        f.config.reset();
        f.db.reset();
        for (const QString& file :
             QDir(f.dir.path()).entryList({QStringLiteral("lyss.db*")}, QDir::Files))
            QVERIFY2(!test::readFile(f.dir.filePath(file)).contains("sk-test-secret-1"),
                     qPrintable(file));
        f.db = std::move(Database::open(f.dir.filePath(QStringLiteral("lyss.db")))).value();
        f.config = std::make_unique<ConfigRepository>(*f.db);
        f.personal = std::make_unique<ConfigRepository>(*f.db, localUserId());

        QCOMPARE(f.stored(QStringLiteral("ui.language")), QStringLiteral("zh-CN"));
        QCOMPARE(f.stored(QStringLiteral("chat.default_model")), QStringLiteral("llama3.2"));
        QCOMPARE(f.stored(QStringLiteral("auth.jwt_expiry")), QStringLiteral("-1"));
        QCOMPARE(f.stored(QStringLiteral("auth.enable_api_keys")), QStringLiteral("true"));
        QCOMPARE(f.stored(QStringLiteral("ui.enable_signup")), QStringLiteral("true"));
        QCOMPARE(f.stored(QStringLiteral("version")), QStringLiteral("0"));
        QVERIFY(r.unknownKept.contains(QStringLiteral("ui.prompt_suggestions")));
        QVERIFY(r.unknownKept.contains(QStringLiteral("task")));
        QCOMPARE(f.stored(QStringLiteral("openai.api_keys")), QStringLiteral("<none>"));
        QCOMPARE(f.backupFiles().size(), 1);
        QCOMPARE(test::readFile(f.dir.filePath(f.backupFiles().first())), openWebUiFixture());
    }

    void openWebUiWithoutKeyringStillMovesTheRest()
    {
        Fixture f;
        test::writeFile(f.configPath(), openWebUiFixture());
        const ConfigJsonReport r = f.run(nullptr);
        QCOMPARE(r.outcome, ConfigJsonReport::Outcome::Migrated);
        QCOMPARE(r.problems.size(), 1);
        QVERIFY(r.problems.first().contains(QStringLiteral("api.openai.com")));
        QVERIFY(r.problems.first().contains(QStringLiteral("not saved")));
        auto b = f.backends->find(QStringLiteral("api.openai.com"));
        QVERIFY(b.ok() && b->has_value());
        QVERIFY(!(*b)->hasKey);
        // The key survives only in the user's own file, now the backup.
        QVERIFY(
            test::readFile(f.dir.filePath(f.backupFiles().first())).contains("sk-test-secret-1"));
    }

    void secretsUnderOtherNamesNeverReachTheDatabase_data()
    {
        QTest::addColumn<bool>("withKeyring");
        QTest::addRow("keyring") << true;
        QTest::addRow("no keyring") << false;
    }

    void secretsUnderOtherNamesNeverReachTheDatabase()
    {
        QFETCH(bool, withKeyring);
        Fixture f;
        // Every value in the file that must stay out of lyss.db holds the marker "S3CR3T".
        test::writeFile(f.configPath(), test::readFile(QStringLiteral(
                                            LYSS_SOURCE_DIR "/tests/data/config-secrets.json")));
        KeychainSecretStore keyring;
        const ConfigJsonReport r = f.run(withKeyring ? &keyring : nullptr);
        QCOMPARE(r.outcome, ConfigJsonReport::Outcome::Migrated);
        const QString summary = r.summary();

        // What is not secret came across as usual, an address without its password.
        QCOMPARE(f.stored(QStringLiteral("ui.theme")), QStringLiteral("dark"));
        QCOMPARE(f.stored(QStringLiteral("ui.keyboard_layout")), QStringLiteral("us"));
        QCOMPARE(f.stored(QStringLiteral("openai.max_tokens")), QStringLiteral("4096"));
        QCOMPARE(f.stored(QStringLiteral("proxy.url")),
                 QStringLiteral("https://proxy.example:8080/x"));
        QVERIFY2(summary.contains(QStringLiteral("password in the address of proxy.url")),
                 qPrintable(summary));
        auto backend = f.backends->find(QStringLiteral("ollama"));
        QVERIFY(backend.ok() && backend->has_value());
        QCOMPARE((*backend)->url.toString(), QStringLiteral("https://gpu-box:11434"));
        QVERIFY(summary.contains(QStringLiteral("ollama.base_urls[0]")));

        const QStringList secrets{QStringLiteral("webui.headers.Authorization"),
                                  QStringLiteral("notify.url"),
                                  QStringLiteral(" SMTP.Password "),
                                  QStringLiteral("oauth.client_secret"),
                                  QStringLiteral("oauth.access_token"),
                                  QStringLiteral("db.credentials.user"),
                                  QStringLiteral("ldap.APP_PASS"),
                                  QStringLiteral("service.Api-Key"),
                                  QStringLiteral("service.pin_password")};
        for (const QString& key : secrets) {
            QCOMPARE(f.stored(key), QStringLiteral("<none>"));
            QVERIFY2(summary.contains(key), qPrintable(key + QStringLiteral(": ") + summary));
        }
        if (withKeyring) {
            QCOMPARE(r.secretsStored.size(), secrets.size() + 1); // and proxy.url's whole address
            auto smtp = keyring.read(configSecretKey(QStringLiteral(" SMTP.Password ")));
            QVERIFY2(smtp.ok(), qPrintable(smtp.errorMessage()));
            QCOMPARE(smtp->value_or(QString()), QStringLiteral("S3CR3T-smtp"));
            auto pin = keyring.read(configSecretKey(QStringLiteral("service.pin_password")));
            QCOMPARE(pin->value_or(QString()), QStringLiteral("123456"));
        } else {
            QVERIFY(r.secretsStored.isEmpty());
            QVERIFY(summary.contains(QStringLiteral("no keyring is available")));
        }

        // Not a byte of them in the database files.
        f.backends.reset();
        f.personal.reset();
        f.config.reset();
        f.db.reset();
        for (const QString& file :
             QDir(f.dir.path()).entryList({QStringLiteral("lyss.db*")}, QDir::Files)) {
            const QByteArray bytes = test::readFile(f.dir.filePath(file));
            QVERIFY2(!bytes.contains("S3CR3T") && !bytes.contains("123456"), qPrintable(file));
        }
    }

    void secretNamesAndValues()
    {
        for (const char* key :
             {"a.password", "Passwd", "x.secret_key", "refresh_token", "API_KEY", "apikey",
              "openai.key", "keys", "auth.credentials", "Cookie", "slack_webhook", "private-key",
              " x.TOKEN ", "session_token", "admin_token", "api_tokens", "authentication_token"})
            QVERIFY2(SecretFilter::nameLooksSecret(QLatin1String(key)), key);
        for (const char* key : {"max_tokens", "num_tokens", "ui.keyboard", "chat.monkey_mode",
                                "ui.theme", "context_tokens"})
            QVERIFY2(!SecretFilter::nameLooksSecret(QLatin1String(key)), key);
        QCOMPARE(SecretFilter::classify(QStringLiteral("x"), QStringLiteral("Basic dXNlcjpw")).kind,
                 SecretFilter::Kind::Secret);
        QCOMPARE(SecretFilter::classify(QStringLiteral("x"),
                                        QStringLiteral("https://example.com/api/webhooks/1/abc"))
                     .kind,
                 SecretFilter::Kind::Secret);
        QCOMPARE(SecretFilter::classify(QStringLiteral("x"), QStringLiteral("https://example.com/"))
                     .kind,
                 SecretFilter::Kind::Plain);
        QCOMPARE(SecretFilter::classify(QStringLiteral("x.enable_api_keys"), true).kind,
                 SecretFilter::Kind::Plain);
        QCOMPARE(SecretFilter::classify(QStringLiteral("max_tokens"), 4096).kind,
                 SecretFilter::Kind::Plain);
        // Objects inside arrays: Open WebUI's tool_server.connections[].key.
        const QJsonArray connections{
            QJsonObject{{QStringLiteral("url"), QStringLiteral("http://x")},
                        {QStringLiteral("key"), QStringLiteral("sk-1")}}};
        QCOMPARE(
            SecretFilter::classify(QStringLiteral("tool_server.connections"), connections).kind,
            SecretFilter::Kind::Secret);
        // A password a URL parser refuses is found and cut all the same.
        const auto odd = SecretFilter::classify(
            QStringLiteral("proxy"), QStringLiteral("https://bob:p a#s/s@proxy.example:8080/x"));
        QCOMPARE(odd.kind, SecretFilter::Kind::Cleaned);
        QCOMPARE(odd.cleaned.toString(), QStringLiteral("https://proxy.example:8080/x"));
        // A backend address with a password is refused where a user types it.
        QString problem;
        QVERIFY(!normalizeBackendUrl(QStringLiteral("https://me:pw@host:1"), &problem).isValid());
        QVERIFY2(problem.contains(QStringLiteral("https://host:1")) &&
                     !problem.contains(QStringLiteral("pw")),
                 qPrintable(problem));
    }

    void existingBackendIsNotDuplicated()
    {
        Fixture f;
        BackendRecord mine;
        mine.name = QStringLiteral("ollama");
        mine.url = QUrl(QStringLiteral("http://gpu-box:11434"));
        QVERIFY(f.backends->add(mine).ok());
        test::writeFile(f.configPath(), "{\"ollama\": {\"base_urls\": [\"http://localhost:11434\", "
                                        "\"http://gpu-box:11434\"]}}");
        const ConfigJsonReport r = f.run(nullptr);
        auto list = f.backends->list();
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(1).name, QStringLiteral("ollama-2")); // the name was taken
        QCOMPARE(list->at(1).url.toString(), QStringLiteral("http://localhost:11434"));
        QVERIFY(r.keptExisting.join(QLatin1Char(' ')).contains(QStringLiteral("gpu-box")));
    }

    void brokenFileIsLeftAloneAndExplained()
    {
        Fixture f;
        const QByteArray broken =
            "{\n  \"ui.theme\": \"dark\",\n  \"chat.default_model\" \"llama3\"\n}\n";
        test::writeFile(f.configPath(), broken);
        const ConfigJsonReport r = f.run(nullptr);
        QCOMPARE(r.outcome, ConfigJsonReport::Outcome::Invalid);
        QVERIFY2(r.error.contains(QStringLiteral("line 3, column")), qPrintable(r.error));
        QVERIFY(r.error.contains(f.configPath()));
        QCOMPARE(test::readFile(f.configPath()), broken);
        QVERIFY(f.backupFiles().isEmpty());
        QCOMPARE(f.stored(QStringLiteral("ui.theme")), QStringLiteral("<none>"));
    }

    void brokenFileDoesNotStopTheApp()
    {
        QTemporaryDir dir;
        test::writeFile(dir.filePath(QStringLiteral("config.json")), "[1, 2,");
        AppContext::Options o;
        o.dataDir = dir.path();
        o.env = test::cleanEnvironment();
        auto app = AppContext::open(o);
        QVERIFY2(app.ok(), qPrintable(app.errorMessage()));
        QCOMPARE((*app)->notices().size(), 1);
        QVERIFY((*app)->notices().first().contains(QStringLiteral("not valid JSON")));
        QCOMPARE(test::readFile(dir.filePath(QStringLiteral("config.json"))), QByteArray("[1, 2,"));
    }

    void aPasswordInAStoredAddressLeavesTheDatabase_data()
    {
        QTest::addColumn<bool>("withKeyring");
        QTest::addRow("keyring") << true;
        QTest::addRow("no keyring") << false;
    }

    void aPasswordInAStoredAddressLeavesTheDatabase()
    {
        QFETCH(bool, withKeyring);
        // As a Lyss from before kept it: the address with the password in it.
        QTemporaryDir dir;
        {
            auto db = Database::open(dir.filePath(QStringLiteral("lyss.db")));
            QVERIFY(db.ok());
            BackendRepository backends(**db);
            BackendRecord old;
            old.name = QStringLiteral("old");
            old.kind = BackendKind::OpenAI;
            old.url = QUrl(QStringLiteral("https://alice:S3CR3T@api.example.com/v1"));
            QVERIFY(backends.add(old).ok());
        }
        struct NoKeyring : SecretStore {
            Result<std::optional<QString>> read(const QString&) override
            {
                return Error{QStringLiteral("no keyring")};
            }
            Status write(const QString&, const QString&) override
            {
                return Error{QStringLiteral("no keyring")};
            }
            Status remove(const QString&) override { return Error{QStringLiteral("no keyring")}; }
        };
        auto keyring = std::make_shared<KeychainSecretStore>();
        AppContext::Options o;
        o.dataDir = dir.path();
        o.env = test::cleanEnvironment();
        o.secrets =
            withKeyring ? std::shared_ptr<SecretStore>(keyring) : std::make_shared<NoKeyring>();
        {
            auto app = AppContext::open(o);
            QVERIFY2(app.ok(), qPrintable(app.errorMessage()));
            const QString said = (*app)->notices().join(QLatin1Char('\n'));
            auto stored = (*app)->backends().find(QStringLiteral("old"));
            QVERIFY(stored.ok() && stored->has_value());
            QVERIFY(!said.contains(QStringLiteral("S3CR3T")));
            if (withKeyring) {
                QVERIFY2(said.contains(QStringLiteral("The address of the server old had a "
                                                      "password in it")) &&
                             said.contains(QStringLiteral("https://api.example.com/v1")),
                         qPrintable(said));
                QCOMPARE((*stored)->url.toString(), QStringLiteral("https://api.example.com/v1"));
                auto kept = keyring->read(configSecretKey(QStringLiteral("backends.old.url")));
                QVERIFY2(kept.ok(), qPrintable(kept.errorMessage()));
                QCOMPARE(kept->value_or(QString()),
                         QStringLiteral("https://alice:S3CR3T@api.example.com/v1"));
            } else {
                // Nowhere to keep it: left as it is, not lost, and said.
                QVERIFY2(said.contains(QStringLiteral("has a password in it")) &&
                             said.contains(QStringLiteral("left there for now")),
                         qPrintable(said));
                QCOMPARE((*stored)->url.toString(),
                         QStringLiteral("https://alice:S3CR3T@api.example.com/v1"));
            }
        }
        // With a keyring, said once: the next start has nothing to say.
        auto again = AppContext::open(o);
        QVERIFY(again.ok());
        QCOMPARE((*again)->notices().isEmpty(), withKeyring);
    }

    void notAnObject()
    {
        Fixture f;
        test::writeFile(f.configPath(), "[\"ui.theme\"]");
        const ConfigJsonReport r = f.run(nullptr);
        QCOMPARE(r.outcome, ConfigJsonReport::Outcome::Invalid);
        QVERIFY(r.error.contains(QStringLiteral("JSON object")));
        QVERIFY(QFileInfo::exists(f.configPath()));
    }
};

QTEST_GUILESS_MAIN(TestConfigJson)
#include "tst_configjson.moc"
