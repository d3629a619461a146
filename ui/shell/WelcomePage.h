// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QBoxLayout;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace lyss {

class Card;

class AppContext;
class BackendSet;
class ModelsPage;

// What an empty conversation shows: a welcome, the way to a first model, or, when no
// server answers, in two lines what is wrong and the fix in place: how to start Ollama
// (Lyss finds it by itself, or at Retry), or a server added right there.
class WelcomePage : public QWidget {
    Q_OBJECT

public:
    WelcomePage(AppContext& app, BackendSet& backends, QWidget* parent = nullptr);

    // A server and the address it was asked at.
    struct Tried {
        QString name;
        QString url;
    };
    // No server answers: which were asked, and what each said (plain text, for the tip).
    void showNoServer(const QList<Tried>& tried, const QStringList& details);
    // A server answers: a welcome, or how to get a first model when it has none.
    void showWelcome(bool noModels);
    // Adds the server the form describes (the Add button); false, and said, if not.
    bool addServer(const QString& kind, const QString& url, const QString& key);

Q_SIGNALS:
    void retryRequested();
    // A server was added here: the window takes it up.
    void serverAdded();
    // A model was downloaded here: the window lists it.
    void modelsChanged();

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void retranslate();
    void buildFix(QWidget* body);

    AppContext& m_app;
    QLabel* m_title;
    QLabel* m_text;
    QPushButton* m_retry;
    QWidget* m_fix = nullptr; // the two ways out, side by side or one above the other
    QBoxLayout* m_fixLayout = nullptr;
    Card* m_start = nullptr;
    QLabel* m_startText = nullptr;
    QLabel* m_command = nullptr;
    QPushButton* m_copy = nullptr;
    Card* m_add = nullptr;
    QLabel* m_kindLabel = nullptr;
    QLabel* m_urlLabel = nullptr;
    QLabel* m_keyLabel = nullptr;
    QComboBox* m_kind = nullptr;
    QLineEdit* m_url = nullptr;
    QLineEdit* m_key = nullptr;
    QPushButton* m_addButton = nullptr;
    QLabel* m_result = nullptr;
    ModelsPage* m_download = nullptr; // no models yet: one downloaded right here
    enum class Shown { Welcome, NoModels, NoServer } m_shown = Shown::Welcome;
    QList<Tried> m_tried;
    QStringList m_details;
};

} // namespace lyss
