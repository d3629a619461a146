// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <QJsonArray>
#include <QJsonObject>
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
    qint64 pid() const;
    QUrl url(const QString& path = {}) const;
    // GETs `path` of the server (its /_test/... controls) and returns the body.
    QByteArray get(const QString& path) const;
    // POSTs `json` to `path` of the server and returns the body.
    QByteArray post(const QString& path, const QByteArray& json) const;
    // Every request the server received, oldest first: method, path, headers, body.
    QJsonArray requests() const;
    // The last chat request (Ollama's /api/chat or OpenAI's /chat/completions), or {}.
    QJsonObject lastChatRequest() const;
    QString lastChatPath() const;
    void reset();
    void stop();

private:
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
};

// A folder on a file system of its own, for the full-disk and read-only cases: a small
// tmpfs, or a read-only bind mount of another folder. Mounting needs root; where it is
// not possible, ok() is false and why() says so (the test skips with that message).
class Mount {
public:
    static std::unique_ptr<Mount> tmpfs(qint64 bytes);
    static std::unique_ptr<Mount> readOnlyView(const QString& source);
    ~Mount();
    bool ok() const { return m_mounted; }
    QString why() const { return m_why; }
    QString path() const { return m_path; }
    QString filePath(const QString& name) const { return m_path + QLatin1Char('/') + name; }
    // Writes a filler file until the file system is full but for about `leaveBytes`.
    void fill(qint64 leaveBytes = 0);
    // Removes the filler file.
    void makeRoom();

private:
    Mount() = default;
    bool run(const QStringList& args);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    QString m_why;
    bool m_mounted = false;
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

// A command line from C strings: words({"backends", "list"}).
QStringList words(std::initializer_list<const char*> list);

// Runs the real lyss-cli binary with --data-dir and waits for it.
CliResult runCli(const QString& dataDir, const QStringList& args,
                 const QProcessEnvironment& env = cleanEnvironment(), const QByteArray& input = {});

QByteArray fileSha256(const QString& path);
QByteArray readFile(const QString& path);
void writeFile(const QString& path, const QByteArray& bytes);

// How many of this process's threads the system names `name` (a QThread's object name, cut
// to the 15 characters Linux keeps).
int threadsNamed(const QString& name);

} // namespace lyss::test
