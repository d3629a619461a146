// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/Icons.h"

#include <QFile>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>

namespace lyss::icons {

namespace {

// Draws the SVG in one colour at the size asked for, when it is asked for: a window that
// shows three icons at 16 px renders three pixmaps, not every size in advance.
class InkedSvg : public QIconEngine {
public:
    InkedSvg(QByteArray svg, QColor color)
        : m_svg(std::move(svg))
        , m_color(std::move(color))
    {
    }

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State) override
    {
        QSvgRenderer renderer(inked(mode));
        renderer.render(painter, QRectF(rect));
    }

    // Qt 6.4 asks a high-DPI pixmap through pixmap() with the size in device pixels (its
    // default scaledPixmap), and sets the ratio itself: drawn at the size asked.
    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State) override
    {
        const QString key =
            QStringLiteral("%1x%2/%3").arg(size.width()).arg(size.height()).arg(int(mode));
        if (auto it = m_pixmaps.constFind(key); it != m_pixmaps.constEnd())
            return *it;
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        {
            QPainter p(&pixmap);
            p.setRenderHint(QPainter::Antialiasing);
            QSvgRenderer renderer(inked(mode));
            renderer.render(&p, QRectF(QPointF(0, 0), QSizeF(size)));
        }
        m_pixmaps.insert(key, pixmap);
        return pixmap;
    }

    QSize actualSize(const QSize& size, QIcon::Mode, QIcon::State) override { return size; }
    QIconEngine* clone() const override { return new InkedSvg(m_svg, m_color); }
    QString key() const override { return QStringLiteral("lyss-inked-svg"); }

private:
    // The drawing in the colour, faded when disabled (SVG 1.1 colours have no alpha).
    QByteArray inked(QIcon::Mode mode) const
    {
        QByteArray svg = m_svg;
        if (m_color.isValid()) // an icon in its own colours keeps them
            svg.replace("currentColor", m_color.name(QColor::HexRgb).toLatin1());
        if (mode == QIcon::Disabled)
            svg.replace("<svg ", "<svg opacity=\"0.4\" ");
        return svg;
    }

    QByteArray m_svg;
    QColor m_color;
    QHash<QString, QPixmap> m_pixmaps;
};

// The SVG at `path` drawn by InkedSvg, in `color` (or its own colours when invalid).
QIcon fromFile(const QString& path, const QColor& color)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QIcon(new InkedSvg(file.readAll(), color));
}

} // namespace

QIcon themed(const QString& name, const QColor& color)
{
    return fromFile(QStringLiteral(":/icons/%1.svg").arg(name), color);
}

QIcon bundled(const QString& path)
{
    return fromFile(path, QColor());
}

} // namespace lyss::icons
