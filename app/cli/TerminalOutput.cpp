// SPDX-License-Identifier: GPL-3.0-or-later
#include "TerminalOutput.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace lyss::cli {

TerminalOutput::TerminalOutput(int fd)
    : m_fd(fd)
    , m_terminal(::isatty(fd) == 1)
{
    open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

TerminalOutput::~TerminalOutput()
{
    if (m_pendingCr)
        writeAll("\\r", 2);
    if (!m_pending.isEmpty())
        writeAll(m_pending.constData(), m_pending.size());
}

void TerminalOutput::carriageReturn()
{
    if (m_terminal && !failed())
        writeAll("\r", 1);
}

QString TerminalOutput::failure() const
{
    return QString::fromLocal8Bit(std::strerror(m_errno));
}

bool TerminalOutput::writeAll(const char* data, qint64 size)
{
    while (size > 0) {
        const ssize_t n = ::write(m_fd, data, static_cast<size_t>(size));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            m_errno = errno;
            return false;
        }
        data += n;
        size -= n;
    }
    return true;
}

qint64 TerminalOutput::writeData(const char* data, qint64 size)
{
    if (failed())
        return -1;
    if (!m_terminal)
        return writeAll(data, size) ? size : -1;

    QByteArray out;
    out.reserve(size + 16);
    auto escape = [&out](unsigned code) {
        char buf[12];
        std::snprintf(buf, sizeof buf, code < 0x100 ? "\\x%02x" : "\\u%04x", code);
        out += buf;
    };
    for (qint64 i = 0; i < size; ++i) {
        const auto c = static_cast<unsigned char>(data[i]);
        if (m_pendingCr) {
            m_pendingCr = false;
            if (c != '\n')
                out += "\\r";
        }
        if (!m_pending.isEmpty() && (c & 0xC0) != 0x80) {
            out += m_pending; // not a sequence after all: that byte is looked at on its own
            m_pending.clear();
        }
        if (!m_pending.isEmpty()) {
            // C2 80..9F: U+0080..U+009F, the C1 controls (CSI among them). E2 80 AA..AE and
            // E2 81 A6..A9: the bidirectional embeddings, overrides and isolates.
            m_pending += static_cast<char>(c);
            const auto b1 = static_cast<unsigned char>(m_pending[0]);
            const auto b2 = static_cast<unsigned char>(m_pending[1]);
            if (b1 == 0xC2) {
                if (b2 >= 0x80 && b2 <= 0x9F)
                    escape(b2);
                else
                    out += m_pending;
                m_pending.clear();
            } else if (m_pending.size() == 2 && (b2 == 0x80 || b2 == 0x81)) {
                // one more byte decides
            } else if (m_pending.size() == 3) {
                const unsigned code = 0x2000 + ((b2 & 0x3F) << 6) + (c & 0x3F);
                if ((code >= 0x202A && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069))
                    escape(code);
                else
                    out += m_pending;
                m_pending.clear();
            } else {
                out += m_pending;
                m_pending.clear();
            }
            continue;
        }
        if (c == '\n' || c == '\t') {
            out += static_cast<char>(c);
        } else if (c == '\r') {
            m_pendingCr = true;
        } else if (c < 0x20 || c == 0x7F) {
            escape(c);
        } else if (c == 0xC2 || c == 0xE2) {
            m_pending += static_cast<char>(c);
        } else {
            out += static_cast<char>(c);
        }
    }
    return writeAll(out.constData(), out.size()) ? size : -1;
}

QString oneLine(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar ch : text) {
        const char16_t u = ch.unicode();
        if (u == '\n')
            out += QStringLiteral("\\n");
        else if (u == '\t')
            out += QStringLiteral("\\t");
        else if (u == '\r')
            out += QStringLiteral("\\r");
        else if (u < 0x20 || u == 0x7F || (u >= 0x80 && u <= 0x9F))
            out += QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0'));
        else if ((u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069) || u == 0x2028 ||
                 u == 0x2029)
            out += QStringLiteral("\\u%1").arg(u, 4, 16, QLatin1Char('0'));
        else
            out += ch;
    }
    return out;
}

} // namespace lyss::cli
