// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/ModelPicker.h"

#include "backends/Backend.h"
#include "backends/BackendSet.h"
#include "store/Chat.h"

#include <QAbstractItemView>
#include <QSignalBlocker>
#include <QStyleOptionComboBox>
#include <QStylePainter>
#include <algorithm>

namespace lyss {

namespace {
// Where each item keeps the server and the model's name there.
constexpr int kBackendRole = Qt::UserRole + 1;
constexpr int kModelRole = Qt::UserRole + 2;
} // namespace

ModelPicker::ModelPicker(BackendSet& backends, QWidget* parent)
    : QComboBox(parent)
    , m_backends(backends)
{
    setObjectName(QStringLiteral("modelPicker"));
    setMinimumContentsLength(24);
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    view()->setTextElideMode(Qt::ElideRight); // in the list too
}

QSize ModelPicker::minimumSizeHint() const
{
    QSize s = QComboBox::minimumSizeHint();
    s.setWidth(std::max(60, s.width() - 14 * fontMetrics().horizontalAdvance(QLatin1Char('x'))));
    return s;
}

QString ModelPicker::shownText() const
{
    // A long name is cut with an ellipsis where the field ends, never mid-letter.
    QStyleOptionComboBox option;
    initStyleOption(&option);
    const QRect field =
        style()->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, this);
    return fontMetrics().elidedText(currentText(), Qt::ElideRight, field.width());
}

void ModelPicker::paintEvent(QPaintEvent* event)
{
    Q_UNUSED(event);
    QStylePainter painter(this);
    QStyleOptionComboBox option;
    initStyleOption(&option);
    option.currentText = shownText();
    painter.drawComplexControl(QStyle::CC_ComboBox, option);
    painter.drawControl(QStyle::CE_ComboBoxLabel, option);
}

QStringList ModelPicker::backendNames() const
{
    QStringList names;
    for (Backend* b : m_backends.backends())
        names << b->name();
    return names;
}

void ModelPicker::setModels(const QList<ModelInfo>& models, const std::optional<Chat>& chat,
                            const QString& byDefault)
{
    const auto kept = chosen();
    m_models = models;
    // Filled quietly (an item's server and name are set after it is added), then said once.
    QSignalBlocker quiet(this);
    clear();
    for (const ModelInfo& m : m_models) {
        // A server's own preset by its name ("Code helper"), with the id it is asked by.
        QString label = m.title.isEmpty() ? m.displayName
                                          : QStringLiteral("%1 (%2)").arg(m.title, m.displayName);
        if (m.sizeBytes >= 0)
            label += QStringLiteral("  ·  ") + formatBytes(m.sizeBytes);
        if (m_backends.backends().size() > 1)
            label += QStringLiteral("  ·  ") + m.backendName;
        addItem(label, m.displayName);
        setItemData(count() - 1, m.backendName, kBackendRole);
        setItemData(count() - 1, m.name, kModelRole);
    }
    bool shown = chat && pickRememberedBy(*chat);
    if (!shown && kept)
        shown = pick(*kept);
    if (!shown) {
        if (auto fallback = ModelChoice::fromText(byDefault, m_models, backendNames()); fallback)
            shown = pick(*fallback);
    }
    if (!shown && count() > 0)
        setCurrentIndex(0);
    quiet.unblock();
    Q_EMIT currentIndexChanged(currentIndex());
}

Result<ModelChoice> ModelPicker::chosen() const
{
    const int at = currentIndex();
    const ModelChoice choice{itemData(at, kBackendRole).toString(),
                             itemData(at, kModelRole).toString()};
    if (at < 0 || choice.isEmpty())
        return Error{tr("No model is available. Start Ollama or add a server, then press Retry.")};
    return choice;
}

bool ModelPicker::pick(const ModelChoice& choice)
{
    for (int i = 0; i < count(); ++i) {
        if (itemData(i, kBackendRole).toString() == choice.backend &&
            itemData(i, kModelRole).toString() == choice.model) {
            setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

bool ModelPicker::pickRememberedBy(const Chat& chat)
{
    auto remembered = ModelChoice::rememberedBy(chat, m_models, backendNames());
    return remembered && pick(*remembered);
}

void ModelPicker::forget()
{
    m_models.clear();
}

} // namespace lyss
