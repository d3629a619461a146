// SPDX-License-Identifier: GPL-3.0-or-later
// The text of the conversation as a user handles it: links found where they are drawn,
// a code block's Copy link, selecting across messages with the mouse and the keyboard,
// and copying what was selected.
#include "TestSupport.h"
#include "TestWindow.h"

#include "app/AppContext.h"
#include "backends/BackendSet.h"
#include "chat/Conversations.h"
#include "conversation/Composer.h"
#include "conversation/MessageDelegate.h"
#include "conversation/MessageModel.h"
#include "conversation/MessageView.h"
#include "markdown/MarkdownRenderer.h"
#include "settings/SettingsDialog.h"
#include "shell/MainWindow.h"
#include "sidebar/ChatSidebar.h"
#include "store/BackendRepository.h"
#include "store/ChatStore.h"
#include "theme/ThemeManager.h"
#include "util/Translations.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QClipboard>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QToolButton>
#include <QToolTip>
#include <QTranslator>

using namespace lyss;

class TestWindowText : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeServer> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::FakeServer>();
        QVERIFY(m_server->isRunning());
    }

    void linksAreFoundWhereTheyAreDrawn()
    {
        Window w(m_server->url(), [](AppContext& app) {
            auto chat = app.store().chats().createChat({.title = QStringLiteral("Links")});
            Message m;
            m.chatId = chat->id;
            m.role = Role::Assistant;
            m.content = QStringLiteral("Read [the docs](https://example.org/docs) first.");
            QVERIFY(app.store().messages().addMessage(m).ok());
        });
        QVERIFY(w.laidOut());
        MessageView* view = w.window->messageView();
        const QModelIndex index = w.model()->index(0);
        const QRect rect = view->visualRect(index);
        QString found;
        for (int y = rect.top(); y < rect.bottom() && found.isEmpty(); y += 3) {
            for (int x = rect.left(); x < rect.right() && found.isEmpty(); x += 3) {
                const auto hit = view->messageDelegate()->hitTest(index, rect, QPoint(x, y));
                if (hit.action == MessageDelegate::Action::Link)
                    found = hit.link;
            }
        }
        QCOMPARE(found, QStringLiteral("https://example.org/docs"));
    }

    void codeBlocksHaveACopyLink()
    {
        Window w(m_server->url(), [](AppContext& app) {
            auto chat = app.store().chats().createChat({.title = QStringLiteral("Code")});
            Message m;
            m.chatId = chat->id;
            m.role = Role::Assistant;
            m.content = QStringLiteral("Try:\n\n```bash\nls -la /tmp\n```\n");
            QVERIFY(app.store().messages().addMessage(m).ok());
        });
        QVERIFY(w.laidOut());
        MessageView* view = w.window->messageView();
        const QModelIndex index = w.model()->index(0);
        const QRect rect = view->visualRect(index);
        QPoint at;
        for (int y = rect.top(); y < rect.bottom() && at.isNull(); y += 2) {
            for (int x = rect.left(); x < rect.right() && at.isNull(); x += 2) {
                if (view->messageDelegate()->hitTest(index, rect, QPoint(x, y)).link ==
                    QLatin1String("lyss-copy:0"))
                    at = QPoint(x, y);
            }
        }
        QVERIFY(!at.isNull());
        QSignalSpy copied(view, &MessageView::codeCopied);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(copied.size(), 1);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("ls -la /tmp\n"));
        // It says so, where the click was.
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(QToolTip::text(), QStringLiteral("Copied"));
        QToolTip::hideText();
    }

    void textCanBeSelectedAndCopied()
    {
        Window w(m_server->url(), [](AppContext& app) {
            auto chat = app.store().chats().createChat({.title = QStringLiteral("Select")});
            Message m;
            m.chatId = chat->id;
            m.role = Role::Assistant;
            m.content = QStringLiteral("alpha beta gamma");
            QVERIFY(app.store().messages().addMessage(m).ok());
        });
        QVERIFY(w.laidOut());
        MessageView* view = w.window->messageView();
        const QModelIndex index = w.model()->index(0);
        const QRect rect = view->visualRect(index);
        // Find a line of the text where both position 0 and position 10 lie.
        QPoint start;
        QPoint end;
        for (int y = rect.top(); y < rect.bottom() && end.isNull(); y += 2) {
            QPoint zero;
            for (int x = rect.left(); x < rect.right(); ++x) {
                const int at = view->messageDelegate()->positionAt(index, rect, QPoint(x, y));
                if (at == 0 && zero.isNull())
                    zero = QPoint(x, y);
                if (at == 10 && !zero.isNull()) {
                    start = zero;
                    end = QPoint(x, y);
                    break;
                }
            }
        }
        QVERIFY(!start.isNull() && !end.isNull());
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, start);
        QTest::mouseMove(view->viewport(), end);
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, end);
        QCOMPARE(view->messageDelegate()->selectedText(), QStringLiteral("alpha beta"));
        QApplication::clipboard()->clear();
        QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("alpha beta"));
    }

    // Selection goes on from one message into the next; Ctrl+A takes every message;
    // Shift+Up takes one message more at a time, from the last.
    void selectionSpansMessagesAndTheKeyboard()
    {
        Window w(m_server->url(), [](AppContext& app) {
            auto chat = app.store().chats().createChat({.title = QStringLiteral("Span")});
            QString parent;
            const QList<QPair<Role, QString>> texts{
                {Role::User, QStringLiteral("alpha beta gamma")},
                {Role::Assistant, QStringLiteral("delta epsilon")},
                {Role::User, QStringLiteral("zeta")}};
            for (const auto& [role, text] : texts) {
                Message m;
                m.chatId = chat->id;
                m.parentId = parent;
                m.role = role;
                m.content = text;
                parent = app.store().messages().addMessage(m)->id;
            }
        });
        QVERIFY(w.laidOut());
        MessageView* view = w.window->messageView();
        QCOMPARE(w.model()->rowCount(), 3);
        // Where in the view a character position of a message is.
        const auto pointAt = [&](int row, int position) {
            const QModelIndex index = w.model()->index(row);
            const QRect rect = view->visualRect(index);
            for (int y = rect.top(); y < rect.bottom(); y += 2) {
                for (int x = rect.left(); x < rect.right(); ++x) {
                    if (view->messageDelegate()->positionAt(index, rect, QPoint(x, y)) == position)
                        return QPoint(x, y);
                }
            }
            return QPoint();
        };
        const QPoint start = pointAt(0, 6);
        const QPoint end = pointAt(1, 5);
        QVERIFY(!start.isNull() && !end.isNull());
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, start);
        QTest::mouseMove(view->viewport(), end);
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, end);
        QCOMPARE(view->messageDelegate()->selectedText(), QStringLiteral("beta gamma\n\ndelta"));
        // Dragged backwards, the same text.
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, end);
        QTest::mouseMove(view->viewport(), start);
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, start);
        QCOMPARE(view->messageDelegate()->selectedText(), QStringLiteral("beta gamma\n\ndelta"));

        view->setFocus();
        QTest::keyClick(view, Qt::Key_A, Qt::ControlModifier);
        QApplication::clipboard()->clear();
        QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(),
                 QStringLiteral("alpha beta gamma\n\ndelta epsilon\n\nzeta"));

        view->messageDelegate()->clearSelection();
        QTest::keyClick(view, Qt::Key_Up, Qt::ShiftModifier);
        QCOMPARE(view->messageDelegate()->selectedText(), QStringLiteral("zeta"));
        QTest::keyClick(view, Qt::Key_Up, Qt::ShiftModifier);
        QCOMPARE(view->messageDelegate()->selectedText(), QStringLiteral("delta epsilon\n\nzeta"));
        QTest::keyClick(view, Qt::Key_Down, Qt::ShiftModifier);
        QCOMPARE(view->messageDelegate()->selectedText(), QStringLiteral("zeta"));

        // Another chat: the selection is gone with the rows it named.
        w.window->newChat();
        QVERIFY(!view->messageDelegate()->hasSelection());
    }

    // Copy gives what is seen: list numbers and bullets, a table's cells a tab apart and
    // its rows a line each, a code block without its language-and-Copy line, none of
    // QTextDocument's frame marks; and the same as HTML, with the table and the list.
    void copyGivesWhatIsSeen()
    {
        Window w(m_server->url(), [](AppContext& app) {
            auto chat = app.store().chats().createChat({.title = QStringLiteral("Copy")});
            Message m;
            m.chatId = chat->id;
            m.role = Role::Assistant;
            m.content = QStringLiteral("Steps:\n\n1. first\n2. second\n\n"
                                       "- a point\n  - a smaller one\n\n"
                                       "Tasks:\n\n- [x] done\n- [ ] to do\n\n"
                                       "| Name | Size |\n|---|---|\n| a.txt | 3 KB |\n"
                                       "| b.txt | 5 KB |\n\n"
                                       "```python\nprint('hi')\n```\n\nThe end.");
            QVERIFY(app.store().messages().addMessage(m).ok());
        });
        QVERIFY(w.laidOut());
        MessageView* view = w.window->messageView();
        view->setFocus();
        QTest::keyClick(view, Qt::Key_A, Qt::ControlModifier);
        QApplication::clipboard()->clear();
        QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
        const QMimeData* copied = QApplication::clipboard()->mimeData();
        QVERIFY(copied);
        const QString text = copied->text();
        QCOMPARE(text, QStringLiteral("Steps:\n1. first\n2. second\n• a point\n  • a smaller one\n"
                                      "Tasks:\n☑ done\n☐ to do\n"
                                      "Name\tSize\na.txt\t3 KB\nb.txt\t5 KB\n"
                                      "print('hi')\nThe end."));
        QVERIFY(!text.contains(QChar(0xfdd0)) && !text.contains(QChar(0xfdd1)));
        QVERIFY(copied->hasHtml());
        const QString html = copied->html();
        QVERIFY(html.contains(QStringLiteral("<table")));
        QVERIFY(html.contains(QStringLiteral("<ol")));
        QVERIFY(html.contains(QStringLiteral("a.txt")));
        QVERIFY(!html.contains(QStringLiteral("lyss-copy")));
        QVERIFY(!html.contains(QStringLiteral(">Copy<")));
        QVERIFY(!html.contains(QStringLiteral("python")));
        // Part of a numbered list keeps the numbers it shows.
        const QString id = w.model()->at(0).id;
        const int second = view->messageDelegate()->shownText(id).indexOf(QStringLiteral("second"));
        QVERIFY(second > 0);
        view->messageDelegate()->setSelection(0, second, 0, second + 6);
        QCOMPARE(view->messageDelegate()->selectedText(), QStringLiteral("2. second"));
    }
};

QTEST_MAIN(TestWindowText)
#include "tst_windowtext.moc"
