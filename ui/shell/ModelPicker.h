// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/ModelInfo.h"
#include "chat/ModelChoice.h"
#include "util/Result.h"

#include <QComboBox>

#include <optional>

namespace lyss {

class BackendSet;
struct Chat;

// The model picker: every model of every server, each item holding its server and its
// name there, so that what is picked is exact (never looked up again by the name).
class ModelPicker : public QComboBox {
    Q_OBJECT

public:
    ModelPicker(BackendSet& backends, QWidget* parent = nullptr);

    // Lists `models`; picks the model `chat` remembers, else the one picked before, else
    // `byDefault` (as typed in chat.default_model), else the first.
    void setModels(const QList<ModelInfo>& models, const std::optional<Chat>& chat,
                   const QString& byDefault);
    const QList<ModelInfo>& models() const { return m_models; }
    // The server and model picked, or why there is none.
    Result<ModelChoice> chosen() const;
    // Picks `choice`, if it is listed; false when it is not.
    bool pick(const ModelChoice& choice);
    // Picks the model `chat` remembers, if it is listed; false when it is not.
    bool pickRememberedBy(const Chat& chat);
    QStringList backendNames() const;
    // Forgets the list (the servers are being replaced).
    void forget();
    // The picked model as the field shows it: cut with an ellipsis where it does not fit.
    QString shownText() const;
    // Wide enough for 24 characters when there is room; on a narrow window, for 10 (the
    // name is cut with an ellipsis).
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    BackendSet& m_backends;
    QList<ModelInfo> m_models;
};

} // namespace lyss
