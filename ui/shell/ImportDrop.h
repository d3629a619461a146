// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QWidget;

namespace lyss {

class AppContext;

// An export file (Open WebUI's or ChatGPT's .json) dropped on the window is imported, and
// the report shown, as Settings › Data does.
class ImportDrop : public QObject {
    Q_OBJECT

public:
    ImportDrop(AppContext& app, QWidget* window);

Q_SIGNALS:
    void chatsImported();
    // What the import said (also shown in a message box).
    void said(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void import(const QString& path);

    AppContext& m_app;
    QWidget* m_window;
};

} // namespace lyss
