// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace lyss {

class AppContext;

// Your own password: the current one, then the new one twice. Every other session of yours
// ends; this one goes on.
class ChangePasswordDialog : public QDialog {
    Q_OBJECT

public:
    ChangePasswordDialog(AppContext& app, QString name, QWidget* parent = nullptr);

    // The action behind the button, for it and for tests.
    bool change(QByteArray current, QByteArray next, QByteArray again);
    QString message() const;

private:
    AppContext& m_app;
    QString m_name;
    QLineEdit* m_current;
    QLineEdit* m_next;
    QLineEdit* m_again;
    QLabel* m_message;
};

} // namespace lyss
