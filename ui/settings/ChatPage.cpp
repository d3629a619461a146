// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/ChatPage.h"
#include "common/PlainText.h"
#include "settings/PageStyle.h"

#include "app/AppContext.h"
#include "backends/ChatRequest.h"
#include "config/Settings.h"
#include "store/ChatStore.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace lyss {

ChatPage::ChatPage(AppContext& app, const QList<ModelInfo>& models, const QString& chatId,
                   QWidget* parent)
    : QWidget(parent)
    , m_app(app)
    , m_chatId(chatId)
{
    auto* v = new QVBoxLayout(this);
    // One form for both sections: their fields line up.
    auto* form = new QFormLayout;
    v->addLayout(form);
    form->addRow(pagestyle::heading(tr("New chats"), this));
    m_defaultModel = new QComboBox(this);
    m_defaultModel->setObjectName(QStringLiteral("defaultModel"));
    m_defaultModel->addItem(tr("The first model listed"), QString());
    setModels(models);
    const int current = m_defaultModel->findData(m_app.settings().text(SettingKey::DefaultModel));
    m_defaultModel->setCurrentIndex(std::max(0, current));
    m_defaultSystem = new QPlainTextEdit(m_app.settings().text(SettingKey::SystemPrompt), this);
    m_defaultSystem->setObjectName(QStringLiteral("defaultSystemPrompt"));
    m_defaultSystem->setMaximumHeight(80);
    form->addRow(tr("Model for new chats"), m_defaultModel);
    form->addRow(tr("System prompt for new chats"), m_defaultSystem);

    ChatOptions options;
    if (auto chat = m_app.store().chats().chat(m_chatId); chat && chat->has_value())
        options = ChatOptions::fromJson((*chat)->params);
    form->setItem(form->rowCount(), QFormLayout::SpanningRole,
                  new QSpacerItem(0, pagestyle::kSection - pagestyle::kSpace));
    form->addRow(pagestyle::heading(tr("This chat"), this));
    if (m_chatId.isEmpty())
        form->addRow(pagestyle::note(tr("Start a chat to set its options."), this));
    m_chatSystem = new QPlainTextEdit(options.systemPrompt, this);
    m_chatSystem->setMaximumHeight(80);
    m_temperature = new QDoubleSpinBox(this);
    m_temperature->setRange(-0.1, 2.0);
    m_temperature->setSingleStep(0.1);
    m_temperature->setSpecialValueText(tr("server default"));
    m_temperature->setValue(options.temperature.value_or(-0.1));
    m_contextLength = new QSpinBox(this);
    m_contextLength->setRange(0, 1048576);
    m_contextLength->setSingleStep(1024);
    m_contextLength->setSpecialValueText(tr("server default"));
    m_contextLength->setValue(options.contextLength.value_or(0));
    m_seed = new QSpinBox(this);
    m_seed->setRange(-1, 2147483647);
    m_seed->setSpecialValueText(tr("random"));
    m_seed->setValue(static_cast<int>(options.seed.value_or(-1)));
    m_keepAlive = new QLineEdit(options.keepAlive, this);
    m_keepAlive->setPlaceholderText(tr("server default, e.g. 5m"));
    form->addRow(tr("System prompt"), m_chatSystem);
    form->addRow(tr("Temperature"), m_temperature);
    form->addRow(tr("Context length (Ollama num_ctx)"), m_contextLength);
    form->addRow(tr("Seed"), m_seed);
    form->addRow(tr("Keep the model loaded for"), m_keepAlive);
    for (QWidget* w : {static_cast<QWidget*>(m_chatSystem), static_cast<QWidget*>(m_temperature),
                       static_cast<QWidget*>(m_contextLength), static_cast<QWidget*>(m_seed),
                       static_cast<QWidget*>(m_keepAlive)})
        w->setEnabled(!m_chatId.isEmpty());
    auto* saveButton = new QPushButton(tr("Save"), this);
    saveButton->setObjectName(QStringLiteral("saveChatOptions"));
    m_result = new QLabel(this);
    makePlain(m_result);
    auto* row = new QHBoxLayout;
    row->addWidget(saveButton);
    row->addWidget(m_result, 1);
    v->addLayout(row);
    v->addStretch(1);
    connect(saveButton, &QPushButton::clicked, this, &ChatPage::save);
}

bool ChatPage::fail(const QString& text)
{
    m_result->setText(text);
    Q_EMIT said(text);
    return false;
}

void ChatPage::setModels(const QList<ModelInfo>& models)
{
    const QString chosen = m_defaultModel->currentData().toString();
    while (m_defaultModel->count() > 1)
        m_defaultModel->removeItem(1);
    for (const ModelInfo& m : models)
        m_defaultModel->addItem(m.displayName, m.displayName);
    if (!chosen.isEmpty() && m_defaultModel->findData(chosen) < 0)
        m_defaultModel->addItem(chosen, chosen); // kept though no server lists it now
    m_defaultModel->setCurrentIndex(std::max(0, m_defaultModel->findData(chosen)));
}

bool ChatPage::save()
{
    Settings& settings = m_app.settings();
    if (Status st =
            settings.set(SettingKey::DefaultModel, m_defaultModel->currentData().toString());
        !st.ok())
        return fail(st.errorMessage());
    if (Status st = settings.set(SettingKey::SystemPrompt, m_defaultSystem->toPlainText());
        !st.ok())
        return fail(st.errorMessage());
    if (!m_chatId.isEmpty()) {
        // What this page does not show (thinking, the filters switched on) is kept.
        auto chat = m_app.store().chats().chat(m_chatId);
        if (!chat)
            return fail(chat.errorMessage());
        ChatOptions o = chat->has_value() ? ChatOptions::fromJson((*chat)->params) : ChatOptions();
        o.systemPrompt = m_chatSystem->toPlainText();
        o.temperature.reset();
        o.contextLength.reset();
        o.seed.reset();
        if (m_temperature->value() >= 0)
            o.temperature = m_temperature->value();
        if (m_contextLength->value() > 0)
            o.contextLength = m_contextLength->value();
        if (m_seed->value() >= 0)
            o.seed = m_seed->value();
        o.keepAlive = m_keepAlive->text().trimmed();
        if (Status st = m_app.store().chats().setChatParams(m_chatId, o.toJson()); !st.ok())
            return fail(st.errorMessage());
    }
    m_result->setText(tr("Saved."));
    Q_EMIT said(m_result->text());
    return true;
}

} // namespace lyss
