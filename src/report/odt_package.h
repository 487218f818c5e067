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

// The first sentence of a chart's description, for its title.
QString chartTitleOf(const QString &description);

}  // namespace hicm::report
