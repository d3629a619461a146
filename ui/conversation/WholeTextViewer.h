// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QPlainTextEdit;

namespace lyss {

// The whole text of a message too long for the conversation, as plain text, read only:
// a plain-text view lays out only what is on screen, so any length opens at once. Copy
// takes the text exactly as stored.
class WholeTextViewer : public QDialog {
    Q_OBJECT

public:
    WholeTextViewer(const QString& text, QWidget* parent = nullptr);
    QString shownText() const;

private:
    QString m_text;
    QPlainTextEdit* m_view;
};

} // namespace lyss
