// SPDX-License-Identifier: GPL-3.0-or-later
// The whole chat window over a real database in a temporary folder, with Ollama at a
// given address: what the window tests drive.
#pragma once

#include "TestSupport.h"

#include "app/AppContext.h"
#include "backends/BackendSet.h"
#include "chat/Conversations.h"
#include "conversation/Composer.h"
#include "conversation/MessageDelegate.h"
#include "conversation/MessageModel.h"
#include "conversation/MessageView.h"
#include "shell/MainWindow.h"

#include <QComboBox>
#include <QListView>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

namespace lyss {

// The chat list of `window`, and what each of its rows says (a search result: the title,
// a line break and the words found).
inline QListView* chatListOf(QWidget* window)
{
    return window->findChild<QListView*>(QStringLiteral("chatList"));
}
inline QStringList chatRowsOf(QWidget* window)
{
    QStringList rows;
    const QAbstractItemModel* m = chatListOf(window)->model();
    for (int r = 0; r < m->rowCount(); ++r)
        rows << m->index(r, 0).data().toString();
    return rows;
}

struct Window {
    QTemporaryDir dir;
    std::unique_ptr<AppContext> app;
    std::unique_ptr<BackendSet> backends;
    std::unique_ptr<Conversations> conversations;
    std::unique_ptr<MainWindow> window;

    explicit Window(const QUrl& ollama, const std::function<void(AppContext&)>& prepare = {},
                    const QString& dataDir = {},
                    const QList<QPair<QString, QString>>& environment = {})
    {
        AppContext::Options o;
        o.dataDir = dataDir.isEmpty() ? dir.path() : dataDir;
        o.env = test::cleanEnvironment();
        o.env.insert(QStringLiteral("OLLAMA_BASE_URL"), ollama.toString());
        for (const auto& [name, value] : environment)
            o.env.insert(name, value);
        app = std::move(AppContext::open(o)).value();
        if (prepare)
            prepare(*app);
        backends = std::make_unique<BackendSet>(*app->effectiveBackends(), &app->secrets(), 30000);
        conversations = std::make_unique<Conversations>(app->store(), app->settings(), *backends);
        window = std::make_unique<MainWindow>(*app, *backends, *conversations);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            qFatal("window not exposed");
    }
    ~Window()
    {
        window.reset();
        conversations.reset();
        backends.reset();
        app.reset();
    }
    Composer* composer() { return window->findChild<Composer*>(QStringLiteral("composer")); }
    QComboBox* picker() { return window->findChild<QComboBox*>(QStringLiteral("modelPicker")); }
    bool pick(const QString& model)
    {
        if (!QTest::qWaitFor([&] { return picker()->findData(model) >= 0; }, 10000))
            return false;
        picker()->setCurrentIndex(picker()->findData(model));
        return true;
    }
    // Picks `model` as offered by `backend` (the picker shows "model  ·  backend" when
    // two servers are configured, and "backend/model" when both offer the name).
    bool pickOn(const QString& backend, const QString& model)
    {
        QComboBox* box = picker();
        auto find = [&] {
            for (int i = 0; i < box->count(); ++i) {
                const QString text = box->itemText(i);
                if ((text.startsWith(model + QStringLiteral("  ")) ||
                     text.startsWith(backend + QLatin1Char('/') + model + QStringLiteral("  "))) &&
                    text.endsWith(QStringLiteral("  ·  ") + backend))
                    return i;
            }
            return -1;
        };
        if (!QTest::qWaitFor([&] { return find() >= 0; }, 10000))
            return false;
        box->setCurrentIndex(find());
        return true;
    }
    void type(const QString& text)
    {
        composer()->setFocus();
        QTest::keyClicks(composer(), text);
    }
    MessageModel* model() { return window->messageModel(); }
    QListView* chatList() { return chatListOf(window.get()); }
    QStringList chatRows() { return chatRowsOf(window.get()); }
    // Waits until the view has laid out the conversation's last message (what a hit test
    // or a grab of the screen needs), instead of a guessed pause.
    bool laidOut()
    {
        return QTest::qWaitFor(
            [&] {
                return model()->rowCount() > 0 &&
                       !window->messageView()->messageDelegate()->shownText(last().id).isEmpty();
            },
            10000);
    }
    const ShownMessage& last() { return model()->at(model()->rowCount() - 1); }
};

} // namespace lyss
