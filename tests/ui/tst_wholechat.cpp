// SPDX-License-Identifier: GPL-3.0-or-later
// A long chat as a whole: it opens with its last messages, yet Home (and Ctrl+Home) goes to
// its first message, End back to the latest, Page Up and Page Down scroll it a page (from
// the composer too), and the scroll bar, once taken hold of, covers the whole chat, so a
// drag to the top lands on the first message. Find in this chat marks every occurrence of
// a word, counts them, and steps through them one by one.
#include "TestWindow.h"

#include "conversation/MessageView.h"
#include "store/ChatStore.h"

#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QStyleOptionSlider>
#include <QTest>

using namespace lyss;

class TestWholeChat : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeServer> m_server;
    static constexpr int kMessages = 3000;

    static void longChat(AppContext& app)
    {
        auto chat = app.store().chats().createChat({.title = QStringLiteral("Long chat")});
        QString parent;
        for (int i = 0; i < kMessages; ++i) {
            Message m;
            m.chatId = chat->id;
            m.parentId = parent;
            m.role = i % 2 ? Role::Assistant : Role::User;
            m.content = QStringLiteral("Message number %1, with a line of words.").arg(i);
            parent = app.store().messages().addMessage(m)->id;
        }
    }

    static QString topShown(Window& w)
    {
        MessageView* view = w.window->messageView();
        const QModelIndex top = view->indexAt(QPoint(40, 2));
        return top.isValid() ? w.model()->at(top.row()).content : QString();
    }

    static QString bottomShown(Window& w)
    {
        MessageView* view = w.window->messageView();
        const QModelIndex bottom = view->indexAt(QPoint(40, view->viewport()->height() - 2));
        return bottom.isValid() ? w.model()->at(bottom.row()).content : QString();
    }

    static const QString first() { return QStringLiteral("Message number 0,"); }
    static const QString latest()
    {
        return QStringLiteral("Message number %1,").arg(kMessages - 1);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::FakeServer>();
        QVERIFY(m_server->isRunning());
    }

    void homeAndEndReachTheWholeChat()
    {
        Window w(m_server->url(), longChat);
        QVERIFY(w.laidOut());
        QCOMPARE(w.model()->rowCount(), MessageModel::kWindow);
        MessageView* view = w.window->messageView();
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Home);
        QVERIFY(!w.model()->hasOlder());
        QCOMPARE(w.model()->rowCount(), kMessages);
        QTRY_VERIFY(topShown(w).startsWith(first()));
        QVERIFY(!view->isStuckToBottom());
        QCOMPARE(view->currentIndex().row(), 0); // the keyboard goes on from there
        QTest::keyClick(view, Qt::Key_End);
        QTRY_VERIFY(bottomShown(w).startsWith(latest()));
        QVERIFY(view->isStuckToBottom());
        QCOMPARE(view->currentIndex().row(), kMessages - 1);
        QTest::keyClick(view, Qt::Key_Home, Qt::ControlModifier);
        QTRY_VERIFY(topShown(w).startsWith(first()));
        QTest::keyClick(view, Qt::Key_End, Qt::ControlModifier);
        QTRY_VERIFY(view->isStuckToBottom());
    }

    void pageUpAndDownScrollAPage()
    {
        Window w(m_server->url(), longChat);
        QVERIFY(w.laidOut());
        MessageView* view = w.window->messageView();
        QScrollBar* bar = view->verticalScrollBar();
        QTRY_VERIFY(view->isStuckToBottom());
        const int bottom = bar->value();
        const int page = view->viewport()->height();
        view->setFocus();
        QTest::keyClick(view, Qt::Key_PageUp);
        QVERIFY(bar->value() < bottom - page / 2 && bar->value() > bottom - page);
        QVERIFY(!view->isStuckToBottom());
        QTest::keyClick(view, Qt::Key_PageDown);
        QCOMPARE(bar->value(), bottom);
        // From the composer, where the text fits: the conversation scrolls, the text stays.
        w.type(QStringLiteral("a draft"));
        QTest::keyClick(w.composer(), Qt::Key_PageUp);
        QVERIFY(bar->value() < bottom - page / 2);
        QCOMPARE(w.composer()->toPlainText(), QStringLiteral("a draft"));
        QVERIFY(w.composer()->hasFocus());
        QTest::keyClick(w.composer(), Qt::Key_PageDown);
        QCOMPARE(bar->value(), bottom);
        // Page after page reaches the first message: older ones come in on the way.
        for (int i = 0; i < 100000 && !topShown(w).startsWith(first()); ++i) {
            QTest::keyClick(view, Qt::Key_PageUp);
            QCoreApplication::processEvents();
        }
        QVERIFY(topShown(w).startsWith(first()));
    }

    void theScrollBarCoversTheWholeChat()
    {
        Window w(m_server->url(), longChat);
        QVERIFY(w.laidOut());
        MessageView* view = w.window->messageView();
        QScrollBar* bar = view->verticalScrollBar();
        QTRY_VERIFY(view->isStuckToBottom());
        // The pointer comes onto the scroll bar: the whole chat is loaded, the view stays.
        QEvent enter(QEvent::Enter);
        QCoreApplication::sendEvent(bar, &enter);
        QVERIFY(!w.model()->hasOlder());
        QVERIFY(bottomShown(w).startsWith(latest()));
        QStyleOptionSlider option;
        option.initFrom(bar);
        option.orientation = Qt::Vertical;
        option.minimum = bar->minimum();
        option.maximum = bar->maximum();
        option.sliderPosition = bar->sliderPosition();
        option.sliderValue = bar->value();
        option.singleStep = bar->singleStep();
        option.pageStep = bar->pageStep();
        option.upsideDown = bar->invertedAppearance();
        const QRect handle = bar->style()->subControlRect(QStyle::CC_ScrollBar, &option,
                                                          QStyle::SC_ScrollBarSlider, bar);
        QVERIFY(handle.isValid());
        QTest::mousePress(bar, Qt::LeftButton, {}, handle.center());
        // A small first move is a small scroll, not a jump into the middle of the chat.
        QTest::mouseMove(bar, handle.center() - QPoint(0, 2));
        const int shownAt = w.model()->rowOf(w.model()->at(view->indexAt(QPoint(40, 2)).row()).id);
        QVERIFY2(shownAt > kMessages * 9 / 10, qPrintable(QString::number(shownAt)));
        for (int y = handle.center().y(); y > -40; y -= 20)
            QTest::mouseMove(bar, QPoint(handle.center().x(), y));
        QTest::mouseRelease(bar, Qt::LeftButton, {}, QPoint(handle.center().x(), -40));
        QTRY_VERIFY(topShown(w).startsWith(first()));
    }

    static int pixelsOf(const QImage& shot, const QRect& area, const QColor& colour)
    {
        int n = 0;
        for (int y = std::max(0, area.top()); y <= std::min(shot.height() - 1, area.bottom());
             ++y) {
            for (int x = std::max(0, area.left()); x <= std::min(shot.width() - 1, area.right());
                 ++x)
                n += QColor(shot.pixel(x, y)) == colour;
        }
        return n;
    }

    void findMarksCountsAndStepsThroughEveryOccurrence()
    {
        Window w(m_server->url(), [](AppContext& app) {
            auto chat = app.store().chats().createChat({.title = QStringLiteral("Find")});
            QString parent;
            const QStringList texts{
                QStringLiteral("A needle here, and a **Needle** there."),
                QStringLiteral("No such thing in this one."),
                QStringLiteral("Some code:\n\n```python\nneedle = 1\n```"),
                QStringLiteral("Nothing here either."),
            };
            for (const QString& text : texts) {
                Message m;
                m.chatId = chat->id;
                m.parentId = parent;
                m.role =
                    parent.isEmpty() || texts.indexOf(text) % 2 == 0 ? Role::User : Role::Assistant;
                m.content = text;
                parent = app.store().messages().addMessage(m)->id;
            }
        });
        QVERIFY(w.laidOut());
        MessageView* view = w.window->messageView();
        QTest::keyClick(w.window.get(), Qt::Key_F, Qt::ControlModifier);
        auto* edit = w.window->findChild<QLineEdit*>(QStringLiteral("findEdit"));
        QTest::keyClicks(edit, QStringLiteral("needle"));
        // Three occurrences, in two messages; the newest first: the one in the code. The
        // search starts when typing pauses.
        QTRY_COMPARE(w.window->findStatus(), QStringLiteral("1 of 3"));
        const QColor all(0xff, 0xe0, 0x66), current(0xff, 0x92, 0x2b);
        const QRect first = view->visualRect(w.model()->index(0));
        const QRect code = view->visualRect(w.model()->index(2));
        QImage shot = view->viewport()->grab().toImage();
        QVERIFY(pixelsOf(shot, code, current) > 20);
        QVERIFY(pixelsOf(shot, first, all) > 40); // both of the first message's, marked
        QCOMPARE(pixelsOf(shot, first, current), 0);
        QCOMPARE(pixelsOf(shot, view->visualRect(w.model()->index(1)), all), 0);
        // Enter: the one before, in the first message: its second, then its first.
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(w.window->findStatus(), QStringLiteral("2 of 3"));
        shot = view->viewport()->grab().toImage();
        QCOMPARE(pixelsOf(shot, code, current), 0);
        const int secondLeft = [&] {
            for (int x = first.left(); x <= first.right(); ++x) {
                for (int y = first.top(); y <= first.bottom(); ++y) {
                    if (QColor(shot.pixel(x, y)) == current)
                        return x;
                }
            }
            return -1;
        }();
        QVERIFY(secondLeft > 0);
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(w.window->findStatus(), QStringLiteral("3 of 3"));
        shot = view->viewport()->grab().toImage();
        const int firstLeft = [&] {
            for (int x = first.left(); x <= first.right(); ++x) {
                for (int y = first.top(); y <= first.bottom(); ++y) {
                    if (QColor(shot.pixel(x, y)) == current)
                        return x;
                }
            }
            return -1;
        }();
        QVERIFY2(firstLeft > 0 && firstLeft < secondLeft,
                 qPrintable(QStringLiteral("%1 %2").arg(firstLeft).arg(secondLeft)));
        // Shift+Enter back; round the end to the start.
        QTest::keyClick(edit, Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(w.window->findStatus(), QStringLiteral("2 of 3"));
        QTest::keyClick(edit, Qt::Key_Return);
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(w.window->findStatus(), QStringLiteral("1 of 3"));
        // The code block's language line is not the message's words.
        edit->setText(QStringLiteral("python"));
        QTRY_COMPARE(w.window->findChild<QLabel*>(QStringLiteral("findCount"))->text(),
                     QStringLiteral("no match"));
        QCOMPARE(w.window->findStatus(), QString());
        shot = view->viewport()->grab().toImage();
        QCOMPARE(pixelsOf(shot, view->viewport()->rect(), all), 0);
        // Closed: nothing is marked.
        edit->setText(QStringLiteral("needle"));
        QTest::keyClick(edit, Qt::Key_Escape);
        QVERIFY(!edit->isVisible());
        shot = view->viewport()->grab().toImage();
        QCOMPARE(pixelsOf(shot, view->viewport()->rect(), all), 0);
        QCOMPARE(pixelsOf(shot, view->viewport()->rect(), current), 0);
    }

    // In a message taller than the view, the occurrence's own line is brought into view.
    void findShowsTheOccurrencesLineInALongMessage()
    {
        Window w(m_server->url(), [](AppContext& app) {
            auto chat = app.store().chats().createChat({.title = QStringLiteral("Tall")});
            Message m;
            m.chatId = chat->id;
            m.role = Role::Assistant;
            QStringList paragraphs;
            for (int i = 0; i < 400; ++i)
                paragraphs << (i == 40 ? QStringLiteral("Here is the haystack's pin.")
                                       : QStringLiteral("Paragraph %1 of plain words.").arg(i));
            m.content = paragraphs.join(QStringLiteral("\n\n"));
            QVERIFY(app.store().messages().addMessage(m).ok());
        });
        QVERIFY(w.laidOut());
        MessageView* view = w.window->messageView();
        QTRY_VERIFY(!view->messageDelegate()->layingOut());
        QTest::keyClick(w.window.get(), Qt::Key_F, Qt::ControlModifier);
        auto* edit = w.window->findChild<QLineEdit*>(QStringLiteral("findEdit"));
        QTest::keyClicks(edit, QStringLiteral("pin."));
        QTRY_COMPARE(w.window->findStatus(), QStringLiteral("1 of 1"));
        const QImage shot = view->viewport()->grab().toImage();
        QVERIFY(pixelsOf(shot, view->viewport()->rect(), QColor(0xff, 0x92, 0x2b)) > 20);
    }

    void theScrollBarsTopGoesToTheFirstMessage()
    {
        Window w(m_server->url(), longChat);
        QVERIFY(w.laidOut());
        MessageView* view = w.window->messageView();
        view->verticalScrollBar()->triggerAction(QAbstractSlider::SliderToMinimum);
        QTRY_VERIFY(topShown(w).startsWith(first()));
        QCOMPARE(w.model()->rowCount(), kMessages);
    }
};

QTEST_MAIN(TestWholeChat)
#include "tst_wholechat.moc"
