// The longest text a workspace holds (kMaxTextCharacters, src/core/text.h), kept by the app's note editors:
// typing or pasting past it is cut to the limit, and the editor says so in its tooltip.
#pragma once

#include "text.h"

#include <QCoreApplication>
#include <QPlainTextEdit>
#include <QTextCursor>

#include <string>

namespace hicm::gui {

// True when `edit` held more than the limit and was cut to it (its textChanged then fires again).
inline bool cutToTextLimit(QPlainTextEdit *edit)
{
    const QString text = edit->toPlainText();
    if (static_cast<std::size_t>(text.size()) <= kMaxTextCharacters)
        return false;  // UTF-16 units are never fewer than characters
    std::u32string characters = text.toStdU32String();
    if (characters.size() <= kMaxTextCharacters)
        return false;
    characters.resize(kMaxTextCharacters);
    edit->setToolTip(QCoreApplication::translate("TextLimit", "A note holds at most %1 characters; the rest was cut.")
                         .arg(kMaxTextCharacters));
    edit->setPlainText(QString::fromStdU32String(characters));
    edit->moveCursor(QTextCursor::End);
    return true;
}

}  // namespace hicm::gui
