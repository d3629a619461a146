// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace lyss::cli {

class CliContext;

// lyss-cli backends status [--watch]: each server answering or not, and each Open WebUI
// server's real-time channel; with --watch, a line at each change of a channel, until
// interrupted.
int backendsStatus(CliContext& ctx, const QStringList& args);

} // namespace lyss::cli
