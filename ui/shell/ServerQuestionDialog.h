// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "realtime/ServerEvent.h"

#include <QDialog>
#include <QJsonValue>

class QLineEdit;

namespace lyss {

// A question an Open WebUI server's tool asks while it works: a confirmation (Yes / No)
// or an input (a line of text, OK / Cancel). Its words are the server's, shown as the
// characters they are. Not modal to the window: the reply goes on streaming meanwhile.
// answered() comes once: true or false, the text, or false when cancelled or closed.
class ServerQuestionDialog : public QDialog {
    Q_OBJECT

public:
    ServerQuestionDialog(const QString& serverName, const ServerEvent& question,
                         QWidget* parent = nullptr);

    // The question went away (its reply ended, the server stopped): closes without an answer.
    void withdraw();

Q_SIGNALS:
    void answered(const QJsonValue& answer);

private:
    bool m_input = false;
    bool m_withdrawn = false;
    QLineEdit* m_text = nullptr;
};

} // namespace lyss
