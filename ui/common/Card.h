// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace lyss {

// A titled section on a rounded panel in the theme's surface colour, for pages that offer
// a choice of ways (the welcome page's "start Ollama" and "add a server"). Drawn from the
// palette, so it follows a theme switch; unlike a QGroupBox, its frame is no bitmap of the
// style's (which Qt reads through every image-format plugin).
class Card : public QWidget {
    Q_OBJECT

public:
    explicit Card(QWidget* parent = nullptr);
    void setTitle(const QString& title);
    QString title() const;
    // Where the card's content goes, under its title.
    QVBoxLayout* body() const { return m_body; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QLabel* m_title;
    QVBoxLayout* m_body;
};

} // namespace lyss
