// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliContext.h"

#include <QByteArray>
#include <QString>

namespace lyss::cli {

// --password-stdin, for the commands that read a password.
extern const OptionSpec kPasswordStdin;

// Reads passwords: from stdin (a line each) with --password-stdin, else from the terminal
// without echo. Each buffer is wiped by whoever takes it (Accounts does).
class PasswordReader {
public:
    PasswordReader(CliContext& ctx, bool fromStdin);

    // False after saying why (nothing to read, or the two did not match).
    bool read(const QString& prompt, QByteArray* out, bool confirm = false);

private:
    bool none();
    static bool line(QByteArray* out);
    bool ask(const QString& prompt, QByteArray* out);

    CliContext& m_ctx;
    bool m_stdin;
};

} // namespace lyss::cli
