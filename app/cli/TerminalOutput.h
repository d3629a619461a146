// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIODevice>
#include <QString>

namespace lyss::cli {

// stdout or stderr for lyss-cli's text streams. On a terminal it escapes what would
// control the terminal (ESC and the other C0 and C1 controls, DEL, a carriage return not
// before a newline) and the bidirectional overrides that reorder what the user reads, so
// no text from a server, a model or a file can rewrite or disguise the user's screen;
// newline and tab pass. lyss-cli's own progress lines go back with carriageReturn().
// Off a terminal the bytes pass unchanged. A failed write (a full disk, a closed pipe)
// is remembered, so the command can end with an error instead of pretending it wrote.
class TerminalOutput : public QIODevice {
public:
    explicit TerminalOutput(int fd);
    // Back to the start of the line, on a terminal (a progress line written anew).
    void carriageReturn();
    ~TerminalOutput() override;

    bool isTerminal() const { return m_terminal; }
    bool failed() const { return m_errno != 0; }
    // Why the last write failed, in the system's words.
    QString failure() const;
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 size) override;

private:
    bool writeAll(const char* data, qint64 size);

    int m_fd;
    bool m_terminal;
    bool m_pendingCr = false; // a \r at the end of the last write: kept if \n follows
    QByteArray m_pending;     // the start of a UTF-8 sequence that may yet be a control
    int m_errno = 0;
};

// `text` on one line of a table or a label: every control character (newline and tab
// included) and the bidirectional overrides that could reorder what the user reads are
// shown as escapes (\n, \t, \x1b, \u202e).
QString oneLine(const QString& text);

} // namespace lyss::cli
