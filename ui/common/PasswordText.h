// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

class QLineEdit;

namespace lyss {

// A password field's text as UTF-8, taken out of the field: the field is emptied and the
// copy made on the way is wiped. The caller wipes what it gets (Passwords::wipe).
QByteArray takePassword(QLineEdit* field);
// A field made for a password: no echo, no completion, no input method history.
void makePasswordField(QLineEdit* field);

} // namespace lyss
