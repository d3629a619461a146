// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/Icons.h"

#include <QFile>
#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>

namespace lyss::icons {

namespace {

QPixmap render(const QByteArray& svg, int size, qreal ratio)
{
    QSvgRenderer renderer(svg);
    QPixmap pixmap(QSize(size, size) * ratio);
    pixmap.fill(Qt::transparent);
    pixmap.setDevicePixelRatio(ratio);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    renderer.render(&p, QRectF(0, 0, size, size));
    return pixmap;
}

} // namespace

QIcon themed(const QString& name, const QColor& color)
{
    QFile file(QStringLiteral(":/icons/%1.svg").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray source = file.readAll();
    QColor faded = color;
    faded.setAlphaF(0.4f);
    const auto painted = [&source](const QColor& c) {
        QByteArray svg = source;
        svg.replace("currentColor", c.name(QColor::HexRgb).toLatin1());
        if (c.alphaF() < 1.0f) // SVG 1.1 colours have no alpha: the whole drawing is faded
            svg.replace("<svg ", QByteArrayLiteral("<svg opacity=\"") +
                                     QByteArray::number(c.alphaF(), 'f', 2) + "\" ");
        return svg;
    };
    const QByteArray normal = painted(color);
    const QByteArray disabled = painted(faded);
    QIcon icon;
    for (int size : {16, 20, 24, 32}) {
        for (qreal ratio : {1.0, 2.0}) {
            icon.addPixmap(render(normal, size, ratio), QIcon::Normal);
            icon.addPixmap(render(disabled, size, ratio), QIcon::Disabled);
        }
    }
    return icon;
}

} // namespace lyss::icons
