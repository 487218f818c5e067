// Internal: the report as one HTML5 document (HtmlSink, a ReportSink back end). Used by writeHtml()
// and, with the charts as PNG files, as pandoc's input for DOCX and ODT (report_pandoc.cpp).
#pragma once

#include "report.h"

#include <QByteArray>
#include <QString>

namespace hicm::report {

struct HtmlOptions {
    // Empty: charts as inline SVG (role="img", labelled by their visible description). Else charts
    // are written as PNG files into this folder and referenced by <img alt> (for pandoc).
    QString imageFolder;
    // For pandoc: the title as a paragraph of class "title" (pandoc takes the document title from
    // <title>), and column widths as <col width>.
    bool forPandoc = false;
    // Row header cells (<th scope="row">, the first column of the partners table and of the features at a
    // glance) written as ordinary cells: pandoc 2.17's OpenDocument writer drops a table body's row header
    // cells altogether (the organisations' and the features' names were missing from the ODT's tables).
    bool rowHeadersAsCells = false;
};

// The whole report as UTF-8 HTML5. `error` is set (and the result empty) when an image could not be written.
QByteArray htmlBytes(const ReportInput &input, const HtmlOptions &options = {}, QString *error = nullptr);

// A chart's description up to its values ("Radar chart of ... (Agreed level, Target)."): the visible
// caption of a chart in Word and OpenDocument, whose whole description is the picture's text alternative.
QString shortCaption(const QString &description);

// "Area: intermediate care self-assessment", the title every format carries.
QString reportTitle(const ReportInput &input);

}  // namespace hicm::report
