// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/ApiKey.h"

#include "secrets/SecretStore.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace lyss {

ApiKey::ApiKey(QString key)
    : m_state(std::make_shared<State>())
{
    m_state->value = std::move(key);
    m_state->read = true;
}

ApiKey::ApiKey(SecretStore* store, QString entry)
    : m_state(std::make_shared<State>())
{
    m_state->store = store;
    m_state->entry = std::move(entry);
    m_state->read = store == nullptr;
}

void ApiKey::State::settle(const QString& key, const QString& why)
{
    if (read)
        return; // the limit after an answer
    read = true;
    reading = false;
    value = key;
    problem = why;
    const QList<std::function<void()>> ready = std::move(waiting);
    waiting.clear();
    for (const auto& then : ready)
        then();
}

QString ApiKey::value()
{
    State& s = *m_state;
    if (s.reading)      // a request made before the keyring answered goes without (or with the
        return s.value; // key read before, while it is read again); problem() says why
    if (!s.read) {
        auto key = s.store->read(s.entry);
        if (key && key->has_value())
            s.settle(**key, {});
        else
            s.settle({}, key ? tr("the key is not in the keyring") : key.errorMessage());
    }
    return s.value;
}

void ApiKey::whenRead(QObject* context, std::function<void()> then)
{
    State& s = *m_state;
    QPointer<QObject> guard(context);
    auto guarded = [guard, then = std::move(then)] {
        if (guard)
            then();
    };
    if (s.read && !s.stale) {
        guarded();
        return;
    }
    s.waiting.append(std::move(guarded));
    if (s.reading)
        return;
    if (s.stale) {
        s.stale = false;
        s.read = false; // the value known stays, for what asks meanwhile
    }
    s.reading = true;
    const std::weak_ptr<State> weak = m_state;
    const int limitMs = s.store->answerWithinMs();
    s.problem = tr("the keyring has not answered yet");
    QTimer::singleShot(limitMs, context, [weak, limitMs] {
        if (auto state = weak.lock(); state && !state->read) {
            state->settle({}, tr("the keyring did not answer within %1 seconds (is it locked "
                                 "and waiting for a password?)")
                                  .arg(limitMs / 1000.0));
            state->late = true;
        }
    });
    s.store->readAsync(s.entry, [weak](Result<std::optional<QString>> key) {
        auto state = weak.lock();
        if (!state)
            return;
        if (state->late) {
            // Unlocked after the limit: the requests from now on have the key.
            state->late = false;
            if (key && key->has_value()) {
                state->value = **key;
                state->problem.clear();
            }
            return;
        }
        if (key && key->has_value())
            state->settle(**key, {});
        else
            state->settle({}, key ? tr("the key is not in the keyring") : key.errorMessage());
    });
}

void ApiKey::readAgain()
{
    if (m_state->store)
        m_state->stale = true;
}

} // namespace lyss
