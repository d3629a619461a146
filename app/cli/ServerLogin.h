// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/BackendRecord.h"

#include <QStringList>
#include <QUrl>

namespace lyss::cli {

class CliContext;

// Signs in to the Open WebUI server of `record` as `email`, the password read from the
// terminal without echo or from stdin, and keeps the sign-in (ServerSignIn): adds the
// backend when record.id is 0, else changes it. Returns the exit code, having said what
// happened.
int signInToServer(CliContext& ctx, const BackendRecord& record, const QString& email,
                   bool passwordFromStdin);

// lyss-cli backends login NAME [--email ADDR] [--password-stdin]
int backendsLogin(CliContext& ctx, const QStringList& args);

// Ends the sign-in whose token is `token` at `server` (OpenWebUiSignIn::signOut), waiting
// for the answer: true, or false with a warning said on standard error.
bool endSignIn(CliContext& ctx, const QUrl& server, const QString& token);

} // namespace lyss::cli
