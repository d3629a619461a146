// SPDX-License-Identifier: GPL-3.0-or-later
// Settings precedence (default < database < environment), validation, and the backend
// list built from the database and Open WebUI's environment variables.
#include "TestSupport.h"

#include "config/BackendResolver.h"
#include "config/Settings.h"
#include "store/ConfigRepository.h"
#include "store/LocalUser.h"
#include "store/sqlite/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace lyss;

class TestSettings : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ConfigRepository> m_repo;   // the installation's
    std::unique_ptr<ConfigRepository> m_person; // the local user's

    static QProcessEnvironment envWith(const QList<QPair<QString, QString>>& vars)
    {
        QProcessEnvironment env;
        for (const auto& [k, v] : vars)
            env.insert(k, v);
        return env;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto db = Database::open(m_dir.filePath(QStringLiteral("lyss.db")));
        QVERIFY2(db.ok(), qPrintable(db.errorMessage()));
        m_db = std::move(db).value();
        m_repo = std::make_unique<ConfigRepository>(*m_db);
        m_person = std::make_unique<ConfigRepository>(*m_db, localUserId());
    }

    void cleanupTestCase()
    {
        m_person.reset();
        m_repo.reset();
        m_db.reset();
    }

    void init()
    {
        for (ConfigRepository* repo : {m_repo.get(), m_person.get()}) {
            auto rows = repo->all();
            QVERIFY(rows.ok());
            for (const auto& row : *rows)
                QVERIFY(repo->remove(row.first).ok());
        }
    }

    void defaultThenDatabaseThenEnvironment()
    {
        Settings plain(*m_repo, *m_person, QProcessEnvironment());
        auto e = plain.entry(QStringLiteral("ui.language"));
        QVERIFY(e.ok());
        QCOMPARE(e->source, ValueSource::Default);
        QCOMPARE(e->value.toString(), QString());
        QCOMPARE(plain.text(SettingKey::Theme), QStringLiteral("system"));

        QVERIFY(plain.set(QStringLiteral("ui.language"), QStringLiteral("de")).ok());
        e = plain.entry(QStringLiteral("ui.language"));
        QCOMPARE(e->source, ValueSource::Database);
        QCOMPARE(e->value.toString(), QStringLiteral("de"));

        Settings withEnv(*m_repo, *m_person,
                         envWith({{QStringLiteral("DEFAULT_LOCALE"), QStringLiteral("zh-CN")}}));
        e = withEnv.entry(QStringLiteral("ui.language"));
        QCOMPARE(e->source, ValueSource::Environment);
        QCOMPARE(e->envVar, QStringLiteral("DEFAULT_LOCALE"));
        QCOMPARE(e->value.toString(), QStringLiteral("zh-CN"));
        // The database keeps its own value underneath.
        QCOMPARE(m_person->get(QStringLiteral("ui.language"))->value().toString(),
                 QStringLiteral("de"));
    }

    void openWebUiDefaultModelsTakesTheFirst()
    {
        Settings s(
            *m_repo, *m_person,
            envWith({{QStringLiteral("DEFAULT_MODELS"), QStringLiteral("llama3.2, mistral")}}));
        QCOMPARE(s.text(SettingKey::DefaultModel), QStringLiteral("llama3.2"));
    }

    void invalidEnvironmentValueIsIgnored()
    {
        QVERIFY(m_person->set(QStringLiteral("ui.theme"), QStringLiteral("dark")).ok());
        Settings s(*m_repo, *m_person,
                   envWith({{QStringLiteral("LYSS_THEME"), QStringLiteral("neon")}}));
        auto e = s.entry(QStringLiteral("ui.theme"));
        QCOMPARE(e->source, ValueSource::Database);
        QCOMPARE(e->value.toString(), QStringLiteral("dark"));
    }

    void validation_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("stored"); // JSON text of what ends up stored
        QTest::newRow("theme bare word") << "ui.theme"
                                         << "dark" << true << "\"dark\"";
        QTest::newRow("theme JSON string") << "ui.theme"
                                           << "\"oled-dark\"" << true << "\"oled-dark\"";
        QTest::newRow("theme not allowed") << "ui.theme"
                                           << "purple" << false << "";
        QTest::newRow("number") << "net.idle_timeout_seconds"
                                << "30" << true << "30";
        QTest::newRow("number as text") << "net.idle_timeout_seconds"
                                        << "soon" << false << "";
        QTest::newRow("number too small") << "net.idle_timeout_seconds"
                                          << "0" << false << "";
        QTest::newRow("text that looks like a number") << "chat.default_model"
                                                       << "42" << true << "\"42\"";
    }

    void validation()
    {
        QFETCH(QString, key);
        QFETCH(QString, typed);
        QFETCH(bool, accepted);
        QFETCH(QString, stored);
        Settings s(*m_repo, *m_person, QProcessEnvironment());
        auto value = Settings::parseUserValue(key, typed);
        const Status st = value.ok() ? s.set(key, *value) : Status(value.error());
        QCOMPARE(st.ok(), accepted);
        if (accepted) {
            const SettingDefinition* def = Settings::definition(key);
            auto raw = (def->scope == SettingScope::Person ? m_person : m_repo)->all();
            QVERIFY(raw.ok());
            QCOMPARE(raw->size(), 1);
            QCOMPARE(
                QString::fromUtf8(
                    QJsonDocument(QJsonArray{raw->first().second}).toJson(QJsonDocument::Compact)),
                QLatin1Char('[') + stored + QLatin1Char(']'));
        } else {
            QVERIFY(!st.errorMessage().isEmpty());
            QVERIFY(st.errorMessage().contains(key));
        }
    }

    void unknownKeySuggestsTheClosest()
    {
        Settings s(*m_repo, *m_person, QProcessEnvironment());
        auto e = s.entry(QStringLiteral("ui.them"));
        QVERIFY(!e.ok());
        QVERIFY(e.errorMessage().contains(QStringLiteral("Did you mean \"ui.theme\"")));
        QVERIFY(!s.set(QStringLiteral("nonsense.key"), 1).ok());
        QVERIFY(s.entry(QStringLiteral("totally.different"))
                    .errorMessage()
                    .contains(QStringLiteral("Known settings")));
    }

    void storedUnknownKeysAreListedButMarked()
    {
        QVERIFY(m_repo->set(QStringLiteral("auth.jwt_expiry"), QStringLiteral("-1")).ok());
        Settings s(*m_repo, *m_person, QProcessEnvironment());
        auto list = s.list();
        QVERIFY(list.ok());
        QCOMPARE(list->size(), Settings::definitions().size() + 1);
        auto it = std::find_if(list->begin(), list->end(), [](const SettingEntry& e) {
            return e.key == QLatin1String("auth.jwt_expiry");
        });
        QVERIFY(it != list->end());
        QVERIFY(!it->known);
        QCOMPARE(s.entry(QStringLiteral("auth.jwt_expiry"))->value.toString(),
                 QStringLiteral("-1"));
    }

    void ollamaHost_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("url");
        QTest::newRow("bind all") << "0.0.0.0"
                                  << "http://127.0.0.1:11434";
        QTest::newRow("bind all, port") << "0.0.0.0:8080"
                                        << "http://127.0.0.1:8080";
        QTest::newRow("host only") << "gpu-box"
                                   << "http://gpu-box:11434";
        QTest::newRow("empty host") << ":1234"
                                    << "http://127.0.0.1:1234";
        QTest::newRow("https default port") << "https://example.com"
                                            << "https://example.com:443";
        QTest::newRow("http with path") << "http://example.com/ollama"
                                        << "http://example.com:80/ollama";
        QTest::newRow("ollama.com") << "ollama.com"
                                    << "https://ollama.com:443";
        QTest::newRow("ipv6 any") << "[::]:11434"
                                  << "http://[::1]:11434";
        QTest::newRow("ipv6 loopback") << "[::1]"
                                       << "http://[::1]:11434";
        QTest::newRow("bad port") << "example.com:99999"
                                  << "http://127.0.0.1:11434";
    }

    void ollamaHost()
    {
        QFETCH(QString, value);
        QFETCH(QString, url);
        QCOMPARE(ollamaUrlFromHost(value).toString(), url);
    }

    void backendsWithNothingConfigured()
    {
        const auto list = resolveBackends({}, QProcessEnvironment());
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].name, QStringLiteral("ollama"));
        QCOMPARE(list[0].url.toString(), QStringLiteral("http://localhost:11434"));
        QCOMPARE(list[0].source, ValueSource::Default);
    }

    void backendsFromEnvironment()
    {
        BackendRecord mine;
        mine.name = QStringLiteral("ollama");
        mine.url = QUrl(QStringLiteral("http://stored:11434"));
        BackendRecord work;
        work.name = QStringLiteral("work");
        work.kind = BackendKind::OpenAI;
        work.url = QUrl(QStringLiteral("https://api.example.com/v1"));
        work.hasKey = true;

        const auto env = envWith(
            {{QStringLiteral("OLLAMA_BASE_URL"), QStringLiteral("http://ignored:1")},
             {QStringLiteral("OLLAMA_BASE_URLS"), QStringLiteral("http://a:11434/;http://b:11434")},
             {QStringLiteral("OPENAI_API_BASE_URLS"),
              QStringLiteral("http://llama:8080/v1;https://api.openai.com/v1")},
             {QStringLiteral("OPENAI_API_KEYS"), QStringLiteral(";sk-env")}});
        const auto list = resolveBackends({mine, work}, env);
        QStringList got;
        for (const auto& b : list)
            got << QStringLiteral("%1 %2 %3 %4")
                       .arg(b.name, b.url.toString(), valueSourceName(b.source), b.envKey);
        const QStringList expected{
            QStringLiteral("ollama http://a:11434 environment "), // replaces the stored one
            QStringLiteral("work https://api.example.com/v1 database "),
            QStringLiteral("ollama-2 http://b:11434 environment "),
            QStringLiteral("openai http://llama:8080/v1 environment "),
            QStringLiteral("openai-2 https://api.openai.com/v1 environment sk-env"),
        };
        QCOMPARE(got, expected);
        QCOMPARE(list[0].envVar, QStringLiteral("OLLAMA_BASE_URLS"));
    }

    void storedOllamaReplacesTheDefault()
    {
        BackendRecord mine;
        mine.name = QStringLiteral("home");
        mine.url = QUrl(QStringLiteral("http://home:11434"));
        const auto list = resolveBackends({mine}, QProcessEnvironment());
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].name, QStringLiteral("home"));
    }

    void openAiKeyAloneMeansOpenAi()
    {
        const auto list = resolveBackends(
            {}, envWith({{QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-1")}}));
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[1].url.toString(), QStringLiteral("https://api.openai.com/v1"));
        QCOMPARE(list[1].envKey, QStringLiteral("sk-1"));
    }

    void urlNormalization()
    {
        QString problem;
        QCOMPARE(normalizeBackendUrl(QStringLiteral(" http://localhost:11434/ ")).toString(),
                 QStringLiteral("http://localhost:11434"));
        QVERIFY(!normalizeBackendUrl(QStringLiteral("localhost:11434"), &problem).isValid());
        QVERIFY(problem.contains(QStringLiteral("http://host:port")));
        QVERIFY(!normalizeBackendUrl(QStringLiteral("ftp://x")).isValid());
        QVERIFY(!normalizeBackendUrl(QStringLiteral("http://")).isValid());
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
