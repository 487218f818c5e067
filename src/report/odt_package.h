// Internal to the Word and OpenDocument reports (report_pandoc.cpp): what pandoc 2.17 leaves out of the
// ODT, put in afterwards. pandoc writes each chart as a draw:frame with its picture but no text
// alternative; the frame gets the chart's svg:title (what it is) and svg:desc (the description the
// PDF's /Alt and the HTML give), as ODF 1.2 provides for assistive technology.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

namespace hicm::report {

// `zip` with its entry `name` replaced by edit(its contents) (deflated again); every other entry is
// copied byte for byte, in order (an ODT's mimetype stays first and stored). Empty, with `error` set,
// when `zip` is not an archive this can read (zip64, encryption) or has no such entry.
QByteArray rewriteZipEntry(const QByteArray &zip, const QString &name,
                           const std::function<QByteArray(const QByteArray &)> &edit, QString *error);

// content.xml with the n-th draw:frame given <svg:title>titles[n]</svg:title> and
// <svg:desc>descriptions[n]</svg:desc> (escaped for XML), frames beyond the lists left as they are.
QByteArray describeFrames(const QByteArray &contentXml, const QStringList &titles, const QStringList &descriptions);

// The board cover sheet's pages in Word and OpenDocument as they are in the PDF. pandoc puts the title
// first and starts every level-1 heading on a new page, so the cover sheet would follow a page holding
// only the title, and it draws the report's one rule (the HTML's <hr class="page-break"> after the
// cover sheet) as a line. In a DOCX's word/document.xml the cover sheet's heading gets no page break
// before it and the rule becomes a paragraph with a page break; in an ODT's content.xml the same through
// two automatic styles. Without a cover sheet nothing changes.
QByteArray docxCoverPages(const QByteArray &documentXml);
QByteArray odtCoverPages(const QByteArray &contentXml);

// The first sentence of a chart's description, for its title.
QString chartTitleOf(const QString &description);

}  // namespace hicm::report
