// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/ServerQuestionDialog.h"
#include "common/PlainText.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace lyss {

namespace {
QLabel* plainLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText); // the server's words, never markup
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}
} // namespace

ServerQuestionDialog::ServerQuestionDialog(const QString& serverName, const ServerEvent& question,
                                           QWidget* parent)
    : QDialog(parent)
    , m_input(question.kind == ServerEvent::Kind::Input)
{
    setObjectName(QStringLiteral("serverQuestion"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("%1 asks").arg(serverName));
    setMinimumWidth(fontMetrics().averageCharWidth() * 56); // room for a sentence a line
    auto* layout = new QVBoxLayout(this);
    if (!question.title.isEmpty()) {
        QLabel* title = plainLabel(question.title, this);
        title->setObjectName(QStringLiteral("questionTitle"));
        QFont bold = title->font();
        bold.setBold(true);
        title->setFont(bold);
        layout->addWidget(title);
    }
    if (!question.text.isEmpty()) {
        QLabel* message = plainLabel(question.text, this);
        message->setObjectName(QStringLiteral("questionMessage"));
        layout->addWidget(message);
    }
    QLabel* who = plainLabel(
        tr("Asked by a tool on the server %1 while it works on a reply.").arg(serverName), this);
    makeMuted(who);
    layout->addWidget(who);
    if (m_input) {
        m_text = new QLineEdit(question.value, this);
        m_text->setObjectName(QStringLiteral("questionAnswer"));
        m_text->setPlaceholderText(question.placeholder);
        m_text->setAccessibleName(question.title.isEmpty() ? tr("Answer") : question.title);
        layout->addWidget(m_text);
    }
    auto* buttons = new QDialogButtonBox(m_input ? QDialogButtonBox::Ok | QDialogButtonBox::Cancel
                                                 : QDialogButtonBox::Yes | QDialogButtonBox::No,
                                         this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(this, &QDialog::finished, this, [this](int result) {
        if (m_withdrawn)
            return;
        if (result != QDialog::Accepted)
            Q_EMIT answered(false);
        else if (m_input)
            Q_EMIT answered(m_text->text());
        else
            Q_EMIT answered(true);
    });
    if (m_text)
        m_text->setFocus();
    else
        buttons->button(QDialogButtonBox::Yes)->setDefault(true);
}

void ServerQuestionDialog::withdraw()
{
    m_withdrawn = true;
    reject();
}

} // namespace lyss
