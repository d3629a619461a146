// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonValue>
#include <QString>

#include <optional>

namespace lyss {

// QJsonDocument holds only objects and arrays; settings are any JSON value.
QString toJsonText(const QJsonValue& value);
std::optional<QJsonValue> parseJsonValue(const QString& text, QString* error = nullptr);

// 1-based line and column of a character offset, for error messages about a file.
struct TextPosition {
    int line = 1;
    int column = 1;
};
TextPosition positionOfOffset(const QByteArray& text, qsizetype offset);

} // namespace lyss
