// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/WelcomePage.h"
#include "common/Card.h"

#include "app/AppContext.h"
#include "common/PlainText.h"
#include "settings/ModelsPage.h"
#include "settings/ServerAdder.h"

#include <QApplication>
#include <QBoxLayout>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>

namespace lyss {

namespace {
constexpr int kSideBySide = 640; // narrower: the two ways out one above the other

// Where a server of `kind` usually answers on this computer.
QString usualAddress(const QString& kind)
{
    return kind == QLatin1String("ollama") ? QStringLiteral("http://localhost:11434")
                                           : QStringLiteral("http://localhost:8080/v1");
}
} // namespace

WelcomePage::WelcomePage(AppContext& app, BackendSet& backends, QWidget* parent)
    : QWidget(parent)
    , m_app(app)
    , m_title(new QLabel(this))
    , m_text(new QLabel(this))
    , m_retry(new QPushButton(this))
{
    setObjectName(QStringLiteral("emptyState"));
    // On a short window the page scrolls instead of holding the window's height up.
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* body = new QWidget(scroll);
    scroll->setWidget(body);
    outer->addWidget(scroll);
    m_title->setParent(body);
    m_text->setParent(body);
    m_retry->setParent(body);
    auto* v = new QVBoxLayout(body);
    v->setContentsMargins(24, 24, 24, 24);
    v->setSpacing(12);
    v->addStretch(1);
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 2.2);
    f.setWeight(QFont::DemiBold);
    m_title->setFont(f);
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    makePlain(m_title);
    m_text->setObjectName(QStringLiteral("emptyText"));
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry->setObjectName(QStringLiteral("retryButton"));
    connect(m_retry, &QPushButton::clicked, this, &WelcomePage::retryRequested);
    v->addWidget(m_title);
    v->addWidget(m_text);
    buildFix(body);
    v->addWidget(m_fix);
    v->addWidget(m_result);
    m_download = new ModelsPage(backends, body);
    m_download->setObjectName(QStringLiteral("downloadHere"));
    m_download->setMaximumWidth(520);
    m_download->suggest(QStringLiteral("llama3.2"));
    connect(m_download, &ModelsPage::modelsChanged, this, &WelcomePage::modelsChanged);
    v->addWidget(m_download, 0, Qt::AlignHCenter);
    v->addWidget(m_retry, 0, Qt::AlignHCenter);
    v->addStretch(2);
    retranslate();
}

void WelcomePage::buildFix(QWidget* body)
{
    m_fix = new QWidget(body);
    m_fix->setObjectName(QStringLiteral("serverFix"));
    m_fix->setMaximumWidth(820);
    m_fixLayout = new QBoxLayout(QBoxLayout::LeftToRight, m_fix);
    m_fixLayout->setContentsMargins(0, 0, 0, 0);
    m_fixLayout->setSpacing(16);

    // Start Ollama: how, and Lyss finds it by itself.
    m_start = new Card(m_fix);
    QVBoxLayout* start = m_start->body();
    m_startText = new QLabel(m_start);
    m_startText->setWordWrap(true);
    makePlain(m_startText);
    auto* commandRow = new QHBoxLayout;
    m_command = new QLabel(QStringLiteral("ollama serve"), m_start);
    m_command->setObjectName(QStringLiteral("startCommand"));
    makePlain(m_command);
    m_command->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_command->setFont(mono);
    m_copy = new QPushButton(m_start);
    m_copy->setObjectName(QStringLiteral("copyCommand"));
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_command->text());
        m_copy->setText(tr("Copied"));
        QTimer::singleShot(2000, m_copy, [this] { m_copy->setText(tr("Copy")); });
    });
    commandRow->addWidget(m_command, 1);
    commandRow->addWidget(m_copy);
    start->addWidget(m_startText);
    start->addLayout(commandRow);
    start->addStretch(1);

    // Or a server added right here.
    m_add = new Card(m_fix);
    auto* form = new QFormLayout;
    m_add->body()->addLayout(form);
    m_kind = new QComboBox(m_add);
    m_kind->setObjectName(QStringLiteral("newServerKind"));
    m_kind->addItem(QStringLiteral("Ollama"), QStringLiteral("ollama"));
    m_kind->addItem(QString(), QStringLiteral("openai"));
    m_url = new QLineEdit(m_add);
    m_url->setObjectName(QStringLiteral("newServerUrl"));
    m_key = new QLineEdit(m_add);
    m_key->setObjectName(QStringLiteral("newServerKey"));
    m_key->setEchoMode(QLineEdit::Password);
    m_addButton = new QPushButton(m_add);
    m_addButton->setObjectName(QStringLiteral("addServerButton"));
    m_kindLabel = new QLabel(m_add);
    m_urlLabel = new QLabel(m_add);
    m_keyLabel = new QLabel(m_add);
    form->addRow(m_kindLabel, m_kind);
    form->addRow(m_urlLabel, m_url);
    form->addRow(m_keyLabel, m_key);
    m_addButton->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed); // as wide as its words
    form->addRow(m_addButton);
    const auto add = [this] {
        addServer(m_kind->currentData().toString(), m_url->text(), m_key->text());
    };
    connect(m_addButton, &QPushButton::clicked, this, add);
    connect(m_url, &QLineEdit::returnPressed, this, add);
    connect(m_key, &QLineEdit::returnPressed, this, add);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] { retranslate(); });

    m_result = new QLabel(body);
    m_result->setObjectName(QStringLiteral("addServerResult"));
    m_result->setWordWrap(true);
    m_result->setAlignment(Qt::AlignCenter);
    makePlain(m_result); // the words may quote what was typed

    m_fixLayout->addWidget(m_start, 1);
    m_fixLayout->addWidget(m_add, 1);
    m_result->hide();
}

bool WelcomePage::addServer(const QString& kind, const QString& url, const QString& key)
{
    ServerAdder adder(m_app);
    // An empty address is the kind's usual one on this computer, which the field shows.
    const QString address = url.trimmed().isEmpty() ? usualAddress(kind) : url.trimmed();
    const Result<QString> added = adder.add(kind, adder.freeNameFor(kind, address), address, key);
    m_result->setText(added ? *added : added.errorMessage());
    m_result->show();
    if (!added)
        return false;
    m_key->clear();
    Q_EMIT serverAdded();
    return true;
}

void WelcomePage::showNoServer(const QList<Tried>& tried, const QStringList& details)
{
    m_shown = Shown::NoServer;
    m_tried = tried;
    m_details = details;
    retranslate();
}

void WelcomePage::showWelcome(bool noModels)
{
    m_shown = noModels ? Shown::NoModels : Shown::Welcome;
    m_result->hide();
    retranslate();
}

void WelcomePage::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void WelcomePage::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    m_fixLayout->setDirection(width() < kSideBySide ? QBoxLayout::TopToBottom
                                                    : QBoxLayout::LeftToRight);
}

void WelcomePage::retranslate()
{
    m_retry->setText(tr("Retry"));
    // Retry is for a server that does not answer, or has no models yet; not for a welcome.
    m_retry->setVisible(m_shown != Shown::Welcome);
    m_fix->setVisible(m_shown == Shown::NoServer);
    m_download->setVisible(m_shown == Shown::NoModels);
    m_text->setToolTip({});
    m_start->setTitle(tr("Start Ollama on this computer"));
    m_startText->setText(tr("Install it from ollama.com, then run this in a terminal. Lyss "
                            "finds it by itself within a few seconds."));
    m_copy->setText(tr("Copy"));
    m_add->setTitle(tr("Or add a server"));
    m_kind->setItemText(1, tr("OpenAI-compatible"));
    m_kindLabel->setText(tr("Kind"));
    m_urlLabel->setText(tr("Address"));
    m_keyLabel->setText(tr("Key (if it needs one)"));
    m_url->setPlaceholderText(usualAddress(m_kind->currentData().toString()));
    m_url->setAccessibleName(tr("Server address"));
    m_key->setAccessibleName(tr("Server key"));
    m_addButton->setText(tr("Add server"));
    switch (m_shown) {
    case Shown::NoServer: {
        // Two lines: what is wrong, and where Lyss looked.
        m_title->setText(tr("No model server answers"));
        QStringList where;
        for (const Tried& t : m_tried)
            where << tr("%1 at %2").arg(t.name, t.url);
        m_text->setTextFormat(Qt::PlainText); // names and addresses are the servers'
        m_text->setText(where.isEmpty() ? tr("No server is set up yet.")
                                        : tr("Lyss asked %1.").arg(where.join(tr(", "))));
        // What each server said, for the pointer and for screen readers.
        m_text->setToolTip(plainToolTip(m_details.join(QLatin1Char('\n'))));
        m_text->setAccessibleDescription(m_details.join(QLatin1Char('\n')));
        const QString why = ServerAdder(m_app).refusal(); // an admin's to do, maybe
        m_add->setEnabled(why.isEmpty());
        m_add->setToolTip(why);
        break;
    }
    case Shown::NoModels:
        m_title->setText(tr("Lyss"));
        m_text->setTextFormat(Qt::PlainText);
        m_text->setText(tr("The server answers, but has no models yet. Download one here."));
        break;
    case Shown::Welcome:
        m_title->setText(tr("Lyss"));
        m_text->setTextFormat(Qt::PlainText);
        m_text->setText(tr("Ask anything. Your chats stay on this computer."));
        break;
    }
}

} // namespace lyss
