// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/OpenWebUiSignIn.h"
#include "store/BackendRecord.h"
#include "util/Result.h"

#include <QCoreApplication>

namespace lyss {

class BackendRepository;
class SecretStore;

// Keeps an Open WebUI server's sign-in: the token in the keyring under the backend's name
// (as an API key would be), the email and the token's end in the store. The password is
// not kept anywhere.
class ServerSignIn {
    Q_DECLARE_TR_FUNCTIONS(ServerSignIn)

public:
    // `record` as it is to be stored (added when record.id is 0, else changed) with the
    // session's account. The keyring is written first: when it fails, the store is not
    // changed. Returns the record as stored. The sign-in it replaces is not ended at the
    // server: a window still uses its token until it reads the new one (its replies would
    // fail), and it ends by itself (usually it has, which is why one signs in again).
    static Result<BackendRecord> keep(BackendRepository& backends, SecretStore& secrets,
                                      BackendRecord record, const OpenWebUiSession& session);
};

} // namespace lyss
