// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <QJsonArray>
#include <QProcess>
#include <QUrl>

#include <memory>

namespace lyss::test {

// tests/servers/fake_llm.py (or another server script there, such as hostile.py) on
// 127.0.0.1 with a free port, for as long as it lives.
class FakeServer {
public:
    explicit FakeServer(const QStringList& extraArgs = {},
                        const QString& script = QStringLiteral("fake_llm.py"));
    ~FakeServer();
    bool isRunning() const { return m_port > 0; }
    int port() const { return m_port; }
    QUrl url(const QString& path = {}) const;
    // Every request the server received, oldest first: method, path, headers, body.
    QJsonArray requests() const;
    void reset();
    void stop();

private:
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
};

// A port on 127.0.0.1 where nothing listens.
int closedPort();

// The environment minus anything that would change Lyss's settings (OLLAMA_*,
// OPENAI_*, DEFAULT_*, LYSS_*), so a developer's own variables cannot leak into a test.
QProcessEnvironment cleanEnvironment();

struct CliResult {
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the real lyss-cli binary with --data-dir and waits for it.
CliResult runCli(const QString& dataDir, const QStringList& args,
                 const QProcessEnvironment& env = cleanEnvironment(), const QByteArray& input = {});

QByteArray fileSha256(const QString& path);
QByteArray readFile(const QString& path);
void writeFile(const QString& path, const QByteArray& bytes);

} // namespace lyss::test
