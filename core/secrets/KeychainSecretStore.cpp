// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/KeychainSecretStore.h"

#include "util/Log.h"

#include <QEventLoop>
#include <QTimer>

#include <memory>

#include <qt6keychain/keychain.h>

namespace lyss {

namespace {

enum class JobOutcome { Finished, TimedOut };

// Runs a keychain job to completion or until the time limit. A job that times out is
// left to delete itself when the keyring finally answers.
JobOutcome runJob(QKeychain::Job* job, int timeoutMs)
{
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    bool finished = false;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    job->setAutoDelete(false);
    job->start();
    timer.start(timeoutMs);
    if (!finished)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (!finished) {
        QObject::disconnect(job, nullptr, &loop, nullptr);
        job->setAutoDelete(true);
        return JobOutcome::TimedOut;
    }
    return JobOutcome::Finished;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, int timeoutMs)
    : m_service(std::move(service))
    , m_timeoutMs(timeoutMs)
{
}

namespace {

Error keychainError(QKeychain::Error code, const QString& detail, const QString& action)
{
    qCWarning(lcSecrets) << action << "failed:" << code << detail;
    switch (code) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        return Error{KeychainSecretStore::tr(
                         "%1 failed: no keyring is available (%2). Lyss keeps API keys only in "
                         "the system keyring (GNOME Keyring, KWallet or another Secret Service) "
                         "and has not written the key anywhere else. Start a keyring and try "
                         "again.")
                         .arg(action, detail)};
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Error{KeychainSecretStore::tr(
                         "%1 failed: the keyring refused access (%2). Unlock it and try again.")
                         .arg(action, detail)};
    default:
        return Error{KeychainSecretStore::tr("%1 failed: %2").arg(action, detail)};
    }
}

Error timeoutError(const QString& action, int timeoutMs)
{
    return Error{KeychainSecretStore::tr("%1 failed: the keyring did not answer within %2 "
                                         "seconds. Is it locked and waiting for a password?")
                     .arg(action)
                     .arg(timeoutMs / 1000)};
}

} // namespace

Result<std::optional<QString>> KeychainSecretStore::read(const QString& key)
{
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    const QString action = tr("Reading %1 from the keyring").arg(key);
    if (runJob(job, m_timeoutMs) == JobOutcome::TimedOut)
        return timeoutError(action, m_timeoutMs);
    std::unique_ptr<QKeychain::ReadPasswordJob> owner(job);
    if (job->error() == QKeychain::EntryNotFound)
        return std::optional<QString>();
    if (job->error() != QKeychain::NoError)
        return keychainError(job->error(), job->errorString(), action);
    return std::optional<QString>(job->textData());
}

void KeychainSecretStore::readAsync(const QString& key, ReadDone done)
{
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    job->setAutoDelete(true);
    const QString action = tr("Reading %1 from the keyring").arg(key);
    QObject::connect(job, &QKeychain::Job::finished, job, [job, action, done] {
        if (job->error() == QKeychain::EntryNotFound)
            done(std::optional<QString>());
        else if (job->error() != QKeychain::NoError)
            done(keychainError(job->error(), job->errorString(), action));
        else
            done(std::optional<QString>(job->textData()));
    });
    job->start();
}

Status KeychainSecretStore::write(const QString& key, const QString& secret)
{
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setTextData(secret);
    const QString action = tr("Saving %1 in the keyring").arg(key);
    if (runJob(job, m_timeoutMs) == JobOutcome::TimedOut)
        return timeoutError(action, m_timeoutMs);
    std::unique_ptr<QKeychain::WritePasswordJob> owner(job);
    if (job->error() != QKeychain::NoError)
        return keychainError(job->error(), job->errorString(), action);
    return {};
}

Status KeychainSecretStore::remove(const QString& key)
{
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    const QString action = tr("Removing %1 from the keyring").arg(key);
    if (runJob(job, m_timeoutMs) == JobOutcome::TimedOut)
        return timeoutError(action, m_timeoutMs);
    std::unique_ptr<QKeychain::DeletePasswordJob> owner(job);
    if (job->error() == QKeychain::EntryNotFound || job->error() == QKeychain::NoError)
        return {};
    return keychainError(job->error(), job->errorString(), action);
}

} // namespace lyss
