// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/PlainText.h"

#include <QLabel>
#include <QMessageBox>
#include <QTextDocument>

namespace lyss {

QString plainToolTip(const QString& text)
{
    if (text.isEmpty())
        return {};
    // Escaped and wrapped in <p>: Qt sees rich text with nothing in it but the characters.
    return Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal);
}

QString plainMenuText(const QString& text)
{
    QString out = text;
    out.replace(QLatin1Char('&'), QStringLiteral("&&"));
    return out;
}

void makePlain(QLabel* label)
{
    label->setTextFormat(Qt::PlainText);
}

void makeMuted(QWidget* widget)
{
    widget->setForegroundRole(QPalette::PlaceholderText);
}

void setPlainText(QLabel* label, const QString& text)
{
    label->setTextFormat(Qt::PlainText);
    label->setText(text);
}

void warnPlain(QWidget* parent, const QString& title, const QString& text)
{
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Ok, parent);
    box.setTextFormat(Qt::PlainText);
    box.exec();
}

} // namespace lyss
