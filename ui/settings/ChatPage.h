// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/ModelInfo.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace lyss {

class AppContext;

// Settings › Chat: the person's model and system prompt for new chats, and the open
// chat's own options (system prompt, temperature, context length, seed, keep-alive).
class ChatPage : public QWidget {
    Q_OBJECT

public:
    ChatPage(AppContext& app, const QList<ModelInfo>& models, const QString& chatId,
             QWidget* parent = nullptr);

    // Saves what the page shows (the Save button); false, and said, when it cannot.
    bool save();
    // Another list of models (a server was added or removed): the choice is kept.
    void setModels(const QList<ModelInfo>& models);

Q_SIGNALS:
    void said(const QString& text);

private:
    bool fail(const QString& text);

    AppContext& m_app;
    QString m_chatId;
    QComboBox* m_defaultModel = nullptr;
    QPlainTextEdit* m_defaultSystem = nullptr;
    QPlainTextEdit* m_chatSystem = nullptr;
    QDoubleSpinBox* m_temperature = nullptr;
    QSpinBox* m_contextLength = nullptr;
    QSpinBox* m_seed = nullptr;
    QLineEdit* m_keepAlive = nullptr;
    QLabel* m_result = nullptr;
};

} // namespace lyss
