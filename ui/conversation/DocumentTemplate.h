// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QString>
#include <QTextDocument>

#include <memory>

namespace lyss {

// What every document of a message's body is made from: the view's font, the list indent,
// no margin and the colours' style sheet, parsed once. A part is a clone of this empty
// document, which carries the parsed sheet with it, instead of a new document that parses
// the sheet again: that parse was a quarter of the time to make a short message's document.
class DocumentTemplate {
public:
    DocumentTemplate(const QFont& font, const QString& styleSheet);
    DocumentTemplate(const DocumentTemplate&) = delete;
    DocumentTemplate& operator=(const DocumentTemplate&) = delete;

    // A document of `html`, laid out at `textWidth`.
    std::unique_ptr<QTextDocument> make(const QString& html, int textWidth) const;
    bool isFor(const QFont& font, const QString& styleSheet) const;
    const QFont& font() const { return m_font; }

private:
    QFont m_font;
    QString m_styleSheet;
    QTextDocument m_empty;
};

} // namespace lyss
