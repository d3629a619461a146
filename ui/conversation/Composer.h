// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPlainTextEdit>

namespace lyss {

// Where you type: Enter sends, Shift+Enter starts a new line; it grows from one to
// eight lines, then scrolls.
class Composer : public QPlainTextEdit {
    Q_OBJECT

public:
    static constexpr int kMaxLines = 8;
    // How tall the composer is with one line (the Send button beside it is as tall).
    int oneLineHeight() const;

    explicit Composer(QWidget* parent = nullptr);
    bool isBlank() const { return toPlainText().trimmed().isEmpty(); }
    int visibleLines() const { return m_lines; }
    // Nothing can be sent while the database can only be read: the composer says so.
    void setWritable(bool writable);

Q_SIGNALS:
    void submitted();
    // Up in an empty composer: edit your last message.
    void editLastRequested();
    // Page Up (-1) or Page Down (1) while the text fits the field: for the conversation.
    void pageRequested(int pages);
    // A new font or style sheet changed how tall one line is.
    void oneLineHeightChanged(int height);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void fitHeight();
    int chromeHeight() const; // the frame's and margins' part of the height
    void retranslate();
    void fitPlaceholder();

    int m_lines = 1;
    bool m_writable = true;
};

} // namespace lyss
