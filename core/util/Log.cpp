// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/Log.h"

Q_LOGGING_CATEGORY(lcStore, "lyss.store", QtWarningMsg)
Q_LOGGING_CATEGORY(lcConfig, "lyss.config", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSecrets, "lyss.secrets", QtWarningMsg)
Q_LOGGING_CATEGORY(lcNet, "lyss.net", QtWarningMsg)
// Failed sign-ins go to <data dir>/auth.log; here too when asked for (lyss.auth.info).
Q_LOGGING_CATEGORY(lcAuth, "lyss.auth", QtWarningMsg)
Q_LOGGING_CATEGORY(lcFilters, "lyss.filters", QtWarningMsg)
Q_LOGGING_CATEGORY(lcMarkdown, "lyss.markdown", QtWarningMsg)
