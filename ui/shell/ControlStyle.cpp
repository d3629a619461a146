// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/ControlStyle.h"

#include "common/Icons.h"
#include "theme/ThemeManager.h"

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

namespace lyss::controlstyle {

namespace {

QString fieldSheet(const char* type, const Theme& t)
{
    const auto c = [&t](const char* token) { return t.color(QLatin1String(token)).name(); };
    return QStringLiteral("%1 { background: %2; color: %3; border: 1px solid %4; "
                          "border-radius: 8px; padding: 3px 6px; "
                          "selection-background-color: %5; selection-color: %6; }"
                          "%1:focus { border-color: %7; }")
        .arg(QLatin1String(type), c("input"), c("inputText"), c("border"), c("selection"),
             c("selectionText"), c("primary"));
}

} // namespace

void field(QPlainTextEdit* edit, const Theme& theme)
{
    edit->setStyleSheet(fieldSheet("QPlainTextEdit", theme));
}

void field(QLineEdit* edit, const Theme& theme)
{
    edit->setStyleSheet(fieldSheet("QLineEdit", theme));
}

void send(QPushButton* button, const Theme& t)
{
    const auto c = [&t](const char* token) { return t.color(QLatin1String(token)); };
    // Stop keeps a focus ring and a hover of its own: its rules come after the plain ones.
    button->setStyleSheet(
        QStringLiteral("QPushButton { background: %1; color: %2; border: 1px solid %1; "
                       "border-radius: 8px; padding: 0 16px; }"
                       "QPushButton:hover { background: %3; border-color: %3; }"
                       "QPushButton:focus { border: 2px solid %6; }"
                       "QPushButton:disabled { background: %4; color: %5; border-color: %4; }"
                       "QPushButton[stop=\"true\"] { background: %4; color: %6; "
                       "border: 1px solid %5; }"
                       "QPushButton[stop=\"true\"]:hover { background: %7; }"
                       "QPushButton[stop=\"true\"]:focus { border: 2px solid %6; }")
            .arg(c("primary").name(), c("primaryText").name(), c("primary").darker(115).name(),
                 c("input").name(), c("mutedText").name(), c("text").name(), c("border").name()));
}

void newChat(QPushButton* button, const Theme& t)
{
    const auto c = [&t](const char* token) { return t.color(QLatin1String(token)); };
    button->setIcon(icons::themed(QStringLiteral("new-chat"), c("text")));
    button->setStyleSheet(
        QStringLiteral("QPushButton { background: transparent; color: %1; border: 1px solid %2; "
                       "border-radius: 8px; padding: 6px 10px; }"
                       "QPushButton:hover { background: %3; }"
                       "QPushButton:focus { border: 2px solid %4; }")
            .arg(c("text").name(), c("border").name(), c("input").name(), c("primary").name()));
}

} // namespace lyss::controlstyle
