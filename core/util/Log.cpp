// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/Log.h"

Q_LOGGING_CATEGORY(lcStore, "lyss.store", QtWarningMsg)
Q_LOGGING_CATEGORY(lcConfig, "lyss.config", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSecrets, "lyss.secrets", QtWarningMsg)
Q_LOGGING_CATEGORY(lcNet, "lyss.net", QtWarningMsg)
// Sign-ins that failed are warnings: they are kept in the log with their time.
Q_LOGGING_CATEGORY(lcAuth, "lyss.auth", QtWarningMsg)
