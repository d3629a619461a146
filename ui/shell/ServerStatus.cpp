// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/ServerStatus.h"
#include "common/PlainText.h"

#include "backends/Backend.h"
#include "backends/BackendSet.h"
#include "backends/ConnectionMonitor.h"
#include "backends/OpenWebUiBackend.h"
#include "backends/OpenWebUiSignIn.h"
#include "realtime/ServerChannel.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <utility>

namespace lyss {

ServerStatus::ServerStatus(BackendSet& backends, QWidget* parent)
    : QLabel(parent)
    , m_backends(backends)
{
    setObjectName(QStringLiteral("backendStatus"));
    setAccessibleName(tr("Server status"));
    // "Retry" for a channel that stopped trying.
    setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(this, &QLabel::linkActivated, this, [this](const QString& link) {
        if (ServerChannel* c = m_channels.value(link.section(QLatin1Char(':'), 1)))
            c->retry();
    });
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &ServerStatus::updateText);
}

void ServerStatus::changeEvent(QEvent* event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateText(); // the widths of the names
    if (event->type() == QEvent::LanguageChange) {
        setAccessibleName(tr("Server status"));
        updateText();
    }
}

void ServerStatus::start(bool ask)
{
    stop();
    m_asked = false;
    for (Backend* b : m_backends.backends()) {
        auto* monitor = new ConnectionMonitor(b, this);
        connect(monitor, &ConnectionMonitor::stateChanged, this, [this] {
            updateText();
            Q_EMIT changed();
        });
        m_monitors << monitor;
        if (auto* server = qobject_cast<OpenWebUiBackend*>(b); server && server->signedIn()) {
            auto* channel = new ServerChannel(*server, m_backends.network(), this);
            connect(channel, &ServerChannel::stateChanged, this, &ServerStatus::updateText);
            m_channels.insert(b->name(), channel);
            server->setChannel(channel); // its replies are run by the server while connected
            Q_EMIT channelAdded(channel);
        }
    }
    updateText();
    Q_EMIT changed();
    if (ask)
        this->ask();
}

void ServerStatus::ask()
{
    if (std::exchange(m_asked, true))
        return;
    for (ConnectionMonitor* m : m_monitors)
        m->start();
    for (ServerChannel* c : std::as_const(m_channels))
        c->start();
}

void ServerStatus::stop()
{
    qDeleteAll(m_monitors); // they watch backends that may be about to go
    m_monitors.clear();
    qDeleteAll(m_channels);
    m_channels.clear();
}

void ServerStatus::retry()
{
    for (ConnectionMonitor* m : m_monitors)
        m->retry();
}

bool ServerStatus::anyConnected() const
{
    return std::any_of(m_monitors.begin(), m_monitors.end(), [](ConnectionMonitor* m) {
        return m->state() == ConnectionMonitor::State::Connected;
    });
}

bool ServerStatus::stillChecking() const
{
    return std::any_of(m_monitors.begin(), m_monitors.end(), [](ConnectionMonitor* m) {
        return m->state() == ConnectionMonitor::State::Unknown;
    });
}

QStringList ServerStatus::details() const
{
    QStringList out;
    for (ConnectionMonitor* m : m_monitors)
        out << m->detail();
    return out;
}

QList<WelcomePage::Tried> ServerStatus::tried() const
{
    QList<WelcomePage::Tried> out;
    for (ConnectionMonitor* m : m_monitors)
        out.append({m->backend()->name(), m->backend()->config().url.toString()});
    return out;
}

void ServerStatus::updateText()
{
    QStringList parts, dots, plain;
    bool reconnecting = false;
    for (ConnectionMonitor* m : m_monitors) {
        QString dot;
        QString word;
        switch (m->state()) {
        case ConnectionMonitor::State::Connected:
            dot = QStringLiteral("<span style='color:#2f9e44'>●</span>");
            word = tr("connected");
            break;
        case ConnectionMonitor::State::Disconnected:
            dot = QStringLiteral("<span style='color:#f08c00'>●</span>");
            word = tr("reconnecting");
            break;
        case ConnectionMonitor::State::Failed:
            dot = QStringLiteral("<span style='color:#e03131'>●</span>");
            word = tr("unreachable");
            break;
        case ConnectionMonitor::State::Unknown:
            dot = QStringLiteral("<span style='color:#868e96'>●</span>");
            word = tr("checking");
            break;
        }
        const Backend::Config& c = m->backend()->config();
        if (m->state() == ConnectionMonitor::State::Connected && !c.account.isEmpty() &&
            OpenWebUiSignIn::endsSoon(c.signedInUntil, QDateTime::currentMSecsSinceEpoch(),
                                      c.signedInAt)) {
            // The sign-in ends soon: asked before it does.
            dot = QStringLiteral("<span style='color:#f08c00'>●</span>");
            word = tr("sign in again soon");
        }
        QString link; // Retry, for a channel that stopped trying
        if (const ServerChannel* channel = m_channels.value(m->backend()->name());
            channel && m->state() == ConnectionMonitor::State::Connected) {
            const SocketIoClient& live = channel->client();
            if (live.state() == SocketIoClient::State::Reconnecting) {
                dot = QStringLiteral("<span style='color:#f08c00'>●</span>");
                word = tr("live updates again in %1 s")
                           .arg(std::max(1, (live.nextAttemptInMs() + 999) / 1000));
                reconnecting = true;
            } else if (live.state() == SocketIoClient::State::Failed) {
                dot = QStringLiteral("<span style='color:#e03131'>●</span>");
                word = tr("live updates stopped");
                link = QStringLiteral(" <a href=\"retry:%1\">%2</a>")
                           .arg(m->backend()->name().toHtmlEscaped(), tr("Retry"));
            }
        }
        parts << QStringLiteral("%1 %2 <span style='color:gray'>%3</span>%4")
                     .arg(dot, m->backend()->name().toHtmlEscaped(), word, link);
        dots << dot;
        plain << QStringLiteral("● %1 %2").arg(m->backend()->name(), word) +
                     (link.isEmpty() ? QString() : QLatin1Char(' ') + tr("Retry"));
    }
    if (reconnecting != m_tick.isActive())
        reconnecting ? m_tick.start() : m_tick.stop();
    m_full = parts.join(QStringLiteral("&nbsp;&nbsp;&nbsp;"));
    m_dots = dots.join(QStringLiteral("&nbsp;"));
    const QFontMetrics fm = fontMetrics();
    const int frame = 2 * margin() + contentsMargins().left() + contentsMargins().right();
    m_fullWidth = fm.horizontalAdvance(plain.join(QStringLiteral("   "))) + frame + 4;
    m_dotsWidth = fm.horizontalAdvance(QStringLiteral("● ").repeated(dots.size())) + frame + 4;
    updateGeometry();
    showFitting();
    QStringList tips;
    for (ConnectionMonitor* m : m_monitors) {
        const Backend::Config& c = m->backend()->config();
        QString tip = m->backend()->name() + QStringLiteral(": ") + m->detail();
        if (const ServerChannel* channel = m_channels.value(m->backend()->name()))
            tip += QLatin1Char('\n') + tr("Live updates: %1").arg(channel->stateText());
        if (!c.account.isEmpty() && c.signedInUntil > 0)
            tip += QLatin1Char('\n') +
                   tr("Signed in as %1 until %2; sign in again in Settings › Servers before "
                      "then.")
                       .arg(c.account,
                            QLocale().toString(QDateTime::fromMSecsSinceEpoch(c.signedInUntil),
                                               QLocale::ShortFormat));
        tips << tip;
    }
    setToolTip(plainToolTip(tips.join(QLatin1Char('\n'))));
    // Dots alone say nothing to a screen reader: it reads every server's name and state.
    setAccessibleDescription(tips.join(QLatin1Char('\n')));
}

QSize ServerStatus::sizeHint() const
{
    return {m_fullWidth, QLabel::sizeHint().height()};
}

QSize ServerStatus::minimumSizeHint() const
{
    return {m_dotsWidth, QLabel::minimumSizeHint().height()};
}

void ServerStatus::resizeEvent(QResizeEvent* event)
{
    QLabel::resizeEvent(event);
    showFitting();
}

void ServerStatus::showFitting()
{
    m_compact = width() < m_fullWidth;
    const QString& shown = m_compact ? m_dots : m_full;
    if (text() != shown)
        setText(shown);
}

} // namespace lyss
