// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QProcess;

namespace lyss::bench {

// The value after `--name` on the command line, or `fallback`.
QString option(const QString& name, const QString& fallback = {});

// An empty Lyss database (current schema) named `name` in `dir`; its path.
QString freshDatabase(const QString& dir, const QString& name);

// Starts the test model server (tests/servers/fake_llm.py under `sourceDir`) in `server`;
// the address to give Lyss as OLLAMA_BASE_URL.
QString startTestServer(QProcess& server, const QString& sourceDir);

// The CPU time this process has used, in ms (user and system).
double cpuMs();

// One line about the machine and build, for every figure we publish.
QString machineDescription();

// Replaces the part of `file` between <!-- bench:NAME:begin --> and
// <!-- bench:NAME:end --> with `section` (appending both markers if missing).
bool writeSection(const QString& file, const QString& name, const QString& section);

} // namespace lyss::bench
