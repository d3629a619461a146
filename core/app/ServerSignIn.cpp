// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/ServerSignIn.h"

#include "secrets/SecretStore.h"
#include "store/BackendRepository.h"
#include "util/Sentences.h"

namespace lyss {

Result<BackendRecord> ServerSignIn::keep(BackendRepository& backends, SecretStore& secrets,
                                         BackendRecord record, const OpenWebUiSession& session)
{
    const bool adding = record.id == 0;
    const QString entry = backendSecretKey(record.name);
    if (Status st = secrets.write(entry, session.token); !st.ok())
        return Error{joinSentences(st.errorMessage(), adding ? tr("The server was not added.")
                                                             : tr("The sign-in was not kept."))};
    record.hasKey = true;
    record.account = session.email;
    record.signedInUntil = session.expiresAtMs;
    if (adding) {
        auto added = backends.add(record);
        if (!added)
            (void)secrets.remove(entry); // nothing half added
        return added;
    }
    if (Status st = backends.update(record); !st.ok())
        return st.error();
    return record;
}

} // namespace lyss
