// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace lyss::test {

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
                 const QProcessEnvironment& env = cleanEnvironment(),
                 const QByteArray& input = {});

QByteArray fileSha256(const QString& path);
QByteArray readFile(const QString& path);
void writeFile(const QString& path, const QByteArray& bytes);

} // namespace lyss::test
