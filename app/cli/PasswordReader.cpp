// SPDX-License-Identifier: GPL-3.0-or-later
#include "PasswordReader.h"

#include "accounts/Passwords.h"

#include <cstdio>

#include <termios.h>
#include <unistd.h>

namespace lyss::cli {

const OptionSpec kPasswordStdin{
    QStringLiteral("password-stdin"), {}, CliContext::tr("read the password from standard input")};

PasswordReader::PasswordReader(CliContext& ctx, bool fromStdin)
    : m_ctx(ctx)
    , m_stdin(fromStdin)
{
}

bool PasswordReader::read(const QString& prompt, QByteArray* out, bool confirm)
{
    if (m_stdin)
        return line(out) || none();
    if (::isatty(STDIN_FILENO) != 1) {
        m_ctx.fail(CliContext::tr("A password is needed: give --password-stdin and pass it on "
                                  "standard input, or run this on a terminal."),
                   kExitUsage);
        return false;
    }
    if (!ask(prompt, out))
        return none();
    if (!confirm)
        return true;
    QByteArray again;
    const bool same = ask(CliContext::tr("The same again: "), &again) && again == *out;
    Passwords::wipe(again);
    if (!same) {
        Passwords::wipe(*out);
        m_ctx.fail(CliContext::tr("The two passwords differ. Nothing was changed."));
    }
    return same;
}

bool PasswordReader::none()
{
    m_ctx.fail(CliContext::tr("No password was given. Nothing was changed."));
    return false;
}

bool PasswordReader::line(QByteArray* out)
{
    out->clear();
    int c = 0;
    while ((c = std::fgetc(stdin)) != EOF && c != '\n')
        out->append(char(c));
    if (out->endsWith('\r'))
        out->chop(1);
    return !out->isEmpty();
}

bool PasswordReader::ask(const QString& prompt, QByteArray* out)
{
    m_ctx.err() << prompt << Qt::flush;
    termios before{};
    const bool tty = ::tcgetattr(STDIN_FILENO, &before) == 0;
    if (tty) {
        termios quiet = before;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    const bool got = line(out);
    if (tty)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &before);
    m_ctx.err() << Qt::endl;
    return got;
}

} // namespace lyss::cli
