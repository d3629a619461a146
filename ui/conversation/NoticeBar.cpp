// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversation/NoticeBar.h"
#include "common/PlainText.h"

#include <QHBoxLayout>
#include <QLabel>

namespace lyss {

NoticeBar::NoticeBar(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("noticeBar"));
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(14, 4, 12, 0);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("noticeText"));
    m_text->setWordWrap(true);
    makePlain(m_text);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->addWidget(m_text, 1);
    m_timer.setSingleShot(true);
    m_timer.setInterval(kShownMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_lines.clear();
        hide();
    });
    hide();
}

void NoticeBar::notice(const QString& level, const QString& text)
{
    // A sign for how it is meant, then the filter's own words.
    const QString sign = level == QLatin1String("error")     ? QStringLiteral("\u2715")
                         : level == QLatin1String("warning") ? QStringLiteral("\u26A0")
                         : level == QLatin1String("success") ? QStringLiteral("\u2713")
                                                             : QStringLiteral("\u24D8");
    m_lines << QStringLiteral("%1 %2").arg(sign, text);
    while (m_lines.size() > kMostLines)
        m_lines.removeFirst();
    m_text->setText(m_lines.join(QLatin1Char('\n')));
    m_text->setAccessibleName(level == QLatin1String("error")     ? tr("Filter error")
                              : level == QLatin1String("warning") ? tr("Filter warning")
                                                                  : tr("Filter notice"));
    show();
    m_timer.start();
}

} // namespace lyss
