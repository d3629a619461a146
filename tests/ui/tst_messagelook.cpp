// SPDX-License-Identifier: GPL-3.0-or-later
// How a message is drawn beyond its text: the hover actions as named icon buttons, code
// blocks in a frame with room around the code, a bar beside each level of a quote,
// headings near the text's size and lists that step in as far as a chat column allows;
// and the composer, with Send beside it as tall as its first line.
#include "TestWindow.h"

#include "app/AppContext.h"
#include "conversation/BlockDecor.h"
#include "conversation/Composer.h"
#include "conversation/DocumentTemplate.h"
#include "conversation/MessageColors.h"
#include "conversation/MessageDelegate.h"
#include "conversation/MessagePainter.h"
#include "conversation/MessageView.h"
#include "markdown/MarkdownRenderer.h"
#include "shell/MainWindow.h"
#include "store/ChatStore.h"
#include "theme/ThemeManager.h"

#include <QAbstractTextDocumentLayout>
#include <QHelpEvent>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextList>
#include <QToolTip>

using namespace lyss;
using Action = MessageDelegate::Action;

class TestMessageLook : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeServer> m_server;

    // A window showing one chat: your question and a reply with `reply` as its text.
    static std::unique_ptr<Window> showing(const QUrl& url, const QString& reply)
    {
        auto w = std::make_unique<Window>(url, [reply](AppContext& app) {
            auto chat = app.store().chats().createChat({.title = QStringLiteral("Look")});
            Message q;
            q.chatId = chat->id;
            q.role = Role::User;
            q.content = QStringLiteral("Show me");
            auto question = app.store().messages().addMessage(q);
            QVERIFY(question.ok());
            Message a;
            a.chatId = chat->id;
            a.parentId = question->id;
            a.role = Role::Assistant;
            a.model = QStringLiteral("llama3.2:latest");
            a.content = reply;
            QVERIFY(app.store().messages().addMessage(a).ok());
        });
        w->window->setTheme(QStringLiteral("light"));
        QTest::mouseMove(w->composer()); // no message is hovered until a test says so
        return w;
    }

    // The rect of `action` in the reply's row, or a null rect.
    static QRect actionRect(Window& w, Action action)
    {
        MessageView* view = w.window->messageView();
        const QModelIndex reply = w.model()->index(w.model()->rowCount() - 1);
        const QRect row = view->visualRect(reply);
        QRect found;
        for (int y = row.top(); y < row.top() + 40; ++y) {
            for (int x = row.left(); x < row.right(); ++x) {
                if (view->messageDelegate()->hitTest(reply, row, QPoint(x, y)).action == action)
                    found = found.united(QRect(x, y, 1, 1));
            }
        }
        return found;
    }

    // How many pixels in `area` of `shot` differ from `background`.
    static int inked(const QImage& shot, const QRect& area, const QColor& background)
    {
        int n = 0;
        for (int y = area.top(); y <= area.bottom(); ++y)
            for (int x = area.left(); x <= area.right(); ++x)
                n += QColor(shot.pixel(x, y)) != background;
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::FakeServer>();
        QVERIFY(m_server->isRunning());
    }

    // Hovering a reply shows Copy, Regenerate and Delete as square icon buttons with no
    // words; each names itself in a tooltip, and the one under the pointer stands out.
    void hoverActionsAreNamedIcons()
    {
        auto w = showing(m_server->url(), QStringLiteral("A short reply."));
        QVERIFY(w->laidOut());
        MessageView* view = w->window->messageView();
        const QModelIndex reply = w->model()->index(1);
        QTest::mouseMove(view->viewport(), view->visualRect(reply).center());
        QTRY_VERIFY(!actionRect(*w, Action::Copy).isNull());
        const QColor background = view->viewport()->palette().color(QPalette::Base);
        const QImage calm = view->viewport()->grab().toImage();
        for (const auto& [action, name] :
             {std::pair{Action::Copy, QStringLiteral("Copy")},
              std::pair{Action::Regenerate, QStringLiteral("Regenerate")},
              std::pair{Action::Delete, QStringLiteral("Delete")}}) {
            const QRect rect = actionRect(*w, action);
            QVERIFY2(!rect.isNull(), qPrintable(name));
            QCOMPARE(rect.width(), rect.height()); // a square button, not a word
            QCOMPARE(rect.width(), MessagePainter::kIconSize + MessagePainter::kButtonMargin);
            QVERIFY2(inked(calm, rect, background) > 10, qPrintable(name)); // its icon is drawn
            QCOMPARE(MessagePainter::actionName(action), name);
            QVERIFY(!QIcon(QStringLiteral(":/icons/%1.svg").arg(MessagePainter::iconName(action)))
                         .isNull());
            // Its name, where the pointer rests.
            QHelpEvent tip(QEvent::ToolTip, rect.center(),
                           view->viewport()->mapToGlobal(rect.center()));
            QApplication::sendEvent(view->viewport(), &tip);
            QTRY_COMPARE(QToolTip::text(), name);
            QToolTip::hideText();
        }
        // Under the pointer, a button is drawn on a soft square: more of it is inked.
        const QRect copy = actionRect(*w, Action::Copy);
        QTest::mouseMove(view->viewport(), copy.center());
        QTRY_COMPARE(view->messageDelegate()->hoveredAction(), Action::Copy);
        const QImage hot = view->viewport()->grab().toImage();
        QVERIFY(inked(hot, copy, background) > inked(calm, copy, background) + 100);
        const QColor square = view->messageDelegate()->colors().border;
        QCOMPARE(QColor(hot.pixel(copy.left() + 3, copy.center().y())), square);
        // Away from the message, no action is shown.
        QTest::mouseMove(view->viewport(), QPoint(2, view->viewport()->height() - 2));
        QTRY_VERIFY(actionRect(*w, Action::Copy).isNull());
    }

    // The hover follows what is under a resting pointer: scrolled away, the toolbar it
    // lit is dark again (no action of another message stays lit).
    void hoverFollowsTheScroll()
    {
        QString longReply;
        for (int i = 0; i < 200; ++i)
            longReply += QStringLiteral("Line %1 of a long reply.\n\n").arg(i);
        auto w = showing(m_server->url(), longReply);
        QVERIFY(w->laidOut());
        MessageView* view = w->window->messageView();
        view->verticalScrollBar()->setValue(0);
        QCoreApplication::processEvents();
        const QRect row = view->visualRect(w->model()->index(1));
        QTest::mouseMove(view->viewport(), QPoint(row.center().x(), row.top() + 20));
        QRect copy;
        QTRY_VERIFY(!(copy = actionRect(*w, Action::Copy)).isNull());
        QTest::mouseMove(view->viewport(), copy.center());
        QTRY_COMPARE(view->messageDelegate()->hoveredAction(), Action::Copy);
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum());
        QTRY_COMPARE(view->messageDelegate()->hoveredAction(), Action::None);
    }

    // Send is as tall as the composer's one line, filled with the theme's primary colour
    // once there is something to send; the line fits without a scroll bar.
    void sendSitsBesideTheComposer()
    {
        Window w(m_server->url());
        w.window->setTheme(QStringLiteral("light"));
        auto* send = w.window->findChild<QPushButton*>(QStringLiteral("sendButton"));
        QVERIFY(send);
        w.type(QStringLiteral("hello"));
        QCoreApplication::processEvents();
        QCOMPARE(send->height(), w.composer()->height());
        // A larger font: the composer grows, and Send with it.
        QFont bigger = w.composer()->font();
        bigger.setPointSizeF(bigger.pointSizeF() * 1.5);
        w.composer()->setFont(bigger);
        QCoreApplication::processEvents();
        QCOMPARE(send->height(), w.composer()->height());
        QVERIFY(!w.composer()->verticalScrollBar()->isVisible());
        QCOMPARE(send->mapTo(w.window.get(), QPoint()).y(),
                 w.composer()->mapTo(w.window.get(), QPoint()).y());
        const QColor primary = w.window->themes()->current().color(QStringLiteral("primary"));
        const QImage shot = send->grab().toImage();
        QCOMPARE(QColor(shot.pixel(shot.width() / 2, 3)).rgb(), primary.rgb());
    }

    // A code block's frame reaches past its code on every side: the code starts
    // kCodeInset in, and the frame begins above its first line.
    void codeSitsInAFrameWithRoom()
    {
        auto w = showing(m_server->url(),
                         QStringLiteral("Before.\n\n```\nXXXXXXXX\nXXXXXXXX\n```\n\nAfter."));
        QVERIFY(w->laidOut());
        MessageView* view = w->window->messageView();
        QCoreApplication::processEvents();
        const QImage shot = view->viewport()->grab().toImage();
        const QRect row = view->visualRect(w->model()->index(1));
        const QColor frame = view->messageDelegate()->colors().codeBackground;
        QRect framed, inkArea;
        for (int y = std::max(0, row.top()); y <= std::min(row.bottom(), shot.height() - 1); ++y) {
            for (int x = 0; x < shot.width(); ++x) {
                if (QColor(shot.pixel(x, y)) == frame)
                    framed = framed.united(QRect(x, y, 1, 1));
            }
        }
        // What is drawn on the frame (its head and its code), its rounded corners aside.
        const int corner = 6;
        for (int y = framed.top(); y <= framed.bottom(); ++y) {
            for (int x = framed.left(); x <= framed.right(); ++x) {
                const bool inCorner = (x < framed.left() + corner || x > framed.right() - corner) &&
                                      (y < framed.top() + corner || y > framed.bottom() - corner);
                if (!inCorner && QColor(shot.pixel(x, y)) != frame)
                    inkArea = inkArea.united(QRect(x, y, 1, 1));
            }
        }
        QVERIFY2(!framed.isNull() && !inkArea.isNull(), "no code frame or no code drawn");
        const QString where = QStringLiteral("frame %1,%2 %3×%4; code %5,%6 %7×%8")
                                  .arg(framed.x())
                                  .arg(framed.y())
                                  .arg(framed.width())
                                  .arg(framed.height())
                                  .arg(inkArea.x())
                                  .arg(inkArea.y())
                                  .arg(inkArea.width())
                                  .arg(inkArea.height());
        QVERIFY2(inkArea.left() - framed.left() >= BlockDecor::kCodeInset - 1, qPrintable(where));
        QVERIFY2(inkArea.top() - framed.top() >= BlockDecor::kCodePadY, qPrintable(where));
        QVERIFY2(framed.bottom() - inkArea.bottom() >= BlockDecor::kCodePadY, qPrintable(where));
    }

    // A reply that starts with a code block: its frame starts under the header's line,
    // never over the author and time.
    void codeAtTheTopStaysUnderTheHeader()
    {
        auto w = showing(m_server->url(), QStringLiteral("```\nXXXXXXXX\n```\n\nAfter."));
        QVERIFY(w->laidOut());
        MessageView* view = w->window->messageView();
        QCoreApplication::processEvents();
        const QImage shot = view->viewport()->grab().toImage();
        const QRect row = view->visualRect(w->model()->index(1));
        const QColor frame = view->messageDelegate()->colors().codeBackground;
        // The body's left edge is the frame's: the author's name is above it, the avatar
        // to its left.
        int bodyLeft = shot.width();
        for (int y = std::max(0, row.top()); y <= std::min(row.bottom(), shot.height() - 1); ++y)
            for (int x = 0; x < shot.width(); ++x)
                if (QColor(shot.pixel(x, y)) == frame)
                    bodyLeft = std::min(bodyLeft, x);
        int frameTop = -1, headerBottom = -1;
        for (int y = std::max(0, row.top()); y <= std::min(row.bottom(), shot.height() - 1); ++y) {
            bool ink = false, framed = false;
            for (int x = bodyLeft; x < bodyLeft + 140; ++x) {
                const QColor c(shot.pixel(x, y));
                framed = framed || c == frame;
                ink = ink || qGray(c.rgb()) < 128; // text, not a frame's soft edge
            }
            if (framed && frameTop < 0)
                frameTop = y;
            if (ink && frameTop < 0)
                headerBottom = y; // the author's line, above any frame
        }
        QVERIFY2(frameTop > 0 && headerBottom > 0,
                 qPrintable(QStringLiteral("%1 %2").arg(frameTop).arg(headerBottom)));
        QVERIFY2(
            frameTop > headerBottom + 3,
            qPrintable(
                QStringLiteral("frame from %1, header to %2").arg(frameTop).arg(headerBottom)));
    }

    // Each level of a quote has a bar beside it, one line long for each of its lines,
    // unbroken between its paragraphs; text out of the quote has none.
    void quotesHaveABarPerLevel()
    {
        auto w = showing(m_server->url(), QStringLiteral("> outer one\n>\n> outer two\n>\n"
                                                         "> > inner\n\nafter the quote"));
        QVERIFY(w->laidOut());
        MessageView* view = w->window->messageView();
        QCoreApplication::processEvents();
        const QImage shot = view->viewport()->grab().toImage();
        const QRect row = view->visualRect(w->model()->index(1));
        const QColor bar = view->messageDelegate()->colors().border;
        // The longest run of bar-coloured pixels down each column of the row.
        QMap<int, int> runs;
        for (int x = 0; x < shot.width(); ++x) {
            int run = 0, best = 0;
            for (int y = std::max(0, row.top()); y <= std::min(row.bottom(), shot.height() - 1);
                 ++y) {
                run = QColor(shot.pixel(x, y)) == bar ? run + 1 : 0;
                best = std::max(best, run);
            }
            if (best >= QFontMetrics(view->font()).height() * 4 / 5)
                runs[x] = best;
        }
        // Two bars, each 3 px wide, a quote's step apart; the outer one the longer.
        const QList<int> xs = runs.keys();
        QVERIFY2(xs.size() == 6, qPrintable(QString::number(xs.size())));
        QCOMPARE(xs[3] - xs[0], BlockDecor::kQuoteIndent);
        QVERIFY(runs[xs[0]] > runs[xs[3]]);
        // The outer bar spans its three paragraphs: more than three lines.
        QVERIFY(runs[xs[0]] > 3 * QFontMetrics(view->font()).height());
    }

    // A rule is drawn in the theme's line colour, as a quote's bar (Qt's own is the
    // palette's Dark, all but invisible on a dark theme).
    void aRuleFollowsTheTheme()
    {
        auto w = showing(m_server->url(), QStringLiteral("above\n\n---\n\nbelow"));
        w->window->setTheme(QStringLiteral("oled-dark"));
        QVERIFY(w->laidOut());
        MessageView* view = w->window->messageView();
        QCoreApplication::processEvents();
        const QImage shot = view->viewport()->grab().toImage();
        const QRect row = view->visualRect(w->model()->index(1));
        const QColor line = view->messageDelegate()->colors().border;
        // Down the row's middle (where no text is), what differs from the background adds
        // up to the line's colour: the line is smoothed over the two pixel rows it falls
        // between.
        const int x = row.center().x();
        const QColor back(shot.pixel(x, row.top() + 1));
        int ink[3] = {0, 0, 0};
        for (int y = row.top() + 1; y <= std::min(row.bottom(), shot.height() - 1); ++y) {
            const QColor c(shot.pixel(x, y));
            ink[0] += c.red() - back.red();
            ink[1] += c.green() - back.green();
            ink[2] += c.blue() - back.blue();
        }
        const int want[3] = {line.red() - back.red(), line.green() - back.green(),
                             line.blue() - back.blue()};
        for (int k = 0; k < 3; ++k)
            QVERIFY2(std::abs(ink[k] - want[k]) <= 3,
                     qPrintable(QStringLiteral("%1 %2 %3 against %4")
                                    .arg(ink[0])
                                    .arg(ink[1])
                                    .arg(ink[2])
                                    .arg(line.name())));
    }

    // A quote's document as the window makes it, `width` wide.
    static std::unique_ptr<QTextDocument> quoteDoc(const QString& markdown, int width = 400)
    {
        const MessageColors colors = MessageColors::fromPalette(QPalette());
        QFont font;
        font.setPointSizeF(10);
        return DocumentTemplate(font, colors.styleSheet())
            .make(MarkdownRenderer::toHtml(markdown), width);
    }

    static QTextBlock blockWith(const QTextDocument& doc, const QString& text)
    {
        for (QTextBlock b = doc.begin(); b.isValid(); b = b.next())
            if (b.text() == text)
                return b;
        return {};
    }

    // The bars at one x as the spans they cover, merged where they touch.
    static QList<QPair<qreal, qreal>> spansAt(const QList<QRectF>& bars, qreal x)
    {
        QList<QPair<qreal, qreal>> spans;
        for (const QRectF& bar : bars) {
            if (std::abs(bar.x() - x) > 0.5)
                continue;
            if (!spans.isEmpty() && bar.top() <= spans.last().second + 0.5)
                spans.last().second = std::max(spans.last().second, bar.bottom());
            else
                spans.append({bar.top(), bar.bottom()});
        }
        return spans;
    }

    // Where the bars are (each 3 px wide, or none counted).
    static QSet<int> xsOf(const QList<QRectF>& bars)
    {
        QSet<int> xs;
        for (const QRectF& bar : bars)
            if (qFuzzyCompare(bar.width(), 3.0))
                xs.insert(qRound(bar.x()));
        return bars.isEmpty() || xs.size() > 0 ? xs : QSet<int>{-1};
    }

    // One bar beside all a quote holds, unbroken: a table, a rule (stepped in with the
    // quote, not at the page's edge), a list and code; nothing beside what follows it.
    void aQuoteBarRunsBesideAllItHolds()
    {
        const auto doc = quoteDoc(QStringLiteral(
            "> para\n>\n> | a | b |\n> |---|---|\n> | 1 | 2 |\n>\n> ---\n>\n> 1. item\n>\n"
            "> ```\n> code\n> ```\n\nafter"));
        const QRectF all(0, 0, 400, doc->size().height());
        const QList<QRectF> bars = BlockDecor::quoteBars(*doc, all);
        QCOMPARE(xsOf(bars), QSet<int>{1});
        const auto spans = spansAt(bars, 1);
        QCOMPARE(spans.size(), 1);
        auto* layout = doc->documentLayout();
        QCOMPARE(spans[0].first, layout->blockBoundingRect(blockWith(*doc, "para")).top());
        QCOMPARE(spans[0].second, layout->blockBoundingRect(blockWith(*doc, "code")).bottom());
        QVERIFY(spans[0].second <= layout->blockBoundingRect(blockWith(*doc, "after")).top());
        bool rule = false;
        for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
            if (b.blockFormat().hasProperty(QTextFormat::BlockTrailingHorizontalRulerWidth)) {
                rule = true;
                QCOMPARE(b.blockFormat().leftMargin(), qreal(BlockDecor::kQuoteIndent));
            }
        }
        QVERIFY(rule);

        // A table that opens a quote starts its bar, and one that opens a quote in a
        // quote the inner one's.
        const auto tableFirst = quoteDoc(QStringLiteral("> | a | b |\n> |---|---|\n> | 1 | 2 |"));
        const QList<QRectF> tableBars = BlockDecor::quoteBars(*tableFirst, all);
        QCOMPARE(xsOf(tableBars), QSet<int>{1});
        QVERIFY(spansAt(tableBars, 1).first().second - spansAt(tableBars, 1).first().first >
                2 * QFontMetrics(QFont()).height());
        const auto inner = quoteDoc(QStringLiteral("> a\n>\n> > | t |\n> > |---|\n> > | 1 |\n"));
        QCOMPARE(xsOf(BlockDecor::quoteBars(*inner, all)),
                 (QSet<int>{1, BlockDecor::kQuoteIndent + 1}));

        // Two quotes one after the other have a bar each, not one across the gap; a quote
        // in a quote goes on with the outer one's bar.
        const auto two = quoteDoc(QStringLiteral("> one\n\n> two\n"));
        QCOMPARE(spansAt(BlockDecor::quoteBars(*two, all), 1).size(), 2);
        const auto nested = quoteDoc(QStringLiteral("> one\n>\n> > two\n>\n> three\n"));
        const QList<QRectF> nestedBars = BlockDecor::quoteBars(*nested, all);
        QCOMPARE(spansAt(nestedBars, 1).size(), 1);
        QCOMPARE(spansAt(nestedBars, BlockDecor::kQuoteIndent + 1).size(), 1);
    }

    // A quote in a list item is as far in as the item's text; a quote in a list item in a
    // quote has its bar there, and the outer quote's bar stays at the edge, wherever the
    // painting starts.
    void aQuoteInAListStepsInWithIt()
    {
        const auto inItem = quoteDoc(QStringLiteral("1. step\n\n   > note\n"));
        const QRectF all(0, 0, 400, 1000);
        QCOMPARE(xsOf(BlockDecor::quoteBars(*inItem, all)), QSet<int>{BlockDecor::kListIndent + 1});

        // A quote in an item whose text is a list steps in with the item, not with its list.
        const auto listInQuote = quoteDoc(QStringLiteral("1. step\n\n   > - note\n"));
        QCOMPARE(xsOf(BlockDecor::quoteBars(*listInQuote, all)),
                 QSet<int>{BlockDecor::kListIndent + 1});

        const auto nested = quoteDoc(QStringLiteral("> - item\n>\n>   > nested\n"));
        const QSet<int> both{1, BlockDecor::kListIndent + BlockDecor::kQuoteIndent + 1};
        QCOMPARE(xsOf(BlockDecor::quoteBars(*nested, all)), both);
        const QRectF at = nested->documentLayout()->blockBoundingRect(blockWith(*nested, "nested"));
        QCOMPARE(xsOf(BlockDecor::quoteBars(*nested, QRectF(0, at.top() + 1, 400, 2))), both);
    }

    // A quote in Arabic or Hebrew steps in from the right, with its bar there; a quote
    // that starts in English keeps its bar on the left, whatever follows in it.
    void aRightToLeftQuoteHasItsBarOnTheRight()
    {
        const auto arabic = quoteDoc(
            QStringLiteral("> مرحبا بالعالم\n>\n> 1. العنصر الأول\n> 2. الثاني\n>\n> > متداخل\n"));
        const QRectF all(0, 0, 400, 1000);
        const QList<QRectF> bars = BlockDecor::quoteBars(*arabic, all);
        QCOMPARE(xsOf(bars), (QSet<int>{400 - 4, 400 - 4 - BlockDecor::kQuoteIndent}));
        QCOMPARE(spansAt(bars, 400 - 4).size(), 1);
        const QTextBlock first = blockWith(*arabic, QStringLiteral("مرحبا بالعالم"));
        QCOMPARE(first.blockFormat().rightMargin(), qreal(BlockDecor::kQuoteIndent));
        QCOMPARE(first.blockFormat().leftMargin(), 0.0);

        const auto english = quoteDoc(QStringLiteral("> hello\n>\n> مرحبا\n"));
        QCOMPARE(xsOf(BlockDecor::quoteBars(*english, all)), QSet<int>{1});
    }

    // Headings stand out by weight and a little size (a first-level heading is about half
    // again the text's size, not twice it); lists step in kListIndent.
    void headingsAndListsInProportion()
    {
        const MessageColors colors = MessageColors::fromPalette(QPalette());
        QFont font;
        font.setPointSizeF(10);
        // As the window makes a message's documents: from a template with the sheet.
        const DocumentTemplate style(font, colors.styleSheet());
        const auto made = style.make(MarkdownRenderer::toHtml(QStringLiteral(
                                         "# One\n\n## Two\n\n### Three\n\ntext\n\n- item\n")),
                                     400);
        const QTextDocument& doc = *made;
        QMap<QString, QFont> fonts;
        QTextBlock item;
        for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
            fonts[b.text()] = b.begin().fragment().charFormat().font();
            if (b.textList())
                item = b;
        }
        const qreal text = fonts[QStringLiteral("text")].pointSizeF();
        const qreal one = fonts[QStringLiteral("One")].pointSizeF() / text;
        const qreal two = fonts[QStringLiteral("Two")].pointSizeF() / text;
        const qreal three = fonts[QStringLiteral("Three")].pointSizeF() / text;
        QVERIFY2(one >= 1.3 && one <= 1.6, qPrintable(QString::number(one)));
        QVERIFY2(two >= 1.1 && two < one, qPrintable(QString::number(two)));
        QVERIFY2(three >= 1.0 && three < two, qPrintable(QString::number(three)));
        QVERIFY(fonts[QStringLiteral("Three")].weight() > fonts[QStringLiteral("text")].weight());
        QVERIFY(item.isValid());
        QCOMPARE(item.textList()->format().indent() * doc.indentWidth(),
                 qreal(BlockDecor::kListIndent));
    }

    // Every document made from one template has its font, no margin, its width and the
    // colours of its sheet (parsed once, carried by each clone), and is a document of
    // its own: filling one leaves the next as the template makes it.
    void documentsFromATemplateFollowItsSheet()
    {
        MessageColors colors = MessageColors::fromPalette(QPalette());
        colors.link = QColor(0x12, 0x34, 0x56);
        colors.codeBackground = QColor(0xab, 0xcd, 0xef);
        QFont font;
        font.setPointSizeF(13);
        const DocumentTemplate style(font, colors.styleSheet());
        const auto first =
            style.make(MarkdownRenderer::toHtml(QStringLiteral("[a link](https://example.org)\n\n"
                                                               "```\ncode\n```\n")),
                       300);
        const auto second = style.make(QStringLiteral("<p>plain</p>"), 250);
        QCOMPARE(first->defaultFont().pointSizeF(), 13.0);
        QVERIFY(qFuzzyIsNull(first->documentMargin()));
        QVERIFY(qFuzzyIsNull(first->rootFrame()->frameFormat().margin()));
        QCOMPARE(first->textWidth(), 300.0);
        QCOMPARE(second->textWidth(), 250.0);
        QCOMPARE(first->indentWidth(), qreal(BlockDecor::kListIndent));
        QColor link, code;
        for (QTextBlock b = first->begin(); b.isValid(); b = b.next()) {
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                if (it.fragment().text() == QLatin1String("a link"))
                    link = it.fragment().charFormat().foreground().color();
            }
            if (b.text() == QLatin1String("code"))
                code = b.blockFormat().background().color();
        }
        QCOMPARE(link, colors.link);
        QCOMPARE(code, colors.codeBackground);
        QCOMPARE(second->toPlainText(), QStringLiteral("plain"));
        QVERIFY(!second->toPlainText().contains(QLatin1String("link")));
        QCOMPARE(second->defaultStyleSheet(), colors.styleSheet());
    }
};

QTEST_MAIN(TestMessageLook)
#include "tst_messagelook.moc"
