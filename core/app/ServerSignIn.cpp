// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/ServerSignIn.h"

#include "secrets/SecretStore.h"
#include "store/BackendRepository.h"
#include "util/Sentences.h"

#include <QDateTime>

#include <optional>

namespace lyss {

Result<BackendRecord> ServerSignIn::keep(BackendRepository& backends, SecretStore& secrets,
                                         BackendRecord record, const OpenWebUiSession& session)
{
    const bool adding = record.id == 0;
    const QString entry = backendSecretKey(record.name);
    // Before the keyring: a name taken (a second click), or a server removed meanwhile,
    // must not cost the token another record works with.
    auto existing = backends.find(record.name);
    if (!existing)
        return existing.error();
    if (adding && existing->has_value())
        return Error{tr("A server named \"%1\" already exists.").arg(record.name),
                     ErrorCode::InvalidInput};
    if (!adding && !existing->has_value())
        return Error{
            tr("The server %1 was removed meanwhile. The sign-in was not kept.").arg(record.name),
            ErrorCode::NotFound};
    // The token it had, put back should the store refuse the change.
    std::optional<QString> before;
    if (!adding) {
        if (auto old = secrets.read(entry); old && old->has_value())
            before = **old;
    }
    if (Status st = secrets.write(entry, session.token); !st.ok())
        return Error{joinSentences(st.errorMessage(), adding ? tr("The server was not added.")
                                                             : tr("The sign-in was not kept."))};
    auto undo = [&] { (void)(before ? secrets.write(entry, *before) : secrets.remove(entry)); };
    record.hasKey = true;
    record.account = session.email;
    record.signedInUntil = session.expiresAtMs;
    record.signedInAt = QDateTime::currentMSecsSinceEpoch();
    if (adding) {
        auto added = backends.add(record);
        if (!added)
            undo(); // nothing half added
        return added;
    }
    if (Status st = backends.update(record); !st.ok()) {
        undo();
        return st.error();
    }
    return record;
}

} // namespace lyss
