// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/PasswordText.h"

#include "accounts/Passwords.h"

#include <QLineEdit>

namespace lyss {

QByteArray takePassword(QLineEdit* field)
{
    QString text = field->text();
    field->clear(); // the field lets go of its copy: `text` is the only one left
    QByteArray utf8 = text.toUtf8();
    Passwords::wipe(text);
    return utf8;
}

void makePasswordField(QLineEdit* field)
{
    field->setEchoMode(QLineEdit::Password);
    field->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    field->setMaxLength(4 * 1024); // room for 1,024 characters of any script
}

} // namespace lyss
