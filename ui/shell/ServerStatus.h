// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shell/WelcomePage.h"

#include <QHash>
#include <QLabel>
#include <QList>
#include <QTimer>

namespace lyss {

class BackendSet;
class ConnectionMonitor;
class ServerChannel;

// Each backend's connection in the top bar: a coloured dot, its name and a word
// (connected, reconnecting, unreachable, checking), with the details in the tooltip. One
// ConnectionMonitor per backend, started again when the backends are rebuilt.
class ServerStatus : public QLabel {
    Q_OBJECT

public:
    ServerStatus(BackendSet& backends, QWidget* parent = nullptr);

    // Watches the backends there are now (after a rebuild); stop() before rebuilding.
    // With `ask` false, each shows "checking" but none is asked until ask().
    void start(bool ask = true);
    void ask();
    void stop();
    // Asks every server again now, without waiting for the backoff.
    void retry();

    bool anyConnected() const;
    bool stillChecking() const;
    // What each monitor last found, in words, one line per backend.
    QStringList details() const;
    // Which servers were asked, and at which address.
    QList<WelcomePage::Tried> tried() const;
    // Each server's dot, name and state when there is room; on a narrow window only the
    // dots (the names and states are in the tooltip).
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool compact() const { return m_compact; }

Q_SIGNALS:
    // A backend's state changed.
    void changed();
    // An Open WebUI server's live channel was made (at start()), for its events.
    void channelAdded(lyss::ServerChannel* channel);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateText();
    void showFitting();

    BackendSet& m_backends;
    QList<ConnectionMonitor*> m_monitors;
    // Each Open WebUI server's real-time channel, by the server's name.
    QHash<QString, ServerChannel*> m_channels;
    QTimer m_tick; // the "again in N s" of a channel waiting to reconnect
    bool m_asked = false;
    QString m_full, m_dots; // rich text: every server's dot, name and state; the dots
    int m_fullWidth = 0, m_dotsWidth = 0;
    bool m_compact = false;
};

} // namespace lyss
