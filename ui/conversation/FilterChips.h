// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <optional>

class QHBoxLayout;
class QToolButton;

namespace lyss {

class FilterRegistry;

// Over the composer: one chip for each toggle filter the chat's model may switch on (on,
// able to run, attached to that model), checked where it is on for the chat, by the
// chat's own choice or, never chosen, by the model's preselection. Clicking a chip says
// which are on now. Hidden while there is none to offer.
class FilterChips : public QWidget {
    Q_OBJECT

public:
    explicit FilterChips(FilterRegistry& registry, QWidget* parent = nullptr);

    // The chat's model and its choice (unset: never chosen).
    void showFor(const QString& model, const std::optional<QStringList>& chosen);
    QStringList offered() const;
    QStringList switchedOn() const;
    // The chip of filter `id`, for tests and the keyboard (null when not offered).
    QToolButton* chip(const QString& id) const { return m_chips.value(id); }

Q_SIGNALS:
    // The person switched a chip: these are on now.
    void switched(const QStringList& on);

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();

    FilterRegistry& m_registry;
    QHBoxLayout* m_row = nullptr;
    QString m_model;
    std::optional<QStringList> m_chosen;
    QHash<QString, QToolButton*> m_chips;
    QStringList m_order;
};

} // namespace lyss
