// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversation/DocumentTemplate.h"

#include "conversation/BlockDecor.h"

namespace lyss {

DocumentTemplate::DocumentTemplate(const QFont& font, const QString& styleSheet)
    : m_font(font)
    , m_styleSheet(styleSheet)
{
    m_empty.setDefaultFont(font);
    m_empty.setDocumentMargin(0);
    m_empty.setIndentWidth(BlockDecor::kListIndent);
    m_empty.setDefaultStyleSheet(styleSheet);
}

std::unique_ptr<QTextDocument> DocumentTemplate::make(const QString& html, int textWidth) const
{
    // QTextDocument::clone copies the font, the indent and the style sheet as parsed;
    // setHtml reads the clone's copy.
    // Not the margin: setHtml makes the root frame anew, with the margin the clone was not
    // given (4 px).
    std::unique_ptr<QTextDocument> doc(m_empty.clone());
    doc->setDocumentMargin(0);
    doc->setHtml(html);
    doc->setTextWidth(textWidth);
    doc->size(); // laid out now, while the time is counted, not at the next question
    return doc;
}

bool DocumentTemplate::isFor(const QFont& font, const QString& styleSheet) const
{
    return m_font == font && m_styleSheet == styleSheet;
}

} // namespace lyss
