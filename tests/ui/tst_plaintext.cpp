// SPDX-License-Identifier: GPL-3.0-or-later
// Text from servers, models, files and titles is shown as the characters it is,
// wherever Qt would guess rich text: tooltips, labels, message boxes. A version string
// or a title of <img src="/dev/zero"> would otherwise load a file (or exhaust memory).
#include "TestSupport.h"
#include "TestWindow.h"

#include "common/PlainText.h"
#include "store/ChatStore.h"

#include <QLabel>
#include <QListView>
#include <QTextDocumentFragment>

using namespace lyss;

namespace {

const QString kMarkup = QStringLiteral("<img src=\"/dev/zero\"><b>bold</b>");

// What a user would read in `tip`, and that Qt would not load or format anything in it.
void verifyShownAsText(const QString& tip, const QString& expected)
{
    QVERIFY2(!tip.contains(QStringLiteral("<img")), qPrintable(tip));
    QVERIFY2(!tip.contains(QStringLiteral("<b>")), qPrintable(tip));
    QVERIFY2(QTextDocumentFragment::fromHtml(tip).toPlainText().contains(expected),
             qPrintable(QTextDocumentFragment::fromHtml(tip).toPlainText()));
}

} // namespace

class TestPlainText : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeServer> m_hostile;

private Q_SLOTS:
    void initTestCase()
    {
        m_hostile = std::make_unique<test::FakeServer>(QStringList{}, QStringLiteral("hostile.py"));
        QVERIFY(m_hostile->isRunning());
    }

    void helpers()
    {
        verifyShownAsText(plainToolTip(kMarkup + QStringLiteral("\nline & more")), kMarkup);
        QVERIFY(plainToolTip({}).isEmpty());
        QCOMPARE(plainMenuText(QStringLiteral("Salt & Pepper")), QStringLiteral("Salt && Pepper"));
    }

    void serverVersionAndTitlesAreText()
    {
        QString chatId;
        Window w(m_hostile->url(QStringLiteral("/markup")), [&](AppContext& app) {
            Chat c;
            c.title = QStringLiteral("<img src=\"x.png\">") + kMarkup;
            auto created = app.store().chats().createChat(c);
            QVERIFY(created.ok());
            chatId = created->id;
            Message m;
            m.chatId = chatId;
            m.role = Role::Assistant;
            m.content = QStringLiteral("partial");
            m.status = MessageStatus::Error;
            m.error = QStringLiteral("The server said: ") + kMarkup;
            QVERIFY(app.store().messages().addMessage(m).ok());
        });

        // The server status: its tooltip quotes /api/version.
        auto* status = w.window->findChild<QLabel*>(QStringLiteral("backendStatus"));
        QVERIFY(status);
        QVERIFY(QTest::qWaitFor(
            [&] { return status->toolTip().contains(QStringLiteral("dev/zero")); }, 10000));
        verifyShownAsText(status->toolTip(), QStringLiteral("ollama: ") + kMarkup);

        // The chat list: the title's tooltip.
        QListView* list = w.chatList();
        QVERIFY(list);
        QModelIndex item;
        for (int i = 0; i < list->model()->rowCount(); ++i) {
            if (list->model()->index(i, 0).data().toString().contains(QStringLiteral("dev/zero")))
                item = list->model()->index(i, 0);
        }
        QVERIFY(item.isValid());
        verifyShownAsText(item.data(Qt::ToolTipRole).toString(),
                          QStringLiteral("<img src=\"x.png\">") + kMarkup);

        // The message's error, as the view's tooltip.
        w.window->openChat(chatId);
        QVERIFY(QTest::qWaitFor([&] { return w.model()->rowCount() == 1; }, 5000));
        verifyShownAsText(w.model()->index(0).data(Qt::ToolTipRole).toString(), kMarkup);

        // Every label that can show such text shows it as text.
        for (const char* name : {"startupNotices", "editBanner"}) {
            auto* label = w.window->findChild<QLabel*>(QLatin1String(name));
            QVERIFY2(label, name);
            QCOMPARE(label->textFormat(), Qt::PlainText);
        }
    }
};

QTEST_MAIN(TestPlainText)
#include "tst_plaintext.moc"
